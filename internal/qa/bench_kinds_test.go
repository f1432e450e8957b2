package qa

import (
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary"
)

// BenchmarkKinds runs each check alone over ntrex-dev's EN–RU and EN–KK
// rows (bytes as BenchmarkCheckPair counts them): which check costs what.
func BenchmarkKinds(b *testing.B) {
	rows := loadNTREX(b)
	g, _, _ := glossary.Load(filepath.Join("..", "..", "glossary"), []string{"en", "ru", "kk"})
	var size int64
	for _, r := range rows {
		size += int64(2*len(r.en) + len(r.targets["ru"]) + len(r.targets["kk"]))
	}
	for _, k := range []Kind{Numbers, Links, Untranslated, Typography, Endings, Consistency} {
		c := NewChecker(Options{Checks: []Kind{k}, Glossary: g})
		b.Run(string(k), func(b *testing.B) {
			b.SetBytes(size)
			cpu0 := cpuTime()
			n := 0
			for b.Loop() {
				n++
				var x ConsistencyIndex
				for _, r := range rows {
					src := NewSource("en", r.en)
					for _, lang := range []string{"ru", "kk"} {
						if k == Consistency {
							x.Add("p", "en", r.en, lang, r.targets[lang])
						} else {
							c.CheckSource(src, lang, r.targets[lang])
						}
					}
				}
				x.Findings()
			}
			b.ReportMetric(float64(size)*float64(n)/(cpuTime()-cpu0).Seconds()/1e6, "cpu-MB/s")
		})
	}
}
