package xmlx

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16LE(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// TestDecoderErrors: every error says what and where, at the start of the
// token that failed.
func TestDecoderErrors(t *testing.T) {
	deep := strings.Repeat("<a>", MaxDepth+1)
	tests := []struct {
		name, in     string
		code         string
		line, column int
	}{
		{"mismatched", "<r>\n  <a>x</b>", CodeSyntax, 2, 7},
		{"unknown entity", "<r>&nbsp;</r>", CodeSyntax, 1, 4},
		{"entity declared in a DTD is not expanded", `<!DOCTYPE r [<!ENTITY e "lol">]><r>&e;</r>`, CodeSyntax, 1, 36},
		{"truncated", "<r><a>", CodeSyntax, 1, 7},
		{"empty", "", CodeNoRoot, 1, 1},
		{"unknown encoding", `<?xml version="1.0" encoding="klingon"?><r/>`, CodeEncoding, 1, 1},
		{"bad utf-8", "<r>\nok\xff</r>", CodeBadUTF8, 2, 3},
		{"too deep", "<r>" + deep, CodeTooDeep, 1, 4 + 3*(MaxDepth-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := readAll([]byte(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if e.Code != tt.code || e.Line != tt.line || e.Column != tt.column {
				t.Errorf("got %s at %d:%d (%v), want %s at %d:%d", e.Code, e.Line, e.Column, e, tt.code, tt.line, tt.column)
			}
		})
	}
}

func readAll(data []byte) error {
	d, err := NewDecoder(data)
	if err != nil {
		return err
	}
	if _, err := d.Root(); err != nil {
		return err
	}
	return d.Skip()
}

// TestDecoderEncodings: every input ends up as one UTF-8 text, and
// offsets count in it.
func TestDecoderEncodings(t *testing.T) {
	for _, in := range [][]byte{
		[]byte("<r a=\"1\">Тоқаев &amp; <b>x</b></r>"),
		append([]byte{0xEF, 0xBB, 0xBF}, "<r a=\"1\">Тоқаев &amp; <b>x</b></r>"...),
		append([]byte{0xFF, 0xFE}, utf16LE(`<?xml version="1.0" encoding="UTF-16"?><r a="1">Тоқаев &amp; <b>x</b></r>`)...),
		utf16LE(`<r a="1">Тоқаев &amp; <b>x</b></r>`),
		[]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><r a=\"1\">\xd2\xee\xea\xe0\xe5\xe2 &amp; <b>x</b></r>"),
	} {
		d, err := NewDecoder(in)
		if err != nil {
			t.Fatal(err)
		}
		root, err := d.Root()
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := AttrValue(root, "a"); v != "1" {
			t.Errorf("attribute %q", v)
		}
		text, start, exact, err := d.Content(func(n xml.Name) bool { return n.Local == "b" })
		if err != nil {
			t.Fatal(err)
		}
		want := "Тоқаев & "
		if strings.HasPrefix(string(d.Bytes()), "<?xml") && strings.Contains(string(d.Bytes()), "1251") {
			want = "Токаев & "
		}
		if text != want || exact || !strings.HasPrefix(string(d.Bytes()[start:]), want[:6]) {
			t.Errorf("content %q at %d exact %v", text, start, exact)
		}
	}
}

func TestContentExact(t *testing.T) {
	for _, tt := range []struct {
		in    string
		exact bool
	}{
		{"<r>plain text</r>", true},
		{"<r>a &amp; b</r>", false},
		{"<r>a<!-- c -->b</r>", false},
		{"<r><![CDATA[x]]></r>", false},
		{"<r>a\r\nb</r>", false},
		{"<r></r>", true},
	} {
		d, _ := NewDecoder([]byte(tt.in))
		d.Root()
		_, _, exact, err := d.Content(nil)
		if err != nil || exact != tt.exact {
			t.Errorf("%q: exact %v, %v", tt.in, exact, err)
		}
	}
}

func FuzzDecoder(f *testing.F) {
	f.Add([]byte(`<tmx><body><tu><tuv xml:lang="en"><seg>a<hi>b</hi>&amp;</seg></tuv></tu></body></tmx>`))
	f.Add(utf16LE("<r>x</r>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readAll(data)
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.Line < 1 || e.Column < 1) {
			t.Fatalf("error without a position: %v", err)
		}
	})
}
