package check_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// testGlossary is a small glossary in the house style.
const testGlossary = `terms:
  - id: tokayev
    kind: person
    note: President of Kazakhstan since 2019
    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev], forbidden: [Tokaev]}
    ru: {term: Касым-Жомарт Токаев, variants: [Токаев], forbidden: [Тоқаев]}
    kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}
  - id: almaty
    kind: place
    note: Largest city of Kazakhstan
    en: {term: Almaty, forbidden: [Alma-Ata]}
    ru: {term: Алматы, inflect: none, forbidden: [Алма-Ата]}
    kk: {term: Алматы, forbidden: [Алма-Ата]}
`

func testChecker(t testing.TB) *check.Checker {
	t.Helper()
	g, probs := glossary.Parse("test.yaml", []byte(testGlossary), []string{"en", "ru", "kk"})
	if len(probs) > 0 {
		t.Fatalf("test glossary: %v", probs)
	}
	return check.New(g, "en")
}

// brief is what a test compares of a finding.
type brief struct {
	Group         int
	Lang, Kind    string
	Entry, Text   string
	Expected      string
	Line, Column  int
	File, SrcLang string
}

func briefs(fs []check.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Group, f.Lang, f.Kind, f.EntryID, f.Text, f.Expected, f.Line, f.Column, f.File, f.SrcLang})
	}
	return out
}

func TestUnits(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		name  string
		texts map[string]string
		want  []brief
	}{
		{
			name: "clean across inflection",
			texts: map[string]string{
				"en": "Tokayev's speech in Almaty.",
				"ru": "Речь Токаева в Алматы.",
				"kk": "Тоқаевтың Алматыдағы сөзі.",
			},
		},
		{
			name: "missing in one language",
			texts: map[string]string{
				"en": "Tokayev spoke.",
				"ru": "Президент выступил.",
				"kk": "Тоқаев сөйледі.",
			},
			want: []brief{{Group: 1, Lang: "ru", Kind: "missing", Entry: "tokayev", Text: "Tokayev", Expected: "Токаев", File: "t.tsv", Line: 2, Column: 1, SrcLang: "en"}},
		},
		{
			name: "forbidden form is not also missing",
			texts: map[string]string{
				"en": "Tokayev spoke.",
				"ru": "Токаев выступил.",
				"kk": "Токаевқа сөз берілді.",
			},
			want: []brief{{Group: 1, Lang: "kk", Kind: "forbidden", Entry: "tokayev", Text: "Токаевқа", Expected: "Тоқаевқа", File: "t.tsv", Line: 2, Column: 33}},
		},
		{
			name: "forbidden where the source has no entry",
			texts: map[string]string{
				"en": "The city grew.",
				"ru": "Алма-Ата выросла.",
				"kk": "Қала өсті.",
			},
			want: []brief{{Group: 1, Lang: "ru", Kind: "forbidden", Entry: "almaty", Text: "Алма-Ата", Expected: "Алматы", File: "t.tsv", Line: 2, Column: 16}},
		},
		{
			name: "look-alike letter outside any term",
			texts: map[string]string{
				"en": "A risk.",
				"ru": "Риск.",
				"kk": "Қауiп.",
			},
			want: []brief{{Group: 1, Lang: "kk", Kind: "homoglyph", Text: "Қауiп", Expected: "Қауіп", File: "t.tsv", Line: 2, Column: 15}},
		},
		{
			name: "look-alike inside a term still satisfies the check",
			texts: map[string]string{
				"en": "Almaty.",
				"ru": "Алматы.",
				"kk": "Aлмaты.",
			},
			want: []brief{{Group: 1, Lang: "kk", Kind: "homoglyph", Entry: "almaty", Text: "Aлмaты", Expected: "Алматы", File: "t.tsv", Line: 2, Column: 17}},
		},
		{
			name: "blank translation is not checked for missing",
			texts: map[string]string{
				"en": "Tokayev spoke.",
				"ru": "Токаев выступил.",
				"kk": "",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Lay the texts out as a TSV row (en, ru, kk), so that
			// positions are checked too.
			pos := map[string]check.Position{}
			col := 1
			for _, l := range []string{"en", "ru", "kk"} {
				pos[l] = check.Position{File: "t.tsv", Line: 2, Column: col}
				col += len([]rune(tt.texts[l])) + 1
			}
			u := check.Unit{Number: 1, Texts: tt.texts, Pos: pos, Exact: map[string]bool{"en": true, "ru": true, "kk": true}}
			got := briefs(c.Units("doc", "en", check.ScopeRow, []check.Unit{u}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		lang, text string
		kinds      []string
	}{
		{"kk", "Тоқаев Алматыда.", nil},
		{"kk", "Токаевпен Алма-Атада кездесті.", []string{"forbidden", "forbidden"}},
		{"ru", "Тоқаев и Aлматы.", []string{"forbidden", "homoglyph"}},
		{"en", "Tokaev.", []string{"forbidden"}},
		{"en", "No names here.", nil},
	}
	for _, tt := range tests {
		var kinds []string
		for _, f := range c.Text(tt.lang, tt.text) {
			kinds = append(kinds, f.Kind)
		}
		if !reflect.DeepEqual(kinds, tt.kinds) {
			t.Errorf("Text(%s, %q) kinds = %v, want %v", tt.lang, tt.text, kinds, tt.kinds)
		}
	}
}

func TestFindTerms(t *testing.T) {
	c := testChecker(t)
	got := c.FindTerms("kk", "Тоқаевтың Алматыға сапары")
	if want := []string{"tokayev", "almaty"}; !reflect.DeepEqual(got, want) {
		t.Errorf("FindTerms = %v, want %v", got, want)
	}
}

// newWorkspace makes a workspace in a temporary folder with the test
// glossary, and imports texts as document id.
func newWorkspace(t *testing.T, glossaryYAML string, id string, texts map[string]string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if glossaryYAML != "" {
		if err := os.WriteFile(ws.Path("glossary", "test.yaml"), []byte(glossaryYAML), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for l, text := range texts {
		if _, err := document.Import(ws, id, l, []byte(text), l+".txt", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

func TestLoad(t *testing.T) {
	t.Run("no glossary folder", func(t *testing.T) {
		ws := newWorkspace(t, "", "d", nil)
		if err := os.Remove(ws.Path("glossary")); err != nil {
			t.Fatal(err)
		}
		c, err := check.Load(ws)
		if c != nil || err != nil {
			t.Errorf("Load = %v, %v; want nil, nil", c, err)
		}
	})
	t.Run("empty glossary", func(t *testing.T) {
		ws := newWorkspace(t, "terms:\n", "d", nil)
		c, err := check.Load(ws)
		if c != nil || err != nil {
			t.Errorf("Load = %v, %v; want nil, nil", c, err)
		}
	})
	t.Run("lint problems", func(t *testing.T) {
		bad := testGlossary + "  - id: tokayev\n    kind: person\n    en: {term: Tokayev}\n    ru: {term: Токаев}\n"
		ws := newWorkspace(t, bad, "d", nil)
		_, err := check.Load(ws)
		var le *check.LintError
		if !errors.As(err, &le) {
			t.Fatalf("Load error = %v, want a LintError", err)
		}
		var msg *locale.Error
		if !errors.As(err, &msg) {
			t.Fatalf("Load error = %v, unwraps to no locale.Error", err)
		}
		d := msg.TemplateData()
		// The entry lacks kk (which alone would not block) and repeats an
		// id (which does): the position named is the duplicate id's.
		if d["Pos"] != filepath.Join("glossary", "test.yaml")+":14:9" || d["Count"] != 2 {
			t.Errorf("TemplateData = %v; want the problem that blocks (duplicate id) at glossary/test.yaml:14:9 and 2 problems (that and no kk form)", d)
		}
		if msg.ID != "check.glossary-invalid" || msg.Hint != "check.glossary-invalid.hint" {
			t.Errorf("ids %s %s", msg.ID, msg.Hint)
		}
	})
	t.Run("entries lacking a language", func(t *testing.T) {
		// A two-language term base imported into the workspace: its
		// entries have no kk form. The glossary is enforced where they
		// have forms, and the gaps are handed to the caller to say.
		gap := testGlossary + "  - id: nazarbayev\n    kind: person\n    en: {term: Nursultan Nazarbayev}\n    ru: {term: Нурсултан Назарбаев}\n"
		ws := newWorkspace(t, gap, "d", nil)
		c, err := check.Load(ws)
		if err != nil || c == nil {
			t.Fatalf("Load = %v, %v; want a checker", c, err)
		}
		if len(c.Gaps) != 1 || c.Gaps[0].ID != "nazarbayev" || c.Gaps[0].Lang != "kk" {
			t.Errorf("Gaps = %v; want nazarbayev lacking kk", c.Gaps)
		}
		if g := check.GapsByLang(c.Gaps); len(g) != 1 || g[0].Lang != "kk" || g[0].Names() != "nazarbayev" {
			t.Errorf("GapsByLang = %v", g)
		}
		fs := c.Matcher.CheckGroup("en", map[string]string{"en": "Nursultan Nazarbayev spoke.", "ru": "Он выступил.", "kk": "Ол сөйледі."})
		if len(fs) != 1 || fs[0].Lang != "ru" || fs[0].EntryID != "nazarbayev" {
			t.Errorf("findings = %v; want nazarbayev missing from ru only", fs)
		}
	})
	t.Run("cached until a file changes", func(t *testing.T) {
		ws := newWorkspace(t, testGlossary, "d", nil)
		a, err := check.Load(ws)
		if err != nil || a == nil {
			t.Fatal(a, err)
		}
		b, _ := check.Load(ws)
		if a != b {
			t.Error("a second Load compiled the glossary again")
		}
		more := testGlossary + "  - id: astana\n    kind: place\n    en: {term: Astana}\n    ru: {term: Астана}\n    kk: {term: Астана}\n"
		f := ws.Path("glossary", "test.yaml")
		if err := os.WriteFile(f, []byte(more), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(f, later, later)
		c, err := check.Load(ws)
		if err != nil || c == a || c.Glossary.Lookup("astana") == nil {
			t.Errorf("Load after an edit = %v, %v; want a fresh checker with astana", c, err)
		}
	})
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if _, err := check.LoadDir(filepath.Join(dir, "nope"), "en"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := check.LoadDir(dir, "en"); locale.ID(err) != "check.glossary-empty" {
		t.Errorf("empty folder: %v", err)
	}
	// An entry with a language the caller does not align is fine.
	os.WriteFile(filepath.Join(dir, "g.yaml"), []byte(testGlossary+"    de: {term: Almaty}\n"), 0o644)
	c, err := check.LoadDir(dir, "en")
	if err != nil || c == nil {
		t.Fatalf("LoadDir = %v, %v", c, err)
	}
	if got := c.FindTerms("kk", "Тоқаевқа"); len(got) != 1 {
		t.Errorf("FindTerms = %v", got)
	}
}

// sentenceAlignment aligns texts that are sentence-parallel one to one,
// as the aligner would, through document.Realign.
func sentenceAlignment(t *testing.T, id string, langs []string, texts map[string]string) *document.Alignment {
	t.Helper()
	cut := func(lang, text string, base int) []document.Piece {
		seg, err := segment.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		var out []document.Piece
		for _, s := range seg.Segment(text) {
			out = append(out, document.Piece{Sentence: document.Sentence{Start: s.Start + base, End: s.End + base, Text: s.Text}, Para: s.Para})
		}
		return out
	}
	zip := func(p map[string][]document.Piece, _ []map[string][]int) []document.Proposal {
		var out []document.Proposal
		for i := range p[langs[0]] {
			idx := map[string][]int{}
			for _, l := range langs {
				if i >= len(p[l]) {
					t.Fatalf("%s has %d sentences, %s %d", l, len(p[l]), langs[0], len(p[langs[0]]))
				}
				idx[l] = []int{i}
			}
			out = append(out, document.Proposal{Idx: idx, Score: 1})
		}
		return out
	}
	a, err := document.Realign(nil, id, langs[0], langs, texts, cut, zip)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestDocument(t *testing.T) {
	texts := map[string]string{
		"en": "# Tokayev in Almaty\n\nTokayev arrived. He spoke in Almaty.\n\nTokayev left.\n",
		"ru": "# Токаев в Алматы\n\nТокаев прилетел. Он выступил в Алма-Ате.\n\nПрезидент улетел.\n",
		"kk": "# Тоқаев Алматыда\n\nТоқаев келді. Ол Алматыда сөйледі.\n\nТоқаев кетті.\n",
	}
	ws := newWorkspace(t, testGlossary, "visit", texts)
	d, err := document.Open(ws, "visit")
	if err != nil {
		t.Fatal(err)
	}
	ruFile := filepath.Join("documents", "visit", "ru.txt")
	enFile := filepath.Join("documents", "visit", "en.txt")

	t.Run("not aligned: by paragraph", func(t *testing.T) {
		c, _ := check.Load(ws)
		r, err := c.Document(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []brief{
			{Group: 2, Lang: "ru", Kind: "forbidden", Entry: "almaty", Text: "Алма-Ате", Expected: "Алматы", File: ruFile, Line: 3, Column: 32},
			{Group: 3, Lang: "ru", Kind: "missing", Entry: "tokayev", Text: "Tokayev", Expected: "Токаев", File: enFile, Line: 5, Column: 1, SrcLang: "en"},
		}
		if r.Scope != check.ScopeParagraph || r.Units != 3 || r.Stale {
			t.Errorf("scope %s, %d units, stale %v", r.Scope, r.Units, r.Stale)
		}
		if got := briefs(r.Findings); !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
		if r.Findings[1].Target != "Президент улетел." {
			t.Errorf("Target = %q", r.Findings[1].Target)
		}
	})

	t.Run("aligned: by group", func(t *testing.T) {
		a := sentenceAlignment(t, "visit", []string{"en", "ru", "kk"}, texts)
		c, _ := check.Load(ws)
		r, err := c.Document(d, a)
		if err != nil {
			t.Fatal(err)
		}
		want := []brief{
			{Group: 3, Lang: "ru", Kind: "forbidden", Entry: "almaty", Text: "Алма-Ате", Expected: "Алматы", File: ruFile, Line: 3, Column: 32},
			{Group: 4, Lang: "ru", Kind: "missing", Entry: "tokayev", Text: "Tokayev", Expected: "Токаев", File: enFile, Line: 5, Column: 1, SrcLang: "en"},
		}
		if r.Scope != check.ScopeGroup || r.Units != 4 {
			t.Errorf("scope %s, %d units", r.Scope, r.Units)
		}
		if got := briefs(r.Findings); !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
		plain, err := check.Document(ws, d, a)
		if err != nil || len(plain) != 2 || plain[0].Doc != "visit" || plain[0].Group != 3 {
			t.Errorf("Document = %+v, %v", plain, err)
		}
		if got := c.Alignment("visit", a, []int{4, 99}); len(got) != 1 || got[0].Group != 4 {
			t.Errorf("Alignment(groups 4, 99) = %+v", got)
		}
	})

	t.Run("stale alignment: by paragraph", func(t *testing.T) {
		a := sentenceAlignment(t, "visit", []string{"en", "ru", "kk"}, texts)
		a.Sources["ru"] = document.Hash("something else")
		c, _ := check.Load(ws)
		r, err := c.Document(d, a)
		if err != nil || !r.Stale || r.Scope != check.ScopeParagraph {
			t.Errorf("stale alignment: %+v, %v", r, err)
		}
	})

	t.Run("paragraphs differ: whole text", func(t *testing.T) {
		ws := newWorkspace(t, testGlossary, "v2", map[string]string{
			"en": "Tokayev arrived.\n\nTokayev left Almaty.\n",
			"ru": "Токаев прилетел и улетел из Алма-Аты.\n",
			"kk": "Тоқаев келіп, кетті.\n",
		})
		d, _ := document.Open(ws, "v2")
		c, _ := check.Load(ws)
		r, err := c.Document(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, f := range r.Findings {
			kinds = append(kinds, f.Lang+" "+f.Kind+" "+f.EntryID)
		}
		want := []string{"kk missing almaty", "ru forbidden almaty"}
		if r.Scope != check.ScopeText || !reflect.DeepEqual(kinds, want) {
			t.Errorf("scope %s, findings %v; want text, %v", r.Scope, kinds, want)
		}
	})
}

func TestDocumentWithoutGlossary(t *testing.T) {
	ws := newWorkspace(t, "", "d", map[string]string{"en": "Tokaev.\n"})
	d, _ := document.Open(ws, "d")
	fs, err := check.Document(ws, d, nil)
	if fs != nil || err != nil {
		t.Errorf("Document = %v, %v; want nothing", fs, err)
	}
}

// TestEndingsKept: a checker builds the index of its Kazakh names once,
// for every suite made over it, also when goroutines ask at once; and
// the endings check of a suite finds what a checker building its own
// index finds.
func TestEndingsKept(t *testing.T) {
	g, probs := glossary.LoadFiles([]glossary.File{{Name: "g.yaml", Data: []byte(testGlossary)}}, []string{"en", "ru", "kk"})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	c := check.New(g, "en")
	got := make(chan *qa.EndingsIndex, 4)
	for range 4 {
		go func() { got <- c.Endings() }()
	}
	first := <-got
	for range 3 {
		if x := <-got; x != first || x == nil {
			t.Fatal("the index was built more than once")
		}
	}
	text := "Алматыге Тоқаевке барды."
	own := qa.NewChecker(qa.Options{Checks: []qa.Kind{qa.Endings}, Glossary: g})
	kept := qa.NewChecker(qa.Options{Checks: []qa.Kind{qa.Endings}, Glossary: g, Endings: c.Endings()})
	a, _ := own.CheckPair("en", "Almaty, Tokayev.", "kk", text)
	b, _ := kept.CheckPair("en", "Almaty, Tokayev.", "kk", text)
	if len(a) != 2 || !reflect.DeepEqual(a, b) {
		t.Fatalf("findings %+v, with the kept index %+v", a, b)
	}
}
