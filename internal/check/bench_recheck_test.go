package check_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
)

// recheckBenchDoc is a 10,000-group document of the sentences of
// recheckPool (thousands of findings), after the edit of one sentence of
// group 5,000, its alignment, and the check of suite before the edit.
func recheckBenchDoc(b *testing.B, suite func() *check.Suite) (d *document.Document, after *document.Alignment, prev *check.Checked) {
	b.Helper()
	ws := newWorkspace(&testing.T{}, testGlossary, "d", nil)
	rng := rand.New(rand.NewPCG(5, 6))
	groups := make([]*recheckGroup, 10000)
	for i := range groups {
		g := &recheckGroup{sents: map[string][]string{}, confirmed: i%3 == 0, para: i%4 == 0}
		for _, l := range recheckLangs {
			g.sents[l] = []string{recheckPool[l][rng.IntN(len(recheckPool[l]))]}
		}
		groups[i] = g
	}
	t := &testing.T{}
	if _, err := document.Import(ws, "d", "en", []byte("x\n"), "en.txt", document.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	d, err := document.Open(ws, "d")
	if err != nil {
		b.Fatal(err)
	}
	before := recheckDoc(t, d, groups, false)
	if d, err = document.Open(ws, "d"); err != nil {
		b.Fatal(err)
	}
	if prev, err = suite().Recheck(0, d, before, nil); err != nil || prev.Report.Scope != check.ScopeGroup {
		b.Fatal(err)
	}
	groups[4999].sents["ru"] = []string{"Суд выслушал 6 свидетелей 12 мая."}
	after = recheckDoc(t, d, groups, false)
	if d, err = document.Open(ws, "d"); err != nil {
		b.Fatal(err)
	}
	return d, after, prev
}

// BenchmarkRecheck10k is the check of a 10,000-group document after the
// edit of one group, the way serve checks it (the quick checks): full
// checks it all, recheck only the edited group, given the check before.
func BenchmarkRecheck10k(b *testing.B) {
	ch := testChecker(b)
	cfg := check.Config{Checks: []string{"terms", "numbers", "untranslated", "typography", "endings"}}
	langs := []string{"en", "ru", "kk"}
	d, after, prev := recheckBenchDoc(b, func() *check.Suite { return check.NewSuite(ch, "en", langs, cfg) })
	b.Run("full", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			r, err := check.NewSuite(ch, "en", langs, cfg).Document(0, d, after)
			if err != nil || r.Scope != check.ScopeGroup {
				b.Fatal(err, r.Scope)
			}
			b.ReportMetric(float64(len(r.Findings)), "findings")
		}
		b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
	b.Run("recheck", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			c, err := check.NewSuite(ch, "en", langs, cfg).Recheck(0, d, after, prev)
			if err != nil || c.Report.Scope != check.ScopeGroup || c.Rechecked != 1 {
				b.Fatal(err, c.Report.Scope, c.Rechecked)
			}
			b.ReportMetric(float64(len(c.Report.Findings)), "findings")
		}
		b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
}
