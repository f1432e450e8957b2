package tm_test

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
	"github.com/tilmash/tilmash/internal/tm/tmbench"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The benchmarks' sizes: bench/tm.sh sets 1,000,000 groups and 10,000
// documents; the defaults keep a plain -bench run short.
var (
	benchGroups = envInt("TILMASH_TM_BENCH_GROUPS", 20000)
	benchDocs   = envInt("TILMASH_TM_BENCH_DOCS", 1000)
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func corpus(b *testing.B) *tmbench.Corpus {
	c, err := tmbench.Load(testenv.Shared(b, "corpora"))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// growth streams the corpus's groups and synthetic documents of 100
// groups up to n groups, made as they are written.
func growth(c *tmbench.Corpus, n int) iter.Seq2[tm.Change, error] {
	return func(yield func(tm.Change, error) bool) {
		var units []tm.Unit
		for i := range c.Sents["en"] {
			units = append(units, c.Unit(i, "doc/corpus", i+1))
		}
		if !yield(tm.Change{Source: tm.Source{Name: "doc/corpus", Units: len(units)}, Units: units}, nil) {
			return
		}
		syn := tmbench.NewSynthetic(c, 42)
		for d := 0; len(units)+d*100 < n; d++ {
			for _, ch := range syn.Changes(fmt.Sprintf("syn%07d", d), 1, 100) {
				if !yield(ch, nil) {
					return
				}
			}
		}
	}
}

// peakRSS reports the process's peak resident memory in MB.
func peakRSS(b *testing.B) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
		}
	}
}

// BenchmarkBuild writes a memory of benchGroups groups from scratch, as tm
// rebuild does (into a new file that replaces the memory).
func BenchmarkBuild(b *testing.B) {
	c := corpus(b)
	var last string
	cpu := processCPU()
	for b.Loop() {
		last = filepath.Join(b.TempDir(), "tm.sqlite")
		st, err := sqlitestore.Open(last)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Apply(context.Background(), true, growth(c, benchGroups)); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.ReportMetric(float64(benchGroups)*float64(b.N)/b.Elapsed().Seconds(), "groups/s")
	b.ReportMetric(float64(benchGroups)*float64(b.N)/(processCPU()-cpu).Seconds(), "groups/cpu-s")
	peakRSS(b)
	// bench/tm.sh keeps the memory for the query benchmarks
	// (TILMASH_TM_BENCH_DB), which then need not build it again.
	if keep := os.Getenv("TILMASH_TM_BENCH_DB"); keep != "" {
		if _, err := os.Stat(keep); err != nil {
			if err := os.Rename(last, keep); err != nil {
				b.Fatal(err)
			}
		}
	}
}

var shared struct {
	once sync.Once
	dir  string
	m    *tm.Memory
	c    *tmbench.Corpus
	err  error
}

// sharedMemory is one memory of benchGroups groups for the query
// benchmarks, built once per process.
func sharedMemory(b *testing.B) (*tm.Memory, *tmbench.Corpus) {
	c := corpus(b)
	shared.once.Do(func() {
		shared.c = c
		shared.dir, shared.err = os.MkdirTemp("", "tm-bench-")
		if shared.err != nil {
			return
		}
		ws := storetest.NewWorkspace(b, nil)
		// TILMASH_TM_BENCH_DB keeps the memory between runs: built when
		// the file is missing, reused as it is when present.
		path := os.Getenv("TILMASH_TM_BENCH_DB")
		build := true
		if path == "" {
			path = filepath.Join(shared.dir, "tm.sqlite")
		} else if _, err := os.Stat(path); err == nil {
			build = false
		}
		st, err := sqlitestore.Open(path)
		if err != nil {
			shared.err = err
			return
		}
		if build {
			shared.err = st.Apply(context.Background(), true, growth(c, benchGroups))
		}
		shared.m = tm.New(ws, st)
	})
	if shared.err != nil {
		b.Fatal(shared.err)
	}
	return shared.m, shared.c
}

// TestMain puts the tests' temporary folders (their SQLite memories) in
// memory when there is room (see testenv.RunInMemory), and closes the
// benchmarks' shared memory.
func TestMain(m *testing.M) {
	code := testenv.RunInMemory(m)
	if shared.dir != "" {
		shared.m.Store.Close()
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// median reports the median and 95th percentile of durations in ms, as
// unit (median-ms: wall clock; median-cpu-ms: the CPU time of the thread).
func median(b *testing.B, ds []time.Duration, unit string) {
	slices.Sort(ds)
	if len(ds) > 0 {
		b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "median-"+unit)
		b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-"+unit)
	}
}

// processCPU is the CPU time (user and system) of the process, every
// thread.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadCPU is the CPU time (user and system) of the calling thread. On a
// machine shared with other work the wall clock says more about the other
// work than about tilmash; a benchmark locked to its thread reports both.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// searchQueries are names and words of the corpora, in the three
// languages, inflected where the language inflects.
var searchQueries = []struct{ text, lang string }{
	{"Trump", ""}, {"Трамп", "ru"}, {"Welsh Parliament", "en"}, {"парламент", "ru"},
	{"Уэльс", ""}, {"Conservative", "en"}, {"министр", "ru"}, {"үкімет", "kk"},
	{"elections", "en"}, {"Kavanaugh", ""}, {"сайлау", "kk"}, {"human rights", "en"},
}

// BenchmarkSearch is a concordance query on the shared memory.
func BenchmarkSearch(b *testing.B) {
	m, _ := sharedMemory(b)
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var ds, cpu []time.Duration
	i := 0
	for b.Loop() {
		q := searchQueries[i%len(searchQueries)]
		i++
		t, c := time.Now(), threadCPU()
		hits, err := m.Search(ctx, tm.Query{Text: q.text, Lang: q.lang, Limit: 20})
		ds = append(ds, time.Since(t))
		cpu = append(cpu, threadCPU()-c)
		if err != nil {
			b.Fatal(err)
		}
		if len(hits) == 0 {
			b.Fatalf("no hit for %q", q.text)
		}
	}
	median(b, ds, "ms")
	median(b, cpu, "cpu-ms")
	peakRSS(b)
}

// BenchmarkLookup is the fuzzy look-up of one edited corpus sentence on
// the shared memory.
func BenchmarkLookup(b *testing.B) {
	m, c := sharedMemory(b)
	ctx := context.Background()
	var probes [][2]string
	for i := range c.Sents["en"] {
		for _, l := range tmbench.Langs {
			w := strings.Fields(c.Sents[l][i])
			if len(w) < 4 {
				continue
			}
			w[len(w)/2] = "changed"
			probes = append(probes, [2]string{l, strings.Join(w, " ")})
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	i := 0
	cpu0 := threadCPU()
	for b.Loop() {
		p := probes[i%len(probes)]
		i++
		if _, err := m.Lookup(ctx, []string{p[1]}, tm.LookupOptions{Lang: p[0]}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(b.N)/(threadCPU()-cpu0).Seconds(), "sentences/cpu-s")
	peakRSS(b)
}

// BenchmarkLookupQuality is the quality evaluation of TestQuality on the
// shared memory (bench/tm.sh: a million groups, most of them synthetic
// sentences that copy a part of a corpus sentence): every corpus
// sentence edited (a word replaced, two words swapped, a number changed)
// should find its original on top (top-%, target ≥ 98), and the
// sentences of ../shared/corpora/tatoeba, which are in no memory, no
// match of 70% or more (no-match-%, target ≥ 99). Run it with
// -benchtime 1x: one run looks up every probe.
func BenchmarkLookupQuality(b *testing.B) {
	m, c := sharedMemory(b)
	ctx := context.Background()
	var units []tm.Unit
	for i := range c.Sents["en"] {
		units = append(units, c.Unit(i, "doc/corpus", i+1))
	}
	syn := tmbench.NewSynthetic(c, 9)
	probes := editedProbes(units, 1, rand.New(rand.NewPCG(7, 11)), func(lang string) string {
		return strings.Fields(syn.Sentence(lang))[0]
	})
	var novel [][2]string
	dir := testenv.Shared(b, "corpora")
	for _, f := range []string{"en-kk.en", "en-kk.kk", "en-ru.en", "en-ru.ru"} {
		data, err := os.ReadFile(filepath.Join(dir, "tatoeba", f+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if len(tm.Words(s)) >= 3 {
				novel = append(novel, [2]string{f[len(f)-2:], s})
			}
		}
	}
	var top map[string][2]int
	clean := 0
	for b.Loop() {
		var err error
		if top, err = topRates(ctx, m, probes, nil); err != nil {
			b.Fatal(err)
		}
		clean = 0
		for _, p := range novel {
			res, err := m.Lookup(ctx, []string{p[1]}, tm.LookupOptions{Lang: p[0], Min: 70})
			if err != nil {
				b.Fatal(err)
			}
			if len(res[0].Matches) == 0 {
				clean++
			}
		}
	}
	found, total := 0, 0
	for _, kind := range []string{"word", "order", "number"} {
		n := top[kind]
		b.ReportMetric(100*float64(n[0])/float64(max(1, n[1])), "top-"+kind+"-%")
		found += n[0]
		total += n[1]
	}
	b.ReportMetric(100*float64(found)/float64(max(1, total)), "top-%")
	b.ReportMetric(float64(total), "edited")
	b.ReportMetric(100*float64(clean)/float64(max(1, len(novel))), "no-match-%")
	b.ReportMetric(float64(len(novel)), "new")
}

// BenchmarkUpdateOneDocument changes one document of benchDocs and
// updates the memory.
func BenchmarkUpdateOneDocument(b *testing.B) {
	ctx := context.Background()
	ws := storetest.NewWorkspace(b, map[string][]storetest.Group{"base": storetest.Docs["tokayev-visit"]})
	meta, err := os.ReadFile(ws.Path(document.Folder, "base", "meta.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	al, err := os.ReadFile(ws.Path(document.Folder, "base", document.AlignmentName))
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i < benchDocs; i++ {
		id := fmt.Sprintf("doc-%05d", i)
		dir := ws.Path(document.Folder, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "meta.yaml"), []byte(strings.Replace(string(meta), "id: base\n", "id: "+id+"\n", 1)), 0o644)
		os.WriteFile(filepath.Join(dir, document.AlignmentName), []byte(strings.Replace(string(al), "document: base\n", "document: "+id+"\n", 1)), 0o644)
	}
	st, err := sqlitestore.Open(filepath.Join(b.TempDir(), "tm.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := tm.New(ws, st)
	t := time.Now()
	if rep, err := m.Update(ctx); err != nil || rep.Read != benchDocs {
		b.Fatalf("%+v %v", rep, err)
	}
	b.ReportMetric(time.Since(t).Seconds(), "first-update-s")
	d, err := document.Open(ws, "base")
	if err != nil {
		b.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for range b.N {
		// Writing the document (an fsync) is the edit's cost, not the
		// update's.
		b.StopTimer()
		if a.Groups[1].Status == document.Confirmed {
			a.Groups[1].Status = document.Aligned
		} else {
			a.Groups[1].Status = document.Confirmed
		}
		if err := d.SaveAlignment(a); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := processCPU()
		if rep, err := m.Update(ctx); err != nil || rep.Read != 1 {
			b.Fatalf("%+v %v", rep, err)
		}
		cpu += processCPU() - c
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkUpdateAfterAnotherMachine is the update of a memory a team
// shares, after another machine's: every record holds that machine's
// stamps (its files' sizes and times), so every one of benchDocs documents
// (copies of the sample's zarechnoye-videos, 38 groups) looks touched,
// though none changed. Each is read and hashed; the units are kept.
// shared is the update of a memory marked shared, as on a server: it
// compares its own stamps (tm-shared.json), not the memory's.
func BenchmarkUpdateAfterAnotherMachine(b *testing.B) {
	b.Run("stamps-in-memory", func(b *testing.B) { benchUpdateAfterAnother(b, false) })
	b.Run("shared", func(b *testing.B) { benchUpdateAfterAnother(b, true) })
}

// sampleWorkspace is a workspace of benchDocs copies of the sample
// workspace's zarechnoye-videos (38 groups).
func sampleWorkspace(b *testing.B) *workspace.Workspace {
	sample := filepath.Join("..", "..", document.Folder, "zarechnoye-videos")
	meta, err := os.ReadFile(filepath.Join(sample, "meta.yaml"))
	if err != nil {
		b.Skip("the sample workspace's zarechnoye-videos:", err)
	}
	al, err := os.ReadFile(filepath.Join(sample, document.AlignmentName))
	if err != nil {
		b.Fatal(err)
	}
	ws := storetest.NewWorkspace(b, nil)
	for i := range benchDocs {
		id := fmt.Sprintf("doc-%05d", i)
		dir := ws.Path(document.Folder, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "meta.yaml"), []byte(strings.Replace(string(meta), "id: zarechnoye-videos\n", "id: "+id+"\n", 1)), 0o644)
		os.WriteFile(filepath.Join(dir, document.AlignmentName), []byte(strings.Replace(string(al), "document: zarechnoye-videos\n", "document: "+id+"\n", 1)), 0o644)
	}
	return ws
}

// BenchmarkSharedFirstUpdate is a machine's first update of a shared
// memory (no tm-shared.json yet, an empty memory): every one of
// benchDocs documents is hashed for the three-way comparison, then read
// and written.
func BenchmarkSharedFirstUpdate(b *testing.B) {
	ctx := context.Background()
	ws := sampleWorkspace(b)
	var cpu time.Duration
	for i := range b.N {
		b.StopTimer()
		st, err := sqlitestore.Open(filepath.Join(b.TempDir(), fmt.Sprintf("tm%d.sqlite", i)))
		if err != nil {
			b.Fatal(err)
		}
		os.Remove(ws.Path(tm.Folder, tm.SharedStateName))
		m := tm.New(ws, st)
		m.Shared = true
		b.StartTimer()
		c := processCPU()
		if rep, err := m.Update(ctx); err != nil || rep.Read != benchDocs {
			b.Fatalf("%+v %v", rep, err)
		}
		cpu += processCPU() - c
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func benchUpdateAfterAnother(b *testing.B, shared bool) {
	ctx := context.Background()
	ws := sampleWorkspace(b)
	st, err := sqlitestore.Open(filepath.Join(b.TempDir(), "tm.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := tm.New(ws, st)
	m.Shared = shared
	if rep, err := m.Update(ctx); err != nil || rep.Read != benchDocs {
		b.Fatalf("%+v %v", rep, err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		srcs, err := st.Sources(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var other []tm.Change
		for _, s := range srcs {
			s.Stamp = "another machine's"
			other = append(other, tm.Change{Source: s, KeepUnits: true})
		}
		if err := st.Apply(ctx, false, tm.Changes(other...)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := processCPU()
		if rep, err := m.Update(ctx); err != nil || rep.Read != 0 || rep.Unchanged != benchDocs {
			b.Fatalf("%+v %v", rep, err)
		}
		cpu += processCPU() - c
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
