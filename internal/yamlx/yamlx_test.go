package yamlx_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

// TestBombs: the three attacks of the audit are refused, quickly, with
// the position of the node where the limit was passed.
func TestBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		_, err := yamlx.Parse("g.yaml", b.Data)
		var le *yamlx.LimitError
		if !errors.As(err, &le) {
			t.Errorf("%s (%d bytes): err = %v, want a limit error", b.Name, len(b.Data), err)
			continue
		}
		if le.Code != b.Code || le.File != "g.yaml" || le.Line < 2 || le.Column < 1 {
			t.Errorf("%s: %+v, want code %s at a line of the terms", b.Name, le, b.Code)
		}
		if !strings.HasPrefix(le.Error(), fmt.Sprintf("g.yaml:%d:%d: ", le.Line, le.Column)) {
			t.Errorf("%s: message %q is not located", b.Name, le.Error())
		}
	}
}

func TestLimits(t *testing.T) {
	seq := func(n int, item string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(item+", ", n), ", ") + "]"
	}
	nestedMerges := func(n int) string {
		var b strings.Builder
		b.WriteString("a0: &a0 {x: 1}\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "a%d: &a%d {<<: *a%d, y: 2}\n", i, i, i-1)
		}
		return b.String()
	}
	tests := []struct {
		name, data string
		code       string // "" when the file is accepted
		line, col  int
	}{
		{"plain", "terms:\n  - {id: x, en: {term: X}}\n", "", 0, 0},
		{"empty", "", "", 0, 0},
		{"some aliases", "a: &a {x: 1}\nb: *a\nc: {<<: *a, y: 2}\n", "", 0, 0},
		{"alias to a scalar", "a: &a x\nb: " + seq(5000, "*a") + "\n", "", 0, 0},
		{"self alias in a list", "a: &a [1, *a]\n", yamlx.CodeAliasCycle, 1, 11},
		{"self merge", "a: &e {<<: *e}\n", yamlx.CodeAliasCycle, 1, 12},
		{"indirect cycle", "a: &a\n  b:\n    c: [*a]\n", yamlx.CodeAliasCycle, 3, 9},
		{"too many aliases", "a: &a x\nb: " + seq(yamlx.MaxAliases+1, "*a") + "\n", yamlx.CodeTooManyAliases, 2, 5 + 4*yamlx.MaxAliases},
		{"merges nested to the limit", nestedMerges(yamlx.MaxMergeDepth), "", 0, 0},
		{"merges nested too deep", nestedMerges(yamlx.MaxMergeDepth + 1), yamlx.CodeMergeTooDeep, yamlx.MaxMergeDepth + 2, 12},
		{"too deep", strings.Repeat("[", yamlx.MaxDepth) + strings.Repeat("]", yamlx.MaxDepth), yamlx.CodeTooDeep, 1, yamlx.MaxDepth},
		{"deep through an alias", "a: &a " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\nb: " + strings.Repeat("[", 50) + "*a" + strings.Repeat("]", 50), yamlx.CodeTooDeep, 2, 54},
		{"billion laughs", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b " + seq(10, "*a") + "\nc: &c " + seq(10, "*b") + "\nd: &d " + seq(10, "*c") + "\ne: &e " + seq(10, "*d") + "\n", yamlx.CodeExpansion, 5, 0},
	}
	for _, tt := range tests {
		_, err := yamlx.Parse("f.yaml", []byte(tt.data))
		if tt.code == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var le *yamlx.LimitError
		if !errors.As(err, &le) {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.code)
			continue
		}
		if le.Code != tt.code || le.Line != tt.line || (tt.col != 0 && le.Column != tt.col) {
			t.Errorf("%s: %s at %d:%d, want %s at %d:%d", tt.name, le.Code, le.Line, le.Column, tt.code, tt.line, tt.col)
		}
	}
}

func TestTooLarge(t *testing.T) {
	data := make([]byte, yamlx.MaxBytes+1)
	_, err := yamlx.Parse("big.yaml", data)
	var le *yamlx.LimitError
	if !errors.As(err, &le) || le.Code != yamlx.CodeTooLarge {
		t.Fatalf("err = %v, want %s", err, yamlx.CodeTooLarge)
	}
}

func TestDecode(t *testing.T) {
	var v struct{ A int }
	if err := yamlx.Decode("f.yaml", []byte("a: 3\n"), &v, true); err != nil || v.A != 3 {
		t.Fatalf("v = %+v, err = %v", v, err)
	}
	if err := yamlx.Decode("f.yaml", []byte("b: 3\n"), &v, true); err == nil || yamlx.IsLimit(err) {
		t.Errorf("unknown field: err = %v, want yaml.v3's error", err)
	}
	if err := yamlx.Decode("f.yaml", []byte("b: 3\n"), &v, false); err != nil {
		t.Errorf("unknown field, not strict: %v", err)
	}
	if err := yamlx.Decode("f.yaml", []byte("a: &e {<<: *e}\n"), &v, false); !yamlx.IsLimit(err) {
		t.Errorf("self merge: err = %v, want a limit error", err)
	}
	if err := yamlx.Decode("f.yaml", nil, &v, true); err != nil {
		t.Errorf("empty: %v", err)
	}
}

// expand counts the nodes of n with every alias expanded, as a naive
// reader would walk it, giving up past limit.
func expand(n *yaml.Node, limit int, count *int) {
	if *count > limit || n == nil {
		return
	}
	*count++
	if n.Kind == yaml.AliasNode {
		*count--
		expand(n.Alias, limit, count)
		return
	}
	for _, c := range n.Content {
		expand(c, limit, count)
	}
}

func literal(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	k := 1
	for _, c := range n.Content {
		k += literal(c)
	}
	return k
}

// FuzzCheck: the checker never panics, and a tree it accepts is safe to
// walk naively through its aliases: no more nodes than the file holds
// plus MaxExpansion.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("a: &a {x: 1}\nb: {<<: *a}\n"))
	f.Add([]byte("a: &a [1, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := yamlx.Parse("f.yaml", data)
		if err != nil {
			var le *yamlx.LimitError
			if errors.As(err, &le) && (le.Line < 1 || le.Column < 1) {
				t.Fatalf("unlocated: %+v", le)
			}
			return
		}
		limit := literal(root) + yamlx.MaxExpansion
		n := 0
		expand(root, limit, &n)
		if n > limit {
			t.Fatalf("accepted a tree that expands past %d nodes", limit)
		}
	})
}

// TestMessages renders every limit error in the three UI languages: the
// id and its hint exist, and each message starts with the position.
func TestMessages(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{yamlx.CodeTooLarge, yamlx.CodeAliasCycle, yamlx.CodeTooManyAliases,
			yamlx.CodeExpansion, yamlx.CodeMergeTooDeep, yamlx.CodeTooDeep, yamlx.CodeNotUTF8, yamlx.CodeControl, yamlx.CodeNotUTF16, yamlx.CodeUTF16} {
			e := &yamlx.LimitError{File: "glossary/g.yaml", Line: 2, Column: 5, Code: code, Anchor: "e", Limit: 10}
			msg, hint, ok := l.Explain(e)
			if !ok || hint == "" || hint == code+".hint" || strings.Contains(msg+hint, "<no value>") {
				t.Errorf("%s: %s: %q / %q", lang, code, msg, hint)
			}
			if !strings.HasPrefix(msg, "glossary/g.yaml:2:5: ") {
				t.Errorf("%s: %s: %q does not start with the position", lang, code, msg)
			}
		}
	}
}

// A merge left unfinished is refused at its opening marker, not reported
// as yaml.v3's "could not find expected ':'" a line below it, nor read:
// markers inside a block scalar would otherwise be taken as its text.
func TestParseRefusesConflictMarkers(t *testing.T) {
	for _, data := range []string{
		"languages: [en, ru, kk]\n<<<<<<< HEAD\nsource: en\n=======\nsource: ru\n>>>>>>> theirs\n",
		"note: |\n  one\n<<<<<<< HEAD\n  two\n=======\n  three\n>>>>>>> theirs\n",
	} {
		_, err := yamlx.Parse("tilmash.yaml", []byte(data))
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != yamlx.CodeConflict || le.Line != 2 && le.Line != 3 {
			t.Errorf("Parse(%q) = %v, want a %s error at the marker", data, err, yamlx.CodeConflict)
		}
	}
	if _, err := yamlx.Parse("glossary.yaml", []byte("title: |\n  Title\n  =======\n")); err != nil {
		t.Errorf("an underline of = alone is not a conflict: %v", err)
	}
}
