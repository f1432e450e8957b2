package check_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// plantedRows are TSV rows (en, ru, kk) with a finding of every check
// but spelling, in cells plain, quoted, quoted with doubled quotes and
// over two lines: texts the findings keep.
var plantedRows = []string{
	"Tokayev met 95 people in Almaty.\tТокаев встретил 59 человек в Алматы.\tТоқаев Алматыге 95 адаммен кездесті.",
	"Tokaev left Alma-Ata on 26 July 2019.\t\"Тоқаев покинул Алма-Ату  26 июля 2019 года.\"\t\"Токаевқа 2019 жылғы 26 шілде \"\"хат\"\" келді .\"",
	"\"The president said \"\"yes\"\" to 14% growth.\"\t\"Президент сказал \"\"да\"\" росту на 14 процентов!\"\tThe president said yes to 14% growth.",
	"Revenue rose by five percent in the second year.\t\"Выручка выросла на пять процентов\nво второй год.\"\tТабыс екінші жылы бес пайызға өсті.",
	"Revenue rose by five percent in the second year.\tВо второй год выручка поднялась на пять процентов.\tТабыс екінші жылы бес пайызға өсті.",
}

// TestSuiteTSVKeepsRowTexts: the streaming check reads every row into
// buffers it reuses for the next; the findings of the first rows, kept
// past thousands of rows read into the same buffers, must be those the
// whole-file check (ReadTSV, strings of their own) gives, text for text,
// and so must consistency's, which keeps a text of every row.
func TestSuiteTSVKeepsRowTexts(t *testing.T) {
	var b strings.Builder
	b.WriteString("en\tru\tkk\n")
	for _, r := range plantedRows {
		b.WriteString(r + "\n")
	}
	for i := range 3000 {
		// Rows as long as the planted ones, of other text, some quoted:
		// every byte of the buffers overwritten many times.
		fmt.Fprintf(&b, "Filler sentence number %d of the file, long enough.\t\"Строка %d, другая; с \"\"кавычками\"\".\"\tЖол %d, басқа мәтін.\n", i, i, i)
	}
	for _, r := range plantedRows {
		b.WriteString(r + "\n")
	}
	data := []byte(b.String())
	c := testChecker(t)
	cfg := check.Config{Checks: []string{"terms", "numbers", "untranslated", "consistency", "typography", "endings"}}
	m, err := check.ReadTSV("f.tsv", data, wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	whole := check.NewSuite(c, "en", wsLangs, cfg)
	want := whole.Memory(0, m)
	want.Findings = append(want.Findings, whole.Consistency()...)
	stream := check.NewSuite(c, "en", wsLangs, cfg)
	got, err := stream.TSV(0, "f.tsv", strings.NewReader(string(data)), wsLangs)
	if err != nil {
		t.Fatal(err)
	}
	got.Findings = append(got.Findings, stream.Consistency()...)
	kinds := map[string]bool{}
	for _, f := range want.Findings {
		if f.Group <= len(plantedRows) {
			kinds[f.Check] = true
		}
	}
	if len(kinds) != len(cfg.Checks) {
		t.Fatalf("the planted rows find %v, want every check of %v", kinds, cfg.Checks)
	}
	if len(got.Findings) != len(want.Findings) {
		t.Fatalf("streamed %d findings, whole %d", len(got.Findings), len(want.Findings))
	}
	for i := range want.Findings {
		g, w := got.Findings[i], want.Findings[i]
		if !reflect.DeepEqual(g, w) || !reflect.DeepEqual(g.TemplateData(), w.TemplateData()) {
			t.Errorf("finding %d (row %d, %s):\nstreamed %+v %v\nwhole    %+v %v", i, w.Group, w.Check, g, g.TemplateData(), w, w.TemplateData())
		}
	}
	if got.Units != want.Units {
		t.Errorf("streamed %d units, whole %d", got.Units, want.Units)
	}
}
