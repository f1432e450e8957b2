package serve_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// benchGlossary names the sample's places and people, so that pages carry
// underlined terms and the glossary check runs as in a real workspace.
const benchGlossary = `terms:
  - id: aralsk
    kind: place
    en: {term: Aralsk}
    ru: {term: Аральск}
    kk: {term: Арал}
  - id: tokyo
    kind: place
    en: {term: 東京}
    ru: {term: 東京}
    kk: {term: 東京}
`

// benchServer serves a workspace with one document of n groups.
func benchServer(b *testing.B, n int) http.Handler {
	b.Helper()
	ws, err := workspace.Init(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "places.yaml"), []byte(benchGlossary), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := reviewtest.Long(ws, "doc", n); err != nil {
		b.Fatal(err)
	}
	s, err := serve.New(serve.Options{App: app.New("bench"), WS: ws})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func benchPage(b *testing.B, h http.Handler, target string) {
	b.Helper()
	get := func() int {
		r := httptest.NewRequest("GET", target, nil)
		r.Host = "127.0.0.1:8750"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%s: status %d", target, w.Code)
		}
		return w.Body.Len()
	}
	size := get() // warm: the glossary is compiled once for the server's life
	var peak uint64
	var m runtime.MemStats
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for b.Loop() {
		get()
		if b.N < 50 || b.N%10 == 0 {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}
	b.StopTimer()
	// The CPU time of the process per request: on a loaded machine the
	// wall clock says more about the others than about the server.
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size)/1024, "page-KiB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkFirstPage40 is the server's time for the first page of a
// 40-group document (the target: under 50 ms).
func BenchmarkFirstPage40(b *testing.B) {
	benchPage(b, benchServer(b, 40), "/doc/doc")
}

// BenchmarkPage10k is a page of 100 groups in the middle of a
// 10,000-group document, and the server's heap while serving it (the
// target: under 200 MB).
func BenchmarkPage10k(b *testing.B) {
	benchPage(b, benchServer(b, 10000), "/doc/doc?page=50")
}

// BenchmarkWorkspace10k is the workspace page over the 10,000-group
// document: its counts come from a summary computed once for each version
// of the document, and a document that long is checked when its findings
// are looked at, not by this page.
func BenchmarkWorkspace10k(b *testing.B) {
	benchPage(b, benchServer(b, 10000), "/")
}

// cpuTime is the user and system time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
