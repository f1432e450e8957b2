package qa

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// endingsGlossary is n made-up entries with a Kazakh term of one to three
// words and a variant, a third of them persons with -ов surnames (as
// bench/glossary10k.py writes them), seeded.
func endingsGlossary(n int) *glossary.Glossary {
	syl := strings.Fields("қа ра са тан бек нұр жан ай гүл мар ден тол күз бер аш ұл тең ғыз бо лі ме ны ро шу та ве зу кі ло да")
	kinds := []glossary.Kind{glossary.Person, glossary.Place, glossary.Organization, glossary.Institution, glossary.Other}
	r := rand.New(rand.NewPCG(7, 7))
	word := func() string {
		var b strings.Builder
		for range 3 + r.IntN(2) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		w := []rune(b.String())
		return strings.ToUpper(string(w[0])) + string(w[1:])
	}
	entries := make([]*glossary.Entry, n)
	for i := range entries {
		kind := kinds[i%len(kinds)]
		words := make([]string, 1+r.IntN(3))
		for j := range words {
			words[j] = word()
		}
		if kind == glossary.Person {
			words[len(words)-1] += "ов"
		}
		entries[i] = &glossary.Entry{ID: fmt.Sprintf("e%d", i), Kind: kind, Langs: map[string]*glossary.Form{
			"kk": {Term: strings.Join(words, " "), Variants: []string{word()}},
		}}
	}
	return glossary.New([]string{"en", "ru", "kk"}, entries...)
}

// BenchmarkNewEndingsIndex10k builds the endings index of 10,000 entries:
// status builds it for each run that checks a document.
func BenchmarkNewEndingsIndex10k(b *testing.B) {
	g := endingsGlossary(10000)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		NewEndingsIndex(g)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
}

// endingsIndexByWords is NewEndingsIndex as it was written first (each
// form cut into words, its stem made before it is filtered): the
// reference the faster one must agree with.
func endingsIndexByWords(g *glossary.Glossary) *endingsBuilder {
	x := &endingsBuilder{stems: map[string][]endStem{}, minLen: 1 << 30}
	for _, e := range g.Entries {
		f := e.Langs["kk"]
		if f == nil || f.Inflect == "none" {
			continue
		}
		forms := append([]string{f.Term}, f.Variants...)
		for _, form := range forms {
			words := strings.Fields(form)
			if len(words) == 0 {
				continue
			}
			st := morph.KazakhStemOf(form, morph.Kind(e.Kind), f.Inflect)
			// A hyphenated last word: its parts are words, the ending
			// goes on the last.
			parts := strings.Split(st.Word, "-")
			st.Word = parts[len(parts)-1]
			if utf8.RuneCountInString(st.Word) < 3 || !isCyrillicWord(strings.Join(parts, "")) {
				continue
			}
			var prefix []string
			for _, w := range words[:len(words)-1] {
				prefix = append(prefix, strings.ToLower(w))
			}
			prefix = append(prefix, parts[:len(parts)-1]...)
			x.prefixes = x.prefixes || len(prefix) > 0
			x.minLen, x.maxLen = min(x.minLen, len(st.Word)), max(x.maxLen, len(st.Word))
			x.stems[st.Word] = append(x.stems[st.Word], endStem{entryID: e.ID, prefix: prefix, stem: st, written: words[len(words)-1]})
		}
	}
	return x
}

// TestNewEndingsIndexAgrees: the index is the one the reference builds,
// on the made-up 10,000 entries and on forms with odd spacing, short,
// Latin and mixed words, the none hint, empty forms.
func TestNewEndingsIndexAgrees(t *testing.T) {
	odd := glossary.New([]string{"kk"},
		&glossary.Entry{ID: "a", Kind: glossary.Place, Langs: map[string]*glossary.Form{"kk": {Term: "  Алматы  облысы ", Variants: []string{"\tАлматы\u00a0обл", "", "   ", "Ақ", "Astana", "Нұр-Сұлтан", "Жаңа\u2003Қала\n"}}}},
		&glossary.Entry{ID: "b", Kind: glossary.Person, Langs: map[string]*glossary.Form{"kk": {Term: "Қасым-Жомарт Тоқаев", Variants: []string{"ТОҚАЕВ"}}}},
		&glossary.Entry{ID: "c", Kind: glossary.Person, Langs: map[string]*glossary.Form{"kk": {Term: "Тоқаев", Inflect: "none"}}},
		&glossary.Entry{ID: "d", Kind: glossary.Organization, Langs: map[string]*glossary.Form{"kk": {Term: "Білім министрлігі", Inflect: "back"}, "ru": {Term: "Минобр"}}},
		&glossary.Entry{ID: "e", Kind: glossary.Other, Langs: map[string]*glossary.Form{"ru": {Term: "Только русский"}}},
	)
	for name, g := range map[string]*glossary.Glossary{"10k": endingsGlossary(10000), "odd": odd} {
		got, want := newEndingsBuilder(g), endingsIndexByWords(g)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the index differs from the reference (%d stems, want %d)", name, len(got.stems), len(want.stems))
		}
	}
}

// BenchmarkEndingsIndexByWords is the reference, for comparison.
func BenchmarkEndingsIndexByWords10k(b *testing.B) {
	g := endingsGlossary(10000)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		endingsIndexByWords(g)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
}
