package tm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/storetest"
	"github.com/tilmash/tilmash/internal/tmx"
)

// cutGroups is a document with a heading, a 2-2-2 group the aligner
// splits, a 2-1-1 group it cannot and a 1-1-1 group: the memory's TMX cut
// for CAT tools adds two units for each of the groups of two sentences.
var cutGroups = []storetest.SentGroup{
	{Status: document.Confirmed, Sents: [3][]string{{"# Videos from Zarechnoye"}, {"# Видео из Заречного"}, {"# Заречныйдан видеолар"}}},
	{Status: document.Confirmed, Sents: [3][]string{
		{"Forty videos appeared online on 26 July 2019.", "They show guards beating prisoners in the colony near Zarechnoye."},
		{"26 июля 2019 года в сети появились сорок видео.", "На них охранники избивают заключённых колонии у Заречного."},
		{"2019 жылғы 26 шілдеде желіде қырық бейне пайда болды.", "Оларда күзетшілер Заречный маңындағы колонияда сотталғандарды ұрып жатыр."},
	}},
	{Status: document.Aligned, Sents: [3][]string{
		{"The prosecutor opened a case.", "It concerns 12 guards."},
		{"Прокурор возбудил дело в отношении 12 охранников."},
		{"Прокурор 12 күзетшіге қатысты іс қозғады."},
	}},
	{Status: document.Aligned, Sents: [3][]string{{"The talks lasted three hours."}, {"Переговоры длились три часа."}, {"Келіссөздер үш сағатқа созылды."}}},
}

func cutMemory(t *testing.T) *tm.Memory {
	t.Helper()
	ws := storetest.NewWorkspace(t, nil)
	storetest.WriteSentGroups(t, ws, "zarechnoye", cutGroups, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	m := newMemory(t, ws)
	if _, err := m.Update(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m
}

func exportTMX(t *testing.T, m *tm.Memory, units string) ([]byte, *tmx.TMX) {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.Export(context.Background(), &buf, tm.ExportOptions{Version: "test", Units: units})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tmx.Read(bytes.NewReader(buf.Bytes()), "memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(doc.Units) {
		t.Errorf("%s: Export says %d units, the file has %d", units, n, len(doc.Units))
	}
	return buf.Bytes(), doc
}

// TestExportCut: tm export writes the document export's sentence cut by
// default, the memory's units alone with --units groups; every source
// sentence of a multi-sentence group stands alone in some unit.
func TestExportCut(t *testing.T) {
	m := cutMemory(t)
	for _, c := range []struct {
		units       string
		want, extra int // units in all; of them, units of the cut
	}{
		{"", 6, 2}, {export.UnitsSentences, 6, 2}, {export.UnitsGroups, 4, 0}, {export.UnitsPartial, 2, 2},
	} {
		data, doc := exportTMX(t, m, c.units)
		extra := 0
		sources := map[string]bool{}
		for _, u := range doc.Units {
			_, cut := u.Prop(tmx.CutProp)
			_, partial := u.Prop(tmx.PartialProp)
			if cut || partial {
				extra++
				if d, _ := u.Prop(tmx.DocumentProp); d != "zarechnoye" {
					t.Errorf("%q: cut unit %s has x-document %q", c.units, u.ID, d)
				}
			}
			if u.Variants[0].Lang != "en" {
				t.Errorf("%q: unit %s starts with %s, not the source", c.units, u.ID, u.Variants[0].Lang)
			}
			sources[u.Variants[0].Text] = true
		}
		if len(doc.Units) != c.want || extra != c.extra {
			t.Errorf("%q: %d units, %d of the cut; want %d, %d", c.units, len(doc.Units), extra, c.want, c.extra)
		}
		if c.units == export.UnitsGroups {
			// Lossless: the memory's text as it is, heading marks included.
			if !bytes.Contains(data, []byte("<seg># Videos from Zarechnoye</seg>")) {
				t.Errorf("groups: the heading's text changed:\n%s", data)
			}
			continue
		}
		for gi, g := range cutGroups {
			if (gi == 2) != (c.units == export.UnitsPartial) {
				continue // the 2-1 group's sentences are in the partial file alone
			}
			for _, s := range g.Sents[0] {
				s = strings.TrimPrefix(s, "# ")
				if !sources[s] {
					t.Errorf("%q: no unit whose source is %q", c.units, s)
				}
			}
		}
		if bytes.Contains(data, []byte("# Videos")) {
			t.Errorf("%q: the heading keeps its Markdown marks", c.units)
		}
		// The 2-1 group's sentences carry its whole target as a partial match.
		for _, u := range doc.Units {
			if u.Variants[0].Text == "It concerns 12 guards." {
				if v, _ := u.Prop(tmx.PartialProp); v != "3" || u.Variants[1].Text == "" {
					t.Errorf("unit %s: x-partial %q, variants %+v", u.ID, v, u.Variants)
				}
			}
		}
	}
}

// TestImportOwnExport: tm import of the memory's own export, either cut,
// adds nothing: every unit names (x-source, x-group) a unit the memory
// holds with the same text, so the memory is left as it was and the report
// says so, where it used to hold every group twice. A unit edited in the
// exported file is new and is added, alone; a rebuild gives the same.
func TestImportOwnExport(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	exported := map[string][]byte{}
	for _, units := range export.Units {
		exported[units], _ = exportTMX(t, m, units)
	}
	for _, units := range export.Units {
		rep, err := m.ImportTMX(ctx, bytes.NewReader(exported[units]), "memory.tmx", "self-"+units)
		if err != nil {
			t.Fatal(err)
		}
		if units == export.UnitsPartial {
			// the partial file holds the 2-1 group's cut units alone: the
			// memory's own group coming back
			if rep.Units != 0 || rep.Held != 1 || rep.Skipped != 0 {
				t.Errorf("%s: import %+v, want no unit and 1 group held", units, rep)
			}
			continue
		}
		if rep.Units != 0 || rep.Held != len(cutGroups) || rep.Skipped != 0 {
			t.Errorf("%s: import %+v, want no unit and %d held", units, rep, len(cutGroups))
		}
	}
	st, err := m.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Units != len(cutGroups) || st.Imports != 0 {
		t.Errorf("stats %+v, want the document's %d units and no import", st, len(cutGroups))
	}
	// One unit edited in the file: it alone is added, and kept on a rebuild.
	_, doc := exportTMX(t, m, export.UnitsGroups)
	doc.Units[0].Variants[1].Text += " (edited)"
	var buf bytes.Buffer
	if _, err := tmx.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	rep, err := m.ImportTMX(ctx, &buf, "memory.tmx", "edited")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 1 || rep.Held != len(cutGroups)-1 {
		t.Errorf("edited: import %+v, want 1 unit and %d held", rep, len(cutGroups)-1)
	}
	rb, err := m.Rebuild(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rb.Units != len(cutGroups)+1 {
		t.Errorf("rebuild: %+v, want %d units", rb, len(cutGroups)+1)
	}
}

// TestExportCutValid: both cuts of the memory are valid TMX 1.4b (DTD and
// schema, xmllint) and Translate Toolkit reads as many units, the cut's
// sentence pairs among them.
func TestExportCutValid(t *testing.T) {
	m := cutMemory(t)
	dir := t.TempDir()
	files := map[string]string{}
	want := map[string]int{}
	for _, units := range export.Units {
		data, doc := exportTMX(t, m, units)
		files[units] = filepath.Join(dir, units+".tmx")
		want[units] = len(doc.Units)
		if err := os.WriteFile(files[units], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("xmllint", func(t *testing.T) {
		lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
		schemas := testenv.Shared(t, "schemas")
		dtd, err := os.ReadFile(filepath.Join(schemas, "omegat-tmx14.dtd"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tmx14.dtd"), dtd, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			for _, args := range [][]string{
				{"--noout", "--nonet", "--valid", file},
				{"--noout", "--nonet", "--schema", filepath.Join(schemas, "omegat-tmx14.xsd"), file},
			} {
				if out, err := exec.Command(lint, args...).CombinedOutput(); err != nil {
					t.Errorf("xmllint %v: %v\n%s", args, err, out)
				}
			}
		}
	})
	t.Run("TranslateToolkit", func(t *testing.T) {
		py := testenv.Python(t, "translate.storage.tmx", "apt-get install translate-toolkit")
		for units, file := range files {
			out, err := exec.Command(py, "-c", `import sys, json
from translate.storage import tmx
with open(sys.argv[1], 'rb') as f:
    store = tmx.tmxfile(f)
print(json.dumps([[str(u.source), str(u.target)] for u in store.units]))`, file).CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var got [][2]string
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if len(got) != want[units] {
				t.Errorf("%s: Translate Toolkit read %d units, want %d", units, len(got), want[units])
			}
			if units != export.UnitsPartial {
				continue // the 2-1 group's sentences are in the partial file
			}
			found := false
			for _, p := range got {
				found = found || p[0] == "It concerns 12 guards."
			}
			if !found {
				t.Errorf("%s: Translate Toolkit has no unit of the 2-1 group's second sentence: %v", units, got)
			}
		}
	})
}

// TestMatchesCut: tm lookup --format tmx adds the cut of a matched group
// after its unit, once however many sentences match it. Each sentence
// matches one of the group's on its own too (GROUP.PART): in the cut,
// the group's cut does not repeat those; with --units groups such a
// match is its group, written once.
func TestMatchesCut(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	res, err := m.Lookup(ctx, []string{"Forty videos appeared online on 27 July 2019.", "They show guards beating prisoners in the colony near Zarechnoye."}, tm.LookupOptions{Lang: "en", Min: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		units string
		want  int
	}{{"", 3}, {export.UnitsGroups, 1}} {
		var buf bytes.Buffer
		n, _, err := m.WriteMatches(&buf, res, tm.ExportOptions{Units: c.units})
		if err != nil {
			t.Fatal(err)
		}
		if n != c.want {
			t.Errorf("%q: %d units, want %d:\n%s", c.units, n, c.want, buf.String())
		}
	}
}

// TestLookupSentenceOfGroup: a sentence that is one of a group's several
// sentences in its language is found (it scores low against the group's
// whole text), with the translations the sentence cut pairs with it; in a
// 2-1 group the one target sentence translates both, so it is marked
// partial, and even at 100% the sentence counts as a fuzzy match.
func TestLookupSentenceOfGroup(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	for _, c := range []struct {
		lang, sentence string
		score          int
		part, parts    int
		partial        []string
		texts          map[string]string
		numbers        string
	}{
		{lang: "en", sentence: "They show guards beating prisoners in the colony near Zarechnoye.", score: 100, part: 2, parts: 2,
			texts: map[string]string{"ru": "На них охранники избивают заключённых колонии у Заречного.", "kk": "Оларда күзетшілер Заречный маңындағы колонияда сотталғандарды ұрып жатыр."}},
		{lang: "en", sentence: "Forty videos appeared online on 27 July 2019.", score: 87, part: 1, parts: 2, numbers: "26→27",
			texts: map[string]string{"ru": "26 июля 2019 года в сети появились сорок видео.", "kk": "2019 жылғы 26 шілдеде желіде қырық бейне пайда болды."}},
		{lang: "en", sentence: "It concerns 12 guards.", score: 100, part: 2, parts: 2, partial: []string{"ru", "kk"},
			texts: map[string]string{"ru": "Прокурор возбудил дело в отношении 12 охранников.", "kk": "Прокурор 12 күзетшіге қатысты іс қозғады."}},
		{lang: "ru", sentence: "На них охранники избивают заключённых колонии у Заречного.", score: 100, part: 2, parts: 2,
			texts: map[string]string{"en": "They show guards beating prisoners in the colony near Zarechnoye.", "kk": "Оларда күзетшілер Заречный маңындағы колонияда сотталғандарды ұрып жатыр."}},
	} {
		res, err := m.Lookup(ctx, []string{c.sentence}, tm.LookupOptions{Lang: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		if len(res[0].Matches) == 0 {
			t.Errorf("%s: no match", c.sentence)
			continue
		}
		mt := res[0].Matches[0]
		if mt.Score != c.score || mt.Part != c.part || mt.Parts != c.parts || strings.Join(mt.Partial, ",") != strings.Join(c.partial, ",") {
			t.Errorf("%s: score %d, sentence %d of %d, partial %v; want %d, %d of %d, %v", c.sentence, mt.Score, mt.Part, mt.Parts, mt.Partial, c.score, c.part, c.parts, c.partial)
		}
		for l, want := range c.texts {
			if got := mt.TextIn(l); got != want {
				t.Errorf("%s: %s text %q, want %q", c.sentence, l, got, want)
			}
		}
		var nums []string
		for _, n := range mt.Numbers {
			nums = append(nums, n.Was+"→"+n.Now)
		}
		if strings.Join(nums, ",") != c.numbers {
			t.Errorf("%s: numbers %v, want %s", c.sentence, nums, c.numbers)
		}
		// lookup's summary and import's report: a 100% match is a 100%
		// match, a sentence of a longer group's or not.
		exact, fuzzy := tm.Counts(res)
		if wantExact := c.score == 100; exact != btoi(wantExact) || fuzzy != btoi(!wantExact) {
			t.Errorf("%s: counted %d exact, %d fuzzy", c.sentence, exact, fuzzy)
		}
		// lookup's summary: a 100% match in a longer group's translation
		// is a 100% match, counted apart.
		want := tm.Tally{Exact: btoi(c.score == 100 && len(c.partial) == 0), Within: btoi(c.score == 100 && len(c.partial) > 0), Fuzzy: btoi(c.score < 100)}
		if got := tm.TallyOf(res); got != want {
			t.Errorf("%s: tally %+v, want %+v", c.sentence, got, want)
		}
	}
	// A whole unit and a sentence of a group at the same score: the whole
	// unit first, though the group is confirmed and newer.
	storetest.WriteSentGroups(t, m.WS, "talks", []storetest.SentGroup{
		{Status: document.Confirmed, Sents: [3][]string{
			{"The talks lasted three hours.", "Nothing was agreed."},
			{"Переговоры длились три часа.", "Ни о чём не договорились."},
			{"Келіссөздер үш сағатқа созылды.", "Ештеңе келісілмеді."},
		}},
	}, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if _, err := m.Update(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := m.Lookup(ctx, []string{"The talks lasted three hours."}, tm.LookupOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if ms := res[0].Matches; len(ms) != 2 || ms[0].Part != 0 || ms[0].Unit.Document() != "zarechnoye" || ms[1].Part != 1 || ms[1].Unit.Document() != "talks" {
		t.Errorf("the talks: %+v", ms)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestLookupSentenceOfImport: a unit of an imported memory whose segments
// are paragraphs holds several sentences no document cuts: with
// LookupOptions.Split (the workspace's segmenter) a sentence matches one
// of them, with the translation the sentence cut pairs with it; without
// it, the whole unit is all there is, far below the floor.
func TestLookupSentenceOfImport(t *testing.T) {
	ctx := context.Background()
	ws := storetest.NewWorkspace(t, nil)
	m := newMemory(t, ws)
	const para = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu>
<tuv xml:lang="en"><seg>The prosecutor opened a case on Monday. It concerns 12 guards of the colony.</seg></tuv>
<tuv xml:lang="ru"><seg>В понедельник прокурор возбудил дело в отношении 12 охранников колонии.</seg></tuv>
<tuv xml:lang="kk"><seg>Дүйсенбі күні прокурор іс қозғады. Іс колонияның 12 күзетшісіне қатысты.</seg></tuv>
</tu></body></tmx>`
	if _, err := m.ImportTMX(ctx, strings.NewReader(para), "para.tmx", "para"); err != nil {
		t.Fatal(err)
	}
	split := func(lang, text string) []string {
		s, err := segment.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, x := range s.Segment(text) {
			out = append(out, x.Text)
		}
		return out
	}
	q := []string{"It concerns 14 guards of the colony."}
	res, err := m.Lookup(ctx, q, tm.LookupOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res[0].Matches) != 0 {
		t.Errorf("without Split: %+v", res[0].Matches)
	}
	res, err = m.Lookup(ctx, q, tm.LookupOptions{Lang: "en", Split: split})
	if err != nil {
		t.Fatal(err)
	}
	if len(res[0].Matches) != 1 {
		t.Fatalf("with Split: %+v", res[0].Matches)
	}
	mt := res[0].Matches[0]
	if mt.Score != 85 || mt.Part != 2 || mt.Parts != 2 || strings.Join(mt.Partial, ",") != "ru" ||
		mt.TextIn("kk") != "Іс колонияның 12 күзетшісіне қатысты." || mt.Unit.TextIn("kk") != "Дүйсенбі күні прокурор іс қозғады. Іс колонияның 12 күзетшісіне қатысты." || len(mt.Numbers) != 1 {
		t.Errorf("with Split: %+v", mt)
	}
}

// TestImportHeldBareHeader: a file with some of the memory's units and a
// header without the attributes tilmash writes (other tools leave some
// out) is still imported: the kept copy of what was added gets them.
func TestImportHeldBareHeader(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	_, doc := exportTMX(t, m, export.UnitsGroups)
	doc.Units = append(doc.Units, tmx.Unit{Variants: []tmx.Variant{{Lang: "en", Text: "New text."}, {Lang: "ru", Text: "Новый текст."}}})
	var buf bytes.Buffer
	if _, err := tmx.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	data := bytes.Replace(buf.Bytes(), []byte(` adminlang="en"`), nil, 1)
	rep, err := m.ImportTMX(ctx, bytes.NewReader(data), "bare.tmx", "bare")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 1 || rep.Held != len(cutGroups) {
		t.Errorf("import %+v, want 1 unit and %d held", rep, len(cutGroups))
	}
	rb, err := m.Rebuild(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rb.Units != len(cutGroups)+1 {
		t.Errorf("rebuild: %+v, want %d units", rb, len(cutGroups)+1)
	}
}

// TestMatchesPartial: tm lookup --format tmx leaves a match whose
// translation also covers the group's other sentence (a 2-1 group) out
// of the default file, as tm export leaves out the partial units: OmegaT
// fills in a tm/auto/ memory's exact matches, and the partial target
// would say the other sentence twice. --units partial writes those
// matches alone, for tm/. With a language pair whose target translates
// the sentence alone the match is not partial.
func TestMatchesPartial(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	res, err := m.Lookup(ctx, []string{"It concerns 12 guards.", "The talks lasted three hours."}, tm.LookupOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if mt := res[0].Matches; len(mt) == 0 || len(mt[0].Partial) == 0 {
		t.Fatalf("no partial match for the 2-1 group's sentence: %+v", res[0])
	}
	for _, c := range []struct {
		units   string
		want    []string // the <tu> ids written
		partial bool     // every one marked x-partial
		left    int      // partial matches left out
	}{
		{"", []string{"doc/zarechnoye#4"}, false, 1},
		{export.UnitsSentences, []string{"doc/zarechnoye#4"}, false, 1},
		{export.UnitsPartial, []string{"doc/zarechnoye#3.2"}, true, 0},
	} {
		var buf bytes.Buffer
		n, left, err := m.WriteMatches(&buf, res, tm.ExportOptions{Units: c.units})
		if err != nil {
			t.Fatal(err)
		}
		if left != c.left {
			t.Errorf("%q: %d partial matches said to be left out, want %d", c.units, left, c.left)
		}
		doc, err := tmx.Read(bytes.NewReader(buf.Bytes()), "matches.tmx")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, u := range doc.Units {
			ids = append(ids, u.ID)
			if _, p := u.Prop(tmx.PartialProp); p != c.partial {
				t.Errorf("%q: unit %s x-partial %v, want %v", c.units, u.ID, p, c.partial)
			}
		}
		if n != len(ids) || strings.Join(ids, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: %d units %v, want %v:\n%s", c.units, n, ids, c.want, buf.String())
		}
	}
}
