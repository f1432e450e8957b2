package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// renderCell renders a group's text as a cell of the page shows it.
func renderCell(t *testing.T, text string, marks []Mark) string {
	t.Helper()
	var b strings.Builder
	if err := pages().ExecuteTemplate(&b, "cell", cellOf("en", text, marks)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCellHeading(t *testing.T) {
	term := Mark{Class: MarkTerm, Start: 0, End: 3} // covers the "# " marker
	tests := []struct {
		name, text string
		marks      []Mark
		want       string
	}{
		{"plain", "Tokayev spoke.", []Mark{{Class: MarkTerm, Start: 0, End: 7}}, `<mark class="term">Tokayev</mark> spoke.`},
		{"heading", "# Tokayev & co", []Mark{{Class: MarkTerm, Start: 2, End: 9}}, `<span class="heading"><mark class="term">Tokayev</mark> &amp; co</span>`},
		{"level 2", "## Что видно", nil, `<span class="heading">Что видно</span>`},
		{"not a heading", "#hashtag", nil, `#hashtag`},
		{"seven hashes", "####### x", nil, `####### x`},
		{"mark on the marker is dropped", "# Ab", []Mark{term}, `<span class="heading">Ab</span>`},
	}
	for _, tt := range tests {
		if got := renderCell(t, tt.text, tt.marks); got != tt.want {
			t.Errorf("%s: cell(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
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
