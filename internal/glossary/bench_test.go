package glossary

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time the process has used, all threads
// together. Benchmarks report it beside wall time because the machine they
// run on is shared: CPU time per op does not grow when other processes
// take the cores, wall time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds cpu-ms/op and, when bytes > 0, MB/cpu-s: throughput per
// core whatever else runs on the machine.
func reportCPU(b *testing.B, start time.Duration, bytes int64) {
	used := cpuTime() - start
	if used <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(used.Milliseconds())/float64(b.N), "cpu-ms/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/used.Seconds()/1e6, "MB/cpu-s")
	}
}

// A synthetic glossary of 10,000 entries in EN, RU and KK, each with a
// term, a variant and a forbidden form, and segments of news-like length
// in which about one word in eight belongs to a name, inflected.

var (
	synthOnce sync.Once
	synthG    *Glossary
	synthSegs map[string][]string
)

var (
	latSyl = strings.Fields("ka ra sa tan bek nur zhan ai gul mar den tol kuz ber ash ul ten gis bo li me ny ro shu ta ve zu ki lo da")
	cyrSyl = strings.Fields("ка ра са тан бек нур жан ай гуль мар ден тол куз бер аш ул тень гиз бо ли ме ны ро шу та ве зу ки ло да")
	kkSyl  = strings.Fields("қа ра са тан бек нұр жан ай гүл мар ден тол күз бер аш ұл тең ғыз бо лі ме ны ро шу та ве зу кі ло да")
	// Filler words, as frequent in real text as names are rare.
	fillEn = strings.Fields("the of and to in a said on for that was with by is at from as has it be were an which after his their this new government will have been its would year also more people")
	fillRu = strings.Fields("в и на по что с не о для как из от это было к за также года который после его их был будет министр сообщил страны заявил более время")
	fillKk = strings.Fields("және бұл мен үшін деп бойынша жылы ол бар еді болды сияқты туралы кейін оның олар жаңа ел деді министр хабарлады жыл тағы көп уақыт")
)

// synthName makes a name of that many words, each of three or four
// syllables, unique within used, so entries do not share forms by chance.
func synthName(r *rand.Rand, syl []string, words int, used map[string]bool) string {
	for {
		s := synthWords(r, syl, words)
		if !used[s] {
			used[s] = true
			return s
		}
	}
}

func synthWords(r *rand.Rand, syl []string, words int) string {
	parts := make([]string, words)
	for i := range parts {
		n := 3 + r.IntN(2)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		s := []rune(b.String())
		parts[i] = strings.ToUpper(string(s[0])) + string(s[1:])
	}
	return strings.Join(parts, " ")
}

func synthGlossary(n int, seed uint64) *Glossary {
	r := rand.New(rand.NewPCG(seed, 1))
	entries := make([]*Entry, n)
	kinds := []Kind{Person, Place, Organization, Institution, Other}
	used := map[string]bool{}
	for i := range entries {
		w := 1 + r.IntN(3)
		k := kinds[i%len(kinds)]
		mk := func(syl []string, suffix string) *Form {
			term := synthName(r, syl, w, used) + suffix
			return &Form{
				Term:      term,
				Variants:  []string{synthName(r, syl, 1, used) + suffix},
				Forbidden: []string{synthName(r, syl, 1, used)},
			}
		}
		ruSuf, kkSuf := "", ""
		if k == Person {
			ruSuf, kkSuf = "ов", "ов"
		}
		entries[i] = &Entry{ID: fmt.Sprintf("e%05d", i), Kind: k, Langs: map[string]*Form{
			"en": mk(latSyl, ""), "ru": mk(cyrSyl, ruSuf), "kk": mk(kkSyl, kkSuf),
		}}
	}
	return New(workspaceLangs, entries...)
}

func synthSegments(g *Glossary, lang string, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 2))
	fill := map[string][]string{"en": fillEn, "ru": fillRu, "kk": fillKk}[lang]
	endings := map[string][]string{"en": {"", "'s"}, "ru": {"", "а", "у", "ом", "е"}, "kk": {"", "тың", "ға", "да", "дан", "мен", "дағы", "ның"}}[lang]
	segs := make([]string, n)
	for i := range segs {
		var b strings.Builder
		words := 12 + r.IntN(14)
		for j := 0; j < words; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(8) == 0 {
				e := g.Entries[r.IntN(len(g.Entries))]
				b.WriteString(e.Langs[lang].Term)
				b.WriteString(endings[r.IntN(len(endings))])
				continue
			}
			b.WriteString(fill[r.IntN(len(fill))])
		}
		b.WriteByte('.')
		segs[i] = b.String()
	}
	return segs
}

func synth(b *testing.B) (*Glossary, map[string][]string) {
	synthOnce.Do(func() {
		synthG = synthGlossary(10000, 42)
		synthSegs = map[string][]string{}
		for i, lang := range workspaceLangs {
			synthSegs[lang] = synthSegments(synthG, lang, 1000, uint64(i))
		}
	})
	return synthG, synthSegs
}

// BenchmarkCompile10k compiles the 10,000-entry glossary (every language).
// Target: under 1 s per op.
func BenchmarkCompile10k(b *testing.B) {
	g, _ := synth(b)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		Compile(g)
	}
	reportCPU(b, start, 0)
	m := Compile(g)
	var nodes int
	for _, l := range workspaceLangs {
		n, _ := m.Size(l)
		nodes += n
	}
	b.ReportMetric(float64(nodes), "trie-nodes")
}

// BenchmarkFind runs Find over 1,000 segments per op with the 10,000-entry
// glossary; MB/s is text per second on one goroutine. Target: 30 MB/s.
// -benchtime=1000x makes it 1,000,000 segments.
func BenchmarkFind(b *testing.B) {
	g, segs := synth(b)
	m := Compile(g)
	for _, lang := range workspaceLangs {
		b.Run(lang, func(b *testing.B) {
			var size, found int
			for _, s := range segs[lang] {
				size += len(s)
				found += len(m.Find(lang, s))
			}
			if found < len(segs[lang]) {
				b.Fatalf("only %d matches in %d segments: the benchmark text has lost its names", found, len(segs[lang]))
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				for _, s := range segs[lang] {
					m.Find(lang, s)
				}
			}
			reportCPU(b, start, int64(size))
		})
	}
}

// BenchmarkCheckGroup checks 1,000 aligned EN–RU–KK groups per op.
func BenchmarkCheckGroup(b *testing.B) {
	g, segs := synth(b)
	m := Compile(g)
	var size int
	for i := range segs["en"] {
		size += len(segs["en"][i]) + len(segs["ru"][i]) + len(segs["kk"][i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for i := range segs["en"] {
			m.CheckGroup("en", map[string]string{"en": segs["en"][i], "ru": segs["ru"][i], "kk": segs["kk"][i]})
		}
	}
	reportCPU(b, start, int64(size))
}

// BenchmarkOpenCompiled10k opens the compiled 10,000-entry glossary from
// a file, as a command does on a cache hit: map it, check its sum and its
// tables, decode the entries. Target: 50 ms of CPU and 60 MB per op.
// heap-MB is what the opened glossary and matcher keep on the heap; the
// file (file-MB) is mapped, so the page cache holds it.
func BenchmarkOpenCompiled10k(b *testing.B) { benchOpenCompiled(b, OpenCompiledFile) }

// BenchmarkOpenCompiledLazy10k is BenchmarkOpenCompiled10k opening the
// file as status's quick checks do: the entries are not decoded
// (OpenCompiledFileLazy).
func BenchmarkOpenCompiledLazy10k(b *testing.B) { benchOpenCompiled(b, OpenCompiledFileLazy) }

func benchOpenCompiled(b *testing.B, openFile func(*os.File, [32]byte) (*Matcher, [][]byte, error)) {
	g, segs := synth(b)
	key := [32]byte{1}
	data := Compile(g).AppendCompiled(nil, key)
	path := filepath.Join(b.TempDir(), "compiled-glossary.bin")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	open := func() *Matcher {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		m, _, err := openFile(f, key)
		if err != nil {
			b.Fatal(err)
		}
		return m
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	m := open()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap := float64(ms.HeapAlloc-before) / 1e6
	if len(m.Find("kk", segs["kk"][0])) == 0 && len(m.Find("kk", strings.Join(segs["kk"][:50], " "))) == 0 {
		b.Fatal("the opened matcher finds nothing")
	}
	runtime.KeepAlive(m)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		open()
	}
	reportCPU(b, start, 0)
	b.ReportMetric(float64(len(data))/1e6, "file-MB")
	b.ReportMetric(heap, "heap-MB")
}
