package docformat

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/textenc"
)

// scanTokens returns the tokens the scanner reads from doc, one line
// each, adjacent text merged; or its error. It reads doc as the DOCX
// reader reads a part, through a window of the part's size.
func scanTokens(doc string) ([]string, error) {
	return scanWindowTokens(doc, newXMLScanner(strings.NewReader(doc), int64(len(doc))))
}

// scanWindowTokens returns the tokens s reads from doc.
func scanWindowTokens(doc string, s *xmlScanner) ([]string, error) {
	var out []string
	for {
		err := s.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch s.kind {
		case tokStart:
			line := "S " + string(s.name)
			for _, a := range s.attrs {
				line += fmt.Sprintf(" %s=%q", a.name, a.value)
			}
			out = append(out, line)
		case tokEnd:
			out = append(out, "E "+string(s.name))
		case tokText:
			if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "T ") {
				out[n-1] += string(s.text)
			} else {
				out = append(out, "T "+string(s.text))
			}
		}
	}
}

// stdTokens is the oracle: the same tokens from encoding/xml's RawToken,
// strict, UTF-8 only, no DTD, balanced at the end, as the DOCX reader
// used them before the scanner.
func stdTokens(doc string) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "utf-8" || l == "utf8" {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	qname := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	var out []string
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return nil, errors.New("unexpected EOF")
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return nil, errors.New("too deep")
			}
			line := "S " + qname(t.Name)
			for _, a := range t.Attr {
				line += fmt.Sprintf(" %s=%q", qname(a.Name), a.Value)
			}
			out = append(out, line)
		case xml.EndElement:
			depth--
			out = append(out, "E "+qname(t.Name))
		case xml.CharData:
			if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "T ") {
				out[n-1] += string(t)
			} else {
				out = append(out, "T "+string(t))
			}
		case xml.Directive:
			return nil, errors.New("DTD")
		}
	}
}

// compareScan checks the scanner against encoding/xml on doc: what the
// scanner accepts, encoding/xml accepts with the same tokens; what
// encoding/xml refuses, the scanner refuses. (The scanner may refuse
// more: end tags that do not match, attributes without space between
// them, markup over 1 MB.)
func compareScan(t *testing.T, doc string) {
	t.Helper()
	got, err := scanTokens(doc)
	want, stdErr := stdTokens(doc)
	switch {
	case err == nil && stdErr != nil:
		t.Fatalf("scanner accepts what encoding/xml refuses (%v): %q", stdErr, doc)
	case err == nil && strings.Join(got, "\n") != strings.Join(want, "\n"):
		t.Fatalf("%q:\nscanner:\n%s\nencoding/xml:\n%s", doc, strings.Join(got, "\n"), strings.Join(want, "\n"))
	case err != nil:
		var se *errScan
		if !errors.As(err, &se) {
			t.Fatalf("error %v (%T) is not located", err, err)
		}
	}
}

// hostileXML are parts both parsers must refuse.
var hostileXML = []string{
	`<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>`,
	`<a>&ent;</a>`,
	`<a>&#0;</a>`,
	`<a>&#xD800;</a>`,
	`<a>&#x110000;</a>`,
	`<a>&amp</a>`,
	"<a>\x01</a>",
	"<a>\xff</a>",
	"<a>\uFFFE</a>",
	`<a b=c/>`,
	`<a b="<"/>`,
	`<a b/>`,
	`<a>]]></a>`,
	`<!-- a -- b -->`,
	`<a><b></a>`,
	`<a>`,
	`<a`,
	`</a>`,
	`<a><![CDATA[x</a>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" encoding="windows-1251"?><a/>`,
	`<1a/>`,
	`<a:b:c/>`,
	`<?xml`,
	`<!-- x`,
	`<a></a >x</a>`,
	`<a/ >`,
	`<a b="1"/`,
	`<a>&#x;</a>`,
	`<a>&#X41;</a>`,
	`<a>&lt ;</a>`,
	`<!ELEMENT a ANY><a/>`,
	strings.Repeat("<a>", maxXMLDepth+1) + strings.Repeat("</a>", maxXMLDepth+1),
}

// goodXML are parts both parsers read alike.
var goodXML = []string{
	body(`<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t><w:br/><w:tab/></w:r></w:p>`),
	body(`<w:p><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; &#1179;&#x4E9; &quot;d&apos; </w:t></w:r></w:p>`),
	"<?xml version='1.0' encoding='UTF-8'?>\r\n<a  b = 'x\r\ny'\n c=\"&gt;]]>\" >line\r\nend\rmore<![CDATA[<raw & ]] text>]]><!-- note - here --><?pi data?></a>",
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p></w:tc></w:tr></w:tbl>`,
	"\uFEFF<a>Қазақ тілі ә ғ қ ң ө ұ ү һ і</a>",
	`<a:b xmlns:a="u" a:c="1"><:x/><y:/></a:b>`,
	`<мәтін атау="мән">ішінде</мәтін>`,
	`<a>]</a><b>]]</b><c>]>]</c>`,
	`<a/><b/>text after`,
	`<?xml version="1.0" encoding="utf8"?><a/>`,
}

func TestScanAgainstEncodingXML(t *testing.T) {
	for _, doc := range goodXML {
		if _, err := stdTokens(doc); err != nil {
			t.Fatalf("encoding/xml refuses a good part (%v): %q", err, doc)
		}
		if _, err := scanTokens(doc); err != nil {
			t.Errorf("scanner refuses a good part (%v): %q", err, doc)
		}
		compareScan(t, doc)
	}
	for _, doc := range hostileXML {
		if _, err := scanTokens(doc); err == nil {
			t.Errorf("scanner accepts %q", doc)
		}
		compareScan(t, doc)
	}
}

// TestScanLongText reads text much longer than the scanner's window, with
// references, line ends, "]]" and multi-byte letters at every place a
// piece may be cut, and a tag longer than the window.
func TestScanLongText(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	bits := []string{"a", "ә", "қ", "𝄞", " ", "&amp;", "&#1179;", "&#x4E9;", "\r\n", "\r", "]", "]]", "\t", "&lt;"}
	var b strings.Builder
	b.WriteString(`<a long="` + strings.Repeat("ұ", scanWindow) + `">`)
	for b.Len() < 3*scanWindow {
		b.WriteString(bits[rng.IntN(len(bits))])
		if rng.IntN(5000) == 0 {
			b.WriteString("<b/>")
		}
	}
	b.WriteString("</a>")
	doc := b.String()
	want, err := stdTokens(doc)
	if err != nil {
		t.Fatal(err)
	}
	// The window of a large part, and the least one, of a small part.
	for _, window := range []int{scanWindow, minWindow} {
		got, err := scanWindowTokens(doc, newXMLScannerWindow(strings.NewReader(doc), window))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("the scanner with a window of %d bytes reads the long text otherwise than encoding/xml", window)
		}
	}
}

// TestScanWindow: a part is read through a window of its size (and a
// byte to see the end), no less than minWindow, no more than scanWindow;
// an input of unknown size through the whole window.
func TestScanWindow(t *testing.T) {
	for _, tt := range []struct {
		size int64
		want int
	}{{-1, scanWindow}, {0, minWindow}, {100, minWindow}, {minWindow, minWindow + 1}, {20 << 10, 20<<10 + 1}, {scanWindow - 1, scanWindow}, {scanWindow, scanWindow}, {MaxPart, scanWindow}} {
		if got := len(newXMLScanner(strings.NewReader(""), tt.size).buf); got != tt.want {
			t.Errorf("size %d: window %d, want %d", tt.size, got, tt.want)
		}
	}
}

// TestScanErrorPosition checks the line and column of an error far past
// the first window against the whole input.
func TestScanErrorPosition(t *testing.T) {
	for _, tail := range []string{"", "\n", "ә\nқ"} {
		doc := "<a>" + strings.Repeat("бір жол\n", scanWindow/10) + strings.Repeat("ұзын", scanWindow/4) + tail + "x\x01y</a>"
		for _, window := range []int{scanWindow, minWindow} {
			s := newXMLScannerWindow(strings.NewReader(doc), window)
			var err error
			for err == nil {
				err = s.Next()
			}
			var se *errScan
			if !errors.As(err, &se) {
				t.Fatalf("error %v", err)
			}
			at := strings.Index(doc, "\x01")
			line, col := textenc.Position([]byte(doc), at)
			if se.off != int64(at) || se.line != line || se.col != col {
				t.Errorf("window %d: error at %d %d:%d, want %d %d:%d", window, se.off, se.line, se.col, at, line, col)
			}
		}
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "ә", "abcdefgh", "әғқңөұүһі ascii 𝄞 日本語 mixed текст ok"} {
		for i := 0; i <= len(s); i++ {
			if !utf8.ValidString(s[i:]) {
				continue
			}
			if got, want := runeCount([]byte(s[i:])), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("runeCount(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

// FuzzScanXML is the differential fuzz test of the scanner against
// encoding/xml (see compareScan).
func FuzzScanXML(f *testing.F) {
	for _, doc := range append(append([]string{}, goodXML...), hostileXML...) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		compareScan(t, doc)
	})
}
