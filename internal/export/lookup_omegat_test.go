package export_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
)

// lookupArticle is a new article that reuses sentences of markupPages'
// English page at other places in their paragraphs, after other
// formatted sentences, so that OmegaT numbers their tags otherwise than
// the earlier article's page did (one twice, numbered otherwise each
// time); and one the earlier article had without formatting, now with a
// bold word.
const lookupArticle = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>More flood notes</title></head><body>
<p>Buses ran <i>late</i>. Tests found H<sub>2</sub>S in <b>two</b> wells.</p>
<p><span class="lead">Rescuers</span> worked <i>all</i> night. Water reached 10<sup>4</sup> homes.</p>
<p>Crews<i> worked</i> on. Officers <b>left </b>the <a href="https://example.org/g">scene </a>quietly.</p>
<p>Detours are <b>signposted</b>. Buses ran <i>late</i>.</p>
</body></html>`

// lookupWant are OmegaT's segments of lookupArticle with the translation
// of the exact (100%) match the lookup TMX in tm/ should give each.
var lookupWant = map[string]string{
	"Buses ran <i0>late</i0>.":                           "Автобусы <i0>опаздывали</i0>.",
	"Tests found H<s1>2</s1>S in <b2>two</b2> wells.":    "Анализы нашли H<s1>2</s1>S в <b2>двух</b2> колодцах.",
	"<s0>Rescuers</s0> worked <i1>all</i1> night.":       "<s0>Спасатели</s0> работали <i1>всю</i1> ночь.",
	"Water reached 10<s2>4</s2> homes.":                  "Вода дошла до 10<s2>4</s2> домов.",
	"Crews<i0> worked</i0> on.":                          "Бригады<i0> работали</i0> дальше.",
	"Officers <b1>left </b1>the <a2>scene </a2>quietly.": "Полицейские <b1>ушли </b1>с <a2>места </a2>тихо.",
	"Detours are <b0>signposted</b0>.":                   "Объезды обозначены.",
	"Buses ran <i1>late</i1>.":                           "Автобусы <i1>опаздывали</i1>.",
}

// TestOmegaTLookup gives OmegaT, EN→RU with Display tags, a new HTML
// article and the TMX tm lookup --format tmx writes of it (the memory
// holding markupPages' article) in tm/: every segment is offered its
// match at 100%, with the tags numbered as the new article's paragraphs
// number them, a sentence of a group of two ("Water reached…") included.
func TestOmegaTLookup(t *testing.T) {
	export.OmegaTTest(t)
	mem := lookupTMX(t)
	segs, matches := export.RunOmegaTMatches(t, "ru", "new.html",
		map[string][]byte{"new.html": []byte(lookupArticle)}, map[string][]byte{"matches.tmx": mem})
	exact := 0
	for src := range lookupWant {
		if !slices.Contains(segs, src) {
			t.Errorf("OmegaT has no segment %q (segments: %q)", src, segs)
		}
	}
	for _, s := range segs {
		want, ok := lookupWant[s]
		if !ok {
			// the title, and the values of the lang and href attributes
			if s != "More flood notes" && !strings.Contains(lookupArticle, `="`+s+`"`) {
				t.Errorf("OmegaT has segment %q, not in lookupWant", s)
			}
			continue
		}
		got := matches[s]
		if got.Score() == 100 && got.Translation() == want {
			exact++
			continue
		}
		t.Errorf("%q: OmegaT offers %d%% %q, want 100%% %q", s, got.Score(), got.Translation(), want)
	}
	if exact != len(lookupWant) {
		t.Logf("the lookup TMX:\n%s", mem)
	}
	t.Logf("OmegaT offers %d of %d segments of the new article an exact match with its tags", exact, len(lookupWant))
}

// lookupTMX is the TMX tm lookup --format tmx writes of lookupArticle,
// the memory holding markupPages' article (MarkupMemoryDoc), in EN and
// RU, the sentence cut.
func lookupTMX(t *testing.T) []byte {
	t.Helper()
	d := export.MarkupMemoryDoc(t)
	ctx := context.Background()
	a := app.New("test")
	a.Stores.File = func(path string) (tm.Store, error) { return sqlitestore.Open(path) }
	m, err := a.OpenMemory(ctx, d.WS, app.TMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if _, err := m.Update(ctx); err != nil {
		t.Fatal(err)
	}
	text, err := app.FileText("new.html", []byte(lookupArticle))
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.LookupMemory(ctx, m, text, "en", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SegmentMatches(d.WS, res, text, "en"); err != nil {
		t.Fatal(err)
	}
	if exact, _ := tm.Counts(res); exact != len(lookupWant) {
		t.Errorf("tilmash finds %d exact matches, want %d: %+v", exact, len(lookupWant), res)
	}
	var buf bytes.Buffer
	if _, _, err := m.WriteMatches(&buf, res, tm.ExportOptions{Version: "test", Langs: []string{"en", "ru"}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLookupTMXCodes: the lookup TMX of a new HTML article numbers each
// match's codes as the new article's paragraph numbers the tags of its
// sentence (a bold after an italic is x="2", not the x="1" it had in the
// earlier article), the translation's codes with the source's numbers;
// the formatting of the new sentence decides: a bold the memory has not
// is in the source, not in the translation; a unit matching the same
// sentence at two places numbered otherwise is written for each. The TMX
// is valid.
func TestLookupTMXCodes(t *testing.T) {
	got := string(lookupTMX(t))
	for _, want := range []string{
		// the second sentence of a paragraph whose first has a tag
		`<seg>Tests found H<bpt i="1" x="2">&lt;sub&gt;</bpt>2<ept i="1">&lt;/sub&gt;</ept>S in <bpt i="2" x="3">&lt;b&gt;</bpt>two<ept i="2">&lt;/b&gt;</ept> wells.</seg>`,
		`<seg>Анализы нашли H<bpt i="1" x="2">&lt;sub&gt;</bpt>2<ept i="1">&lt;/sub&gt;</ept>S в <bpt i="2" x="3">&lt;b&gt;</bpt>двух<ept i="2">&lt;/b&gt;</ept> колодцах.</seg>`,
		// a sentence of a group of two, after one with two tags
		`<seg>Water reached 10<bpt i="1" x="3">&lt;sup&gt;</bpt>4<ept i="1">&lt;/sup&gt;</ept> homes.</seg>`,
		`<seg>Вода дошла до 10<bpt i="1" x="3">&lt;sup&gt;</bpt>4<ept i="1">&lt;/sup&gt;</ept> домов.</seg>`,
		`<seg>Officers <bpt i="1" x="2">&lt;b&gt;</bpt>left <ept i="1">&lt;/b&gt;</ept>the <bpt i="2" x="3">&lt;a href="https://example.org/g"&gt;</bpt>scene <ept i="2">&lt;/a&gt;</ept>quietly.</seg>`,
		`<seg>Полицейские <bpt i="1" x="2">&lt;b&gt;</bpt>ушли <ept i="1">&lt;/b&gt;</ept>с <bpt i="2" x="3">&lt;a href="https://example.org/g-ru"&gt;</bpt>места <ept i="2">&lt;/a&gt;</ept>тихо.</seg>`,
		// the same sentence at two places, with the numbers of each
		`<seg>Автобусы <bpt i="1" x="1">&lt;i&gt;</bpt>опаздывали<ept i="1">&lt;/i&gt;</ept>.</seg>`,
		`<seg>Автобусы <bpt i="1" x="2">&lt;i&gt;</bpt>опаздывали<ept i="1">&lt;/i&gt;</ept>.</seg>`,
		// formatting the memory has not
		`<seg>Detours are <bpt i="1" x="1">&lt;b&gt;</bpt>signposted<ept i="1">&lt;/b&gt;</ept>.</seg>`,
		`<seg>Объезды обозначены.</seg>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the lookup TMX has no %s:\n%s", want, got)
		}
	}
	export.ValidTMX(t, []byte(got))
}
