package align

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestAcronymKey(t *testing.T) {
	key := func(w string) uint32 {
		k, ok := acronymKey(w)
		if !ok {
			t.Fatalf("%q: not an acronym", w)
		}
		return k
	}
	for _, tt := range []struct{ a, b string }{
		{"CNN", "CNN"},   // kept in Latin by the translation
		{"NATO", "НАТО"}, // transliterated letter by letter
		{"UEFA", "УЕФА"},
		{"US", "США"}, // translated: one group
		{"USA", "АҚШ"},
		{"EU", "ЕО"},
		{"UN", "БҰҰ"},
	} {
		if key(tt.a) != key(tt.b) {
			t.Errorf("%s and %s have different keys", tt.a, tt.b)
		}
	}
	if key("CNN") == key("CBS") || key("US") == key("UK") {
		t.Error("different acronyms share a key")
	}
	for _, w := range []string{"A", "Cnn", "cnn", "ABCDEFG", "АҚш", "C3PO"} {
		if _, ok := acronymKey(w); ok {
			t.Errorf("%q taken for an acronym", w)
		}
	}
}

func TestDottedAcronyms(t *testing.T) {
	us, _ := acronymKey("США")
	ai, _ := acronymKey("ИИ")
	un, _ := acronymKey("ООН")
	for _, tt := range []struct {
		text string
		want []uint32
	}{
		{"U.S. should double A.I. funding", []uint32{us, ai}},
		{"The U.N. said so.", []uint32{un}},
		{"Mr. J. Smith met Dr. Jones.", nil}, // initials and titles
		{"It ended at 5 p.m. in the U.S.", []uint32{us}},
		{"USA.S. no", nil},
	} {
		var got []uint32
		dottedAcronyms(tt.text, func(k uint32) { got = append(got, k) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestAcronymFeatures: an acronym is a key on both sides even when its skeleton is too short (CNN)
// or it is a stop word in lower case (US), and U.S. in English meets АҚШ in Kazakh.
func TestAcronymFeatures(t *testing.T) {
	en := extract("en", Sentence{Text: "The U.S. network CNN showed it."}, nil)
	kk := extract("kk", Sentence{Text: "Оны АҚШ-тың CNN арнасы көрсетті."}, nil)
	ru := extract("ru", Sentence{Text: "Это показал американский канал CNN, и США молчат."}, nil)
	us, _ := acronymKey("US")
	cnn, _ := acronymKey("CNN")
	for name, f := range map[string]features{"en": en, "kk": kk, "ru": ru} {
		for _, k := range []uint32{us, cnn} {
			if !slices.Contains(f.keys, k) {
				t.Errorf("%s: key %x missing from %x", name, k, f.keys)
			}
		}
	}
	if f := extract("en", Sentence{Text: "Tell us what you saw."}, nil); slices.Contains(f.keys, us) {
		t.Error("lower-case us taken for the acronym")
	}
}

// TestDottedAcronymsEveryByte compares dottedAcronyms, which jumps from full stop to full stop,
// with the byte-by-byte scan it replaced, on random texts of capitals, letters, full stops and
// spaces (acronyms at the edges, runs of stops, Cyrillic beside them).
func TestDottedAcronymsEveryByte(t *testing.T) {
	everyByte := func(text string, add func(uint32)) {
		for i := 0; i+3 < len(text); i++ {
			if text[i+1] != '.' || !isASCIIUpper(text[i]) || i > 0 && isASCIILetter(text[i-1]) {
				continue
			}
			j := i
			var buf [12]byte
			b := buf[:0]
			for j+1 < len(text) && len(b) < len(buf) && isASCIIUpper(text[j]) && text[j+1] == '.' {
				b = append(b, text[j])
				j += 2
			}
			if len(b) >= 2 && (j >= len(text) || !isASCIILetter(text[j])) {
				key := string(b)
				if c, ok := acronymCanon.Get()[key]; ok {
					key = c
				}
				add(hashKey(kindWord, "#"+key))
			}
			i = j
		}
	}
	pieces := []string{"U", "S", "A", "N", "x", "a", ".", ".", ". ", " ", "U.S.", "A.I.", "Ж", "é", "1"}
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		var got, want []uint32
		dottedAcronyms(text, func(k uint32) { got = append(got, k) })
		everyByte(text, func(k uint32) { want = append(want, k) })
		if !slices.Equal(got, want) {
			t.Fatalf("%q: %v, byte by byte %v", text, got, want)
		}
		found += len(want)
	}
	if found == 0 {
		t.Fatal("no acronym in the random texts")
	}
}
