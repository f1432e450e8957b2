package lexicon

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestStem(t *testing.T) {
	for _, tt := range []struct{ lang, word, want string }{
		{"ru", "Правительство", "прави"},
		{"ru", "правительства", "прави"}, // inflected forms share a stem
		{"kk", "Үкіметтің", "үкіме"},
		{"kk", "үкіметі", "үкіме"},
		{"en", "governments", "gover"},
		{"en", "of", ""}, // too short to match on
		{"en", "war", "war"},
	} {
		if got := Stem(tt.lang, tt.word); got != tt.want {
			t.Errorf("Stem(%q, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestLearn(t *testing.T) {
	l := NewLearner("en", "ru")
	pairs := [][2]string{
		{"The government met today.", "Правительство собралось сегодня."},
		{"The government fell.", "Правительство пало."},
		{"Storms hit the coast today.", "Штормы обрушились на побережье сегодня."},
		{"The coast was empty.", "Побережье опустело."},
	}
	for _, p := range pairs {
		l.Observe(p[0], p[1])
	}
	lex := l.Lexicon(2, 0.5, 3)
	has := func(s, tg string) bool {
		for _, id := range lex.Lookup("en", s) {
			if lex.entries[id].Tgt == Stem("ru", tg) {
				return true
			}
		}
		return false
	}
	for _, p := range [][2]string{{"government", "правительства"}, {"coast", "побережью"}, {"today", "сегодня"}} {
		if !has(p[0], p[1]) {
			t.Errorf("lexicon lacks %s → %s:\n%s", p[0], p[1], dump(lex))
		}
	}
	if has("government", "сегодня") {
		t.Errorf("lexicon pairs government with сегодня (seen together once):\n%s", dump(lex))
	}
	// Lookup from the target side finds the same entries.
	ids := lex.Lookup("ru", "Правительства")
	if len(ids) == 0 || lex.entries[ids[0]].Src != "gover" {
		t.Errorf("Lookup(ru, Правительства) = %v", ids)
	}
}

func dump(l *Lexicon) string {
	var b bytes.Buffer
	l.Write(&b)
	return b.String()
}

func TestReadWrite(t *testing.T) {
	in := "# comment\ngovernment\tправительство\t0.9\r\n\ncoast\tпобережье\n"
	l, err := Read(strings.NewReader(in), "en", "ru")
	if err != nil {
		t.Fatal(err)
	}
	out := dump(l)
	want := "# tilmash lexicon en ru: source\ttarget\tweight\ncoast\tпобер\t1.000\ngover\tправи\t0.900\n"
	if out != want {
		t.Errorf("Write:\n%s\nwant:\n%s", out, want)
	}
	l2, err := Read(strings.NewReader(out), "en", "ru")
	if err != nil || dump(l2) != out {
		t.Errorf("round trip: %v\n%s", err, dump(l2))
	}
}

func TestReadErrors(t *testing.T) {
	for _, tt := range []struct {
		in           string
		line, column int
		offset       int64
		reason       string
	}{
		{"a\tb\t1\nonly-one-field\n", 2, 1, 6, "fields"},
		{"war\tвойна\t2\n", 1, 11, 15, "weight"}, // column counts runes, offset bytes
		{"war\tвойна\tx\n", 1, 11, 15, "weight"},
		{"war\tвойна\t0\n", 1, 11, 15, "weight"},
		{"a\tb\tc\td\n", 1, 1, 0, "fields"},
		{"war\t\t1\n", 1, 1, 0, "fields"},
		{"ok\tда\n\xff\tx\n", 2, 1, 8, "utf8"},
	} {
		_, err := Read(strings.NewReader(tt.in), "en", "ru")
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: err = %v, want a SyntaxError", tt.in, err)
			continue
		}
		if se.Line != tt.line || se.Column != tt.column || se.Offset != tt.offset || se.Reason != tt.reason {
			t.Errorf("%q: got line %d column %d offset %d %s, want %d %d %d %s", tt.in, se.Line, se.Column, se.Offset, se.Reason, tt.line, tt.column, tt.offset, tt.reason)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("war\tвойна\t0.5\n")
	f.Add("# x\n\na\tb\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := Read(strings.NewReader(in), "en", "ru")
		if err != nil {
			return
		}
		l2, err := Read(strings.NewReader(dump(l)), "en", "ru")
		if err != nil || dump(l2) != dump(l) {
			t.Fatalf("round trip of %q: %v", in, err)
		}
	})
}

func TestVocabIDs(t *testing.T) {
	v := NewVocab("kk")
	a := v.IDs(nil, "Үкімет үкіметтің шешімін жариялады, үкіметі де.")
	// үкімет, үкіметтің and үкіметі share the stem үкіме; words under three letters have none.
	if len(a) != 3 || v.Len() != 3 {
		t.Fatalf("IDs = %v (%d stems), want 3 distinct stems", a, v.Len())
	}
	b := v.IDs([]int32{99}, "жариялады ҮКІМЕТ")
	if b[0] != 99 || len(b) != 3 || v.Len() != 3 {
		t.Fatalf("IDs appended %v (%d stems), want 2 known stems after 99", b, v.Len())
	}
	for _, id := range b[1:] {
		if s := v.Stem(id); s != Stem("kk", "үкімет") && s != Stem("kk", "жариялады") {
			t.Errorf("stem %d = %q", id, s)
		}
	}
	l := NewLearnerWith(v, NewVocab("en"))
	l.Observe("үкімет", "government")
	l.Observe("үкіметтің шешімі", "the government's decision")
	if got := l.Lexicon(2, 0.5, 1).Lookup("kk", "үкіметі"); len(got) != 1 {
		t.Errorf("learned lookup = %v, want one entry", got)
	}
}

// TestLearnIDs checks that LearnIDs, which skips the stem pairs that cannot reach minCount or
// minDice, learns what a Learner does from the same pairs: over random pairs with frequent and
// rare stems, empty sides and sides longer than maxWords, for several thresholds.
func TestLearnIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vocab := func(lang string, letters []rune, n int) (*Vocab, []int32) {
		v := NewVocab(lang)
		var ids []int32
		for k := range n {
			w := []rune{letters[k%len(letters)], letters[k/len(letters)%len(letters)], letters[0], letters[1], letters[2]}
			ids = v.IDs(ids, string(w))
		}
		return v, ids
	}
	vs, is := vocab("en", []rune("abcdefghijklmnopqrstuvwxyz"), 120)
	vt, it := vocab("ru", []rune("абвгдежзийклмнопрстуфхцчшщ"), 150)
	side := func(ids []int32) []int32 {
		n := rng.IntN(12)
		if rng.IntN(40) == 0 {
			n = 100 // beyond maxWords
		}
		var out []int32
		for range n {
			// A few frequent stems, many rare ones.
			out = append(out, ids[min(len(ids)-1, int(rng.ExpFloat64()*float64(len(ids))/6))])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	var src, tgt [][]int32
	for range 400 {
		ss, ts := side(is), side(it)
		for _, s := range ss { // most source stems have their translation, stem it[s], beside them
			if rng.IntN(5) > 0 {
				ts = append(ts, it[slices.Index(is, s)])
			}
		}
		slices.Sort(ts)
		src, tgt = append(src, ss), append(tgt, slices.Compact(ts))
	}
	for _, p := range []struct {
		count int
		dice  float64
		per   int
	}{{2, 0.5, 2}, {1, 0.2, 3}, {3, 0.7, 1}, {2, 0.05, 5}} {
		l := NewLearnerWith(vs, vt)
		for k := range src {
			l.ObserveIDs(src[k], tgt[k])
		}
		want := dump(l.Lexicon(p.count, p.dice, p.per))
		got := dump(LearnIDs(vs, vt, src, tgt, p.count, p.dice, p.per))
		if got != want {
			t.Errorf("LearnIDs(%d, %g, %d) =\n%s\nwant (Learner)\n%s", p.count, p.dice, p.per, got, want)
		}
		if strings.Count(want, "\n") < 3 {
			t.Errorf("thresholds %v learn almost nothing: the test compares nothing", p)
		}
	}
}

// TestStemIDs: numbering the stems of texts (Stem of their words, in order) gives the numbers, and
// numbers the new stems in the order, that IDs gives for the texts themselves.
func TestStemIDs(t *testing.T) {
	texts := []string{
		"The Senate's vote, the SENATE's votes: 12 of them.",
		"Сенат проголосовал; сенаторы голосовали — и ещё раз.",
		"Сенат дауыс берді, сенаторлар қайта дауыс берді.",
		"", "a b c", "Votes, votes and more votes",
	}
	byText, byStems := NewVocab("en"), NewVocab("en")
	for _, text := range texts {
		var stems []string
		for _, w := range Words(text) {
			stems = append(stems, Stem("en", w))
		}
		want := byText.IDs(nil, text)
		if got := byStems.StemIDs(nil, stems); !slices.Equal(got, want) {
			t.Errorf("%q: StemIDs = %v, IDs = %v", text, got, want)
		}
	}
	if byText.Len() != byStems.Len() {
		t.Fatalf("%d stems numbered, IDs %d", byStems.Len(), byText.Len())
	}
	for id := range byText.Len() {
		if byText.Stem(int32(id)) != byStems.Stem(int32(id)) {
			t.Errorf("stem %d: %q, IDs %q", id, byStems.Stem(int32(id)), byText.Stem(int32(id)))
		}
	}
}

// TestRestem: restem gives what Stem gives, and returns a stem, which is its own stem, without
// copying it (MergeScaled restems every entry of what the second pass of an alignment learned).
func TestRestem(t *testing.T) {
	var buf []byte
	for _, w := range []string{"стол", "Столы!", "жылдың", "crisi", "AMs", "ab", "", "İstan"} {
		var got string
		got, buf = restem(w, buf)
		if want := Stem("ru", w); got != want {
			t.Errorf("restem(%q) = %q, want %q", w, got, want)
		}
	}
	for _, s := range []string{"стол", "жылды", "crisi"} {
		if n := testing.AllocsPerRun(10, func() { _, buf = restem(s, buf) }); n != 0 {
			t.Errorf("restem(%q): %v allocations, want 0", s, n)
		}
	}
}

// TestCyrillicTable: appendStem's rules for the Cyrillic block say what unicode.IsLetter and
// unicode.ToLower say.
func TestCyrillicTable(t *testing.T) {
	for r := rune(0x400); r < 0x500; r++ {
		if letter := !(0x482 <= r && r < 0x48a); letter != unicode.IsLetter(r) {
			t.Errorf("%U: letter %v, unicode.IsLetter %v", r, letter, unicode.IsLetter(r))
		}
		if got, want := CyrillicLower(r), unicode.ToLower(r); got != want {
			t.Errorf("CyrillicLower(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestMergeSealedIntoZero: a sealed lexicon merges whole into a zero Lexicon (no maps yet) as into
// one made by NewCap.
func TestMergeSealedIntoZero(t *testing.T) {
	seed := SeedScaled("en", "ru", 0.5)
	if seed == nil || seed.Len() == 0 {
		t.Skip("no seed lexicon")
	}
	a := &Lexicon{SrcLang: "en", TgtLang: "ru"}
	a.Merge(seed)
	b := NewCap("en", "ru", seed.Len()+10)
	b.Merge(seed)
	if got, want := dump(a), dump(seed); got != want {
		t.Errorf("merged into a zero Lexicon:\n%s\nwant\n%s", got, want)
	}
	if got, want := dump(b), dump(seed); got != want {
		t.Errorf("merged into NewCap's:\n%s\nwant\n%s", got, want)
	}
}
