package serve_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
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
func benchServer(b *testing.B, n int) http.Handler { return benchServerOf(b, n, true) }

// benchServerOf is benchServer with, unless current, an alignment made for
// other texts than the document's: stale, as after the texts were changed
// outside tilmash, so that the checks fall back to paragraphs.
func benchServerOf(b *testing.B, n int, current bool) http.Handler {
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
	if !current {
		alignToOther(b, ws, "doc")
	}
	s, err := serve.New(serve.Options{App: serve.NewTestApp("bench"), WS: ws})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// alignToOther makes the alignment of document id name other texts than
// those stored (their hashes).
func alignToOther(b *testing.B, ws *workspace.Workspace, id string) {
	b.Helper()
	d, err := document.Open(ws, id)
	if err != nil {
		b.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		b.Fatal(err)
	}
	texts, err := d.Texts()
	if err != nil {
		b.Fatal(err)
	}
	for l, t := range texts {
		a.Sources[l] = document.Hash(t + "\n")
	}
	c, err := document.Begin(ws, id)
	if err == nil {
		err = c.SetAlignment(a)
	}
	if err == nil {
		_, err = c.Commit("review.done.import", map[string]any{"Lang": "en"}, time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC))
	}
	if err == nil {
		err = os.RemoveAll(ws.Path(document.Folder, id, journal.Folder))
	}
	if err != nil {
		b.Fatal(err)
	}
}

func benchPage(b *testing.B, h http.Handler, target string) {
	b.Helper()
	get := func() int { return benchGet(b, h, target) }
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

// BenchmarkEdit10k is an edit of one sentence in the middle of a
// 10,000-group document and the page it leads to: the POST, which applies
// it, and the GET of the redirect, which shows the edited group with the
// findings of the checks. The text alternates, so every edit changes it.
func BenchmarkEdit10k(b *testing.B) {
	b.Run("aligned", func(b *testing.B) { benchEdit(b, true) })
	b.Run("stale", func(b *testing.B) { benchEdit(b, false) })
}

func benchEdit(b *testing.B, current bool) {
	h := benchServerOf(b, 10000, current)
	e := newBenchEditor(b, h, "/doc/doc?page=51", "doc", 5001, "ru",
		"Суд выслушал аральских рыбаков 7 мая.", "Суд выслушал аральских рыбаков.")
	edit := e.edit
	edit(0) // warm: the glossary is compiled once for the server's life
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime(b)
	i := 1
	for b.Loop() {
		edit(i)
		i++
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkWorkspaceDocs500 is the workspace page of a newsroom's
// workspace: 500 documents of 30 groups each (a year of daily news has
// 1,000-2,000). The first request of the server counts every document's
// findings; this is the page loaded again, with nothing changed, which
// an editor does all day.
func BenchmarkWorkspaceDocs500(b *testing.B) {
	s, err := serve.New(serve.Options{App: serve.NewTestApp("bench"), WS: docs500(b)})
	if err != nil {
		b.Fatal(err)
	}
	benchPage(b, s, "/")
}

// BenchmarkWorkspaceDocs500First is the first workspace page of a server
// started on those 500 documents, after tilmash status has seen them:
// what an editor waits for after tilmash serve --open.
func BenchmarkWorkspaceDocs500First(b *testing.B) {
	ws := docs500(b)
	a := serve.NewTestApp("bench")
	if _, err := a.Status(ws, nil, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuTime(b)
	for b.Loop() {
		s, err := serve.New(serve.Options{App: a, WS: ws})
		if err != nil {
			b.Fatal(err)
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = "127.0.0.1:8750"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// docs500 is a workspace of 500 documents of 30 groups each.
func docs500(b *testing.B) *workspace.Workspace {
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
	for i := range 500 {
		if err := reviewtest.Long(ws, "d"+strconv.Itoa(1000+i), 30); err != nil {
			b.Fatal(err)
		}
	}
	return ws
}

// benchEditor edits one sentence through a server as a browser does: the
// POST, then the GET of the page it redirects to, whose forms give the
// next edit its keys. The text alternates, so every edit changes it.
type benchEditor struct {
	c             *client
	doc, lang     string
	group         int
	texts         []string
	csrf, version string
}

// newBenchEditor opens page of the server h and edits sentence 1 of
// group in lang of document doc, with the texts in turn.
func newBenchEditor(b *testing.B, h http.Handler, page, doc string, group int, lang string, texts ...string) *benchEditor {
	jar, _ := cookiejar.New(nil)
	e := &benchEditor{c: &client{t: b, h: h, jar: jar, header: http.Header{}}, doc: doc, lang: lang, group: group, texts: texts}
	e.keys(e.c.get(page))
	return e
}

// keys takes the edit forms' CSRF token and version from a page.
func (e *benchEditor) keys(res *http.Response, page string) {
	if res.StatusCode != 200 {
		e.c.t.Fatalf("status %d", res.StatusCode)
	}
	e.csrf, e.version = formKeys(e.c.t, page)
}

// edit makes the i-th edit and loads the page it leads to.
func (e *benchEditor) edit(i int) {
	res, _ := e.c.do("POST", "/doc/"+e.doc+"/edit", url.Values{"csrf": {e.csrf}, "version": {e.version}, "op": {"edit"},
		"group": {strconv.Itoa(e.group)}, "sentence": {"1"}, "lang": {e.lang}, "text": {e.texts[i%len(e.texts)]}})
	e.keys(e.c.follow(res))
}

// BenchmarkBrowserFirstPage40 is the time to interactive of a 40-group
// document in headless Chromium, as the browser measures it
// (domInteractive after navigationStart), a page load an iteration: the
// first load, in a tab the package's Chromium had not shown the workbench
// in, is logged apart (the browser's own caches cold).
func BenchmarkBrowserFirstPage40(b *testing.B) {
	ctx := browser(b)
	ts := httptest.NewServer(benchServer(b, 40))
	defer ts.Close()
	timing := func(u string) float64 {
		b.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`#g40`))); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.timing.domInteractive - performance.timing.navigationStart`))
		if err != nil {
			b.Fatal(err)
		}
		return ms
	}
	b.Logf("40-group document in headless Chromium: interactive after %.0f ms on the browser's first page", timing(ts.URL+"/doc/doc"))
	total := 0.0
	for b.Loop() {
		total += timing(ts.URL + "/doc/doc?page=1")
	}
	b.ReportMetric(total/float64(b.N), "interactive-ms/op")
}
