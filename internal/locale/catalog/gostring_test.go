package catalog

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
	"testing/fstest"
)

// FuzzGoString: any message text, written into the generated catalogue,
// is Go source that gofmt takes and that reads back as the same text.
func FuzzGoString(f *testing.F) {
	for _, s := range []string{"", "a", "две\nстроки", "a`b\nc", "a\r\nb", "\t\n", "\ufeff\nx", "\xff\n", "x\x7f\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		src, err := format.Source([]byte("package p\n\nvar x = " + goString(v) + "\n"))
		if err != nil {
			t.Fatalf("goString(%q) = %s: %v", v, goString(v), err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), "", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		lit := file.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].(*ast.BasicLit)
		got, err := strconv.Unquote(lit.Value)
		if err != nil || got != v {
			t.Fatalf("goString(%q) reads back as %q, %v", v, got, err)
		}
	})
}

// FuzzRead: any catalogue file is read or refused without a panic, and
// what is read generates Go source.
func FuzzRead(f *testing.F) {
	f.Add([]byte("a.b: text\nc:\n  other: \"{{.N}} words\"\n  one: \"{{.N}} word\"\n"))
	f.Add([]byte("x: |\n  two\n  lines\n"))
	f.Add([]byte("- a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"area.ru.yaml": {Data: data}}
		if _, err := Read(fsys); err != nil {
			return
		}
		if _, err := Generate(fsys); err != nil {
			t.Fatalf("read but not generated: %v", err)
		}
	})
}
