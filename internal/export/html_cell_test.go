package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

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
		if got := cell(tt.text, tt.marks); got != tt.want {
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
