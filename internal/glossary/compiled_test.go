package glossary

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

var propTexts = flag.Int("glossary.texts", 150, "random texts per language in the compiled-glossary property tests")

// refFind is Find over the trie as the builder holds it, in hash maps,
// with the keyer's tokens and the glossary's form lists: the plain
// reading of what the flat tables must answer.
func refFind(g *Glossary, b *trieBuilder, lang, text string) []Match {
	toks := newKeyer(lang).tokenize(text, nil)
	ids := make([]int32, len(toks))
	for i, tk := range toks {
		id, ok := b.id(tk.key)
		if !ok {
			id = -1
		}
		ids[i] = id
	}
	var out []Match
	for i := 0; i < len(ids); {
		node, best, bestEnd := int32(0), int32(-1), -1
		for j := i; j < len(ids) && ids[j] >= 0; j++ {
			c, ok := b.next(node, ids[j])
			if !ok {
				break
			}
			node = c
			if b.out1[node].entry >= 0 {
				best, bestEnd = node, j
			}
		}
		if best < 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[bestEnd].end
		mixed := false
		for _, tk := range toks[i : bestEnd+1] {
			mixed = mixed || tk.mixed
		}
		for _, o := range append([]output{b.out1[best]}, b.outN[best]...) {
			e := g.Entries[o.entry]
			f := e.Langs[b.lang]
			var list []string
			if f.Term != "" {
				list = append(list, f.Term)
			}
			list = append(append(append(list, f.Variants...), f.Forms...), f.Forbidden...)
			out = append(out, Match{EntryID: e.ID, Lang: lang, Start: start, End: end, Text: text[start:end],
				Forbidden: o.forbidden, Form: list[o.form], Homoglyph: mixed})
		}
		i = bestEnd + 1
	}
	return out
}

var (
	propOnce sync.Once
	propG    *Glossary
)

// propGlossaries are the test glossary and a synthetic one large enough
// that tokens such as the English possessive have hundreds of edges, in
// which some entries share a term with another (so spans with several
// outputs), as a person's name, and some forbid another's variant.
func propGlossaries(t *testing.T) []*Glossary {
	fixture(t)
	propOnce.Do(func() {
		g := synthGlossary(400, 7)
		entries := g.Entries
		for i, e := range g.Entries[:60] {
			c := &Entry{ID: e.ID + "-twin", Kind: Person, Langs: map[string]*Form{}}
			for lang, f := range e.Langs {
				c.Langs[lang] = &Form{Term: f.Term}
				if i%3 == 0 {
					c.Langs[lang].Forbidden = []string{g.Entries[i+100].Langs[lang].Variants[0]}
				}
			}
			entries = append(entries, c)
		}
		propG = New(g.Langs, entries...)
	})
	return []*Glossary{testGloss, propG}
}

// randomText strings together inflected forms of random entries (as the
// matcher keys them, sometimes capitalised), their forbidden forms, parts
// of forms, punctuation, made-up words and filler.
func randomText(r *rand.Rand, g *Glossary, lang string, forms map[*Entry][]string) string {
	fill := map[string][]string{"en": fillEn, "ru": fillRu, "kk": fillKk}[lang]
	syl := map[string][]string{"en": latSyl, "ru": cyrSyl, "kk": kkSyl}[lang]
	punct := []string{".", ",", "-", "—", "'", "’", "«", "»", "\"", "(", ")", "s", "'s"}
	var b strings.Builder
	n := 3 + r.IntN(30)
	for i := 0; i < n; i++ {
		if i > 0 && r.IntN(6) != 0 {
			b.WriteByte(' ')
		}
		e := g.Entries[r.IntN(len(g.Entries))]
		f := e.Langs[lang]
		switch k := r.IntN(12); {
		case k < 4 && f != nil:
			list, ok := forms[e]
			if !ok {
				list = GeneratedForms(e, lang)
				forms[e] = list
			}
			if len(list) == 0 {
				continue
			}
			s := list[r.IntN(len(list))]
			if r.IntN(2) == 0 {
				s = capitalise(s)
			}
			if r.IntN(4) == 0 { // a part of the form
				w := strings.Fields(s)
				s = strings.Join(w[:1+r.IntN(len(w))], " ")
			}
			b.WriteString(s)
		case k < 5 && f != nil && len(f.Forbidden) > 0:
			b.WriteString(f.Forbidden[r.IntN(len(f.Forbidden))])
		case k < 6 && f != nil:
			b.WriteString(f.Term)
		case k < 8:
			b.WriteString(punct[r.IntN(len(punct))])
		case k < 9:
			b.WriteString(synthWords(r, syl, 1))
		default:
			b.WriteString(fill[r.IntN(len(fill))])
		}
	}
	return b.String()
}

func capitalise(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

// TestFlatTrieMatchesBuilder checks the flat tables against the trie
// they were laid out from: every key found with its id and spelt back,
// and the same matches as refFind on random texts.
func TestFlatTrieMatchesBuilder(t *testing.T) {
	for gi, g := range propGlossaries(t) {
		r := rand.New(rand.NewPCG(uint64(gi), 3))
		forms := map[*Entry][]string{}
		for _, lang := range workspaceLangs {
			tr := buildLang(g, lang, 1).freeze() // freeze empties its builder
			b := buildLang(g, lang, 1)
			if tr.nKeys != len(b.keys) || tr.nNodes != len(b.out1) {
				t.Fatalf("%s: %d keys %d nodes, builder %d %d", lang, tr.nKeys, tr.nNodes, len(b.keys), len(b.out1))
			}
			for id, key := range b.keys {
				if got := tr.lookup(key); got != int32(id) {
					t.Fatalf("%s: key %q has id %d, want %d", lang, key, got, id)
				}
				if got := tr.key(int32(id)); got != key {
					t.Fatalf("%s: id %d spelt %q, want %q", lang, id, got, key)
				}
			}
			m := &Matcher{g: g, langs: map[string]*langTrie{lang: tr}}
			for range *propTexts {
				text := randomText(r, g, lang, forms)
				if got, want := m.Find(lang, text), refFind(g, b, lang, text); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: Find(%q)\n got %+v\nwant %+v", lang, text, got, want)
				}
			}
		}
	}
}

func compiledFixture(t *testing.T, g *Glossary) (*Matcher, []byte, [32]byte) {
	t.Helper()
	key := [32]byte{1, 2, 3}
	m := Compile(g)
	return m, m.AppendCompiled(nil, key, fixtureSections...), key
}

// fixtureSections are the derived sections stored with the fixtures: one
// of an odd length (padded), an empty one, one a multiple of 8.
var fixtureSections = [][]byte{[]byte("derived, the caller's"), nil, []byte("12345678")}

// TestCompiledRoundTrip is the property of the compiled glossary: the
// matcher opened from the bytes has the same entries as the glossary, and
// finds and checks exactly as the freshly compiled one on random texts.
func TestCompiledRoundTrip(t *testing.T) {
	for gi, g := range propGlossaries(t) {
		m, data, key := compiledFixture(t, g)
		// A copy one byte off its alignment: read through the aligned copy.
		for _, data := range [][]byte{data, append([]byte{0}, data...)[1:]} {
			got, sections, err := OpenCompiledSections(data, key)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(sections, fixtureSections) {
				t.Fatalf("derived sections %q, want %q", sections, fixtureSections)
			}
			if !reflect.DeepEqual(got.Glossary().Entries, g.Entries) || !reflect.DeepEqual(got.Glossary().Langs, g.Langs) {
				t.Fatal("the entries read back differ")
			}
			for _, e := range g.Entries {
				if got.Glossary().Lookup(e.ID) == nil {
					t.Fatalf("entry %s cannot be looked up", e.ID)
				}
			}
			if !reflect.DeepEqual(got.Langs(), m.Langs()) {
				t.Fatalf("languages %v, want %v", got.Langs(), m.Langs())
			}
			// The prefilters are read, not built, and are the ones built.
			for _, l := range m.Langs() {
				a, b := got.langs[l], m.langs[l]
				b.preOnce.Do(b.buildPre)
				if a.preShift != b.preShift || a.shortShift != b.shortShift || !reflect.DeepEqual(a.pre, b.pre) ||
					!reflect.DeepEqual(a.shortKey, b.shortKey) || !reflect.DeepEqual(a.shortRef, b.shortRef) {
					t.Fatalf("%s: the prefilters read differ from the ones built", l)
				}
			}
			r := rand.New(rand.NewPCG(uint64(gi), 4))
			forms := map[*Entry][]string{}
			for range *propTexts {
				texts := map[string]string{}
				for _, lang := range workspaceLangs {
					text := randomText(r, g, lang, forms)
					texts[lang] = text
					if a, b := got.Find(lang, text), m.Find(lang, text); !reflect.DeepEqual(a, b) {
						t.Fatalf("%s: Find(%q)\n opened %+v\n  fresh %+v", lang, text, a, b)
					}
				}
				if a, b := got.CheckGroup("en", texts), m.CheckGroup("en", texts); !reflect.DeepEqual(a, b) {
					t.Fatalf("CheckGroup(%q)\n opened %+v\n  fresh %+v", texts, a, b)
				}
			}
		}
	}
}

// TestCompiledLazyRoundTrip: a compiled glossary opened without decoding
// its entries gives each entry, by number and by id, equal to the
// glossary's, nil for an id it lacks, finds and checks as the freshly
// compiled matcher, and is written back to the same bytes.
func TestCompiledLazyRoundTrip(t *testing.T) {
	for gi, g := range propGlossaries(t) {
		m, data, key := compiledFixture(t, g)
		got, sections, err := openCompiled(data, key, false, true)
		if err != nil {
			t.Fatal(err)
		}
		lg := got.Glossary()
		if lg.Entries != nil || !reflect.DeepEqual(sections, fixtureSections) || !reflect.DeepEqual(lg.Langs, g.Langs) {
			t.Fatal("the lazy glossary has its entries decoded, or other sections or languages")
		}
		r := rand.New(rand.NewPCG(uint64(gi), 7))
		forms := map[*Entry][]string{}
		for range *propTexts {
			texts := map[string]string{}
			for _, lang := range workspaceLangs {
				text := randomText(r, g, lang, forms)
				texts[lang] = text
				if a, b := got.Find(lang, text), m.Find(lang, text); !reflect.DeepEqual(a, b) {
					t.Fatalf("%s: Find(%q)\n lazy %+v\n fresh %+v", lang, text, a, b)
				}
			}
			if a, b := got.CheckGroup("en", texts), m.CheckGroup("en", texts); !reflect.DeepEqual(a, b) {
				t.Fatalf("CheckGroup(%q)\n lazy %+v\n fresh %+v", texts, a, b)
			}
		}
		for i, e := range g.Entries {
			if a, b := lg.Lookup(e.ID), lg.entry(int32(i)); !reflect.DeepEqual(a, e) || a != b {
				t.Fatalf("entry %d (%s): by id %+v, by number %+v, want %+v", i, e.ID, a, b, e)
			}
		}
		for _, id := range []string{"", "no such entry", "\xff"} {
			if e := lg.Lookup(id); e != nil {
				t.Fatalf("Lookup(%q) = %+v", id, e)
			}
		}
		if !reflect.DeepEqual(lg.all(), g.Entries) {
			t.Fatal("all the lazy entries differ")
		}
		if again := got.AppendCompiled(nil, key, fixtureSections...); !bytes.Equal(again, data) {
			t.Fatal("the lazy glossary written again: other bytes")
		}
	}
}

// TestCompiledRefusesDamage changes every byte of the header, bytes in
// every array of the payload and the sum, cuts the file at many lengths,
// and opens it with another key and as another version: each is an error
// wrapping ErrNotCached, never a matcher.
func TestCompiledRefusesDamage(t *testing.T) {
	fixture(t)
	_, data, key := compiledFixture(t, testGloss)
	refuse := func(what string, d []byte, key [32]byte) {
		t.Helper()
		m, err := OpenCompiled(d, key)
		if m != nil || !errors.Is(err, ErrNotCached) {
			t.Fatalf("%s: opened (err %v)", what, err)
		}
	}
	damaged := func(at int) []byte {
		d := append([]byte(nil), data...)
		d[at] ^= 0x40
		return d
	}
	for at := 0; at < compiledHeader; at++ {
		refuse("header byte "+itoa(at), damaged(at), key)
	}
	// Every array: its count and its first and last byte.
	sizes := elemSizes(len(workspaceLangs))
	arrays := 0
	for off := compiledHeader; off < len(data); {
		n := int(binary.NativeEndian.Uint64(data[off:]))
		size := sizes[arrays]
		refuse("array count at "+itoa(off), damaged(off), key)
		if n > 0 {
			refuse("array data at "+itoa(off+8), damaged(off+8), key)
			refuse("array end at "+itoa(off+8+n*size-1), damaged(off+8+n*size-1), key)
		}
		off += 8 + (n*size+7)&^7
		arrays++
	}
	if want := len(sizes); arrays != want {
		t.Fatalf("walked %d arrays, the layout has %d", arrays, want)
	}
	refuse("sum", damaged(56), key)
	step := max(1, len(data)/500)
	for n := 0; n < len(data); n += step {
		refuse("cut at "+itoa(n), data[:n], key)
	}
	refuse("cut by one", data[:len(data)-1], key)
	refuse("a byte more", append(append([]byte(nil), data...), 0), key)
	other := key
	other[31]++
	refuse("another key", data, other)
	// Another version, with a sum that fits it.
	d := append([]byte(nil), data...)
	binary.NativeEndian.PutUint32(d[8:], compiledFormat+1)
	binary.NativeEndian.PutUint64(d[56:], compiledSum(d))
	refuse("another version", d, key)
	if _, err := OpenCompiled(data, key); err != nil {
		t.Fatalf("the undamaged file: %v", err)
	}
}

// TestCompiledForgedTables changes random bytes of the payload and mends
// the sum, as a file written by something else would be: opening must
// refuse it or give a matcher that finds without panicking.
func TestCompiledForgedTables(t *testing.T) {
	fixture(t)
	_, data, key := compiledFixture(t, testGloss)
	r := rand.New(rand.NewPCG(5, 5))
	texts := []string{"Тоқаевтың Алматыдағы сапары", "Токаева в Алма-Ате", "Tokayev's Almaty Region - ' \""}
	opened := 0
	for i := 0; i < 5**propTexts; i++ {
		d := append([]byte(nil), data...)
		for range 1 + r.IntN(3) {
			d[compiledHeader+r.IntN(len(d)-compiledHeader)] = byte(r.Uint32())
		}
		binary.NativeEndian.PutUint64(d[56:], compiledSum(d))
		// Lazy too: its entries were checked when opened, and decode
		// without a panic when found.
		lazy, _, lerr := openCompiled(d, key, false, true)
		m, err := OpenCompiled(d, key)
		if (err == nil) != (lerr == nil) {
			t.Fatalf("opened %v, lazily %v", err, lerr)
		}
		if err != nil {
			continue
		}
		opened++
		for _, m := range []*Matcher{m, lazy} {
			for _, text := range texts {
				for _, lang := range workspaceLangs {
					m.Find(lang, text)
				}
				m.CheckGroup("en", map[string]string{"en": text, "ru": text, "kk": text})
			}
			for _, e := range testGloss.Entries {
				m.Glossary().Lookup(e.ID)
			}
			m.Glossary().all()
		}
	}
	t.Logf("%d of %d forged files opened", opened, 5**propTexts)
}

// elemSizes are the element sizes of the arrays of the payload: the
// glossary's eight, then twenty-one per trie (see langTrie.write), then the
// number of derived sections and each section.
func elemSizes(tries int) []int {
	sizes := []int{1, 4, 4, 4, 4, 4, 4, 4}
	for range tries {
		sizes = append(sizes, 8, 4, 8, 4, 8, 4, 1, 4, 8, 8, 4, 8, 4, 8, 4, 4, 8, 8, 8, 8, 4)
	}
	sizes = append(sizes, 8)
	for range fixtureSections {
		sizes = append(sizes, 1)
	}
	return sizes
}

var itoa = strconv.Itoa
