package check_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/check"
)

// TestCacheRacyEdit: an edit of the same size within one tick of the
// clock keeps the files' stamp. A long-running process (serve) that
// compiled the glossary just before such an edit must not keep the old
// checker: while the files are settling the cache compares their contents;
// once they have settled it trusts the stamp again.
func TestCacheRacyEdit(t *testing.T) {
	ws := newWorkspace(t, testGlossary, "d", nil)
	path := ws.Path("glossary", "test.yaml")
	clock := time.Now()
	changed := clock.Add(-time.Second).UnixNano()
	var cache check.Cache
	cache.Snapshots.Now = func() time.Time { return clock }
	// The stamp a coarse clock gives: the same before and after an edit of
	// the same size, the files changed just now.
	stamps := 0
	cache.Snapshots.Stamp = func(string) (string, int64, bool) {
		stamps++
		return "same", changed, true
	}

	a, err := cache.Load(ws)
	if err != nil || a == nil || a.Glossary.Lookup("tokayev") == nil {
		t.Fatalf("Load = %v, %v", a, err)
	}
	if b, _ := cache.Load(ws); b != a {
		t.Error("an unchanged glossary, still settling, was compiled again")
	}

	// Same size: tokayev renamed tokayeb.
	edited := strings.Replace(testGlossary, "id: tokayev", "id: tokayeb", 1)
	if len(edited) != len(testGlossary) {
		t.Fatal("the edit changes the size")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := cache.Load(ws)
	if err != nil || b == a || b.Glossary.Lookup("tokayeb") == nil {
		t.Fatalf("Load after a same-stamp edit = %v, %v; want a fresh checker with tokayeb", b, err)
	}

	// Settled: the stamp is trusted again, the content no longer read.
	clock = clock.Add(time.Hour)
	if c, _ := cache.Load(ws); c != b {
		t.Error("a settled glossary was compiled again")
	}
	if err := os.WriteFile(path, []byte(testGlossary), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _ := cache.Load(ws); c != b {
		t.Error("a settled stamp was not trusted") // an edit after settling moves the real stamp
	}
	if stamps == 0 {
		t.Error("the Stamp hook was not used")
	}
}
