package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

// xliffDoc is a workspace with the review sample "aral" (a 2-2-2 group, a
// group without Kazakh) and the app that works on it.
func xliffDoc(t *testing.T) (*App, *workspace.Workspace, *document.Document) {
	t.Helper()
	ws, err := reviewtest.Workspace(t.TempDir(), "aral", reviewtest.Uneven)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "aral")
	if err != nil {
		t.Fatal(err)
	}
	return New("test"), ws, d
}

// exportXLIFF writes the en-kk XLIFF of d in format (xliff or xliff12).
func exportXLIFF(t *testing.T, d *document.Document, format string) []byte {
	t.Helper()
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.Write(&b, format, d, a, export.Options{Langs: []string{"en", "kk"}, Source: "en", Target: "kk"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// files reads every file of the workspace but the journal.
func files(t *testing.T, ws *workspace.Workspace) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(ws.Root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && e.Name() == journal.Folder {
			return filepath.SkipDir
		}
		if !e.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(ws.Root, p)
			out[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func importXLIFF(t *testing.T, ap *App, ws *workspace.Workspace, data []byte, opt ImportXLIFFOptions) (*ImportXLIFFResult, error) {
	t.Helper()
	f, err := ReadXLIFFFile(Input{Name: "aral.en-kk.xlf", Data: data})
	if err != nil {
		return nil, err
	}
	return ap.ImportXLIFF(ws, f, opt)
}

// TestImportXLIFFUntouched: a file back from a tool that changed nothing
// changes nothing, in both versions.
func TestImportXLIFFUntouched(t *testing.T) {
	for _, format := range []string{"xliff", "xliff12"} {
		ap, ws, d := xliffDoc(t)
		before := files(t, ws)
		res, err := importXLIFF(t, ap, ws, exportXLIFF(t, d, format), ImportXLIFFOptions{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if res.Edit != nil || res.Groups != 0 || res.ID != "aral" || res.Target != "kk" {
			t.Errorf("%s: an untouched file changed %d groups: %+v", format, res.Groups, res)
		}
		if after := files(t, ws); !equalFiles(before, after) {
			t.Errorf("%s: files changed", format)
		}
	}
}

func equalFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// roundTrip checks an import that replaced the Kazakh target of group 2
// with want: the Kazakh text holds it where the old sentences were, the
// other texts are byte for byte what they were, every other group is as it
// was, and undo gives every file back.
func roundTrip(t *testing.T, ap *App, ws *workspace.Workspace, d *document.Document, before map[string]string, res *ImportXLIFFResult, want, note string) {
	t.Helper()
	if res.Edit == nil || res.Groups != 1 || res.Texts != 1 {
		t.Fatalf("result %+v", res)
	}
	after := files(t, ws)
	kk := filepath.Join("documents", "aral", "kk.txt")
	for name, data := range before {
		switch name {
		case kk, filepath.Join("documents", "aral", "alignment.yaml"), filepath.Join("documents", "aral", "meta.yaml"):
		default:
			if after[name] != data {
				t.Errorf("%s changed", name)
			}
		}
	}
	old := "Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады. Судья жаңа дәлелдер сұрады."
	if got := strings.Replace(before[kk], old, want, 1); after[kk] != got {
		t.Errorf("kk.txt:\n%s\nwant:\n%s", after[kk], got)
	}
	a0, err := document.ParseAlignment("before", []byte(before[filepath.Join("documents", "aral", "alignment.yaml")]))
	if err != nil {
		t.Fatal(err)
	}
	a1, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	for i := range a0.Groups {
		g0, g1 := a0.Groups[i], a1.Groups[i]
		for _, l := range a0.Languages {
			if i == 1 && l == "kk" {
				if g1.Text(l) != want {
					t.Errorf("group 2 kk = %q, want %q", g1.Text(l), want)
				}
				continue
			}
			if g0.Text(l) != g1.Text(l) {
				t.Errorf("group %d %s changed: %q", i+1, l, g1.Text(l))
			}
		}
		wantNote := g0.Note
		if i == 1 {
			wantNote = note
		}
		if g0.Status != g1.Status || g1.Note != wantNote {
			t.Errorf("group %d: %s %q, was %s %q", i+1, g1.Status, g1.Note, g0.Status, g0.Note)
		}
	}
	if _, err := ap.Undo(d, 1, false); err != nil {
		t.Fatal(err)
	}
	if !equalFiles(before, files(t, ws)) {
		t.Error("undo did not give the files back")
	}
}

// TestImportXLIFFTranslateToolkit is the round trip of the issue: export
// XLIFF 1.2, edit one target and add a note with Translate Toolkit's
// Python API (as its editors and Pootle/Weblate do), import it back.
func TestImportXLIFFTranslateToolkit(t *testing.T) {
	py := testenv.Python(t, "translate.storage.xliff", "apt-get install translate-toolkit")
	ap, ws, d := xliffDoc(t)
	before := files(t, ws)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "aral.en-kk.xliff"), filepath.Join(dir, "edited.xliff")
	if err := os.WriteFile(in, exportXLIFF(t, d, "xliff12"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
unit = [u for u in store.units if u.getid().endswith("2")][0]
unit.target = "Сот дүйсенбі күні іске кірісті. Судья дәлел сұрады."
unit.addnote("Айгүл тексерді", origin="translator")
store.savefile(sys.argv[2])
`
	if o, err := exec.Command(py, "-c", script, in, out).CombinedOutput(); err != nil {
		t.Fatalf("Translate Toolkit: %v\n%s", err, o)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importXLIFF(t, ap, ws, data, ImportXLIFFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The group was aligned, the file says translated: it stays aligned;
	// its old note was empty, so the translator's note is the note.
	roundTrip(t, ap, ws, d, before, res, "Сот дүйсенбі күні іске кірісті. Судья дәлел сұрады.", "Айгүл тексерді")
}

// TestImportXLIFFThroughPO: a translator who works in PO converts the
// XLIFF 1.2 export with Translate Toolkit's xliff2po, edits a msgstr, and
// converts back with po2xliff, which writes XLIFF 1.1, numbers the units
// anew (the exported id stays as the PO location), adds the PO header as
// a unit and leaves out the target language. The file is read as 1.2, by
// the exported ids; the missing target language is told as such, and once
// added the import applies the one edit.
func TestImportXLIFFThroughPO(t *testing.T) {
	xliff2po := testenv.Command(t, "xliff2po", "apt-get install translate-toolkit")
	po2xliff := testenv.Command(t, "po2xliff", "apt-get install translate-toolkit")
	ap, ws, d := xliffDoc(t)
	before := files(t, ws)
	dir := t.TempDir()
	in, po, out := filepath.Join(dir, "aral.en-kk.xliff"), filepath.Join(dir, "aral.po"), filepath.Join(dir, "back.xliff")
	if err := os.WriteFile(in, exportXLIFF(t, d, "xliff12"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err := exec.Command(xliff2po, "-i", in, "-o", po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, o)
	}
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	// The msgstr of the entry at location 2 (group 2), however wrapped.
	text := string(data)
	i := strings.Index(text, "\n#: 2\n")
	j := strings.Index(text[i:], "\nmsgstr ")
	k := strings.Index(text[i+j:], "\n\n")
	if i < 0 || j < 0 || k < 0 {
		t.Fatalf("no entry 2 in the PO:\n%s", text)
	}
	text = text[:i+j] + "\nmsgstr \"Сот дүйсенбі күні іске кірісті. Судья дәлел сұрады.\"" + text[i+j+k:]
	if err := os.WriteFile(po, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err := exec.Command(po2xliff, "-i", po, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("po2xliff: %v\n%s", err, o)
	}
	if data, err = os.ReadFile(out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`version="1.1"`)) {
		t.Logf("po2xliff no longer writes XLIFF 1.1:\n%s", data)
	}
	if bytes.Contains(data, []byte("target-language")) {
		t.Logf("po2xliff now writes a target language:\n%s", data)
	}
	// No target language in the file: the units left as exported are the
	// document's Kazakh texts, so it is Kazakh.
	res, err := importXLIFF(t, ap, ws, data, ImportXLIFFOptions{ID: "aral"})
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if res.Target != "kk" {
		t.Errorf("target %q, want kk", res.Target)
	}
	roundTrip(t, ap, ws, d, before, res, "Сот дүйсенбі күні іске кірісті. Судья дәлел сұрады.", "")
}

// TestImportXLIFFTargetFromDocument: a file that names no target
// language (po2xliff's) takes it from the document when the targets are
// the texts of one of its languages; otherwise the error names --lang. A
// language given that the texts contradict is refused, as is one that
// differs from the file's.
func TestImportXLIFFTargetFromDocument(t *testing.T) {
	const edited = "Сот іске кірісті."
	noTarget := func(t *testing.T, d *document.Document, editAll bool) []byte {
		t.Helper()
		data := string(exportXLIFF(t, d, "xliff12"))
		if !strings.Contains(data, ` target-language="kk"`) {
			t.Fatalf("no target-language in the export:\n%s", data)
		}
		data = strings.Replace(data, ` target-language="kk"`, "", 1)
		old := "Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады. Судья жаңа дәлелдер сұрады."
		data = strings.Replace(data, ">"+old+"<", ">"+edited+"<", 1)
		if editAll {
			// every other target changed too: nothing says which
			// language they are
			for _, old := range regexp.MustCompile(`<target[^>]*>([^<]+)</target>`).FindAllStringSubmatch(data, -1) {
				if old[1] != edited {
					data = strings.Replace(data, ">"+old[1]+"<", ">Өзгертілген мәтін.<", 1)
				}
			}
		}
		return []byte(data)
	}
	for _, tc := range []struct {
		name     string
		editAll  bool
		given    string
		fileLang string // target-language put back into the file
		wantErr  string
		wantFrom string
	}{
		{name: "from the document", wantFrom: "document"},
		{name: "given", given: "kk", wantFrom: "option"},
		{name: "every target edited", editAll: true, wantErr: "xliff.no-lang.target"},
		{name: "every target edited, given", editAll: true, given: "kk", wantFrom: "option"},
		{name: "given against the texts", given: "ru", wantErr: "import-xliff.lang-texts"},
		{name: "given against the file", given: "ru", fileLang: "kk", wantErr: "import-xliff.lang-differs"},
		{name: "given not a language of the document", given: "de", wantErr: "document.bad-language"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ap, ws, d := xliffDoc(t)
			before := files(t, ws)
			data := noTarget(t, d, tc.editAll)
			if tc.fileLang != "" {
				data = bytes.Replace(data, []byte(`source-language="en"`), []byte(`source-language="en" target-language="`+tc.fileLang+`"`), 1)
			}
			res, err := importXLIFF(t, ap, ws, data, ImportXLIFFOptions{Target: tc.given})
			if tc.wantErr != "" {
				if locale.ID(err) != tc.wantErr {
					t.Fatalf("error %v (%s), want %s", err, locale.ID(err), tc.wantErr)
				}
				var e *locale.Error
				if tc.wantErr == "xliff.no-lang.target" && (!errors.As(err, &e) || e.Hint != "import-xliff.no-target.hint") {
					t.Errorf("the hint is not the one naming --lang: %+v", e)
				}
				if after := files(t, ws); !equalFiles(before, after) {
					t.Errorf("files changed")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Target != "kk" || res.TargetFrom != tc.wantFrom {
				t.Errorf("target %q from %q, want kk from %q", res.Target, res.TargetFrom, tc.wantFrom)
			}
			if !tc.editAll {
				roundTrip(t, ap, ws, d, before, res, edited, "")
			}
		})
	}
}

// TestImportXLIFF20 is the same round trip with XLIFF 2.0, edited as a
// tool writes it back: the target split into two segments.
func TestImportXLIFF20(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	before := files(t, ws)
	data := string(exportXLIFF(t, d, "xliff"))
	old := "<target>Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады. Судья жаңа дәлелдер сұрады.</target>"
	if !strings.Contains(data, old) {
		t.Fatalf("export has no %s:\n%s", old, data)
	}
	data = strings.Replace(data, old, "<target>Сот   іске\n кірісті.</target>", 1)
	res, err := importXLIFF(t, ap, ws, []byte(data), ImportXLIFFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, ap, ws, d, before, res, "Сот іске кірісті.", "")
}

// TestImportXLIFFProblems: a changed source, an unknown unit and an
// emptied target are reported with their place, and nothing is written;
// with Force they are skipped and the rest is applied.
func TestImportXLIFFProblems(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	before := files(t, ws)
	data := string(exportXLIFF(t, d, "xliff12"))
	for _, r := range [][2]string{
		{"<source>Court hears", "<source>A court hears"},
		{`<trans-unit id="5"`, `<trans-unit id="50"`},
		{">東京 қаласынан келген делегация бақылаушы ретінде қатысты.</target>", "></target>"},
		{">Суд выслушал", ">Суд выслушал"}, // not in an en-kk file: no change
		{"Балықшылардың адвокаттары бұл шешімді құптады.</target>", "Адвокаттар шешімді құптады.</target>"},
	} {
		data = strings.Replace(data, r[0], r[1], 1)
	}
	res, err := importXLIFF(t, ap, ws, []byte(data), ImportXLIFFOptions{})
	var le *locale.Error
	if !errors.As(err, &le) || le.Kind != locale.Findings || le.ID != "import-xliff.refused" {
		t.Fatalf("error %v, want import-xliff.refused of kind Findings", err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Message+" "+p.Data["Pos"].(string))
	}
	want := []string{
		"import-xliff.problem.source-changed aral.en-kk.xlf:9:17",
		"import-xliff.problem.unknown-unit aral.en-kk.xlf:25:7", // after unit 4's empty target (no kk)
		"import-xliff.problem.target-emptied aral.en-kk.xlf:31:50",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s\nfile:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), data)
	}
	if !equalFiles(before, files(t, ws)) {
		t.Fatal("a refused import wrote files")
	}
	res, err = importXLIFF(t, ap, ws, []byte(data), ImportXLIFFOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Groups != 1 || res.Texts != 1 || len(res.Problems) != 3 {
		t.Errorf("forced import: %+v", res)
	}
	kk, _ := d.Text("kk")
	if !strings.Contains(kk, "Адвокаттар шешімді құптады.") || !strings.Contains(kk, "Сот арал балықшыларын тыңдады") || !strings.Contains(kk, "東京 қаласынан") {
		t.Errorf("kk after the forced import:\n%s", kk)
	}
}

// TestImportXLIFFStates: signed-off confirms, a state short of it takes a
// confirmation back; the journal holds one step for all of it.
func TestImportXLIFFStates(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	data := string(exportXLIFF(t, d, "xliff12"))
	// Group 1 is confirmed, group 2 aligned (Uneven: c, a, f, c, a, f).
	data = strings.Replace(data, `<trans-unit id="1" approved="yes" `, `<trans-unit id="1" `, 1)
	data = strings.Replace(data, `<target state="signed-off">Сот арал`, `<target state="needs-review-translation">Сот арал`, 1)
	data = strings.Replace(data, `<target state="translated">Дүйсенбі`, `<target state="final">Дүйсенбі`, 1)
	res, err := importXLIFF(t, ap, ws, []byte(data), ImportXLIFFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Confirmed != 1 || res.Unconfirmed != 1 || res.Groups != 2 || res.Texts != 0 {
		t.Fatalf("result %+v\n%s", res, data)
	}
	a, _ := d.Alignment()
	if a.Groups[0].Status != document.Aligned || a.Groups[1].Status != document.Confirmed {
		t.Errorf("statuses %s, %s", a.Groups[0].Status, a.Groups[1].Status)
	}
	if res.Edit.Step != 1 {
		t.Errorf("step %d, want 1", res.Edit.Step)
	}
}

// TestImportXLIFFStaleFile: a file exported before work done in tilmash
// comes back later. What the translator changed in it is applied; what
// they left as exported does not undo tilmash's work since: a corrected
// text, a confirmation given or taken back. A target changed on both
// sides is a conflict: refused, or skipped with Force (tilmash's stays).
func TestImportXLIFFStaleFile(t *testing.T) {
	for _, format := range []string{"xliff", "xliff12"} {
		ap, ws, d := xliffDoc(t)
		stale := string(exportXLIFF(t, d, format))
		// Work in tilmash after the export, through a first import: group 1
		// (confirmed) taken back, group 2 corrected, group 3 (flagged)
		// confirmed.
		now := string(exportXLIFF(t, d, "xliff12"))
		for _, r := range [][2]string{
			{`<trans-unit id="1" approved="yes" `, `<trans-unit id="1" `},
			{`<target state="signed-off">Сот арал`, `<target state="needs-review-translation">Сот арал`},
			{"Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады.", "Сот дүйсенбіде іске кірісті."},
			{`<target state="needs-review-translation">Балықшылардың`, `<target state="signed-off">Балықшылардың`},
		} {
			if !strings.Contains(now, r[0]) {
				t.Fatalf("%s: no %s in\n%s", format, r[0], now)
			}
			now = strings.Replace(now, r[0], r[1], 1)
		}
		if _, err := importXLIFF(t, ap, ws, []byte(now), ImportXLIFFOptions{}); err != nil {
			t.Fatal(err)
		}
		// The translator's work in the stale file: the text of the group of 東京.
		back := strings.Replace(stale, "東京 қаласынан келген делегация бақылаушы ретінде қатысты.", "Токиодан келген делегация бақылаушы болды.", 1)
		res, err := importXLIFF(t, ap, ws, []byte(back), ImportXLIFFOptions{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if res.Groups != 1 || res.Texts != 1 || res.Confirmed != 0 || res.Unconfirmed != 0 {
			t.Errorf("%s: result %+v, want one text only", format, res)
		}
		a, _ := d.Alignment()
		tokyo := ""
		for _, g := range a.Groups {
			if k := g.Text("kk"); strings.Contains(k, "Токио") || strings.Contains(k, "東京") {
				tokyo = k
			}
		}
		got := []string{string(a.Groups[0].Status), a.Groups[1].Text("kk"), string(a.Groups[2].Status), tokyo}
		want := []string{"aligned", "Сот дүйсенбіде іске кірісті. Судья жаңа дәлелдер сұрады.", "confirmed", "Токиодан келген делегация бақылаушы болды."}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: after the stale file:\n%s\nwant:\n%s", format, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// Group 2 changed in the file too: a conflict, nothing written;
		// forced, tilmash's text stays and the rest is applied.
		both := strings.Replace(back, "Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады.", "Аударманың өз нұсқасы.", 1)
		before := files(t, ws)
		res, err = importXLIFF(t, ap, ws, []byte(both), ImportXLIFFOptions{})
		if locale.ID(err) != "import-xliff.refused" || len(res.Problems) != 1 || res.Problems[0].Message != "import-xliff.problem.target-conflict" {
			t.Fatalf("%s: both changed: %v %+v", format, err, res)
		}
		if !equalFiles(before, files(t, ws)) {
			t.Fatalf("%s: a refused import wrote files", format)
		}
		if _, err = importXLIFF(t, ap, ws, []byte(both), ImportXLIFFOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		a, _ = d.Alignment()
		if g := a.Groups[1].Text("kk"); g != want[1] {
			t.Errorf("%s: forced past a conflict, group 2 has %q, want tilmash's %q", format, g, want[1])
		}
	}
}
