package xmlx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		in, text, attr string
	}{
		{"plain", "plain", "plain"},
		{`<script>alert("x")</script>`, `&lt;script&gt;alert("x")&lt;/script&gt;`, `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;`},
		{"a & b ]]> 'c'", "a &amp; b ]]&gt; 'c'", "a &amp; b ]]&gt; &#39;c&#39;"},
		{"tab\tnew\nline\rret", "tab\tnew\nline&#13;ret", "tab&#9;new&#10;line&#13;ret"},
		{"nul\x00bell\x07vt\x0b", "nul\uFFFDbell\uFFFDvt\uFFFD", "nul\uFFFDbell\uFFFDvt\uFFFD"},
		{"bad\xffutf8", "bad\uFFFDutf8", "bad\uFFFDutf8"},
		{"nonchar\uFFFE\uFFFF", "nonchar\uFFFD\uFFFD", "nonchar\uFFFD\uFFFD"},
		{"Қазақ «тілі» ё", "Қазақ «тілі» ё", "Қазақ «тілі» ё"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.text {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := Attr(tt.in); got != tt.attr {
			t.Errorf("Attr(%q) = %q, want %q", tt.in, got, tt.attr)
		}
	}
}

func TestCleanAndInvalid(t *testing.T) {
	tests := []struct {
		in, out string
		n       int
	}{
		{"fine\ttext\n", "fine\ttext\n", 0},
		{"a\x01b\x1fc", "a\uFFFDb\uFFFDc", 2},
		{"\xc3", "\uFFFD", 1},
	}
	for _, tt := range tests {
		out, n := Clean(tt.in)
		if out != tt.out || n != tt.n || Invalid(tt.in) != tt.n {
			t.Errorf("Clean(%q) = %q, %d (Invalid %d); want %q, %d", tt.in, out, n, Invalid(tt.in), tt.out, tt.n)
		}
	}
}

// FuzzEscape checks that whatever a text holds, escaped as content and as
// an attribute it parses back (with encoding/xml) to the cleaned text.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"<a href='x'>&amp;</a>", "]]>", "\x00\r\n\t", "Тоқаев «x»", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := Clean(s)
		doc := `<e a="` + Attr(s) + `">` + Text(s) + `</e>`
		var e struct {
			A    string `xml:"a,attr"`
			Body string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &e); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if e.Body != want || e.A != want {
			t.Fatalf("round trip of %q: text %q, attr %q, want %q", s, e.Body, e.A, want)
		}
	})
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	x := NewWriter(&buf)
	x.Raw("<a")
	x.Attr("t", `"q"`)
	x.Raw(">")
	x.Element("b", "1 < 2")
	x.Text(" & ")
	x.Raw("</a>")
	if err := x.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != `<a t="&quot;q&quot;"><b>1 &lt; 2</b> &amp; </a>` {
		t.Errorf("got %s", got)
	}
	w := NewWriter(failing{})
	w.Raw(strings.Repeat("x", 5000))
	if w.Flush() == nil {
		t.Error("a write error was lost")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func ExampleText() {
	fmt.Println(Text(`<b>Tokayev</b> & "Toqaev" ]]>`))
	// Output: &lt;b&gt;Tokayev&lt;/b&gt; &amp; "Toqaev" ]]&gt;
}
