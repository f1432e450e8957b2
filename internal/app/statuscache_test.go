package app

import (
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// countingSegmenters counts the segmenters status asks for: one per
// language of each document it reads again.
func countingSegmenters(ap *App) *atomic.Int64 {
	n := &atomic.Int64{}
	seg := ap.Segmenter
	ap.Segmenter = func(ws *workspace.Workspace, lang string) (*segment.Segmenter, error) {
		n.Add(1)
		return seg(ws, lang)
	}
	return n
}

// TestStatusCache: status reads again only the documents whose files
// changed; a cache that is corrupt, or made for another glossary, is
// ignored and rebuilt; the report is the same either way.
func TestStatusCache(t *testing.T) {
	ap, ws := pubWorkspace(t, 5, 3)
	calls := countingSegmenters(ap)
	status := func() *StatusReport {
		t.Helper()
		rep, err := ap.Status(ws, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	fresh := func() *StatusReport { // without a cache
		t.Helper()
		other := New("test")
		os.Rename(ws.Path(workspace.LocalFolder, StatusCacheName), ws.Path(workspace.LocalFolder, "saved"))
		defer os.Rename(ws.Path(workspace.LocalFolder, "saved"), ws.Path(workspace.LocalFolder, StatusCacheName))
		rep, err := other.Status(ws, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(ws.Path(workspace.LocalFolder, StatusCacheName))
		return rep
	}
	first := status()
	if n := calls.Swap(0); n != 15 {
		t.Errorf("first status: %d segmenters, want 15 (5 documents, 3 languages)", n)
	}
	cacheFile := ws.Path(workspace.LocalFolder, StatusCacheName)
	if _, err := os.Stat(cacheFile); err != nil {
		t.Fatalf("no cache: %v", err)
	}
	second := status()
	if n := calls.Swap(0); n != 0 {
		t.Errorf("second status read %d texts again, want none", n/3)
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("the cached report differs:\n%+v\n%+v", first, second)
	}

	// One document changes: it alone is read again.
	pubImport(t, ws, 3, true)
	third := status()
	if n := calls.Swap(0); n != 3 {
		t.Errorf("after doc3 changed: %d segmenters, want 3", n)
	}
	if want := fresh(); !reflect.DeepEqual(third, want) {
		t.Errorf("after doc3 changed the report differs from one without a cache:\n%+v\n%+v", third, want)
	}

	// A corrupt cache: a byte changed in the JSON (the checksum catches
	// it), the file cut short, garbage.
	good, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)-20] ^= 1
	for name, bad := range map[string][]byte{"flipped": flipped, "short": good[:len(good)/2], "garbage": []byte("\x00\xff")} {
		if err := os.WriteFile(cacheFile, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := status(); !reflect.DeepEqual(got, third) {
			t.Errorf("%s cache: the report differs", name)
		}
		if n := calls.Swap(0); n != 15 {
			t.Errorf("%s cache: %d segmenters, want 15 (all read again)", name, n)
		}
		if data, _ := os.ReadFile(cacheFile); string(data) == string(bad) {
			t.Errorf("%s cache: not rebuilt", name)
		}
	}

	// The glossary changes: every document is checked again.
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "more.yaml"), []byte("terms: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status()
	if n := calls.Swap(0); n != 15 {
		t.Errorf("after the glossary changed: %d segmenters, want 15", n)
	}

	// A glossary file edited in place, of the same size and time, while
	// this app (one process) remembers the sums it hashed: the Kazakh
	// variant Тоқаев becomes Тоқаеж, and the texts are checked again.
	people := ws.Path(ws.Config.Glossary, "people.yaml")
	info, err := os.Stat(people)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(people)
	edited := strings.Replace(string(old), "variants: [Тоқаев]", "variants: [Тоқаеж]", 1)
	if len(edited) != len(old) || edited == string(old) {
		t.Fatal("the edit changed the size, or nothing")
	}
	if err := os.WriteFile(people, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(people, info.ModTime(), info.ModTime())
	edit := status()
	if n := calls.Swap(0); n != 15 {
		t.Errorf("after a glossary file was edited in place: %d segmenters, want 15", n)
	}
	if want := fresh(); !reflect.DeepEqual(edit, want) {
		t.Errorf("after the edit the report differs from one without a cache:\n%+v\n%+v", edit, want)
	}

	// A glossary file removed; tilmash.yaml changed (a comment counts).
	os.Remove(ws.Path(ws.Config.Glossary, "more.yaml"))
	status()
	if n := calls.Swap(0); n != 15 {
		t.Errorf("after a glossary file was removed: %d segmenters, want 15", n)
	}
	cfg, err := os.ReadFile(ws.Path(workspace.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path(workspace.ConfigFile), append(cfg, "\n# a comment\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	status()
	if n := calls.Swap(0); n != 15 {
		t.Errorf("after tilmash.yaml changed: %d segmenters, want 15", n)
	}
	status()
	if n := calls.Swap(0); n != 0 {
		t.Errorf("nothing changed: %d segmenters, want 0", n)
	}
}
