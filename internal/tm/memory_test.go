package tm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
	"github.com/tilmash/tilmash/internal/workspace"
)

func newMemory(t testing.TB, ws *workspace.Workspace) *tm.Memory {
	t.Helper()
	if err := os.MkdirAll(ws.Path(tm.Folder), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := sqlitestore.Open(ws.Path(tm.Folder, tm.DBName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return tm.New(ws, st)
}

// TestExportValid checks the exported memory against the TMX 1.4b DTD and
// schema with xmllint, and that Translate Toolkit reads as many units.
func TestExportValid(t *testing.T) {
	ctx := context.Background()
	m := newMemory(t, storetest.NewWorkspace(t, storetest.Docs))
	if _, err := m.Update(ctx); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "memory.tmx")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	n, err := m.Export(ctx, f, tm.ExportOptions{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if n != 6 {
		t.Fatalf("exported %d units, want 6", n)
	}
	// dtd puts the TMX DTD beside the files for xmllint --valid, or skips
	// the test when the shared schemas are not there (a fresh clone, a
	// worktree): each subtest that validates needs it of its own, so that
	// none depends on another having run.
	dtd := func(t *testing.T) string {
		t.Helper()
		schemas := testenv.Shared(t, "schemas")
		data, err := os.ReadFile(filepath.Join(schemas, "omegat-tmx14.dtd"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tmx14.dtd"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		return schemas
	}
	t.Run("xmllint", func(t *testing.T) {
		lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
		schemas := dtd(t)
		for _, args := range [][]string{
			{"--noout", "--nonet", "--valid", file},
			{"--noout", "--nonet", "--schema", filepath.Join(schemas, "omegat-tmx14.xsd"), file},
		} {
			if out, err := exec.Command(lint, args...).CombinedOutput(); err != nil {
				t.Errorf("xmllint %v: %v\n%s", args, err, out)
			}
		}
	})
	t.Run("TranslateToolkit", func(t *testing.T) {
		py := testenv.Python(t, "translate.storage.tmx", "apt-get install translate-toolkit")
		out, err := exec.Command(py, "-c", `import sys, json
from translate.storage import tmx
with open(sys.argv[1], 'rb') as f:
    store = tmx.tmxfile(f)
print(json.dumps(len(store.units)))`, file).CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		var got int
		if err := json.Unmarshal(out, &got); err != nil || got != n {
			t.Errorf("Translate Toolkit read %s units, want %d", out, n)
		}
	})
	t.Run("Matches", func(t *testing.T) {
		res, err := m.Lookup(ctx, []string{"Journalists asked Tokayev about the taxes."}, tm.LookupOptions{Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		mf := filepath.Join(dir, "matches.tmx")
		f, err := os.Create(mf)
		if err != nil {
			t.Fatal(err)
		}
		if n, _, err := m.WriteMatches(f, res, tm.ExportOptions{}); err != nil || n != 1 {
			t.Fatalf("WriteMatches: %d, %v", n, err)
		}
		f.Close()
		lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
		dtd(t)
		if out, err := exec.Command(lint, "--noout", "--nonet", "--valid", mf).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	})
}

// TestTooLarge refuses a 1 GB TMX before reading it (a stream over the
// limit is refused by workspace.ReadLimited, tested there).
func TestTooLarge(t *testing.T) {
	m := newMemory(t, storetest.NewWorkspace(t, nil))
	huge := filepath.Join(t.TempDir(), "huge.tmx")
	if err := os.WriteFile(huge, []byte("<tmx>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 1<<30); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	_, err := m.ImportTMXFile(context.Background(), huge, "huge")
	if !workspace.IsReadError(err) || !strings.Contains(err.Error(), huge) {
		t.Fatalf("err = %v, want a read error naming the file", err)
	}
	if st, _ := m.Stats(context.Background()); st.Units != 0 {
		t.Errorf("memory changed: %+v", st)
	}
}

func Example() {
	ctx := context.Background()
	ws, _ := workspace.Init(os.TempDir() + "/tm-example")
	defer os.RemoveAll(ws.Root)
	os.MkdirAll(ws.Path(tm.Folder), 0o755)
	store, err := sqlitestore.Open(ws.Path(tm.Folder, tm.DBName))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	m := tm.New(ws, store)
	// Outside memories join the documents' groups.
	m.ImportTMX(ctx, stringsReader(`<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="en"><seg>President Tokayev arrived in Astana.</seg></tuv><tuv xml:lang="kk"><seg>Президент Тоқаев Астанаға келді.</seg></tuv></tu>
</body></tmx>`), "old.tmx", "old")
	hits, _ := m.Search(ctx, tm.Query{Text: "Тоқаев"})
	for _, h := range hits {
		for _, mk := range h.Marks {
			fmt.Println(h.Unit.TextIn(mk.Lang)[mk.Start:mk.End], "in", h.Unit.Source)
		}
	}
	res, _ := m.Lookup(ctx, []string{"President Tokayev arrived in Almaty."}, tm.LookupOptions{Lang: "en"})
	fmt.Println(res[0].Matches[0].Score, res[0].Matches[0].Unit.TextIn("kk"))
	// Output:
	// Тоқаев in tmx/old
	// 80 Президент Тоқаев Астанаға келді.
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
