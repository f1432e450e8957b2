package check_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/testenv"
)

// ntrexTSV returns ../shared/corpora/ntrex-dev as the rows of a TSV with
// an en, ru, kk header: human translations nobody here wrote.
func ntrexTSV(tb testing.TB) []byte {
	dir := testenv.Shared(tb, "corpora", "ntrex-dev")
	read := func(name string) []string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	}
	en, ru, kk := read("en.txt"), read("ru.txt"), read("kk.txt")
	var buf bytes.Buffer
	w := sheet.NewTSV(&buf, true)
	w.Write([]string{"en", "ru", "kk"})
	for i := range en {
		w.Write([]string{en[i], ru[i], kk[i]})
	}
	w.Flush()
	return buf.Bytes()
}

// repeated reads the rows of a TSV (after its header) n times over,
// without holding them: a large file that takes no memory.
type repeated struct {
	header, rows []byte
	n, at        int
	rest         []byte
}

func newRepeated(tsv []byte, n int) *repeated {
	i := bytes.IndexByte(tsv, '\n') + 1
	return &repeated{header: tsv[:i], rows: tsv[i:], n: n, rest: tsv[:i]}
}

func (r *repeated) Read(p []byte) (int, error) {
	for len(r.rest) == 0 {
		if r.at == r.n {
			return 0, io.EOF
		}
		r.at++
		r.rest = r.rows
	}
	n := copy(p, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

func houseChecker(tb testing.TB) *check.Checker {
	g, probs, err := glossary.Load(filepath.Join(repoRoot, "glossary"), []string{"en", "ru", "kk"})
	if err != nil || len(probs) > 0 {
		tb.Fatal(err, probs)
	}
	return check.New(g, "en")
}

var benchConfigs = []struct {
	name   string
	checks []string
}{
	{"terms", []string{"terms"}},
	{"all-but-spelling", []string{"terms", "numbers", "untranslated", "consistency", "typography", "endings"}},
	{"all-but-spelling-and-consistency", []string{"terms", "numbers", "untranslated", "typography", "endings"}},
}

// BenchmarkCheckTSV checks ntrex-dev as a TSV, repeated 10 times
// (3.7 MB; TILMASH_BENCH_REPEAT=N for N times), streamed row by row with the house glossary: MB/s is per
// core (one goroutine). peak-heap-MB is the largest heap seen while it
// runs; compare -benchtime 1x runs with TILMASH_BENCH_REPEAT=10 and =100
// to see that it does not grow with the file.
func BenchmarkCheckTSV(b *testing.B) {
	tsv := ntrexTSV(b)
	rep := 10
	if s := os.Getenv("TILMASH_BENCH_REPEAT"); s != "" {
		var n int
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		rep = max(n, 1)
	}
	c := houseChecker(b)
	rowsLen := len(tsv) - bytes.IndexByte(tsv, '\n') - 1
	size := int64(bytes.IndexByte(tsv, '\n')+1) + int64(rowsLen)*int64(rep)
	for _, cfg := range benchConfigs {
		b.Run(cfg.name, func(b *testing.B) {
			b.SetBytes(size)
			runtime.GC()
			var peak atomic.Uint64
			done := make(chan struct{})
			go func() {
				// runtime/metrics, unlike ReadMemStats, does not stop the
				// world.
				sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
				for {
					select {
					case <-done:
						return
					case <-time.After(50 * time.Millisecond):
					}
					metrics.Read(sample)
					if v := sample[0].Value.Uint64(); v > peak.Load() {
						peak.Store(v)
					}
				}
			}()
			findings := 0
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				s := check.NewSuite(c, "en", []string{"en", "ru", "kk"}, check.Config{Checks: cfg.checks})
				r, err := s.TSV(0, "ntrex.tsv", newRepeated(tsv, rep), []string{"en", "ru", "kk"})
				if err != nil {
					b.Fatal(err)
				}
				findings = len(r.Findings) + len(s.Consistency())
				s.Close()
			}
			cpu := cpuTime() - cpu0
			close(done)
			// The machine may be shared: MB per second of this process's
			// CPU time is the figure per core that load does not change.
			b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// BenchmarkCheckTMX checks ntrex-dev as a TMX file (one <tu> a row),
// repeated like BenchmarkCheckTSV's rows and streamed unit by unit:
// peak-heap-MB does not grow with TILMASH_BENCH_REPEAT.
func BenchmarkCheckTMX(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex-dev")
	read := func(name string) []string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	en, ru, kk := read("en.txt"), read("ru.txt"), read("kk.txt")
	var body bytes.Buffer
	for i := range en {
		body.WriteString("<tu>\n")
		for _, v := range [][2]string{{"en", en[i]}, {"ru", ru[i]}, {"kk", kk[i]}} {
			body.WriteString(`  <tuv xml:lang="` + v[0] + `"><seg>`)
			xml.EscapeText(&body, []byte(v[1]))
			body.WriteString("</seg></tuv>\n")
		}
		body.WriteString("</tu>\n")
	}
	head := []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" segtype=\"sentence\"/><body>\n")
	tail := []byte("</body></tmx>\n")
	rep := 10
	if s := os.Getenv("TILMASH_BENCH_REPEAT"); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			rep = max(n, 1)
		}
	}
	size := int64(len(head)+len(tail)) + int64(body.Len())*int64(rep)
	c := houseChecker(b)
	for _, cfg := range benchConfigs[:2] {
		b.Run(cfg.name, func(b *testing.B) {
			b.SetBytes(size)
			runtime.GC()
			peak := watchHeap()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				s := check.NewSuite(c, "en", []string{"en", "ru", "kk"}, check.Config{Checks: cfg.checks})
				r := io.MultiReader(bytes.NewReader(head), newRepeated(append([]byte("\n"), body.Bytes()...), rep), bytes.NewReader(tail))
				if _, err := s.TMX(0, "ntrex.tmx", r, []string{"en", "ru", "kk"}); err != nil {
					b.Fatal(err)
				}
				s.Consistency()
				s.Close()
			}
			cpu := cpuTime() - cpu0
			b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
			b.ReportMetric(peak()/(1<<20), "peak-heap-MB")
		})
	}
}

// watchHeap samples the heap every 50 ms until the returned function is
// called, which stops it and returns the largest heap seen, in bytes.
func watchHeap() func() float64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
		}
	}()
	return func() float64 {
		close(done)
		return float64(peak.Load())
	}
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCheckTSVBadInput: a ragged row, a 10 MB line and invalid UTF-8 get
// a located error, not a panic, and the rows before them are checked.
func TestCheckTSVBadInput(t *testing.T) {
	c := houseChecker(t)
	long := "en\tru\nok\tхорошо\n" + strings.Repeat("x", 10<<20) + "\tб\n"
	tests := []struct {
		name, in  string
		code      string
		line, col int
	}{
		{"ragged row", "en\tru\nA\tБ\nA\tБ\tC\n", check.CodeExtraCell, 3, 5},
		{"10 MB line", long, check.CodeRowTooLong, 3, 1},
		{"invalid UTF-8", "en\tru\nA\tБ\nTokayev\tТок\xe0ев\n", check.CodeBadUTF8, 3, 12},
		{"unclosed quote", "en\tru\n\"A\nB\tБ\n", check.CodeTSVQuote, 3, 4},
		{"text after a quote closed on a later line", "en\tru\n\"A\nB\" c\tБ\n", check.CodeTSVQuote, 3, 3},
		{"NUL", "en\tru\nA\tБ\nTo\x00kayev\tТокаев\n", check.CodeControl, 3, 3},
		{"empty", "", check.CodeNoHeader, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := check.NewSuite(c, "en", []string{"en", "ru", "kk"}, check.Config{Checks: []string{"terms", "numbers"}})
			_, err := s.TSV(0, "f.tsv", strings.NewReader(tt.in), []string{"en", "ru", "kk"})
			var ie *check.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an InputError", err)
			}
			if ie.Code != tt.code || ie.Line != tt.line || ie.Column != tt.col || ie.File != "f.tsv" {
				t.Errorf("got %s at %s:%d:%d (%v), want %s at %d:%d", ie.Code, ie.File, ie.Line, ie.Column, err, tt.code, tt.line, tt.col)
			}
		})
	}
}

// FuzzCheckTSV: whatever the bytes, streaming check gives a report or an
// InputError, never a panic, and every finding points at a line and
// column inside the input.
func FuzzCheckTSV(f *testing.F) {
	for _, s := range []string{
		"en\tru\tkk\nTokayev met 95 people.\tТокаев встретил 59 человек.\tТоқаев 95 адаммен кездесті.\n",
		"en\tru\n\"a \"\"b\"\"\nc\"\t\"Алма-Ата\"\n",
		"\xef\xbb\xbfen\tkk\r\nAlmaty\tАлматыге\r\n",
		"en\tru\n\"open\tБ\n",
		"\xff\xfee\x00n\x00\t\x00r\x00u\x00\n\x00",
	} {
		f.Add([]byte(s))
	}
	c := houseChecker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s := check.NewSuite(c, "en", []string{"en", "ru", "kk"}, check.Config{Checks: []string{"terms", "numbers", "untranslated", "typography", "endings", "consistency"}})
		r, err := s.TSV(0, "f.tsv", bytes.NewReader(data), []string{"en", "ru", "kk"})
		if err != nil {
			var ie *check.InputError
			if !errors.As(err, &ie) || ie.Line < 1 || ie.Column < 1 {
				t.Fatalf("error %v is not a located InputError", err)
			}
			return
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, fd := range r.Findings {
			if fd.Line < 1 || fd.Column < 1 || fd.Line > lines {
				t.Fatalf("finding %s at %d:%d outside the input (%d lines)", fd.Kind, fd.Line, fd.Column, lines)
			}
		}
		s.Consistency()
	})
}
