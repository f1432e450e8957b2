package sheet_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/sheet"
)

// TestReadTable: each dialect reads back what its writer wrote, cell
// offsets point at the text in the file, and Place maps an offset into a
// quoted cell's text to the file.
func TestReadTable(t *testing.T) {
	rows := [][]string{
		{"en", "ru"},
		{`He said "no".`, "=SUM(A1)"},
		{"", ""},
		{"two\nlines", "tab\there"},
		{"'=quoted", "plain"},
	}
	var buf bytes.Buffer
	if err := sheet.NewTSV(&buf, true).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	tab, err := sheet.ReadTable(file, sheet.TSV)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{rows[0], rows[1], rows[3], rows[4]} // the blank row is left out
	if len(tab.Rows) != len(want) {
		t.Fatalf("%d rows: %+v", len(tab.Rows), tab.Rows)
	}
	for i, r := range tab.Rows {
		for k, c := range r.Cells {
			if c.Text != want[i][k] {
				t.Errorf("row %d cell %d = %q, want %q", i, k, c.Text, want[i][k])
			}
			// Every character of the text is where Place says.
			for off := 0; off < len(c.Text); off++ {
				p := tab.Place(c, off)
				if file[p] != c.Text[off] {
					t.Fatalf("row %d cell %d: byte %d of %q is %q in the file", i, k, off, c.Text, file[p])
				}
			}
		}
	}
	if r := tab.Rows[1]; r.Line != 2 || r.Cells[0].Exact || !r.Cells[1].Exact {
		t.Errorf("row 2: line %d exact %v %v", r.Line, r.Cells[0].Exact, r.Cells[1].Exact)
	}
	if line, col := tab.At(tab.Rows[3].Cells[0].Offset); line != 6 || col != 2 {
		t.Errorf("'=quoted cell at %d:%d, want 6:2 (past the quote tilmash adds)", line, col)
	}

	plain, err := sheet.ReadTable([]byte("# en\tru\r\n\"a\"\t'-b\n\n"), sheet.PlainTSV)
	if err != nil || len(plain.Rows) != 2 || plain.Rows[1].Cells[0].Text != `"a"` || plain.Rows[1].Cells[1].Text != "-b" || plain.Rows[1].Line != 2 {
		t.Errorf("plain TSV: %+v, %v", plain, err)
	}
}

// TestReadTableBareQuotes: a double quote inside a cell that does not
// start with one is a character of its text, as spreadsheets and
// encoding/csv's LazyQuotes read it (a TSV written by paste or copied from
// a spreadsheet holds such cells); a cell that starts with a quote is
// still quoted, its doubled quotes one.
func TestReadTableBareQuotes(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		d        sheet.Dialect
		want     [][]string
	}{
		{"tsv", "en\tru\nHe said \"yes\".\tОн сказал \"да\".\n", sheet.TSV,
			[][]string{{"en", "ru"}, {`He said "yes".`, `Он сказал "да".`}}},
		{"tsv inch, crlf", "en\tru\r\na 5\" screen\t\"quoted \"\"x\"\"\"\r\n", sheet.TSV,
			[][]string{{"en", "ru"}, {`a 5" screen`, `quoted "x"`}}},
		{"tsv quote last", "en\tru\nx\ty\"\n", sheet.TSV,
			[][]string{{"en", "ru"}, {"x", `y"`}}},
		{"csv", "a,b\nc,d\"e\"\n", sheet.CSV,
			[][]string{{"a", "b"}, {"c", `d"e"`}}},
		// A cell that opens with a quotation, as paste writes news copy:
		// its line shows the quote does not quote the cell.
		{"text after the closing quote", "en\tru\n\"Historically, a bar,\" Mr. Adams said.\t«Бар», — сказал он.\n", sheet.TSV,
			[][]string{{"en", "ru"}, {`"Historically, a bar," Mr. Adams said.`, "«Бар», — сказал он."}}},
		{"quotation closed in a later row", "en\tru\n\"I yelled: 'Shark!\tЯ крикнул: «Акула!\nGet out!'\" he said.\tВылезайте!» — сказал он.\n", sheet.TSV,
			[][]string{{"en", "ru"}, {`"I yelled: 'Shark!`, "Я крикнул: «Акула!"}, {`Get out!'" he said.`, "Вылезайте!» — сказал он."}}},
		{"csv", "a,b\nc,\"d\"e\n", sheet.CSV,
			[][]string{{"a", "b"}, {"c", `"d"e`}}},
		{"quoted over lines", "en\tru\n\"two\nlines\"\t\"a \"\"b\"\"\tc\"\n", sheet.TSV,
			[][]string{{"en", "ru"}, {"two\nlines", `a "b"` + "\tc"}}},
		// A quoted text with a tab and a line break, as tilmash's own
		// export writes it: its line has fewer tabs than the row has
		// cells left. (With as many, it reads as a pasted line.)
		{"quoted tab and line break", "en\tru\tkk\n\"a\tb\nc\"\td\te\nx\ty\tz\n", sheet.TSV,
			[][]string{{"en", "ru", "kk"}, {"a\tb\nc", "d", "e"}, {"x", "y", "z"}}},
		// The last cell opens a quotation closed in a later row, or
		// one that a later row closes as a cell; three columns, as
		// news copy pasted from en, ru and kk.
		{"last cell", "en\tru\tkk\nA\tБ\t\"Ә\nB\tВ\tҒ\n\"C\tД\t\"Қ\nE\tЖ\t\"Ө\nҰ\"\n", sheet.TSV,
			[][]string{{"en", "ru", "kk"}, {"A", "Б", `"Ә`}, {"B", "В", "Ғ"}, {`"C`, "Д", `"Қ`}, {"E", "Ж", "Ө\nҰ"}}},
	} {
		tab, err := sheet.ReadTable([]byte(tt.in), tt.d)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got [][]string
		for _, r := range tab.Rows {
			var row []string
			for _, c := range r.Cells {
				row = append(row, c.Text)
				for off := 0; off < len(c.Text); off++ {
					if p := tab.Place(c, off); tt.in[p] != c.Text[off] {
						t.Errorf("%s: byte %d of %q is %q in the file", tt.name, off, c.Text, tt.in[p])
					}
				}
			}
			got = append(got, row)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadTableErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in  string
		d         sheet.Dialect
		line, col int
		code      string
	}{
		{"unclosed quote", "en\tru\n\"A\nB\tб\n", sheet.TSV, 3, 4, "malformed"},
		{"text after a quote closed on a later line", "en\tru\n\"a\nb\" c\tб\n", sheet.TSV, 3, 3, "malformed"},
		{"bad utf-8", "en\tru\nok\t\xff\n", sheet.PlainTSV, 2, 4, "bad-utf8"},
	} {
		_, err := sheet.ReadTable([]byte(tt.in), tt.d)
		var re *sheet.ReadError
		if !errors.As(err, &re) || re.Line != tt.line || re.Column != tt.col || re.Code != tt.code {
			t.Errorf("%s: %v, want %s at %d:%d", tt.name, err, tt.code, tt.line, tt.col)
		}
	}
}

// TestReadTableControls: a control character other than tab, LF and CR
// (a NUL) is refused at its place, in every dialect and inside a quoted
// cell over lines, with the offset of the byte.
func TestReadTableControls(t *testing.T) {
	for _, tt := range []struct {
		name, in  string
		d         sheet.Dialect
		line, col int
		off       int
		value     string
	}{
		{"tsv", "en\tru\nAl\x00maty\tАлматы\n", sheet.TSV, 2, 3, 8, "U+0000"},
		{"quoted over lines", "en\tru\n\"a\nb\x0bc\"\tб\n", sheet.TSV, 3, 2, 10, "U+000B"},
		{"plain tsv", "# en\tru\nx\ty\x01\n", sheet.PlainTSV, 2, 4, 11, "U+0001"},
		{"csv", "a,b\nc,\x1fd\n", sheet.CSV, 2, 3, 6, "U+001F"},
	} {
		_, err := sheet.ReadTable([]byte(tt.in), tt.d)
		var re *sheet.ReadError
		if !errors.As(err, &re) || re.Code != "control" || re.Line != tt.line || re.Column != tt.col || re.Offset != tt.off || re.Value != tt.value {
			t.Errorf("%s: %+v, want control %s at %d:%d (byte %d)", tt.name, err, tt.value, tt.line, tt.col, tt.off)
		}
	}
	// Streamed, with the buffers reused (the fast path of a line in the
	// buffer).
	rd := sheet.NewReader(strings.NewReader("en\tru\nok\tда\nA\tБ\x00\n"), sheet.TSV)
	rd.ReuseBuffers()
	var err error
	for err == nil {
		_, err = rd.Read()
	}
	var re *sheet.ReadError
	if !errors.As(err, &re) || re.Code != "control" || re.Line != 3 || re.Column != 4 {
		t.Errorf("stream: %v", err)
	}
}

// TestControlAt: the eight-bytes-at-a-time search finds what a plain loop
// finds, on random texts of letters, tabs, newlines and controls.
func TestControlAt(t *testing.T) {
	alphabet := []byte("ab\t\n\r \x00\x01\x0b\x1f\x20\x7f\xd0\x90")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(4) > 0 {
				b[i] = 'x'
			}
		}
		want := -1
		for i, c := range b {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				want = i
				break
			}
		}
		if got := sheet.ControlAt(b); got != want {
			t.Fatalf("ControlAt(%q) = %d, want %d", b, got, want)
		}
	}
}
