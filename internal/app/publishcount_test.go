package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestPublishCount: publish's progress counts the documents named, or
// every listed document but the excluded ones; a folder without
// meta.yaml is no document.
func TestPublishCount(t *testing.T) {
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := PublishCount(ws, nil); err != nil || n != 0 {
		t.Fatalf("no documents folder: %d, %v; want 0", n, err)
	}
	for _, id := range []string{"aral", "budget", "draft"} {
		if err := os.MkdirAll(ws.Path(document.Folder, id), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ws.Path(document.Folder, id, "meta.yaml"), []byte("id: "+id+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(ws.Path(document.Folder, "no-meta"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ids, exclude []string
		want         int
	}{
		{want: 3},
		{exclude: []string{"draft"}, want: 2},
		{exclude: []string{"draft", "gone"}, want: 2},
		{ids: []string{"aral"}, exclude: []string{"aral"}, want: 1},
		{ids: []string{"aral", "nosuch"}, want: 2},
	} {
		ws.Config.Publish.Exclude = tc.exclude
		if n, err := PublishCount(ws, tc.ids); err != nil || n != tc.want {
			t.Errorf("ids %v, exclude %v: %d, %v; want %d", tc.ids, tc.exclude, n, err, tc.want)
		}
	}
}
