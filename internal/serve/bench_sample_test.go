package serve_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// sampleDoc is the sample workspace's document the sample benchmarks
// show: 39 Russian sentences, with Kazakh and English.
const sampleDoc = "torture-complaints-reform"

// sampleWorkspace copies the sample workspace at the repository's root
// (its tilmash.yaml, glossary and sampleDoc) into a temporary folder.
func sampleWorkspace(b *testing.B) *workspace.Workspace {
	b.Helper()
	root, dir := filepath.Join("..", ".."), b.TempDir()
	cfg, err := os.ReadFile(filepath.Join(root, "tilmash.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "tilmash.yaml"), cfg, 0o644)
	}
	if err == nil {
		err = os.CopyFS(filepath.Join(dir, "glossary"), os.DirFS(filepath.Join(root, "glossary")))
	}
	if err == nil {
		err = os.CopyFS(filepath.Join(dir, "documents", sampleDoc), os.DirFS(filepath.Join(root, "documents", sampleDoc)))
	}
	if err != nil {
		b.Fatal(err)
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	return ws
}

// benchGet answers GET target from h and returns the length of the page,
// failing on another status than 200.
func benchGet(b *testing.B, h http.Handler, target string) int {
	r := httptest.NewRequest("GET", target, nil)
	r.Host = "127.0.0.1:8750"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 {
		b.Fatalf("%s: status %d", target, w.Code)
	}
	return w.Body.Len()
}

// BenchmarkSampleFirstPage is the first page of the sample document in a
// server that has not shown it yet (wall time: hunspell's work is in
// other processes). cold: a new pool of spellers each time, as the first
// page after tilmash serve starts; warm: the pool kept, as the first page
// of another document. The glossary is compiled before the timer starts.
func BenchmarkSampleFirstPage(b *testing.B) {
	for _, cold := range []bool{true, false} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			ws := sampleWorkspace(b)
			a := app.New("bench")
			pool := qa.NewSpellers(4)
			defer func() { pool.Close() }()
			a.Spellers = pool
			s, err := serve.New(serve.Options{App: a, WS: ws})
			if err != nil {
				b.Fatal(err)
			}
			benchGet(b, s, "/doc/"+sampleDoc) // the glossary compiled, hunspell started
			for b.Loop() {
				b.StopTimer()
				if cold {
					pool.Close()
					pool = qa.NewSpellers(4)
					a.Spellers = pool
				}
				s, err := serve.New(serve.Options{App: a, WS: ws})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				benchGet(b, s, "/doc/"+sampleDoc)
			}
		})
	}
}

// BenchmarkSampleEdit is an edit of one Russian sentence of the sample
// document and the page it leads to (wall time), the text alternating
// between a word spelt right and misspelt: the recheck after an edit.
func BenchmarkSampleEdit(b *testing.B) {
	ws := sampleWorkspace(b)
	a := app.New("bench")
	a.Spellers = qa.NewSpellers(4)
	defer a.Spellers.Close()
	h, err := serve.New(serve.Options{App: a, WS: ws})
	if err != nil {
		b.Fatal(err)
	}
	e := newBenchEditor(b, h, "/doc/"+sampleDoc, sampleDoc, 5, "ru",
		"Комиссия рассмотрела жалобы граждан.", "Комиссия рассмотрела жалабы граждан.")
	edit := e.edit
	edit(0)
	i := 1
	for b.Loop() {
		edit(i)
		i++
	}
}
