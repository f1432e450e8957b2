package sheet

import (
	"strings"
	"testing"
)

// FuzzReadTable: any table file (a glossary's CSV or TSV, a memory's TSV
// for check, OmegaT's glossary) is read or refused with a position inside
// it, never a panic; every cell read lies in the table's text, and an
// exact cell is the text at its offset.
func FuzzReadTable(f *testing.F) {
	for _, s := range []string{
		"# en\tkk\nprison\tтүрме\n",
		"en,ru\n\"a \"\"b\"\"\",\"c\r\nd\"\n'=1,x\n",
		"\"unterminated\n",
		"a\t\"b\"c\t\x01\n",
		"\xef\xbb\xbfen,kk\n",
		"\xff\xfee\x00n\x00",
		"a,\xc3\n",
	} {
		for d := range 3 {
			f.Add(s, d)
		}
	}
	f.Fuzz(func(t *testing.T, data string, d int) {
		dialect := []Dialect{CSV, TSV, PlainTSV}[(d%3+3)%3]
		tb, err := ReadTable([]byte(data), dialect)
		if err != nil {
			re, ok := err.(*ReadError)
			if !ok {
				t.Fatalf("%T %v: not a ReadError", err, err)
			}
			if re.Line < 1 || re.Column < 1 || re.Offset < 0 || re.Offset > len(data)+2 || re.Code == "" {
				t.Fatalf("error %+v has no place", re)
			}
			return
		}
		for _, r := range tb.Rows {
			if r.Line < 1 {
				t.Fatalf("row %+v has no line", r)
			}
			for _, c := range r.Cells {
				if c.Offset < 0 || c.Offset > len(tb.text) {
					t.Fatalf("cell %+v outside the text (%d bytes)", c, len(tb.text))
				}
				if c.Exact && !strings.HasPrefix(string(tb.text[c.Offset:]), c.Text) {
					t.Fatalf("exact cell %+v is not the text at its offset: %q", c, tb.text[c.Offset:])
				}
				tb.At(c.Offset)
			}
		}
	})
}
