package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/workspace"
)

// sampleWorkspace is a copy of the sample workspace of the repository
// (its settings, glossary and documents).
func sampleWorkspace(tb testing.TB) *workspace.Workspace {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "ws")
	for _, p := range []string{"documents", "glossary"} {
		copyTree(tb, filepath.Join("..", "..", p), filepath.Join(dir, p))
	}
	copyTree(tb, filepath.Join("..", "..", workspace.ConfigFile), filepath.Join(dir, workspace.ConfigFile))
	ws, err := workspace.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return ws
}

// glossary10kWorkspace is a workspace of one document of the sample
// workspace and a made-up glossary of 10,000 entries.
func glossary10kWorkspace(tb testing.TB) *workspace.Workspace {
	tb.Helper()
	ws, err := workspace.Init(filepath.Join(tb.TempDir(), "ws"))
	if err != nil {
		tb.Fatal(err)
	}
	copyTree(tb, filepath.Join("..", "..", "documents", "zarechnoye-videos"), ws.Path("documents", "doc"))
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "synthetic.yaml"), []byte(cacheGlossaryYAML(10000, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
	return ws
}

// benchStatus runs status as a new process would (a new App each time),
// with the status cache kept (hit) or removed before each run (miss). The
// compiled glossary cache is warm.
func benchStatus(b *testing.B, ws *workspace.Workspace) {
	if _, err := New("bench").Status(ws, nil, nil); err != nil {
		b.Fatal(err)
	}
	for _, hit := range []bool{true, false} {
		name := "miss"
		if hit {
			name = "hit"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if !hit {
					os.Remove(ws.Path(workspace.LocalFolder, StatusCacheName))
				}
				if _, err := New("bench").Status(ws, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkStatusSample(b *testing.B) { benchStatus(b, sampleWorkspace(b)) }

func BenchmarkStatusGlossary10k(b *testing.B) { benchStatus(b, glossary10kWorkspace(b)) }
