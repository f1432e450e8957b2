package export

import (
	"cmp"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// TestInlineWithSegment: a memory group's variants for a match with a
// sentence of a new article take their codes from the new sentence's
// formatting, numbered in its new paragraph: the source with the new
// sentence's text is the new sentence, codes and all; a fuzzy source
// keeps the codes of a formatting the new sentence has, with its numbers;
// the translation's codes take the numbers of the new sentence's codes
// of the same formatting, and those it has not are left out.
func TestInlineWithSegment(t *testing.T) {
	pages := map[string]string{
		"en": `<article><p>Buses ran <i>late</i>.</p></article>`,
		"ru": `<article><p>Автобусы <i>опаздывали</i>.</p></article>`,
	}
	d, a := newHTMLDoc(t, "buses", pages, []groupSpec{{document.Aligned, "", [3][]string{{"Buses ran late."}, {"Автобусы опаздывали."}}}})
	in, err := NewInline(d, []string{"en", "ru"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	g := a.Groups[0]
	for _, c := range []struct {
		page, sentence string
		en, ru         string
		lang           string // of the new article; "" for en
	}{
		{`<p>Buses ran <i>late</i>.</p>`, "Buses ran late.", "Buses ran [1 <i>]late[1 </i>].", "Автобусы [1 <i>]опаздывали[1 </i>].", ""},
		// after a bold: the italic is the paragraph's second tag
		{`<p>Trams <b>stopped</b>. Buses ran <i>late</i>.</p>`, "Buses ran late.", "Buses ran [2 <i>]late[2 </i>].", "Автобусы [2 <i>]опаздывали[2 </i>].", ""},
		// a fuzzy match: the memory's text, the new numbers
		{`<p><b>All</b> buses ran <i>late</i>.</p>`, "All buses ran late.", "Buses ran [2 <i>]late[2 </i>].", "Автобусы [2 <i>]опаздывали[2 </i>].", ""},
		// no formatting in the new article: no codes
		{`<p>Buses ran late.</p>`, "Buses ran late.", "Buses ran late.", "Автобусы опаздывали.", ""},
		// formatting the memory has not: in the source only
		{`<p><u>Buses</u> ran <i>late</i>.</p>`, "Buses ran late.", "[1 <u>]Buses[1 </u>] ran [2 <i>]late[2 </i>].", "Автобусы [2 <i>]опаздывали[2 </i>].", ""},
		// a new article in Russian, the memory's target: the English
		// codes are matched to the new Russian sentence's
		{`<p>Поезда <b>встали</b>. Автобусы <i>опаздывали</i>.</p>`, "Автобусы опаздывали.", "Buses ran [2 <i>]late[2 </i>].", "Автобусы [2 <i>]опаздывали[2 </i>].", "ru"},
	} {
		lang := cmp.Or(c.lang, "en")
		doc, err := docformat.ReadHTML("new.html", []byte(c.page))
		if err != nil {
			t.Fatal(err)
		}
		at := strings.Index(doc.Text, c.sentence)
		if at < 0 {
			t.Fatalf("%s: no %q in %q", c.page, c.sentence, doc.Text)
		}
		seg := NewTextInline(lang, doc.Text, &document.Formatting{From: "html", Spans: doc.Spans}).
			Sentence(lang, document.Sentence{Start: at, End: at + len(c.sentence), Text: c.sentence})
		with := in.WithSegment(seg)
		if got := showCodes(GroupVariant(g, "en", with)); got != c.en {
			t.Errorf("%s: en %s, want %s", c.page, got, c.en)
		}
		if got := showCodes(GroupVariant(g, "ru", with)); got != c.ru {
			t.Errorf("%s: ru %s, want %s", c.page, got, c.ru)
		}
	}
	// Without a segment, the memory's own numbers.
	if got := showCodes(GroupVariant(g, "ru", in.WithSegment(nil))); got != "Автобусы [1 <i>]опаздывали[1 </i>]." {
		t.Errorf("no segment: ru %s", got)
	}
}

// showCodes writes v's text with each code as [X NATIVE] (an End's X is
// its Begin's).
func showCodes(v tmx.Variant) string {
	var b strings.Builder
	pos := 0
	x := map[int]int{} // by I
	for _, c := range v.Codes {
		b.WriteString(v.Text[pos:c.At])
		pos = c.At
		n := c.X
		if c.Kind == tmx.Begin {
			x[c.I] = c.X
		} else if c.Kind == tmx.End {
			n = x[c.I]
		}
		b.WriteString("[" + strconv.Itoa(n) + " " + c.Native + "]")
	}
	b.WriteString(v.Text[pos:])
	return b.String()
}
