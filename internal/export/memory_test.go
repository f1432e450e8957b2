package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// TestTMXRoundTrip: export → FromTMX → the same texts and groups, so
// that import-tmx of a tilmash TMX gives back the document.
func TestTMXRoundTrip(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "sample.tmx")
	if err != nil {
		t.Fatal(err)
	}
	mem, err := document.FromTMX(m, "sample.tmx", langs3, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs3 {
		if mem.Texts[l] != sample[l] {
			t.Errorf("%s:\n got %q\nwant %q", l, mem.Texts[l], sample[l])
		}
	}
	for i, g := range mem.Alignment.Groups {
		orig := a.Groups[i]
		if g.Status != orig.Status || g.Score != orig.Score || g.Note != orig.Note {
			t.Errorf("group %d: %+v, want %+v", i+1, g, orig)
		}
		for _, l := range langs3 {
			// The fixture's heading sentence leaves out the marks
			// ("# ") the segmenter keeps in it, and FromTMX gives it.
			got, want := g.Text(l), orig.Text(l)
			if i == 0 {
				want = "# " + want
			}
			if got != want {
				t.Errorf("group %d %s: %q, want %q", i+1, l, got, want)
			}
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"ru", `Он сказал "хватит".`, "Он сказал «хватит»."},
		{"kk", `"Жетер" деді.`, "«Жетер» деді."},
		{"en", `He said "enough" (and "more").`, "He said “enough” (and “more”)."},
		{"ru", `"Слово "внутри" снаружи"`, "«Слово „внутри“ снаружи»"},
		{"en", `"Outer "inner" end"`, "“Outer ‘inner’ end”"},
		{"ru", `«Уже "так"»`, "«Уже „так“»"},
		{"en", `don't touch 'single'`, "don't touch 'single'"},
		{"ru", "\"строка\nновая\"", "«строка\nновая»"},
		{"de", `"so"`, `"so"`},
		{"kk", `—"Иә"`, "—«Иә»"},
	}
	for _, tt := range tests {
		if got := Quotes(tt.lang, tt.in); got != tt.want {
			t.Errorf("Quotes(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestPairMemoryNoSourceless: a group with no English (a paragraph only
// the Kazakh desk wrote) is a unit of the TMX of every language, which
// import-tmx reads back whole, but not of the English-Kazakh memory, where
// OmegaT could not locate its source and Translate Toolkit would take the
// Kazakh for it. The English-Russian memory keeps the units with English.
func TestPairMemoryNoSourceless(t *testing.T) {
	texts := map[string]string{
		"en": "The council met on Monday.\n",
		"ru": "Совет собрался в понедельник.\n",
		"kk": "Кеңес дүйсенбіде жиналды.\n\nБұл жергілікті абзац.\n",
	}
	d, a := newDoc(t, "local", texts, []groupSpec{
		{document.Confirmed, "", [3][]string{{"The council met on Monday."}, {"Совет собрался в понедельник."}, {"Кеңес дүйсенбіде жиналды."}}},
		{document.Confirmed, "", [3][]string{nil, nil, {"Бұл жергілікті абзац."}}},
	})
	units := func(opt Options) []string {
		m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, opt)), "local.tmx")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range m.Units {
			var langs []string
			for _, v := range u.Variants {
				langs = append(langs, v.Lang)
			}
			out = append(out, u.ID+":"+strings.Join(langs, ","))
		}
		return out
	}
	for _, c := range []struct {
		langs []string
		want  string
	}{
		{nil, "1:en,ru,kk 2:kk"},
		{[]string{"en", "kk"}, "1:en,kk"},
		{[]string{"en", "ru"}, "1:en,ru"},
		{[]string{"kk", "en"}, "1:en,kk"}, // the source still comes first
	} {
		if got := strings.Join(units(Options{Langs: c.langs, Units: UnitsGroups}), " "); got != c.want {
			t.Errorf("langs %v: units %s, want %s", c.langs, got, c.want)
		}
	}
}
