package check_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/textenc"
)

// TestExportedTSVChecksLikeTheDocument exports an aligned document as TSV
// and checks the TSV: the findings are those of the workspace check, with
// the same texts and byte offsets into the same group texts, and each
// line:column points at the finding's text in the TSV file. Texts with
// double quotes make the export quote cells (doubling the quotes); a text
// starting with "-" gets the spreadsheet-neutralising quote. Before the
// TSV reader and writer shared a dialect, check read the doubled quotes
// as text, so the offsets after a quote were off by one per quote.
func TestExportedTSVChecksLikeTheDocument(t *testing.T) {
	texts := map[string]string{
		"en": "\"Tokayev\" arrived in \"Almaty\".\n\n-Tokayev left.\n",
		"ru": "\"Токаев\" прилетел в \"Алма-Ату\".\n\n-Президент улетел.\n",
		"kk": "\"Тоқаев\" \"Алматыға\" келді.\n\n-Токаев кетті.\n",
	}
	ws := newWorkspace(t, testGlossary, "quoted", texts)
	d, err := document.Open(ws, "quoted")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := d.Texts()
	if err != nil {
		t.Fatal(err)
	}
	a := sentenceAlignment(t, "quoted", []string{"en", "ru", "kk"}, stored)
	c, err := check.Load(ws)
	if err != nil || c == nil {
		t.Fatal(c, err)
	}
	want, err := c.Document(d, a)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, "tsv", d, a, export.Options{Langs: []string{"en", "ru", "kk"}, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	if !bytes.Contains(file, []byte(`"""Токаев""`)) || !bytes.Contains(file, []byte("'-Токаев")) {
		t.Fatalf("the export does not quote or neutralise as this test needs:\n%s", file)
	}
	m, err := check.ReadTSV("quoted.tsv", file, ws.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Memory(m)
	if len(got.Findings) == 0 || len(got.Findings) != len(want.Findings) {
		t.Fatalf("TSV findings %+v\nworkspace findings %+v", got.Findings, want.Findings)
	}
	lines := strings.Split(string(file), "\n")
	for i, g := range got.Findings {
		w := want.Findings[i]
		if g.Group != w.Group || g.Lang != w.Lang || g.Kind != w.Kind || g.EntryID != w.EntryID ||
			g.Text != w.Text || g.Start != w.Start || g.End != w.End || g.Segment != w.Segment {
			t.Errorf("finding %d: TSV %+v\nworkspace %+v", i, g.Finding, w.Finding)
		}
		// The position in the TSV holds the finding's text.
		line := lines[g.Line-1]
		r := []rune(line)
		if g.Column < 1 || g.Column > len(r) || !strings.HasPrefix(string(r[g.Column-1:]), g.Text) {
			t.Errorf("finding %d (%s) at quoted.tsv:%d:%d, where the line is %q", i, g.Text, g.Line, g.Column, line)
		}
		// And the workspace finding's position holds it in the document.
		data, err := os.ReadFile(ws.Path(w.File))
		if err != nil {
			t.Fatal(err)
		}
		off := lineColOffset(t, data, w.Line, w.Column)
		if !bytes.HasPrefix(data[off:], []byte(w.Text)) {
			t.Errorf("workspace finding %d at %s:%d:%d does not hold %q", i, w.File, w.Line, w.Column, w.Text)
		}
	}
}

// lineColOffset finds the byte offset of line:column in data.
func lineColOffset(t *testing.T, data []byte, line, col int) int {
	t.Helper()
	l := textenc.NewLocator(data)
	for off := 0; off <= len(data); off++ {
		if ln, c := l.At(off); ln == line && c == col {
			return off
		}
	}
	t.Fatalf("no %d:%d in the file", line, col)
	return 0
}
