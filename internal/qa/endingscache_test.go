package qa

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// endingsCacheGlossaries are the glossaries the stored index is tried on:
// the made-up 10,000 entries, the test glossary, names of several words,
// none at all.
func endingsCacheGlossaries() map[string]*glossary.Glossary {
	return map[string]*glossary.Glossary{
		"10k":  endingsGlossary(10000),
		"test": testGlossary(),
		"words": glossary.New([]string{"kk"},
			&glossary.Entry{ID: "a", Kind: glossary.Place, Langs: map[string]*glossary.Form{"kk": {Term: "  Алматы  облысы ", Variants: []string{"Жаңа\u2003Қала\n", "Ақ"}}}},
			&glossary.Entry{ID: "b", Kind: glossary.Person, Langs: map[string]*glossary.Form{"kk": {Term: "Қасым-Жомарт Тоқаев", Inflect: "front"}}},
			&glossary.Entry{ID: "c", Kind: glossary.Organization, Langs: map[string]*glossary.Form{"kk": {Term: "Білім министрлігі", Inflect: "possessive"}}}),
		"none":  glossary.New([]string{"en", "kk"}, &glossary.Entry{ID: "x", Langs: map[string]*glossary.Form{"en": {Term: "Only English"}}}),
		"empty": glossary.New(nil),
	}
}

// TestEndingsIndexRoundTrip: the index read back is the index built, and
// finds what it finds.
func TestEndingsIndexRoundTrip(t *testing.T) {
	texts := []string{"Алматыге барды", "Тоқаевке хат, Тоқаевқа хат", "Жаңа Қалаға, жаңа қалаге", "Білім министрлігіне", "облысыда"}
	for name, g := range endingsCacheGlossaries() {
		want := NewEndingsIndex(g)
		data, err := want.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadEndingsIndex(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the index read back differs (%d stems, want %d)", name, got.n, want.n)
		}
		for _, text := range texts {
			if a, b := got.Check("kk", text), want.Check("kk", text); !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: Check(%q) = %v, want %v", name, text, a, b)
			}
		}
		// Written again, the same bytes: the stems are in order.
		if again, _ := got.AppendBinary(nil); !bytes.Equal(again, data) {
			t.Fatalf("%s: written again, other bytes", name)
		}
	}
}

// TestEndingsIndexRefusesDamage: an index cut at any length, with a byte
// more, or of another layout is an error; changed bytes give an error or
// an index that checks without panicking.
func TestEndingsIndexRefusesDamage(t *testing.T) {
	data, err := NewEndingsIndex(endingsCacheGlossaries()["words"]).AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if x, err := ReadEndingsIndex(data[:n]); err == nil {
			t.Fatalf("cut at %d of %d: read %+v", n, len(data), x)
		}
	}
	if _, err := ReadEndingsIndex(append(append([]byte(nil), data...), 0)); err == nil {
		t.Fatal("a byte more: read")
	}
	other := append([]byte(nil), data...)
	other[0] = endingsFormat + 1
	if _, err := ReadEndingsIndex(other); err == nil {
		t.Fatal("another layout: read")
	}
	r := rand.New(rand.NewPCG(3, 3))
	for range 2000 {
		d := append([]byte(nil), data...)
		for range 1 + r.IntN(3) {
			d[r.IntN(len(d))] = byte(r.Uint32())
		}
		if x, err := ReadEndingsIndex(d); err == nil {
			x.Check("kk", "Алматыге, Тоқаевке облысыда жаңа қалаге")
		}
	}
}

// BenchmarkReadEndingsIndex10k reads the index of 10,000 entries, as
// status does from the compiled glossary cache (compare
// BenchmarkNewEndingsIndex10k).
func BenchmarkReadEndingsIndex10k(b *testing.B) {
	data, err := NewEndingsIndex(endingsGlossary(10000)).AppendBinary(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		if _, err := ReadEndingsIndex(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
}

// wordByMaps is EndingsIndex.word as it was with the index in maps (the
// stems, their heads and initials): the reference the index searched in
// place must agree with.
func wordByMaps(b *endingsBuilder, heads map[string]bool, initial map[rune]bool, lwb []byte, w string, prev []string) (Finding, bool) {
	if len(lwb) < 6 || len(lwb) > 120 || len(b.stems) == 0 || len(lwb) <= b.minLen {
		return Finding{}, false
	}
	r, _ := utf8.DecodeRune(lwb)
	if !heads[string(lwb[:b.minLen])] || !initial[r] {
		return Finding{}, false
	}
	for _, c := range b.stems[string(lwb)] {
		if hasPrefixWords(prev, c.prefix) {
			return Finding{}, false // a name itself
		}
	}
	lower := !unicode.IsUpper(r0(w))
	for p := min(len(lwb)-1, b.maxLen); p >= b.minLen; p-- {
		if !utf8.RuneStart(lwb[p]) {
			continue
		}
		cands := b.stems[string(lwb[:p])]
		if len(cands) == 0 {
			continue
		}
		lw := string(lwb)
		end, ok := morph.ParseKazakhEnding(lw[p:])
		if !ok {
			continue
		}
		for _, c := range cands {
			if !hasPrefixWords(prev, c.prefix) || lower && unicode.IsUpper(r0(c.written)) {
				continue
			}
			forms := morph.KazakhInflect(c.stem, end)
			if len(forms) == 0 {
				continue
			}
			if slices.Contains(forms, lw) {
				return Finding{}, false
			}
			fix := morph.KazakhRespell(c.written, c.stem.Word, forms[0])
			msg := "qa.endings.wrong"
			for _, f := range forms {
				if e, ok := strings.CutPrefix(f, c.stem.Word); ok && morph.KazakhKeyboard(e) == lw[p:] {
					fix, msg = c.written+e, "qa.endings.keyboard"
					break
				}
			}
			return Finding{Kind: Endings, Severity: Warning, Lang: "kk", Source: NoSpan, Message: msg,
				Fix: fix, Data: map[string]any{"ID": c.entryID, "Expected": fix, "Lang": "kk"}}, true
		}
	}
	return Finding{}, false
}

// TestEndingsIndexInPlaceAgrees: the index searched in place finds what
// the maps found, for every stem with endings right and wrong, with and
// without the words before it, and for words near the stems (cut, a
// letter changed).
func TestEndingsIndexInPlaceAgrees(t *testing.T) {
	endings := []string{"", "ға", "ге", "қа", "ке", "да", "де", "та", "те", "ның", "нің", "дың", "ы", "сы", "ында", "інде", "дан", "ден", "мен", "ы", "лар", "лер", "ларға"}
	r := rand.New(rand.NewPCG(5, 5))
	for name, g := range endingsCacheGlossaries() {
		b := newEndingsBuilder(g)
		x := NewEndingsIndex(g)
		heads, initial := map[string]bool{}, map[rune]bool{}
		for k := range b.stems {
			heads[k[:b.minLen]] = true
			r, _ := utf8.DecodeRuneInString(k)
			initial[r] = true
		}
		words, found := 0, 0
		for k, l := range b.stems {
			var prevs [][]string
			prevs = append(prevs, nil)
			for _, s := range l {
				prevs = append(prevs, s.prefix)
			}
			rs := []rune(k)
			variants := []string{k, string(rs[:len(rs)-1]), string(rs[1:])}
			c := []rune(k)
			c[r.IntN(len(c))] = []rune("аәеыіоөұүқғңх")[r.IntN(13)]
			variants = append(variants, string(c))
			for _, v := range variants {
				for _, e := range endings {
					lwb := []byte(v + e)
					vr := []rune(v + e)
					written := string(unicode.ToUpper(vr[0])) + string(vr[1:])
					for _, w := range []string{v + e, written} {
						for _, prev := range prevs {
							got, gok := x.word(lwb, w, prev)
							want, wok := wordByMaps(b, heads, initial, lwb, w, prev)
							if gok != wok || !reflect.DeepEqual(got, want) {
								t.Fatalf("%s: word(%q, %q) = %v %v, the maps gave %v %v", name, w, prev, got, gok, want, wok)
							}
							words++
							if gok {
								found++
							}
						}
					}
				}
			}
			if name == "10k" && words > 100000 {
				break
			}
		}
		if len(b.stems) > 0 && (words == 0 || found == 0) {
			t.Fatalf("%s: %d words tried, %d findings", name, words, found)
		}
	}
}
