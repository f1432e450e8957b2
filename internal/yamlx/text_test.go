package yamlx_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// TestNotText: a byte that is not UTF-8 or a control character is where
// yaml.v3's reader stops, and it tells no position ("invalid leading UTF-8
// octet", "control characters are not allowed"), so every file reported it
// at 1:1 however far down it was. Parse reports it at its line and column,
// with the byte or character, as a located error callers pass on as it is.
func TestNotText(t *testing.T) {
	utf16 := func(s string, bom bool) string {
		var b []byte
		if bom {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	tests := []struct {
		name, data string
		code       string // "" when the file is accepted or the error is not one of these
		line, col  int
		what       string
	}{
		{"plain", "a: b\nc: д\n", "", 0, 0, ""},
		{"tab, CR and NEL", "a: \"b\tc\"\r\nd: e\u0085\n", "", 0, 0, ""},
		{"bad byte on line 3", "a: b\nc: d\nee: f\xffg\n", yamlx.CodeNotUTF8, 3, 6, "0xff"},
		{"cut sequence after Cyrillic", "a: дд\xd0\n", yamlx.CodeNotUTF8, 1, 6, "0xd0"},
		{"encoded surrogate", "a: b\nc: \xed\xa0\x80\n", yamlx.CodeNotUTF8, 2, 4, "0xed"},
		{"NUL", "a: b\nc: d\x00\n", yamlx.CodeControl, 2, 5, "U+0000"},
		{"escape", "terms:\n  - x: \"\x1b[31m\"\n", yamlx.CodeControl, 2, 9, "U+001B"},
		{"C1 control", "a: б\u0090\n", yamlx.CodeControl, 1, 5, "U+0090"},
		{"DEL", "a: \x7f\n", yamlx.CodeControl, 1, 4, "U+007F"},
		{"after a UTF-8 BOM", "\xef\xbb\xbfa: b\nc: \x01\n", yamlx.CodeControl, 2, 4, "U+0001"},
		{"UTF-16 with a BOM", utf16("a: b\nc: \x01\n", true), yamlx.CodeControl, 2, 4, "U+0001"},
		{"UTF-16 without a BOM", utf16("a: b\n", false), yamlx.CodeUTF16, 1, 1, ""},
		{"UTF-16, lone surrogate", utf16("a: b\nc: d", true) + "\x00\xd8e\x00", yamlx.CodeNotUTF16, 2, 5, "0xd800"},
		{"UTF-16, odd length", utf16("a: b\n", true) + "c", yamlx.CodeNotUTF16, 2, 1, "0x63"},
		{"UTF-16, a pair", utf16("a: ", true) + "\x3d\xd8\x00\xde", "", 0, 0, ""},
		{"syntax error", "a: [b\n", "", 0, 0, ""},
	}
	for _, tt := range tests {
		_, err := yamlx.Parse("f.yaml", []byte(tt.data))
		var le *yamlx.LimitError
		if tt.code == "" {
			if errors.As(err, &le) {
				t.Errorf("%s: %v, want no located text error", tt.name, err)
			}
			continue
		}
		if !errors.As(err, &le) {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.code)
			continue
		}
		if le.Code != tt.code || le.Line != tt.line || le.Column != tt.col || le.Anchor != tt.what || le.File != "f.yaml" {
			t.Errorf("%s: %+v, want %s %q at %d:%d", tt.name, le, tt.code, tt.what, tt.line, tt.col)
		}
	}
}

// TestReaderError: readers that decode with yaml.v3 themselves (the
// glossary linter reads every document of a file) turn its error into the
// located one; any other error is left to them.
func TestReaderError(t *testing.T) {
	data := []byte("terms:\n  - id: x\n---\nb: \x01\n")
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	var err error
	for err == nil {
		err = dec.Decode(&n)
	}
	var le *yamlx.LimitError
	if !errors.As(yamlx.ReaderError("g.yaml", data, err), &le) || le.Line != 4 || le.Column != 4 {
		t.Errorf("ReaderError(%v) = %v, want a control character at 4:4", err, le)
	}
	if got := yamlx.ReaderError("g.yaml", []byte("a: [b\n"), yaml.Unmarshal([]byte("a: [b\n"), &n)); got != nil {
		t.Errorf("syntax error: %v, want nil", got)
	}
}

// FuzzReaderError: whenever yaml.v3's reader refuses a file, ReaderError
// finds the byte, at a position inside the file; a file yaml.v3 reads is
// never refused by Parse for its bytes.
func FuzzReaderError(f *testing.F) {
	f.Add([]byte("a: b\nc: \xff\n"))
	f.Add([]byte("a: \x01\n"))
	f.Add([]byte("\xff\xfea\x00:\x00 \x00\x01\x00"))
	f.Add([]byte("a\x00:\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		_, perr := yamlx.Parse("f.yaml", data)
		var le *yamlx.LimitError
		text := errors.As(perr, &le) && (le.Code == yamlx.CodeNotUTF8 || le.Code == yamlx.CodeControl || le.Code == yamlx.CodeNotUTF16 || le.Code == yamlx.CodeUTF16)
		if err == nil {
			if text {
				t.Fatalf("yaml.v3 reads it, Parse refuses its bytes: %v", perr)
			}
			return
		}
		if isReaderError(err) && !text {
			t.Fatalf("yaml.v3: %v; Parse: %v, want a located text error", err, perr)
		}
		if text && (le.Line < 1 || le.Column < 1 || le.Line > bytes.Count(data, []byte("\n"))+1) {
			t.Fatalf("position %d:%d is not in the file", le.Line, le.Column)
		}
	})
}

// isReaderError tells yaml.v3's reader errors (readerc.go), which name
// no line.
func isReaderError(err error) bool {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return !strings.HasPrefix(msg, "line ") && !strings.HasPrefix(msg, "found ") &&
		(strings.Contains(msg, "UTF-8") || strings.Contains(msg, "UTF-16") || strings.Contains(msg, "surrogate") ||
			strings.Contains(msg, "Unicode character") || strings.Contains(msg, "control characters"))
}
