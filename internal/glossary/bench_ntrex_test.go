package glossary

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// BenchmarkCheckGroupNTREX checks the rows of ../shared/corpora/ntrex-dev
// (real EN–RU–KK news, one group a row) with the house glossary and with
// the synthetic 10,000-entry one: the glossary check's hot path as
// `tilmash check --checks terms` runs it, without reading a file.
func BenchmarkCheckGroupNTREX(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex-dev")
	rows := map[string][]string{}
	for _, l := range workspaceLangs {
		data, err := os.ReadFile(filepath.Join(dir, l+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		rows[l] = strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	house, _, err := Load(filepath.Join("..", "..", "glossary"), workspaceLangs)
	if err != nil {
		b.Fatal(err)
	}
	synthG, _ := synth(b)
	var size int
	for i := range rows["en"] {
		size += len(rows["en"][i]) + len(rows["ru"][i]) + len(rows["kk"][i])
	}
	for _, c := range []struct {
		name string
		g    *Glossary
	}{{"house", house}, {"synthetic-10k", synthG}} {
		m := Compile(c.g)
		runtime.GC() // the compiler's garbage is not the check's
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			texts := map[string]string{}
			start := cpuTime()
			for b.Loop() {
				for i := range rows["en"] {
					for _, l := range workspaceLangs {
						texts[l] = rows[l][i]
					}
					m.CheckGroup("en", texts)
				}
			}
			reportCPU(b, start, int64(size))
		})
	}
}

// BenchmarkScanNTREX runs the matcher's scan (tokenIDs and the trie walk,
// what CheckGroup does for each text) over the ntrex-dev rows of one
// language with the house glossary: the hot loop alone, per language.
func BenchmarkScanNTREX(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex-dev")
	house, _, err := Load(filepath.Join("..", "..", "glossary"), workspaceLangs)
	if err != nil {
		b.Fatal(err)
	}
	m := Compile(house)
	for _, l := range workspaceLangs {
		data, err := os.ReadFile(filepath.Join(dir, l+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		rows := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		b.Run(l, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var out []Match
			start := cpuTime()
			for b.Loop() {
				for _, r := range rows {
					out, _, _ = m.scan(l, r, true, out[:0])
				}
			}
			reportCPU(b, start, int64(len(data)))
		})
	}
}
