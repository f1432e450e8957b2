package app

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

var crashAll = flag.Bool("publish.crash-all", false, "TestPublishCrash stops publish at every one of its write steps, not a few")

const pubGlossary = `terms:
  - id: tokayev
    kind: person
    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev]}
    ru: {term: Касым-Жомарт Токаев, variants: [Токаев]}
    kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}
`

// pubTexts are the three versions of document n: Tokayev speaks, and the
// n-th sentence differs, so that no two documents are alike. With more,
// each version has one more sentence.
func pubTexts(n int, more bool) map[string]string {
	en, ru, kk := "", "", ""
	if more {
		en, ru, kk = " Then he left the hall.", " Затем он покинул зал.", " Содан кейін ол залдан шықты."
	}
	return map[string]string{
		"en": fmt.Sprintf("# Tokayev speaks, part %d\n\nTokayev spoke on Tuesday. He promised reform number %d.%s\n", n, n, en),
		"ru": fmt.Sprintf("# Токаев выступил, часть %d\n\nТокаев выступил во вторник. Он пообещал реформу номер %d.%s\n", n, n, ru),
		"kk": fmt.Sprintf("# Тоқаев сөз сөйледі, %d-бөлім\n\nТоқаев сейсенбіде сөз сөйледі. Ол %d-реформаны жасауға уәде берді.%s\n", n, n, kk),
	}
}

// pubForbidden gives document n a Kazakh text with the glossary's
// forbidden form: the gate holds it back.
func pubForbidden(t *testing.T, ws *workspace.Workspace, id string) {
	t.Helper()
	if _, err := document.Import(ws, id, "kk", []byte("# Токаев\n\nТокаев сейсенбіде сөз сөйледі. Ол реформа жасауға уәде берді.\n"), "kk.txt", document.ImportOptions{Force: true, Now: pubImported}); err != nil {
		t.Fatal(err)
	}
}

// pubWorkspace is a workspace of n documents and a glossary, and an app
// with the given number of workers.
func pubWorkspace(t *testing.T, n, workers int) (*App, *workspace.Workspace) {
	t.Helper()
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "people.yaml"), []byte(pubGlossary), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		pubImport(t, ws, i, false)
	}
	ap := New("test")
	ap.Workers = workers
	return ap, ws
}

// pubImported is the import time of the test documents: the date their
// TMX and XLIFF 1.2 exports carry, the same in every workspace made.
var pubImported = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func pubImport(t *testing.T, ws *workspace.Workspace, i int, more bool) {
	t.Helper()
	for _, l := range ws.Config.Languages {
		if _, err := document.Import(ws, fmt.Sprintf("doc%d", i), l, []byte(pubTexts(i, more)[l]), l+".txt", document.ImportOptions{Force: true, Now: pubImported}); err != nil {
			t.Fatal(err)
		}
	}
}

// transcript records what a reporter hears.
type transcript struct{ lines []string }

func (r *transcript) Step(name string) { r.lines = append(r.lines, "step "+name) }
func (r *transcript) Held(id string, h *Hold) {
	r.lines = append(r.lines, fmt.Sprintf("held %s %s %v", id, h.Kind, h.Data))
}
func (r *transcript) Gate(id string, v *Verdict, force bool, formats []string) {
	r.lines = append(r.lines, fmt.Sprintf("gate %s blockers=%d flagged=%d findings=%d skipped=%v force=%v %v",
		id, len(v.Blockers), len(v.Flagged), len(v.Findings), v.Skipped != nil, force, formats))
}

func (r *transcript) Unplaced(id string, lost []document.LostSpan) {
	r.lines = append(r.lines, fmt.Sprintf("unplaced %s %d", id, len(lost)))
}

func publish(t *testing.T, ap *App, ws *workspace.Workspace, force bool) (*PublishResult, []string) {
	t.Helper()
	rep := &transcript{}
	res, err := ap.Publish(ws, nil, PublishOptions{Force: force, Labels: func(id string, _ map[string]any) string { return id }, LabelsID: "en"}, rep)
	if err != nil {
		t.Fatal(err)
	}
	return res, rep.lines
}

// fileID is what says a file was written again: its inode, its time, its
// size and its bytes.
type fileID struct {
	ino   uint64
	mtime time.Time
	data  string
}

// exportFiles lists every file under the export folder.
func exportFiles(t *testing.T, ws *workspace.Workspace) map[string]fileID {
	t.Helper()
	out := map[string]fileID{}
	err := filepath.WalkDir(ws.Path(ws.Config.Export), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(ws.Root, p)
		out[rel] = fileID{ino: info.Sys().(*syscall.Stat_t).Ino, mtime: info.ModTime(), data: string(data)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changed lists the files that differ (written again, added or removed).
func changed(before, after map[string]fileID) []string {
	var out []string
	for k, v := range after {
		if w, ok := before[k]; !ok || w != v {
			out = append(out, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestPublishUnchanged: a second publish of an unchanged workspace writes
// nothing (no inode, time or byte changes under export/), aligns nothing
// (the journals do not grow), and says what the first said.
func TestPublishUnchanged(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprint("force=", force), func(t *testing.T) {
			ap, ws := pubWorkspace(t, 4, 3)
			// doc2's Kazakh uses the forbidden form: held back, or
			// forced past the gate.
			pubForbidden(t, ws, "doc2")
			first, heard1 := publish(t, ap, ws, force)
			if first.Files == 0 || first.Unchanged != 0 {
				t.Fatalf("first publish: %+v", first)
			}
			before := exportFiles(t, ws)
			journals := files(t, ws)
			second, heard2 := publish(t, ap, ws, force)
			if d := changed(before, exportFiles(t, ws)); len(d) > 0 {
				t.Errorf("the second publish wrote %v", d)
			}
			if !reflect.DeepEqual(journals, files(t, ws)) {
				t.Errorf("the second publish changed the workspace's files")
			}
			if !slices.Equal(heard1, heard2) {
				t.Errorf("the second publish said\n%s\nthe first\n%s", strings.Join(heard2, "\n"), strings.Join(heard1, "\n"))
			}
			if !reflect.DeepEqual(first.Rows, second.Rows) {
				t.Errorf("rows\n%+v\nthen\n%+v", first.Rows, second.Rows)
			}
			wantUnchanged := 4
			if !force {
				wantUnchanged = 3 // doc2 is held back again
			}
			if second.Files != 0 || second.Unchanged != wantUnchanged || second.Held != first.Held {
				t.Errorf("second publish: files %d, unchanged %d, held %d; want 0, %d, %d", second.Files, second.Unchanged, second.Held, wantUnchanged, first.Held)
			}
		})
	}
}

// TestPublishOneChanged: after one document changes, only its exports
// are written again; a file of another document edited or removed by
// hand is written again too.
func TestPublishOneChanged(t *testing.T) {
	ap, ws := pubWorkspace(t, 4, 2)
	publish(t, ap, ws, false)
	before := exportFiles(t, ws)
	pubImport(t, ws, 3, true)
	res, _ := publish(t, ap, ws, false)
	got := changed(before, exportFiles(t, ws))
	for _, f := range got {
		if !strings.HasPrefix(f, filepath.Join("export", "doc3")+string(filepath.Separator)) {
			t.Errorf("%s was written, but only doc3 changed", f)
		}
	}
	if len(got) != 22 { // 21 exports and the manifest
		t.Errorf("%d files written for doc3, want 22: %v", len(got), got)
	}
	if res.Unchanged != 3 || res.Files != 21 {
		t.Errorf("unchanged %d files %d, want 3 and 21", res.Unchanged, res.Files)
	}

	// Damage doc1's exports: an edited file and a removed one.
	before = exportFiles(t, ws)
	if err := os.WriteFile(ws.Path("export", "doc1", "doc1.md"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(ws.Path("export", "doc1", "doc1.tsv")); err != nil {
		t.Fatal(err)
	}
	res, _ = publish(t, ap, ws, false)
	after := exportFiles(t, ws)
	if after["export/doc1/doc1.md"] != before["export/doc1/doc1.md"] && after["export/doc1/doc1.md"].data != before["export/doc1/doc1.md"].data {
		t.Errorf("the edited doc1.md was not written again")
	}
	if _, ok := after["export/doc1/doc1.tsv"]; !ok {
		t.Errorf("the removed doc1.tsv was not written again")
	}
	if res.Unchanged != 3 {
		t.Errorf("unchanged %d, want 3", res.Unchanged)
	}
}

// TestPublishGlossaryChanged: a changed glossary (or check setting)
// changes every document's inputs: every document is checked again, and a
// finding the new glossary makes holds its document back.
func TestPublishGlossaryChanged(t *testing.T) {
	ap, ws := pubWorkspace(t, 3, 2)
	res, _ := publish(t, ap, ws, false)
	if res.Held != 0 {
		t.Fatalf("held %d", res.Held)
	}
	// Now "Тоқаев" itself is forbidden in Kazakh: every document has a
	// finding.
	g := strings.Replace(pubGlossary, "kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}",
		"kk: {term: Қасым-Жомарт Тоқаев, forbidden: [Тоқаев]}", 1)
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "people.yaml"), []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	res, heard := publish(t, ap, ws, false)
	if res.Held != 3 || res.Unchanged != 0 {
		t.Errorf("after the glossary changed: held %d, unchanged %d; want 3, 0\n%s", res.Held, res.Unchanged, strings.Join(heard, "\n"))
	}
	for _, r := range res.Rows {
		if r.Findings == 0 {
			t.Errorf("%s: no finding after the glossary changed", r.ID)
		}
	}

	// A check setting in tilmash.yaml: everything is written again.
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "people.yaml"), []byte(pubGlossary), 0o644); err != nil {
		t.Fatal(err)
	}
	publish(t, ap, ws, false)
	before := exportFiles(t, ws)
	cfg, err := os.ReadFile(ws.Path(workspace.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path(workspace.ConfigFile), append(cfg, "\n# a comment counts too\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, _ = publish(t, ap, ws, false)
	if res.Unchanged != 0 || len(changed(before, exportFiles(t, ws))) == 0 {
		t.Errorf("after tilmash.yaml changed: unchanged %d", res.Unchanged)
	}

	// A word list of the spelling check (the gate runs spelling when its
	// severity is error): every document is checked again.
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, "words.kk.txt"), []byte("бейнежазба\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, _ = publish(t, ap, ws, false); res.Unchanged != 0 {
		t.Errorf("after words.kk.txt was written: unchanged %d, want 0", res.Unchanged)
	}
	if res, _ = publish(t, ap, ws, false); res.Unchanged != 3 {
		t.Errorf("with words.kk.txt as it was: unchanged %d, want 3", res.Unchanged)
	}
}

// TestPublishParallelDeterministic: with one worker or many, publish
// says the same things in the same order and writes the same bytes. Run
// with -race.
func TestPublishParallelDeterministic(t *testing.T) {
	var runs [][]string
	var rows [][]Published
	var outputs []map[string]string
	for _, workers := range []int{1, 4, 16} {
		ap, ws := pubWorkspace(t, 9, workers)
		ap.Now = func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }
		pubForbidden(t, ws, "doc4") // two held back by the gate
		pubForbidden(t, ws, "doc7")
		res, heard := publish(t, ap, ws, false)
		runs, rows = append(runs, heard), append(rows, res.Rows)
		out := map[string]string{}
		for k, v := range exportFiles(t, ws) {
			if !strings.HasSuffix(k, ManifestName) {
				out[k] = v.data
			}
		}
		outputs = append(outputs, out)
	}
	for i := 1; i < len(runs); i++ {
		if !slices.Equal(runs[0], runs[i]) {
			t.Errorf("run %d said\n%s\nrun 0\n%s", i, strings.Join(runs[i], "\n"), strings.Join(runs[0], "\n"))
		}
		if !reflect.DeepEqual(rows[0], rows[i]) {
			t.Errorf("run %d rows differ", i)
		}
		if len(outputs[0]) != len(outputs[i]) {
			t.Errorf("run %d wrote %d files, run 0 %d", i, len(outputs[i]), len(outputs[0]))
		}
		for k, v := range outputs[0] {
			if outputs[i][k] != v {
				t.Errorf("run %d: %s differs", i, k)
			}
		}
	}
}

// failingFS is the operating system's files until its budget of
// operations is spent; then every operation fails, as if the process had
// died there.
type failingFS struct {
	workspace.OSBatchFS
	left int
}

var errCrash = errors.New("crash")

func (f *failingFS) spend() error {
	if f.left <= 0 {
		return errCrash
	}
	f.left--
	return nil
}

func (f *failingFS) WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, fs.FileInfo, error) {
	if err := f.spend(); err != nil {
		return "", nil, err
	}
	return f.OSBatchFS.WriteTemp(dir, prefix, data, perm)
}

func (f *failingFS) Sync(paths []string) error {
	if err := f.spend(); err != nil {
		return err
	}
	return f.OSBatchFS.Sync(paths)
}

func (f *failingFS) Rename(from, to string) error {
	if err := f.spend(); err != nil {
		return err
	}
	return f.OSBatchFS.Rename(from, to)
}

// Remove works even after the crash: it stands for the temporary files
// the next writer cleans up.
func (f *failingFS) Remove(path string) error { return f.OSBatchFS.Remove(path) }

// copyTree copies a folder (files, folders and links).
func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch {
		case e.IsDir():
			return os.MkdirAll(dst, 0o755)
		case info.Mode()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(l, dst)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPublishCrash: publish stopped at each step of its writes (a
// property over every failure point) leaves each export file old or new,
// complete; every file of publish's in export/DOC listed in the manifest;
// and a manifest whose digests vouch for the files only when the files
// are those it describes. The next publish then finishes the job, and
// the one after writes nothing.
func TestPublishCrash(t *testing.T) {
	ap, base := pubWorkspace(t, 3, 2)
	ap.Now = func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }
	publish(t, ap, base, false)
	// The change publish makes: doc2 changes, doc4 is new, and formats
	// dropped from publish.formats leave files to remove.
	pubImport(t, base, 2, true)
	pubImport(t, base, 4, false)
	cfg := "languages: [en, ru, kk]\nsource: en\nexport: export\nglossary: glossary\npublish:\n  formats: [tmx, xliff, html, article-md]\n"
	if err := os.WriteFile(base.Path(workspace.ConfigFile), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := workspace.Open(base.Root)
	if err != nil {
		t.Fatal(err)
	}
	old := exportFiles(t, base)

	// What a publish that is not stopped writes.
	refRoot := filepath.Join(t.TempDir(), "ref")
	copyTree(t, base.Root, refRoot)
	ref, err := workspace.Open(refRoot)
	if err != nil {
		t.Fatal(err)
	}
	counter := &failingFS{left: 1 << 30}
	counting := New("test")
	counting.Now, counting.Workers, counting.PublishFS = ap.Now, 2, counter
	publish(t, counting, ref, false)
	want := exportFiles(t, ref)
	total := 1<<30 - counter.left
	if _, ok := want["export/doc1/doc1.csv"]; ok {
		t.Fatal("doc1.csv is still there: the test no longer removes files")
	}

	// Every failure point with -publish.crash-all; by default a few,
	// spread over the three batches.
	var budgets []int
	for k := 0; k <= total; k++ {
		if *crashAll || k%(total/6+1) == 0 || k == total-1 {
			budgets = append(budgets, k)
		}
	}
	for _, budget := range budgets {
		root := filepath.Join(t.TempDir(), fmt.Sprint("crash", budget))
		copyTree(t, base.Root, root)
		ws, err := workspace.Open(root)
		if err != nil {
			t.Fatal(err)
		}
		crashing := New("test")
		crashing.Now, crashing.Workers = ap.Now, 2
		crashing.PublishFS = &failingFS{left: budget}
		_, err = crashing.Publish(ws, nil, PublishOptions{Labels: func(id string, _ map[string]any) string { return id }, LabelsID: "en"}, &transcript{})
		if err == nil {
			// The budget outlasted the writes: done.
			if d := differ(want, exportFiles(t, ws)); len(d) > 0 && !onlyManifests(d) {
				t.Fatalf("budget %d: finished, but %v differ from the reference", budget, d)
			}
			continue
		}
		if !errors.Is(err, errCrash) {
			t.Fatalf("budget %d: %v", budget, err)
		}
		got := exportFiles(t, ws)
		for name, f := range got {
			if strings.HasSuffix(name, ManifestName) {
				continue
			}
			if strings.HasSuffix(name, workspace.TempSuffix) {
				t.Errorf("budget %d: temporary file %s left", budget, name)
				continue
			}
			if o, ok := old[name]; ok && o.data == f.data {
				continue
			}
			if w, ok := want[name]; ok && w.data == f.data {
				continue
			}
			t.Errorf("budget %d: %s is neither old nor new", budget, name)
		}
		checkManifests(t, ws, got, old, want, fmt.Sprint("budget ", budget))
		// The next publish finishes the job, the one after has nothing to do.
		res, _ := publish(t, ap, ws, false)
		if d := differ(want, exportFiles(t, ws)); len(d) > 0 && !onlyManifests(d) {
			t.Errorf("budget %d: after the next publish %v differ from the reference", budget, d)
		}
		_ = res
		if res, _ := publish(t, ap, ws, false); res.Files != 0 || res.Unchanged != 4 {
			t.Errorf("budget %d: the publish after wrote %d files, %d unchanged", budget, res.Files, res.Unchanged)
		}
		if t.Failed() {
			return
		}
	}
}

// differ lists the files whose bytes differ, or that are in one only.
func differ(a, b map[string]fileID) []string {
	var out []string
	for k, v := range b {
		if w, ok := a[k]; !ok || w.data != v.data {
			out = append(out, k)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// onlyManifests: the differences are in manifests only (their times).
func onlyManifests(names []string) bool {
	for _, n := range names {
		if !strings.HasSuffix(n, ManifestName) {
			return false
		}
	}
	return true
}

// checkManifests: every export file is listed in its folder's manifest,
// and a manifest whose digests would be trusted (intact) vouches only for
// files that are complete: all of them as the last publish left them, or
// all as this one writes them.
func checkManifests(t *testing.T, ws *workspace.Workspace, got, old, want map[string]fileID, what string) {
	t.Helper()
	entries, err := os.ReadDir(ws.Path(ws.Config.Export))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		rel := filepath.Join(ws.Config.Export, e.Name())
		dir := ws.Path(rel)
		m, err := readManifest(dir, rel)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for name := range got {
			if filepath.Dir(name) != rel || strings.HasSuffix(name, ManifestName) {
				continue
			}
			if m == nil || !slices.Contains(m.Files, filepath.Base(name)) {
				t.Errorf("%s: %s is not in its folder's manifest", what, name)
			}
		}
		if m == nil || m.Aligned == "" || !m.intact(dir) {
			continue
		}
		allOld, allNew := true, true
		for _, f := range m.Files {
			name := filepath.Join(rel, f)
			allOld = allOld && old[name].data == got[name].data
			allNew = allNew && want[name].data == got[name].data
		}
		if !allOld && !allNew {
			t.Errorf("%s: the manifest of %s vouches for files that are a mix of old and new", what, rel)
		}
	}
}
