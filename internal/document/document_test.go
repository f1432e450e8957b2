package document_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestValidID(t *testing.T) {
	good := []string{"a", "zarechnoye-videos", "2019-reform", "a1-b2-c3"}
	bad := map[string]int{"": -1, "../x": 0, "a/b": 1, "a b": 1, "A": 0, "-a": 0, "a-": 1, "a--b": 2, "é": 0, strings.Repeat("a", 65): -1, "a.b": 1, "a\\b": 1}
	for _, id := range good {
		if err := document.ValidID(id); err != nil {
			t.Errorf("ValidID(%q) = %v", id, err)
		}
	}
	for id, off := range bad {
		var e *locale.Error
		if err := document.ValidID(id); !errors.As(err, &e) || e.ID != "document.bad-id" || e.Pos == nil || e.Pos.Offset != off {
			t.Errorf("ValidID(%q) = %v, want document.bad-id at %d", id, err, off)
		}
	}
}

func FuzzValidID(f *testing.F) {
	for _, s := range []string{"a", "../x", "a-b", "A", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if document.ValidID(id) != nil {
			return
		}
		// A valid id is always a single, local, clean path element.
		if !filepath.IsLocal(id) || filepath.Base(id) != id || filepath.Clean(id) != id || strings.ContainsAny(id, "/\\. ") {
			t.Fatalf("ValidID accepted %q", id)
		}
	})
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bom", "\ufeffHello\n", "Hello\n"},
		{"utf-16le with a mark", "\xff\xfeH\x00i\x00\r\x00\n\x00", "Hi\n"},
		{"utf-16be without a mark", "\x00H\x00i\x00\n", "Hi\n"},
		{"nul", "a\x00b", "a\uFFFDb\n"},
		{"crlf", "a\r\n\r\nb\r\n", "a\n\nb\n"},
		{"lone cr", "a\rb", "a\nb\n"},
		{"nfc", "й ё", "й ё\n"},
		{"kazakh letters stay", "Қазақстан әңгіме\n", "Қазақстан әңгіме\n"},
		{"trailing blank lines", "a\n\n\n", "a\n"},
		{"headings and paragraphs kept", "# T\n\np1\n\n## S\n\np2", "# T\n\np1\n\n## S\n\np2\n"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		got, err := document.Normalize("f", []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: Normalize = %q, %v; want %q", tt.name, got, err, tt.want)
		}
		if got, err := document.NormalizeString("f", []byte(tt.in)); err != nil || got != tt.want {
			t.Errorf("%s: NormalizeString = %q, %v; want %q", tt.name, got, err, tt.want)
		}
		if got, err := document.NormalizeOwned("f", []byte(tt.in)); err != nil || got != tt.want {
			t.Errorf("%s: NormalizeOwned = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	var e *locale.Error
	_, err := document.Normalize("f.txt", []byte("ok\nПривет\xffx"))
	if !errors.As(err, &e) || e.ID != "document.bad-utf8" || *e.Pos != (locale.Pos{File: "f.txt", Line: 2, Column: 7, Offset: 15}) {
		t.Errorf("bad UTF-8: %v (%+v)", err, e)
	}
	// Normalize only reads: its message does not say that nothing was
	// imported (segment, align-files, lexicon and tm lookup import
	// nothing); import says so with NotImported, at the same place.
	if strings.Contains(err.Error(), "imported") {
		t.Errorf("Normalize claims an import: %v", err)
	}
	ni := document.NotImported(err)
	if !errors.As(ni, &e) || e.ID != "document.bad-utf8.not-imported" || *e.Pos != (locale.Pos{File: "f.txt", Line: 2, Column: 7, Offset: 15}) || !strings.HasSuffix(ni.Error(), "; nothing was imported") {
		t.Errorf("NotImported: %v (%+v)", ni, e)
	}
	if locale.ID(err) != "document.bad-utf8" {
		t.Errorf("NotImported changed the error it was given: %v", err)
	}
	if document.NotImported(nil) != nil {
		t.Error("NotImported(nil) is not nil")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"a\r\nb", "\ufeffx", "й", "\xff", "# h\n\np", "\ufeffa\x00b\x00c", "\xff\xfeH\x00i\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := document.Normalize("f", in)
		if s, err2 := document.NormalizeString("f", in); s != string(out) || (err == nil) != (err2 == nil) {
			t.Fatalf("NormalizeString = %q, %v; Normalize %q, %v", s, err2, out, err)
		}
		if s, err2 := document.NormalizeOwned("f", bytes.Clone(in)); s != string(out) || (err == nil) != (err2 == nil) {
			t.Fatalf("NormalizeOwned = %q, %v; Normalize %q, %v", s, err2, out, err)
		}
		if err != nil {
			if utf8.Valid(in) {
				t.Fatalf("valid input refused: %v", err)
			}
			return
		}
		if !utf8.Valid(out) || strings.Contains(string(out), "\r") || strings.HasPrefix(string(out), "\ufeff") {
			t.Fatalf("bad output %q", out)
		}
		again, err := document.Normalize("f", out)
		if err != nil || string(again) != string(out) {
			t.Fatalf("not idempotent: %q -> %q", out, again)
		}
	})
}

var sampleTexts = map[string]string{
	"en": "# Heading\n\nOne: two. Three #4?\n",
	"ru": "# Заголовок\n\nРаз, два и три.\n",
	"kk": "# Тақырып: «тест»\n",
}

// span returns the Sentence for the first occurrence of s in lang's text.
func span(lang, s string) document.Sentence {
	i := strings.Index(sampleTexts[lang], s)
	if i < 0 {
		panic(s)
	}
	return document.Sentence{Start: i, End: i + len(s), Text: s}
}

func sample() *document.Alignment {
	return &document.Alignment{
		Document:  "demo",
		Pivot:     "en",
		Languages: []string{"en", "ru", "kk"},
		Sources:   map[string]string{"en": "e", "ru": "r", "kk": "k"},
		Groups: []*document.Group{
			{Status: document.Confirmed, Score: 0.97, Sents: map[string][]document.Sentence{
				"en": {span("en", "# Heading")},
				"ru": {span("ru", "# Заголовок")},
				"kk": {span("kk", "# Тақырып: «тест»")},
			}},
			{Status: document.Flagged, Score: 0.4, Note: "check: ru merges two", Sents: map[string][]document.Sentence{
				"en": {span("en", "One: two."), span("en", "Three #4?")},
				"ru": {span("ru", "Раз, два и три.")},
				"kk": {},
			}},
		},
	}
}

// TestAlignmentGolden pins the file format: readable, one sentence a line,
// and stable, so that re-saving gives the same bytes.
func TestAlignmentGolden(t *testing.T) {
	got, err := sample().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "alignment.golden.yaml")
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("Marshal differs from %s (run with -update):\n%s", golden, got)
	}
	back, err := document.ParseAlignment("alignment.yaml", got)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Marshal()
	if string(again) != string(got) {
		t.Errorf("round trip changed the file:\n%s", again)
	}
}

func TestParseAlignmentErrors(t *testing.T) {
	head := "document: d\npivot: en\nlanguages: [en, ru]\ngroups:\n"
	tests := []struct{ name, body, want string }{
		{"bad status", "  - status: done\n    score: 0.5\n", "a.yaml:5:13: unknown status \"done\""},
		{"bad score", "  - status: aligned\n    score: 7\n", "a.yaml:6:12: score must be a number from 0 to 1"},
		{"bad span", "  - status: aligned\n    score: 1\n    en:\n      - {at: 5-2, text: x}\n", "a.yaml:8:9: bad span \"5-2\""},
		{"unknown key", "  - status: aligned\n    colour: red\n", "a.yaml:6:5: unknown key \"colour\" in a group"},
		{"unknown language", "  - status: aligned\n    de: []\n", "unknown key \"de\""},
		{"no status", "  - score: 1\n", "a.yaml:5:5: group has no status"},
		{"not yaml", "  - [\n", "a.yaml:"},
	}
	if _, err := document.ParseAlignment("a.yaml", []byte("document: d\nlanguages: [en, \"../x\"]\n")); err == nil || !strings.Contains(err.Error(), "not a language code") {
		t.Errorf("a path as a language: %v", err)
	}
	for _, tt := range tests {
		_, err := document.ParseAlignment("a.yaml", []byte(head+tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParseAlignment(f *testing.F) {
	b, _ := sample().Marshal()
	f.Add(b)
	f.Add([]byte("groups: 3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := document.ParseAlignment("f", data)
		if err != nil {
			return
		}
		out, err := a.Marshal()
		if err != nil {
			t.Fatalf("parsed but cannot marshal: %v", err)
		}
		b, err := document.ParseAlignment("f", out)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, out)
		}
		out2, _ := b.Marshal()
		if string(out) != string(out2) {
			t.Fatalf("unstable:\n%s\n---\n%s", out, out2)
		}
	})
}

func TestVerify(t *testing.T) {
	a := sample()
	texts := map[string]string{}
	for l, t := range sampleTexts {
		texts[l] = t
	}
	if errs := a.Verify("a.yaml", texts); len(errs) != 0 {
		t.Fatalf("clean alignment: %v", errs)
	}
	texts["ru"] = "# Заголовок\n\nРаз, два и четыре.\n"
	if errs := a.Verify("a.yaml", texts); len(errs) != 1 || !strings.Contains(errs[0].Error(), "no longer holds") {
		t.Fatalf("changed text: %v", errs)
	}
}

func TestRebase(t *testing.T) {
	a := sample()
	// The English text gains a sentence in front and keeps both of group 2's.
	lost, conf := a.Rebase("en", "# Heading\n\nNew. One: two. Three #4?\n")
	if len(lost) != 0 || conf != 0 {
		t.Fatalf("lost %v", lost)
	}
	if s := a.Groups[1].Sents["en"][0]; s.Start != 16 || s.End != 25 {
		t.Errorf("span not moved: %+v", s)
	}
	if a.Groups[0].Status != document.Confirmed {
		t.Error("confirmation lost")
	}
	// The heading changes: the confirmed group 1 is detached and flagged.
	lost, conf = a.Rebase("en", "# Headline\n\nOne: two. Three #4?\n")
	if fmt.Sprint(lost) != "[1]" || conf != 1 || a.Groups[0].Status != document.Flagged || len(a.Groups[0].Sents["en"]) != 0 {
		t.Errorf("lost %v conf %d group %+v", lost, conf, a.Groups[0])
	}
}

// TestRebaseHeadingMarks: a heading that gains or loses its marks in a new
// version of the text (a plain text imported again as Markdown or HTML, or
// back) keeps its sentence, confirmation and all, and the sentence takes
// the marks as the new text has them: no stray "#" is left for align to
// put in a group of its own. Marks the old text had outside the sentence
// stay outside it, and so do marks when the old text is not known.
func TestRebaseHeadingMarks(t *testing.T) {
	for _, c := range []struct{ name, old, sent, text, want string }{
		{"gains", "Heading\n\nOne.\n", "Heading", "# Heading\n\nOne.\n", "# Heading"},
		{"gains level 2", "Heading\n\nOne.\n", "Heading", "##  Heading\n\nOne.\n", "##  Heading"},
		{"changes level", "# Heading\n\nOne.\n", "# Heading", "## Heading\n\nOne.\n", "## Heading"},
		{"loses", "# Heading\n\nOne.\n", "# Heading", "Heading\n\nOne.\n", "Heading"},
		{"kept", "# Heading\n\nOne.\n", "# Heading", "# Heading\n\nOne.\n", "# Heading"},
		{"not a heading", "Heading\n\nOne.\n", "Heading", "#Heading\n\nOne.\n", "Heading"},
		{"outside before", "# Heading\n\nOne.\n", "Heading", "# Heading\n\nOne!\n", "Heading"},
		{"old unknown", "", "Heading", "# Heading\n\nOne.\n", "Heading"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := strings.Index(c.old, c.sent)
			if c.old == "" {
				start = 0
			}
			a := &document.Alignment{Document: "demo", Pivot: "en", Languages: []string{"en"}, Groups: []*document.Group{
				{Status: document.Confirmed, Sents: map[string][]document.Sentence{"en": {{Start: start, End: start + len(c.sent), Text: c.sent}}}},
				{Status: document.Aligned, Sents: map[string][]document.Sentence{"en": {{Text: "One."}}}},
			}}
			lost, _ := a.RebaseFrom("en", c.old, c.text)
			if len(lost) > 1 || len(lost) == 1 && lost[0] != 2 {
				t.Fatalf("lost groups %v", lost)
			}
			s := a.Groups[0].Sents["en"][0]
			if s.Text != c.want || c.text[s.Start:s.End] != c.want || a.Groups[0].Status != document.Confirmed {
				t.Errorf("got %q at %d-%d, status %v; want %q", s.Text, s.Start, s.End, a.Groups[0].Status, c.want)
			}
		})
	}
}

func TestImport(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	res, err := document.Import(ws, "demo", "en", []byte("# Heading\r\n\r\nOne: two. Three #4?"), "en.txt", document.ImportOptions{Now: now})
	if err != nil || !res.Created {
		t.Fatalf("Import: %+v %v", res, err)
	}
	d := res.Doc
	a := sample()
	a.Languages = []string{"en"}
	a.Groups = a.Groups[:1]
	a.Groups[0].Sents = map[string][]document.Sentence{"en": {{Start: 0, End: 9, Text: "# Heading"}}}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
	// A change that drops the confirmed sentence is refused without force,
	// and nothing is written.
	_, err = document.Import(ws, "demo", "en", []byte("# Other\n\nOne: two. Three #4?\n"), "en.txt", document.ImportOptions{Now: now})
	var lose *locale.Error
	if !errors.As(err, &lose) || lose.ID != "document.would-lose" || lose.Data["Confirmed"] != 1 {
		t.Fatalf("want document.would-lose, got %v", err)
	}
	if text, _ := d.Text("en"); !strings.HasPrefix(text, "# Heading") {
		t.Fatal("refused import changed the text")
	}
	// A change that keeps every aligned sentence goes through and rebases.
	res, err = document.Import(ws, "demo", "en", []byte("Intro.\n\n# Heading\n\nOne: two. Three #4?\n"), "en.txt", document.ImportOptions{Now: now})
	if err != nil || len(res.Lost) != 0 {
		t.Fatalf("Import: %+v %v", res, err)
	}
	d, _ = document.Open(ws, "demo")
	b, _ := d.Alignment()
	if s := b.Groups[0].Sents["en"][0]; s.Start != 8 || b.Groups[0].Status != document.Confirmed {
		t.Errorf("after rebase: %+v %s", s, b.Groups[0].Status)
	}
	if b.Sources["en"] != d.Meta.Versions["en"].SHA256 {
		t.Error("alignment source hash not updated")
	}
	// With force, the detached group is kept and flagged.
	res, err = document.Import(ws, "demo", "en", []byte("Something else.\n"), "en.txt", document.ImportOptions{Force: true, Now: now})
	if err != nil || res.LostConfirmed != 1 {
		t.Fatalf("forced Import: %+v %v", res, err)
	}
	d, _ = document.Open(ws, "demo")
	b, _ = d.Alignment()
	if b.Groups[0].Status != document.Flagged || !b.Groups[0].Detached {
		t.Errorf("forced import: %+v", b.Groups[0])
	}
}

func ExampleValidID() {
	fmt.Println(document.ValidID("zarechnoye-videos"))
	fmt.Println(document.ValidID("../etc"))
	// Output:
	// <nil>
	// invalid document id ../etc
}

// TestFoldersFollowsLinks: a document folder that is a symbolic link was
// left out of every listing (a link's DirEntry is not a folder), so a
// document moved elsewhere in the workspace and linked back, or one whose
// link's target is gone, vanished from status without a word. A link to
// a folder is listed as the folder is; one that leads nowhere is listed,
// so that opening it names the link; a link to a file is passed over as a
// file is.
func TestFoldersFollowsLinks(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"archive/moved/meta.yaml", "documents/a/meta.yaml", "documents/readme"} {
		p := ws.Path(f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"moved": "../archive/moved", "gone": "../archive/gone", "note": "readme"} {
		if err := os.Symlink(target, ws.Path(document.Folder, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	ids, unlisted, err := document.Folders(ws)
	if err != nil || fmt.Sprint(ids) != "[a gone moved]" || len(unlisted) != 0 {
		t.Fatalf("Folders: %v %v %v", ids, unlisted, err)
	}
	if _, err := document.Open(ws, "gone"); err == nil || !strings.Contains(err.Error(), "documents/gone is a link to ../archive/gone") {
		t.Errorf("opening a document whose folder's link dangles: %v", err)
	}
}

// TestFoldersKeepsUnreadable: a document folder whose meta.yaml cannot be
// looked at (the folder is not readable by the user) is listed, so that
// opening it says why; it was left out of List and Unlisted both, and
// status said "the workspace has no documents yet", exit 0. Folders gives
// both lists from one walk, equal to List and Unlisted.
func TestFoldersKeepsUnreadable(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a/meta.yaml", "lost/en.txt", "Bad.Name/en.txt", "notes/readme.md", "shut/meta.yaml"} {
		p := ws.Path(document.Folder, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ids, unlisted, err := document.Folders(ws)
	if err != nil || fmt.Sprint(ids) != "[a shut]" || fmt.Sprint(unlisted) != "[lost]" {
		t.Fatalf("Folders: %v %v %v", ids, unlisted, err)
	}
	if l, _ := document.List(ws); fmt.Sprint(l) != fmt.Sprint(ids) {
		t.Errorf("List %v", l)
	}
	if u, _ := document.Unlisted(ws); fmt.Sprint(u) != fmt.Sprint(unlisted) {
		t.Errorf("Unlisted %v", u)
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads a folder of mode 000: run as another user to test that")
	}
	shut := ws.Path(document.Folder, "shut")
	if err := os.Chmod(shut, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(shut, 0o755)
	if ids, _, err := document.Folders(ws); err != nil || fmt.Sprint(ids) != "[a shut]" {
		t.Errorf("an unreadable folder: %v %v", ids, err)
	}
	if _, err := document.Open(ws, "shut"); err == nil {
		t.Error("opening an unreadable document gave no error")
	}
}

// TestTextAsStored: a text git checked out with core.autocrlf, or a
// Windows editor saved with a byte-order mark, reads as the text tilmash
// stored (LF, no BOM): its sha256 is meta.yaml's and the spans of
// alignment.yaml still hold their sentences. A change opened on it sees
// the same text.
func TestTextAsStored(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	stored := "# Heading\n\nOne: two. Three.\n"
	res, err := document.Import(ws, "demo", "en", []byte(stored), "en.txt", document.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, disk := range map[string]string{
		"CRLF":      strings.ReplaceAll(stored, "\n", "\r\n"),
		"BOM":       "\ufeff" + stored,
		"BOM, CRLF": "\ufeff" + strings.ReplaceAll(stored, "\n", "\r\n"),
	} {
		if err := os.WriteFile(res.Doc.TextFile("en"), []byte(disk), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := document.Open(ws, "demo")
		if err != nil {
			t.Fatal(err)
		}
		if text, err := d.Text("en"); err != nil || text != stored || document.Hash(text) != d.Meta.Versions["en"].SHA256 {
			t.Errorf("%s: Text = %q, %v; want the stored text", name, text, err)
		}
		c, err := document.Begin(ws, "demo")
		if err != nil {
			t.Fatal(err)
		}
		if text, err := c.Text("en"); err != nil || text != stored {
			t.Errorf("%s: Change.Text = %q, %v; want the stored text", name, text, err)
		}
	}
	// A carriage return that does not end a line is the text's own.
	if err := os.WriteFile(res.Doc.TextFile("en"), []byte("a\rb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if text, _ := res.Doc.Text("en"); text != "a\rb\n" {
		t.Errorf("lone CR: Text = %q", text)
	}
}
