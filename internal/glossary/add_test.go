package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

var newEntry = &Entry{
	ID: "astana-hub", Kind: Organization, Note: "IT park in Astana",
	Langs: map[string]*Form{
		"kk": {Term: "Astana Hub", Variants: []string{"«Astana Hub»"}},
		"en": {Term: "Astana Hub"},
		"ru": {Term: "Astana Hub", Forbidden: []string{"Астана Хаб"}, Inflect: "none"},
	},
}

const handWritten = `# People of the story. Keep this comment.
terms:
  # The president.
  - id: tokayev   # since 2019
    kind: person
    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev]}
    ru: {term: Касым-Жомарт Токаев}
    kk: {term: Қасым-Жомарт Тоқаев}

  - id: almaty
    kind: place
    en:
      term: Almaty
      forbidden: [Alma-Ata]
    ru: {term: Алматы}
    kk: {term: Алматы}
# trailing comment
`

func TestAddEntryKeepsFile(t *testing.T) {
	for _, c := range []struct{ name, before, want string }{
		// Entries parted by blank lines: the new one too.
		{"hand-written", handWritten, handWritten + `
  - id: astana-hub
    kind: organization
    note: IT park in Astana
    en: {term: Astana Hub}
    ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
    kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
		{"blank line at the end", "terms:\n  - id: y\n    en: {term: Y}\n\n  - id: x\n    en: {term: X}\n\n", "terms:\n  - id: y\n    en: {term: Y}\n\n  - id: x\n    en: {term: X}\n\n" + `  - id: astana-hub
    kind: organization
    note: IT park in Astana
    en: {term: Astana Hub}
    ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
    kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
		{"entries not parted", "terms:\n  - id: y\n    en: {term: Y}\n  - id: x\n    en: {term: X}\n", "terms:\n  - id: y\n    en: {term: Y}\n  - id: x\n    en: {term: X}\n" + `  - id: astana-hub
    kind: organization
    note: IT park in Astana
    en: {term: Astana Hub}
    ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
    kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
		{"deeper indent, no final newline", "terms:\n    -   id: a\n        en: {term: A}", "terms:\n    -   id: a\n        en: {term: A}\n" + `    - id: astana-hub
      kind: organization
      note: IT park in Astana
      en: {term: Astana Hub}
      ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
      kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
		{"empty list", "# new glossary\nterms:\n", "# new glossary\nterms:\n" + `  - id: astana-hub
    kind: organization
    note: IT park in Astana
    en: {term: Astana Hub}
    ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
    kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
		{"comment only", "# nothing yet\n", "# nothing yet\nterms:\n" + `  - id: astana-hub
    kind: organization
    note: IT park in Astana
    en: {term: Astana Hub}
    ru: {term: Astana Hub, forbidden: [Астана Хаб], inflect: none}
    kk: {term: Astana Hub, variants: [«Astana Hub»]}
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "g.yaml")
			if err := os.WriteFile(file, []byte(c.before), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := AddEntry(file, newEntry); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(file)
			if string(got) != c.want {
				t.Errorf("file after AddEntry:\n%s\nwant:\n%s", got, c.want)
			}
			if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
				t.Errorf("mode = %v, want 0600 kept", st.Mode().Perm())
			}
			g, probs, err := Load(filepath.Dir(file), nil)
			if err != nil || len(probs) > 0 {
				t.Fatalf("reload: %v %s", err, lintReport(probs))
			}
			e := g.Lookup("astana-hub")
			if e == nil || e.Langs["ru"].Inflect != "none" || e.Langs["kk"].Variants[0] != "«Astana Hub»" || e.Note != newEntry.Note {
				t.Errorf("reloaded entry = %+v", e)
			}
		})
	}
}

// TestAddEntrySorted: in a terms list in id order the entry goes where
// its id belongs, as text, before the comment lines of the entry it
// precedes, so that two editors adding different names to one glossary
// change different lines; a list in another order gets it at the end.
func TestAddEntrySorted(t *testing.T) {
	e := &Entry{ID: "m", Kind: Other, Langs: map[string]*Form{"en": {Term: "M"}}}
	const m = "  - id: m\n    kind: other\n    en: {term: M}\n"
	for _, c := range []struct{ name, before, want string }{
		{"between, parted by blank lines",
			"# head\nterms:\n  - id: a\n    en: {term: A}\n\n  - id: z\n    en: {term: Z}\n",
			"# head\nterms:\n  - id: a\n    en: {term: A}\n\n" + m + "\n  - id: z\n    en: {term: Z}\n"},
		{"between, not parted",
			"terms:\n  - id: a\n    en: {term: A}\n  - id: z\n    en: {term: Z}\n",
			"terms:\n  - id: a\n    en: {term: A}\n" + m + "  - id: z\n    en: {term: Z}\n"},
		{"before the comments of the next entry",
			"terms:\n  - id: a   # first\n    en: {term: A}\n\n  # the last one\n  # (two lines)\n  - id: z\n    en: {term: Z}\n# end\n",
			"terms:\n  - id: a   # first\n    en: {term: A}\n\n" + m + "\n  # the last one\n  # (two lines)\n  - id: z\n    en: {term: Z}\n# end\n"},
		{"first",
			"terms:\n  # names\n  - id: x\n    en: {term: X}\n  - id: z\n    en: {term: Z}\n",
			"terms:\n" + m + "  # names\n  - id: x\n    en: {term: X}\n  - id: z\n    en: {term: Z}\n"},
		{"first, parted by blank lines",
			"terms:\n  - id: x\n    en: {term: X}\n\n  # z\n  - id: z\n    en: {term: Z}\n",
			"terms:\n" + m + "\n  - id: x\n    en: {term: X}\n\n  # z\n  - id: z\n    en: {term: Z}\n"},
		{"last", "terms:\n  - id: a\n    en: {term: A}\n", "terms:\n  - id: a\n    en: {term: A}\n" + m},
		{"not in id order: at the end",
			"terms:\n  - id: z\n    en: {term: Z}\n  - id: a\n    en: {term: A}\n",
			"terms:\n  - id: z\n    en: {term: Z}\n  - id: a\n    en: {term: A}\n" + m},
		{"a flow list, through the node tree",
			"terms: [{id: a, en: {term: A}}, {id: z, en: {term: Z}}]\n",
			"terms:\n  - {id: a, en: {term: A}}\n  - id: m\n    kind: other\n    en: {term: M}\n  - {id: z, en: {term: Z}}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "g.yaml")
			if err := os.WriteFile(file, []byte(c.before), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := AddEntry(file, e); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(file)
			if string(got) != c.want {
				t.Errorf("file after AddEntry:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestAddEntryNodePath: when terms is not the last block, the file is
// rewritten through the node tree; comments and order survive.
func TestAddEntryNodePath(t *testing.T) {
	file := filepath.Join(t.TempDir(), "g.yaml")
	before := "# head comment\nterms: [{id: a, en: {term: A}}]  # flow list\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := AddEntry(file, newEntry); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), "# head comment") || !strings.Contains(string(got), "# flow list") {
		t.Errorf("comments lost:\n%s", got)
	}
	g, probs := Parse(file, got, nil)
	if len(probs) > 0 || len(g.Entries) != 2 || g.Entries[0].ID != "a" || g.Entries[1].ID != "astana-hub" {
		t.Errorf("after add: %v %s\n%s", g.Entries, lintReport(probs), got)
	}
}

func TestAddEntryNewFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "new.yaml")
	if err := AddEntry(file, newEntry); err != nil {
		t.Fatal(err)
	}
	g, probs, err := Load(filepath.Dir(file), workspaceLangs)
	if err != nil || len(probs) > 0 || g.Lookup("astana-hub") == nil {
		t.Fatalf("%v %s", err, lintReport(probs))
	}
}

func TestAddEntryErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "g.yaml")
	if err := os.WriteFile(file, []byte(handWritten), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("terms:\n  - id: a\n    en: {term: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notList := filepath.Join(dir, "map.yaml")
	if err := os.WriteFile(notList, []byte("terms:\n  id: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok := func() *Entry { return &Entry{ID: "x", Kind: Place, Langs: map[string]*Form{"en": {Term: "X"}}} }
	cases := []struct {
		name string
		file string
		e    *Entry
		code string
		line int
	}{
		{"bad id", file, &Entry{ID: "Almaty City", Langs: map[string]*Form{"en": {Term: "X"}}}, CodeAddInvalidID, 0},
		{"bad kind", file, &Entry{ID: "x", Kind: "city", Langs: map[string]*Form{"en": {Term: "X"}}}, CodeAddInvalidKind, 0},
		{"no forms", file, &Entry{ID: "x"}, CodeAddNoForms, 0},
		{"empty term", file, &Entry{ID: "x", Langs: map[string]*Form{"kk": {Term: " "}}}, CodeAddMissingTerm, 0},
		{"bad inflect", file, &Entry{ID: "x", Langs: map[string]*Form{"kk": {Term: "X", Inflect: "surname"}}}, CodeAddInvalidInflect, 0},
		{"duplicate", file, &Entry{ID: "almaty", Langs: map[string]*Form{"en": {Term: "X"}}}, CodeAddDuplicateID, 10},
		{"malformed", broken, ok(), CodeAddMalformed, 3},
		{"not a list", notList, ok(), CodeAddMalformed, 2},
		{"unreadable", dir, ok(), CodeAddIO, 0},
	}
	ru, err := locale.New("ru")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		before, _ := os.ReadFile(c.file)
		err := AddEntry(c.file, c.e)
		var ae *locale.Error
		if !errors.As(err, &ae) || ae.ID != c.code || ae.Pos == nil || ae.Pos.Line != c.line || ae.Pos.File != c.file {
			t.Errorf("%s: err = %#v, want code %s line %d", c.name, err, c.code, c.line)
			continue
		}
		if ae.Error() == "" || ae.Error() == ae.ID {
			t.Errorf("%s: message %s %q", c.name, ae.ID, ae.Error())
		}
		// No English inside the Russian message (the file's shape, the
		// YAML problem): each part is a catalogue message.
		msg, _, _ := ru.Explain(err)
		msg = strings.ReplaceAll(strings.TrimPrefix(msg, c.file), "terms", "")
		if c.code == CodeAddMalformed && strings.ContainsAny(msg, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s: English in the Russian message %q", c.name, msg)
		}
		if after, _ := os.ReadFile(c.file); string(after) != string(before) {
			t.Errorf("%s: file changed on error", c.name)
		}
	}
}

// FuzzAddEntry adds an entry to arbitrary glossary files: when AddEntry
// accepts the file, the result reads as the same entries in the same
// order with the new one added, at the end or where its id belongs in a
// list in id order (TestAddEntrySorted says which).
func FuzzAddEntry(f *testing.F) {
	f.Add([]byte(handWritten), "m")
	f.Add([]byte("terms:\n  - id: a\n    en: {term: A}\n\n  # z\n  - id: z\n    en: {term: Z}\n"), "b")
	f.Add([]byte("terms:\n  -\n    id: a\n  - id: c   # x\n    en: {term: C}\n"), "b")
	f.Add([]byte("terms: [{id: a, en: {term: A}}]\nother: 1\n"), "0")
	f.Add([]byte("terms:\n  - &x {id: a, en: {term: A}}\n  - *x\n"), "b")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, id string) {
		if !ValidID(id) {
			return
		}
		before, probs := Parse("f.yaml", data, nil)
		for _, p := range probs {
			if p.Code == CodeMalformedYAML || p.Code == CodeWantList || p.Code == CodeWantMapping {
				return
			}
		}
		file := filepath.Join(dir, "g.yaml")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		e := &Entry{ID: id, Kind: Other, Langs: map[string]*Form{"en": {Term: "T"}}}
		if err := AddEntry(file, e); err != nil {
			return
		}
		out, _ := os.ReadFile(file)
		after, _ := Parse("f.yaml", out, nil)
		var want []string
		for _, x := range before.Entries {
			want = append(want, x.ID)
		}
		// At the end, or where its id belongs in a list in id order (an
		// item Parse drops, without an id, makes AddEntry append).
		appended := append(slices.Clone(want), id)
		sorted := appended
		if slices.IsSorted(want) {
			at, _ := slices.BinarySearch(want, id)
			sorted = slices.Insert(slices.Clone(want), at, id)
		}
		var got []string
		for _, x := range after.Entries {
			got = append(got, x.ID)
		}
		if !slices.Equal(got, sorted) && !slices.Equal(got, appended) {
			t.Errorf("entries %v, want %v\n%s", got, sorted, out)
		}
	})
}

// TestRepositoryGlossaryInIDOrder: the house glossary of this repository
// (../../glossary) keeps each file's entries in id order, so that
// AddEntry inserts an entry where it belongs instead of appending it, and
// two editors adding different entries to one file touch different lines
// (no git conflict at the end of the list).
func TestRepositoryGlossaryInIDOrder(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "glossary", "*.yaml"))
	if len(files) == 0 {
		t.Skip("not run inside the repository")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, probs := Parse(f, data, nil)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", f, probs)
		}
		var ids []string
		for _, e := range g.Entries {
			ids = append(ids, e.ID)
		}
		if !slices.IsSorted(ids) {
			t.Errorf("%s: entries not in id order: %v", f, ids)
		}
		// And AddEntry puts a new first entry first.
		tmp := filepath.Join(t.TempDir(), filepath.Base(f))
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := AddEntry(tmp, &Entry{ID: "0-first", Kind: Other, Langs: map[string]*Form{"en": {Term: "First"}}}); err != nil {
			t.Fatal(err)
		}
		after, _ := os.ReadFile(tmp)
		g2, _ := Parse(tmp, after, nil)
		if len(g2.Entries) != len(ids)+1 || g2.Entries[0].ID != "0-first" {
			t.Errorf("%s: AddEntry did not insert the new entry first", f)
		}
	}
}

// TestValidFileName: a glossary file name is a plain, visible *.yaml name;
// anything that could name a folder or leave the glossary folder is not.
func TestValidFileName(t *testing.T) {
	for name, want := range map[string]bool{
		"people.yaml": true, "my-terms.yaml": true, "термины.yaml": true,
		"": false, ".yaml": false, ".hidden.yaml": false, "people.yml": false, "people": false,
		"../people.yaml": false, "sub/people.yaml": false, `sub\people.yaml`: false, "/etc/x.yaml": false,
	} {
		if got := ValidFileName(name); got != want {
			t.Errorf("ValidFileName(%q) = %v, want %v", name, got, want)
		}
	}
	for _, k := range Kinds {
		if f := FileFor(k); !ValidFileName(f) {
			t.Errorf("FileFor(%s) = %q, not a valid file name", k, f)
		}
	}
	if f := FileFor("river"); f != "" {
		t.Errorf("FileFor(river) = %q, want none", f)
	}
}
