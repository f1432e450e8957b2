package sheet_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/sheet"
)

// TestReaderReuseBuffers: with ReuseBuffers the reader reads the rows the
// plain reader reads (cells, offsets, places), texts kept with Keep stay
// what they were after every later row is read into the same buffers, and
// a string that is not the row's is kept as it is.
func TestReaderReuseBuffers(t *testing.T) {
	rows := [][]string{{"en", "ru"}, {`He said "no".`, "two\nlines"}, {"=SUM(A1)", "tab\there"}}
	for i := range 3000 { // past the reader's 64 KiB buffer, several times
		rows = append(rows, []string{fmt.Sprintf("row %d, plain", i), fmt.Sprintf("«%d» \"quoted\"\r\nand more", i)})
		rows = append(rows, []string{fmt.Sprintf("row %d, one line", i), fmt.Sprintf("«%d» \"quoted\", кириллица", i), "ещё"})
	}
	var buf bytes.Buffer
	if err := sheet.NewTSV(&buf, true).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	plain := sheet.NewReader(bytes.NewReader(file), sheet.TSV)
	reuse := sheet.NewReader(bytes.NewReader(file), sheet.TSV)
	reuse.ReuseBuffers()
	other := strings.Repeat("x", 3)
	var kept []string // cells of the first rows, through Keep
	var want []string
	for n := 0; ; n++ {
		p, perr := plain.Read()
		r, rerr := reuse.Read()
		if perr != rerr {
			t.Fatalf("row %d: errors %v and %v", n, perr, rerr)
		}
		if perr == io.EOF {
			break
		}
		if len(p.Cells) != len(r.Cells) || p.Line != r.Line {
			t.Fatalf("row %d: %+v, reused %+v", n, p, r)
		}
		for k, c := range r.Cells {
			if c != p.Cells[k] {
				t.Errorf("row %d cell %d: %+v, reused %+v", n, k, p.Cells[k], c)
			}
			if off := len(c.Text) / 2; reuse.Place(c, off) != plain.Place(p.Cells[k], off) {
				t.Errorf("row %d cell %d: place differs", n, k)
			}
			if n < 3 {
				kept = append(kept, reuse.Keep(c.Text), reuse.Keep(c.Text[1:]))
				want = append(want, p.Cells[k].Text, p.Cells[k].Text[1:])
			}
		}
		// Positions asked for in any order: the ends of the cells, then
		// their starts, against the file's own count.
		for _, end := range []bool{true, false} {
			for k := len(r.Cells) - 1; k >= 0; k-- {
				c := r.Cells[k]
				off := c.Offset
				if end && c.Exact {
					off += len(c.Text)
				}
				before := file[:off]
				wantLine := bytes.Count(before, []byte{'\n'}) + 1
				wantCol := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
				if line, col := reuse.Position(off); line != wantLine || col != wantCol {
					t.Errorf("row %d: offset %d at %d:%d, want %d:%d", n, off, line, col, wantLine, wantCol)
				}
			}
		}
		if reuse.Keep(other) != other || reuse.Keep("") != "" {
			t.Errorf("row %d: Keep changed a string not of the row", n)
		}
	}
	for i := range kept {
		if kept[i] != want[i] {
			t.Errorf("kept text %d = %q after every row, want %q", i, kept[i], want[i])
		}
	}
}

// TestReaderReuseBuffersAllocs: a row read with ReuseBuffers (quoted cells
// and all) allocates nothing once the buffers have grown.
func TestReaderReuseBuffersAllocs(t *testing.T) {
	row := "plain text, 95 words\t\"«quoted» \"\"doubled\"\"\nover two lines\"\tкириллица\n"
	r := sheet.NewReader(&endless{row: row}, sheet.TSV)
	r.ReuseBuffers()
	for range 10 {
		if _, err := r.Read(); err != nil {
			t.Fatal(err)
		}
	}
	if n := testing.AllocsPerRun(1000, func() { r.Read() }); n != 0 {
		t.Errorf("%v allocations a row, want none", n)
	}
}

// endless reads row over and over.
type endless struct {
	row  string
	rest string
}

func (e *endless) Read(p []byte) (int, error) {
	if e.rest == "" {
		e.rest = e.row
	}
	n := copy(p, e.rest)
	e.rest = e.rest[n:]
	return n, nil
}

// TestReaderReusePasted: a TSV pasted together from news copy (cells that
// open with a quotation, one closed in a later row, a line whose quote
// and tab make it two pasted cells) past the reader's buffer several times
// is read the same with and without reused buffers, each row numbered as
// its line.
func TestReaderReusePasted(t *testing.T) {
	var b strings.Builder
	b.WriteString("en\tru\n")
	for i := range 4000 {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "\"Row %d,\" he said.\t«Строка %d», — сказал он.\n", i, i)
		case 1:
			fmt.Fprintf(&b, "\"I yelled %d: 'Shark!\tЯ крикнул %d: «Акула!\n", i, i)
		case 2:
			fmt.Fprintf(&b, "Get out!'\" he said %d.\tВылезайте!» — сказал он %d.\n", i, i)
		case 3:
			fmt.Fprintf(&b, "\"a\tb %d\nc\"\td %d\n", i, i)
		}
	}
	file := []byte(b.String())
	plain := sheet.NewReader(bytes.NewReader(file), sheet.TSV)
	reuse := sheet.NewReader(bytes.NewReader(file), sheet.TSV)
	reuse.ReuseBuffers()
	line := 1
	for n := 0; ; n++ {
		p, perr := plain.Read()
		r, rerr := reuse.Read()
		if perr != rerr {
			t.Fatalf("row %d: errors %v and %v", n, perr, rerr)
		}
		if perr == io.EOF {
			break
		}
		if p.Line != line || r.Line != line || len(p.Cells) != 2 || len(r.Cells) != 2 {
			t.Fatalf("row %d at line %d: %+v, reused %+v", n, line, p, r)
		}
		for k := range p.Cells {
			if p.Cells[k] != r.Cells[k] {
				t.Fatalf("row %d cell %d: %+v, reused %+v", n, k, p.Cells[k], r.Cells[k])
			}
		}
		line++
		if strings.Contains(p.Cells[0].Text, "\n") {
			line++
		}
	}
	if line != 4000+2+1000 {
		t.Errorf("read to line %d", line)
	}
}
