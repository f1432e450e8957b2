package document

import (
	"time"

	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The golden memory testdata/omegat/project_save.tmx was written by the
// real OmegaT 3.6 (Debian's omegat) in internal/export's TestOmegaTReuse
// (go test -update there rewrites it): an EN→KK project of the sample
// documents whose project memory was tilmash's sentence-cut TMX, after the
// translator changed the translation of one sentence of
// zarechnoye-videos.
const (
	goldenEditSource = "The clip that caused the loudest outcry is also the hardest to watch."
	goldenEditTarget = "Ең қатты ашу-ыза тудырған бейнежазбаны көру де ең ауыр."
)

func readGoldenOmegaT(t *testing.T) *tmx.TMX {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "omegat", "project_save.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tmx.Read(f, "project_save.tmx")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sampleCopy copies the repository's sample document id into a new
// workspace.
func sampleCopy(t *testing.T, id string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "..", Folder, id)
	if err := os.CopyFS(filepath.Join(ws.Root, Folder, id), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestFromCATMemoryOmegaT(t *testing.T) {
	m := readGoldenOmegaT(t)
	if m.Header.CreationTool != "OmegaT" || m.Header.SrcLang != "EN-US" {
		t.Fatalf("header %+v: not OmegaT's", m.Header)
	}
	tr := FromCATMemory(m, []string{"en", "ru", "kk"}, "en")
	if tr.Found["ru"] != nil || len(tr.Found["kk"]) == 0 {
		t.Fatalf("languages found: %d ru, %d kk; want KK only", len(tr.Found["ru"]), len(tr.Found["kk"]))
	}
	if got := tr.Found["kk"][SourceKey(goldenEditSource)]; got != goldenEditTarget {
		t.Errorf("the edited sentence reads %q", got)
	}
	if tr.Units != len(m.Units) {
		t.Errorf("%d units with a translation, the file has %d", tr.Units, len(m.Units))
	}
}

// TestMergeTMXOmegaT: OmegaT's memory goes back into the document it
// translates: the group of the edited sentence takes the edit, every other
// group (sentence-level units of groups of several joined again, a target
// repeated by x-partial units written once) and language is unchanged;
// a second merge changes nothing; undo takes the step back. Which
// sentences the memory translates: TestMergeTMXOmegaTPartial.
func TestMergeTMXOmegaT(t *testing.T) {
	const id = "zarechnoye-videos"
	m := readGoldenOmegaT(t)
	ws := sampleCopy(t, id)
	if got, err := MemoryDocument(ws, m); err != nil || got != id {
		t.Fatalf("MemoryDocument = %q, %v", got, err)
	}
	d, err := Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := d.Texts()
	old, _ := d.Alignment()
	res, err := MergeTMX(ws, id, m, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for gi, g := range old.Groups {
		if len(g.Sents["en"]) == 1 && g.Sents["en"][0].Text == goldenEditSource {
			want = gi + 1
		}
	}
	if len(res.Changed) != 1 || !slices.Equal(res.Changed["kk"], []int{want}) {
		t.Fatalf("changed %v, want kk group %d", res.Changed, want)
	}
	after, _ := d.Texts()
	if after["en"] != before["en"] || after["ru"] != before["ru"] {
		t.Error("English or Russian changed")
	}
	if !strings.Contains(after["kk"], goldenEditTarget) {
		t.Error("the Kazakh text lacks the edit")
	}
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	if errs := a.Verify("alignment.yaml", after); len(errs) > 0 {
		t.Fatal(errs)
	}
	for gi, g := range a.Groups {
		o := old.Groups[gi]
		if g.Status != o.Status || g.Note != o.Note || g.Text("en") != o.Text("en") || g.Text("ru") != o.Text("ru") {
			t.Errorf("group %d changed outside its Kazakh text", gi+1)
		}
		if gi+1 != want && g.Text("kk") != o.Text("kk") {
			t.Errorf("group %d kk: %q, was %q", gi+1, g.Text("kk"), o.Text("kk"))
		}
	}
	if again, err := MergeTMX(ws, id, m, time.Time{}); err != nil || len(again.Changed) != 0 {
		t.Errorf("second merge: %v, %v", again.Changed, err)
	}
	if _, _, err := d.Journal().Undo(1, false); err != nil {
		t.Fatal(err)
	}
	undone, _ := d.Texts()
	if undone["kk"] != before["kk"] {
		t.Error("undo did not restore the Kazakh text")
	}
}
