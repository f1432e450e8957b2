package export

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// renderCell renders a group's sentences as a cell of the page shows
// them.
func renderCell(t *testing.T, sents []string, marks []Mark) string {
	t.Helper()
	var ss []document.Sentence
	for _, s := range sents {
		ss = append(ss, document.Sentence{Text: s})
	}
	var b strings.Builder
	if err := pages.Get().ExecuteTemplate(&b, "cell", cellOf(nil, "en", ss, marks)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCellHeading(t *testing.T) {
	term := Mark{Class: MarkTerm, Start: 0, End: 3} // covers the "# " marker
	tests := []struct {
		name  string
		sents []string
		marks []Mark
		want  string
	}{
		{"plain", []string{"Tokayev spoke."}, []Mark{{Class: MarkTerm, Start: 0, End: 7}}, `<mark class="term">Tokayev</mark> spoke.`},
		{"heading", []string{"# Tokayev & co"}, []Mark{{Class: MarkTerm, Start: 2, End: 9}}, `<span class="heading h1"><mark class="term">Tokayev</mark> &amp; co</span>`},
		{"level 2", []string{"## Что видно"}, nil, `<span class="heading h2">Что видно</span>`},
		{"not a heading", []string{"#hashtag"}, nil, `#hashtag`},
		{"seven hashes", []string{"####### x"}, nil, `####### x`},
		{"mark on the marker is dropped", []string{"# Ab"}, []Mark{term}, `<span class="heading h1">Ab</span>`},
		// A group a person merged: the heading is its second sentence,
		// and only it is shown as a heading, without its marks; the
		// mark after it moves with the text.
		{"heading inside a group", []string{"It ended.", "## Tokayev spoke"}, []Mark{{Class: MarkTerm, Start: 13, End: 20}},
			`It ended. <span class="heading h2"><mark class="term">Tokayev</mark> spoke</span>`},
		{"sentence after a heading", []string{"# Title", "Text follows."}, nil, `<span class="heading h1">Title</span> Text follows.`},
	}
	for _, tt := range tests {
		if got := renderCell(t, tt.sents, tt.marks); got != tt.want {
			t.Errorf("%s: cell(%q) = %q, want %q", tt.name, tt.sents, got, tt.want)
		}
	}
}

// TestHTMLAttributesEscaped: language codes and statuses come from
// alignment.yaml, which a person may edit; whatever they hold, they land
// in the page's attributes as text and add no attribute or element. (The
// language of a workspace that no longer lists it is still exported.)
func TestHTMLAttributesEscaped(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	const lang = `xx" onmouseover="alert(1)" x="<b>&amp;`
	const status = `aligned" onclick="alert(2)`
	a.Languages = append(a.Languages, lang)
	a.Groups[0].Sents[lang] = []document.Sentence{{Text: "Hostile."}}
	a.Groups[1].Status = status
	var buf bytes.Buffer
	if err := Write(&buf, "html", d, a, Options{Langs: []string{lang, "en"}}); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(buf.String(), "<!DOCTYPE html>\n")))
	allowed := map[string]bool{"lang": true, "class": true, "id": true, "scope": true, "href": true,
		"title": true, "name": true, "content": true, "charset": true, "role": true}
	langs, classes := map[string]int{}, map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page is not well-formed: %v\n%s", err, buf.String())
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local == "b" {
			t.Error("a language code added a <b> element")
		}
		for _, at := range se.Attr {
			if !allowed[at.Name.Local] {
				t.Errorf("<%s> has an attribute %s=%q", se.Name.Local, at.Name.Local, at.Value)
			}
			switch at.Name.Local {
			case "lang":
				langs[at.Value]++
			case "class":
				classes[at.Value]++
			}
		}
	}
	// The <h1>, the column head and a cell per group carry the code.
	if want := 2 + len(a.Groups); langs[lang] != want {
		t.Errorf("lang=%q appears %d times, want %d (langs %v)", lang, langs[lang], want, langs)
	}
	if classes[status] != 1 {
		t.Errorf("class=%q appears %d times, want 1", status, classes[status])
	}
}

// TestLabelsInCatalogues: every word of the HTML pages comes from the
// catalogues, in each UI language; there is no private English copy.
func TestLabelsInCatalogues(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	for _, lang := range []string{"en", "ru", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		var asked []string
		out := string(render(t, "html", d, a, Options{
			Forced: []Blocker{{Group: 4, Kind: KindFlagged}, {Group: 2, Kind: "missing"}},
			Labels: func(id string, data map[string]any) string {
				asked = append(asked, id)
				return loc.T(id, data)
			},
		}))
		for _, id := range asked {
			if loc.T(id, nil) == id {
				t.Errorf("%s: label %s is not in the catalogue", lang, id)
			}
		}
		if !strings.Contains(out, `<html lang="`+lang+`">`) {
			t.Errorf("%s: page language not set", lang)
		}
	}
	// Without Labels, the page is in English, from the English catalogue.
	en, _ := locale.New("en")
	out := string(render(t, "html", d, a, Options{}))
	for _, id := range []string{"export.html.legend.term", "export.html.status.confirmed"} {
		if !strings.Contains(out, en.T(id, nil)) {
			t.Errorf("default page lacks %q", en.T(id, nil))
		}
	}
}

// TestHTMLFlagReasons: a flagged group shows why, in the reader's language
// (align.Group.Reasons used to be translated and never shown).
func TestHTMLFlagReasons(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	g := a.Groups[3]
	if g.Status != document.Flagged {
		t.Fatalf("group 4 is %s, the sample's flagged group moved", g.Status)
	}
	g.Score = 0.42
	ru, _ := locale.New("ru")
	out := string(render(t, "html", d, a, Options{Labels: ru.T}))
	want := `<div class="reason">` + ru.T("align.flag.low-score", map[string]any{"Score": 0.42}) + `</div>`
	if !strings.Contains(out, want) {
		t.Errorf("flagged group lacks its reason %s", want)
	}
	if strings.Count(out, `class="reason"`) != 1 {
		t.Errorf("%d reasons shown, want 1 (only the flagged group)", strings.Count(out, `class="reason"`))
	}
	// A group with no sentence in a language says so.
	delete(g.Sents, "kk")
	out = string(render(t, "html", d, a, Options{}))
	if !strings.Contains(out, `<div class="reason">no Kazakh translation</div>`) {
		t.Error("an empty language is not given as a reason")
	}
}

// TestLocalizedHTMLForced: a forced one-language page records it in a
// meta element and a comment, both from the template.
func TestLocalizedHTMLForced(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	var buf bytes.Buffer
	if err := Localized(&buf, "html", d, "kk", Options{Forced: Flagged(a)}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<meta name="tilmash-forced" content="forced past 1 flagged group (4)" />` + "\n",
		"\n<!-- tilmash: forced past 1 flagged group (4) -->\n<title>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
}

// TestNoHeadingMarks: no group export shows a heading's Markdown marks,
// whether the segmenter kept them in the sentence ("# Title") or they
// stand before it in the stored text (a text import-tmx made), whether
// the heading opens its group or a person merged it into the group
// before; each format marks the heading its own way.
func TestNoHeadingMarks(t *testing.T) {
	texts := map[string]string{
		"en": "# Zarechnoye\n\nForty videos appeared.\n\n##\tThe inquiry\n\nOfficers were dismissed.\n",
		"ru": "# Заречное\n\nПоявились сорок видео.\n\n## Проверка\n\nСотрудников уволили.\n",
		"kk": "# Заречный\n\nҚырық бейне жарияланды.\n\n## Тексеру\n\nҚызметкерлер шығарылды.\n",
	}
	groups := []groupSpec{
		{document.Confirmed, "", [3][]string{{"# Zarechnoye"}, {"Заречное"}, {"# Заречный"}}},
		// The heading is the second sentence of a merged group.
		{document.Aligned, "", [3][]string{{"Forty videos appeared.", "##\tThe inquiry"}, {"Появились сорок видео.", "## Проверка"}, {"Қырық бейне жарияланды.", "## Тексеру"}}},
		{document.Aligned, "", [3][]string{{"Officers were dismissed."}, {"Сотрудников уволили."}, {"Қызметкерлер шығарылды."}}},
	}
	d, a := newDoc(t, "headings", texts, groups)
	marks := []string{"# Zarechnoye", "# Заречное", "# Заречный", "#\tThe inquiry", "# Проверка", "# Тексеру", `\# `}
	heading := map[string][]string{
		"tmx":     {`<prop type="x-paragraph">h1</prop>`},
		"xliff":   {"<source>Zarechnoye</source>", "<target>Заречный</target>"},
		"xliff12": {"<source>Zarechnoye</source>", `<target state="signed-off">Заречный</target>`},
		"csv":     {"Zarechnoye,Заречное,Заречный"},
		"tsv":     {"Zarechnoye\tЗаречное\tЗаречный"},
		"md":      {"| **Zarechnoye** | **Заречное** | **Заречный** |", "| Forty videos appeared. **The inquiry** |"},
		"jsonl":   {`"heading":1,`, `"en":"Forty videos appeared. The inquiry"`},
		"html": {`<td lang="en"><span class="heading h1">Zarechnoye</span></td><td lang="ru"><span class="heading h1">Заречное</span></td>`,
			`<td lang="en">Forty videos appeared. <span class="heading h2">The inquiry</span></td>`},
	}
	for _, f := range Formats {
		opt := Options{Version: "1.0.0"}
		if PairFormat(f) {
			opt.Target = "kk"
		}
		out := string(render(t, f, d, a, opt))
		for _, m := range marks {
			if strings.Contains(out, m) {
				t.Errorf("%s: the output holds the heading marks %q:\n%s", f, m, out)
			}
		}
		if heading[f] == nil {
			t.Errorf("%s: no expectation for the format", f)
		}
		for _, want := range heading[f] {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the output lacks %q:\n%s", f, want, out)
			}
		}
	}
}

// TestForcedBanner: the banner of a forced side-by-side page names what
// the export went past, counted by kind, in the labels' language; a kind
// it did not go past is not named ("flagged groups (0)" it said).
func TestForcedBanner(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	finding := Blocker{Group: 2, Lang: "ru", Kind: "missing", EntryID: "tokayev"}
	flagged := Blocker{Group: 3, Kind: KindFlagged}
	for _, c := range []struct {
		lang   string
		forced []Blocker
		want   string
	}{
		{"en", []Blocker{finding}, "Forced export: it went ahead past 1 error finding, which would have held it back"},
		{"en", []Blocker{flagged, finding, finding}, "Forced export: it went ahead past 1 flagged group and 2 error findings, which would have held it back"},
		{"ru", []Blocker{finding, finding}, "Принудительный экспорт: выполнен несмотря на 2 замечания-ошибки, из-за чего экспорт был бы отклонён"},
		{"ru", []Blocker{flagged}, "Принудительный экспорт: выполнен несмотря на 1 помеченную группу, из-за чего"},
		{"kk", []Blocker{flagged, finding}, "Мәжбүрлі экспорт: тексеруге белгіленген 1 топқа және қате деңгейіндегі 1 кемшілікке қарамастан жасалды"},
	} {
		loc, err := locale.New(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		out := string(render(t, "html", d, a, Options{Forced: c.forced, Labels: loc.T}))
		if !strings.Contains(out, html.EscapeString(c.want)) {
			t.Errorf("%s %d blockers: no %q in the banner of\n%s", c.lang, len(c.forced), c.want, bannerOf(out))
		}
		if strings.Contains(bannerOf(out), "(0)") || strings.Contains(bannerOf(out), " 0 ") {
			t.Errorf("%s: the banner names a kind it did not go past: %s", c.lang, bannerOf(out))
		}
	}
}

// bannerOf is the banner line of a page.
func bannerOf(page string) string {
	for _, l := range strings.Split(page, "\n") {
		if strings.Contains(l, `class="banner"`) {
			return l
		}
	}
	return ""
}

// TestHTMLShowsTextBeforeNewVersion: a group a new version changed shows
// the text it had, with the label show, review and serve give it, in the
// reader's language and escaped; a confirmed group shows none (confirming
// ends it).
func TestHTMLShowsTextBeforeNewVersion(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	g := a.Groups[3]
	g.Detached = true
	g.Was = map[string][]string{"ru": {"Старый <текст>.", "Второе предложение."}}
	ru, _ := locale.New("ru")
	out := string(render(t, "html", d, a, Options{Labels: ru.T}))
	want := `<div class="was"><b>` + ru.T("review.was-label", map[string]any{"Lang": "RU"}) + `:</b> <span lang="ru">Старый &lt;текст&gt;. Второе предложение.</span></div>`
	if !strings.Contains(out, want) {
		t.Errorf("changed group lacks its old text %s", want)
	}
	if n := strings.Count(out, `class="was"`); n != 1 {
		t.Errorf("%d old texts shown, want 1", n)
	}
	g.Status = document.Confirmed
	if out := string(render(t, "html", d, a, Options{})); strings.Contains(out, `class="was"`) {
		t.Error("a confirmed group shows an old text")
	}
}
