package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Table tests for each cost component: numbers, calendar names, punctuation, inner sentence ends,
// name matching through transliteration, length, anchors (including glossary terms) and
// paragraphs.

func TestScanNumber(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		read int // bytes consumed, -1 for all
	}{
		{"1000", []string{"1000"}, -1},
		{"1,000", []string{"1000"}, -1},
		{"1 000", []string{"1000"}, -1},
		{"1\u00a0000", []string{"1000"}, -1},
		{"1\u202f000\u202f000", []string{"1000000"}, -1},
		{"1.000", []string{"1000"}, -1},
		{"3.5", []string{"3.5"}, -1},
		{"3,5", []string{"3.5"}, -1},
		{"3,50", []string{"3.5"}, -1},
		{"2,80 млрд", []string{"2.8"}, 4},
		{"1,000.5", []string{"1000.5"}, -1},
		{"1 000,5", []string{"1000.5"}, -1},
		{"0.125", []string{"0.125"}, -1},
		{"007", []string{"7"}, -1},
		{"2019 200", []string{"2019", "200"}, -1},
		{"2019 году", []string{"2019"}, 4},
		{"09.09.2019", []string{"9", "9", "2019", "@m9"}, -1},
		{"1/10/2019", []string{"1", "10", "2019"}, -1},
		{"10:30", []string{"10"}, 2},
		{"12%", []string{"12"}, 2},
		{"5.", []string{"5"}, 1},
		{"1,2,3", []string{"1.2", "3"}, -1},
	}
	for _, tt := range tests {
		got, n := scanNumber(tt.in, nil)
		want := tt.read
		if want < 0 {
			want = len(tt.in)
		}
		if !slices.Equal(got, tt.want) || n != want {
			t.Errorf("scanNumber(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, want)
		}
	}
}

// numberKeys returns the number keys (numbers, months, weekdays) extract finds in text.
func numberKeys(lang, text string) []uint32 {
	var out []uint32
	for _, k := range extract(lang, Sentence{Text: text}, nil).keys {
		if k&kindMask == kindNumber {
			out = append(out, k)
		}
	}
	return out
}

func TestNumbersAcrossLanguages(t *testing.T) {
	tests := []struct {
		en, lang, other string
		shared          int
	}{
		{"It cost $1,500,000.", "ru", "Это стоило 1 500 000 долларов.", 1},
		{"Inflation was 8.7% in May 2024.", "kk", "2024 жылғы мамырда инфляция 8,7% болды.", 3},
		{"Inflation was 8.7% in May 2024.", "ru", "Инфляция в мае 2024 года составила 8,7%.", 3},
		{"The vote is on September 9, 2019.", "ru", "Голосование пройдёт 09.09.2019.", 3},
		{"The vote is on September 9.", "kk", "Дауыс беру 9 қыркүйекте өтеді.", 2},
		{"He arrived on Monday.", "ru", "Он приехал в понедельник.", 1},
		{"He arrived on Monday.", "kk", "Ол дүйсенбі күні келді.", 1},
		{"The talks lasted 3 hours.", "ru", "Переговоры длились 5 часов.", 0},
		{"Theresa May spoke.", "ru", "Выступила Тереза Мэй.", 0}, // May without a number is not a month
		{"Martin spoke in March.", "ru", "Мартин выступил в марте.", 1},
	}
	for _, tt := range tests {
		a, b := numberKeys("en", tt.en), numberKeys(tt.lang, tt.other)
		n := 0
		for _, k := range a {
			if slices.Contains(b, k) {
				n++
			}
		}
		if n != tt.shared {
			t.Errorf("%q / %q: %d shared number keys, want %d", tt.en, tt.other, n, tt.shared)
		}
	}
}

func TestCalendarKey(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"en", "september", "@m9"},
		{"en", "sept", "@m9"},
		{"en", "friday", "@d5"},
		{"en", "fried", ""},
		{"ru", "сентября", "@m9"},
		{"ru", "сентябре", "@m9"},
		{"ru", "марта", "@m3"},
		{"ru", "мартин", ""},
		{"ru", "мая", "@m5"},
		{"ru", "среду", "@d3"},
		{"ru", "среди", ""},
		{"kk", "қыркүйекте", "@m9"},
		{"kk", "желтоқсанда", "@m12"},
		{"kk", "қазан", "@m10"},
		{"kk", "қазақстан", ""},
		{"kk", "жұмада", "@d5"},
		{"kk", "жұмыс", ""},
		{"kk", "ақпарат", ""},
	}
	for _, tt := range tests {
		if got := calendarKey(tt.lang, tt.word); got != tt.want {
			t.Errorf("calendarKey(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestPunctuation(t *testing.T) {
	tests := []struct {
		lang, text string
		want       [nPunct]uint8
	}{
		{"en", "Is it over?", [nPunct]uint8{punctQuestion: 1}},
		{"en", "Stop!", [nPunct]uint8{punctExclaim: 1}},
		{"en", `He said "no".`, [nPunct]uint8{punctQuote: 2}},
		{"en", "AMs worried about 'looking like fools'", [nPunct]uint8{punctQuote: 2}},
		{"en", "It's the AMs' title, isn't it?", [nPunct]uint8{punctQuestion: 1}},
		{"ru", "Он сказал: «нет».", [nPunct]uint8{punctColon: 1, punctQuote: 2}},
		{"kk", "Ол “жоқ” деді (қысқаша).", [nPunct]uint8{punctQuote: 2, punctParen: 2}},
	}
	for _, tt := range tests {
		if got := extract(tt.lang, Sentence{Text: tt.text}, nil).punct; got != tt.want {
			t.Errorf("punct(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestInnerStops(t *testing.T) {
	tests := []struct {
		text string
		want uint8
	}{
		{"One sentence.", 0},
		{"One sentence. Another one.", 1},
		{"Is it? Yes! It is.", 2},
		{`He said "no." Then he left.`, 1},
		{"Mr. Smith met Dr. Jones in St. Petersburg.", 0},
		{"J. K. Rowling wrote it.", 0},
		{"Prices rose 3.5 percent. Wages did not.", 1},
		{"Встреча прошла в г. Алматы. Итоги подведут завтра.", 1},
		{"Он ушёл. «Я вернусь», — сказал он.", 1},
		{"Кездесу өтті. Қорытындысы ертең шығады.", 1},
		{"ends with lower. case next", 0},
	}
	for _, tt := range tests {
		if got := innerStops(tt.text); got != tt.want {
			t.Errorf("innerStops(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestLengthTable holds the search's length term (model.lenTab, and the cap beyond it) to the
// table it is cut from, min(length·gc[x], maxLengthCost) for every entry, for the default weights
// and for weights a tuning run may set.
func TestLengthTable(t *testing.T) {
	for _, w := range [][2]float64{{defaultLength, defaultMaxLength}, {0.3, 10}, {1, 60}, {0.5, 1e9}} {
		m := newModel("en", "ru")
		m.length, m.maxLengthCost = w[0], w[1]
		m.setBound()
		if len(m.lenTab) == 0 {
			t.Fatalf("weights %v: empty table", w)
		}
		for x := range m.gc {
			want := min(m.length*m.gc[x], m.maxLengthCost)
			got := m.maxLengthCost
			if x < len(m.lenTab) {
				got = m.lenTab[x]
			}
			if got != want {
				t.Fatalf("weights %v: entry %d (of %d kept) is %v, want %v", w, x, len(m.lenTab), got, want)
			}
		}
	}
}

// TestExpTableAt: the weight a linked bead keeps as its place in the exp table (band.linked) is
// the weight expNeg gives, across and beyond the table's range.
func TestExpTableAt(t *testing.T) {
	et := expTable.Get()
	for x := -45.0; x <= 45; x += 0.0037 {
		k, w := et.at(x)
		if w != et.neg(x) || w != 0 && et[k] != w {
			t.Fatalf("at(%v) = %d, %v; neg %v, table[%d] %v", x, k, w, et.neg(x), k, et[k])
		}
		if ki, ok := et.index(x); ok != (w != 0) || ok && ki != k {
			t.Fatalf("index(%v) = %d, %v; at %d, %v", x, ki, ok, k, w)
		}
	}
	for k, w := range et {
		if w == 0 || math.IsInf(float64(w), 0) {
			t.Fatalf("table[%d] = %v", k, w)
		}
	}
}

// TestWordTable: the extractor's word table gives every distinct word the index of its first
// occurrence, across its growth, and finds it again.
func TestWordTable(t *testing.T) {
	var tab wordTable
	want := map[string]int32{}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		w := string(rune('a'+rng.IntN(26))) + string(rune('а'+rng.IntN(32))) + strings.Repeat("x", rng.IntN(3))
		w += string(rune('0' + rng.IntN(10)))
		id, h, at := tab.find(w)
		if exp, ok := want[w]; ok {
			if id != exp {
				t.Fatalf("%q: index %d, want %d", w, id, exp)
			}
			continue
		}
		if id != -1 {
			t.Fatalf("%q: new word found as %d", w, id)
		}
		want[w] = int32(len(want))
		tab.add(w, h, at)
	}
	if len(want) < 2000 {
		t.Fatalf("only %d distinct words: the table never grew", len(want))
	}
}

// TestPunctTable: the search's punctuation term (model.punctTab of the sides' classes) is
// punctCost of their counts, for every pair of count profiles up to two of a class, with the
// default weights and with weights a tuning run may set.
func TestPunctTable(t *testing.T) {
	tuned := newModel("en", "kk")
	tuned.punctBoth[punctQuote], tuned.punctOne[punctColon] = 0.9, -0.1
	tuned.setBound()
	for _, m := range []*model{newModel("en", "ru"), tuned} {
		for a := range 243 { // 3^5 profiles: 0, 1 or 2 of each class
			for b := range 243 {
				var pa, pb [nPunct]uint8
				for c, x, y := 0, a, b; c < nPunct; c, x, y = c+1, x/3, y/3 {
					pa[c], pb[c] = uint8(x%3), uint8(y%3)
				}
				if got, want := m.punctTab[punctMask(&pa)][punctMask(&pb)], m.punctCost(&pa, &pb); got != want {
					t.Fatalf("%v %v: table %v, punctCost %v", pa, pb, got, want)
				}
			}
		}
	}
}

// TestAllAlone: the anchor term of two sets that share no key, as rowCost works it out in place,
// is anchorCostOf's for every pair of key counts up to four of a kind.
func TestAllAlone(t *testing.T) {
	m := newModel("en", "ru")
	for x := range 1 << 16 {
		var a, b keySet
		for k := range 4 {
			a.count[k], b.count[k] = uint16(x>>(4*k)&3), uint16(x>>(4*k+2)&3)
		}
		a.sig, b.sig = 1, 2
		want, none := m.anchorCostOf(&a, &b.keyHead, nil)
		if got := m.allAlone(&a.keyHead, &b.keyHead); got != want || !none {
			t.Fatalf("counts %v %v: allAlone %v, anchorCostOf %v (none %v)", a.count, b.count, got, want, none)
		}
	}
}

// TestAnchorTermsWrittenOut holds anchorCostFrom, allAlone and unanchored, whose loops over the
// four kinds of key are written out, to those loops to the last bit, on random counts, shared
// counts and weights (some kinds empty on both sides, as most are) under the default and random
// weights, negative ones included.
func TestAnchorTermsWrittenOut(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	loopFrom := func(m *model, a, b *keyHead, n [4]uint16, w [4]float64) float64 {
		c := 0.0
		for k := range n {
			if a.count[k]|b.count[k] == 0 {
				continue
			}
			alone := float64(a.count[k]) + float64(b.count[k]) - 2*float64(n[k])
			c += -m.match[k]*w[k] + m.miss[k]*alone
		}
		return c
	}
	loopAlone := func(m *model, a, b *keyHead) float64 {
		c := 0.0
		for k := range a.count {
			if a.count[k]|b.count[k] != 0 {
				c += m.miss[k] * (float64(a.count[k]) + float64(b.count[k]))
			}
		}
		return c
	}
	loopUnanchored := func(m *model, a, b *keyHead) float64 {
		var w float32
		for k := range a.wsum {
			w += a.wsum[k] + b.wsum[k]
		}
		return m.noAnchor * min(1, float64(w)/noAnchorFull)
	}
	for x := range 200000 {
		m := newModel("en", "ru")
		if x%2 == 1 {
			for k := range 4 {
				m.match[k], m.miss[k] = rng.NormFloat64()*3, rng.NormFloat64()*3
			}
			m.noAnchor = rng.NormFloat64() * 3
		}
		var a keySet
		var b keyHead
		var n [4]uint16
		var w [4]float64
		for k := range 4 {
			if rng.IntN(3) == 0 {
				continue // neither side holds this kind
			}
			a.count[k], b.count[k] = uint16(rng.IntN(6)), uint16(rng.IntN(6))
			n[k] = uint16(rng.IntN(int(min(a.count[k], b.count[k])) + 1))
			for range n[k] {
				w[k] += float64(rng.Float32())
			}
			a.wsum[k], b.wsum[k] = rng.Float32()*float32(a.count[k]), rng.Float32()*float32(b.count[k])
		}
		got, none := m.anchorCostFrom(&a, &b, n, w)
		if want := loopFrom(m, &a.keyHead, &b, n, w); math.Float64bits(got) != math.Float64bits(want) || none != (n == [4]uint16{}) {
			t.Fatalf("anchorCostFrom(%v, %v, %v, %v) = %v, the loop %v", a.count, b.count, n, w, got, want)
		}
		if got, want := m.allAlone(&a.keyHead, &b), loopAlone(m, &a.keyHead, &b); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("allAlone(%v, %v) = %v, the loop %v", a.count, b.count, got, want)
		}
		if got, want := m.unanchored(&a.keyHead, &b), loopUnanchored(m, &a.keyHead, &b); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("unanchored(%v, %v) = %v, the loop %v", a.wsum, b.wsum, got, want)
		}
	}
}

// TestSharedWith holds sharedWith, the filtered walk the search uses, to the merge of sharedKeys
// on random sets of every kind of key, from disjoint to equal, with weights of different sizes (the
// sums must be the same to the last bit, in the same order), and on sets whose keys share the
// filter's bits (small keys a multiple of 2^21 apart). One filter is filled again and again, as the
// search does; some sets hold more keys than a filter's entry can place (filterMany).
func TestSharedWith(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var weights map[uint32]float32
	key := func(spread uint32) uint32 {
		k := uint32(rng.IntN(4))<<30 | rng.Uint32N(spread)
		if rng.IntN(4) == 0 {
			k = uint32(rng.IntN(4))<<30 | rng.Uint32N(8)<<21 // same filter bit
		}
		if _, ok := weights[k]; !ok {
			weights[k] = float32(0.01 + rng.Float64())
		}
		return k
	}
	set := func(n int, spread uint32) []uint32 {
		keys := make([]uint32, n)
		for i := range keys {
			keys[i] = key(spread)
		}
		slices.Sort(keys)
		return slices.Compact(keys)
	}
	var f keyFilter
	for x := range 20000 {
		spread := uint32(1) << (4 + x%24)
		weights = map[uint32]float32{}
		size := 40
		if x%50 == 0 {
			size = 700 // past the places an entry holds (filterMany)
		}
		a := newKeySet(set(rng.IntN(size), spread), weights)
		b := newKeySet(set(rng.IntN(size), spread), weights)
		f.fill(a.keys)
		wn, ww := sharedKeys(&a, ^uint64(0), b.keys)
		if gn, gw := sharedWith(&a, &f, b.keys); gn != wn || gw != ww {
			t.Fatalf("%v and %v: sharedWith %v %v, sharedKeys %v %v", a.keys, b.keys, gn, gw, wn, ww)
		}
	}
}

// TestInnerStopsScan holds innerStops, which finds the marks byte by byte and reads the word
// before each back from it, to the plain forward scan it replaced (stopsForward), on random
// strings of marks, spaces of several widths, abbreviations, quotes and broken UTF-8, and on the
// corpus lines.
func TestInnerStopsScan(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := innerStops(s), stopsForward(s); got != want {
			t.Fatalf("innerStops(%q) = %d, the forward scan %d", s, got, want)
		}
	}
	en, ru := corpusLines(t)
	for _, l := range append(en, ru...) {
		check(l)
	}
	parts := []string{".", "!", "?", "…", " ", "\u00a0", "\u2003", "Mr", "г", "A", "Б", "x", "\xe2", "\xe2\x80", "\x80",
		"\xc2", "«", "»", `"`, ")", "(", "U.S", "\n", "ab", "т.е", "Қ"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		check(b.String())
	}
}

// stopsForward is innerStops as a forward scan that decodes every character.
func stopsForward(text string) uint8 {
	var n uint8
	wordStart := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			wordStart = i + w
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += w
			continue
		}
		word := text[wordStart:i]
		j := i + w
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'»”’)]`, r2) {
				break
			}
			j += w2
		}
		if j >= len(text) || !isSpace(rune(text[j])) {
			i += w
			continue
		}
		for j < len(text) && isSpace(rune(text[j])) {
			j++
		}
		next, w2 := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(`"'«“„‘(`, next) && j+w2 < len(text) {
			next, _ = utf8.DecodeRuneInString(text[j+w2:])
		}
		if unicode.IsUpper(next) && (r != '.' || !isAbbreviation(word)) && n < 255 {
			n++
		}
		i += w
	}
	return n
}

// TestWordRuneWidth holds wordRuneWidth and decodeRune, which read the Cyrillic block in place,
// to utf8.DecodeRuneInString and isWordRune for every one- and two-byte sequence and a few longer
// and broken ones.
func TestWordRuneWidth(t *testing.T) {
	var cases []string
	for a := range 256 {
		cases = append(cases, string([]byte{byte(a)}), string([]byte{byte(a), 'x'}))
		for b := range 256 {
			cases = append(cases, string([]byte{byte(a), byte(b)}))
		}
	}
	cases = append(cases, "ә", "ғ", "Қ", "ң", "ө", "ұ", "ү", "һ", "і", "€", "𝐀", "é", "\u0301", "\xe2\x80")
	for _, s := range cases {
		r, w := utf8.DecodeRuneInString(s)
		if r2, w2 := decodeRune(s, 0); r2 != r || w2 != w {
			t.Errorf("decodeRune(%q) = %U %d, want %U %d", s, r2, w2, r, w)
		}
		if s[0] < utf8.RuneSelf {
			continue
		}
		want := 0
		if isWordRune(r) {
			want = w
		}
		if got := wordRuneWidth(s, 0); got != want {
			t.Errorf("wordRuneWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// sameName reports whether an English word and a Cyrillic word share a word key, that is,
// whether the aligner would count them as the same name.
func sameName(en, lang, other string) bool {
	a := extract("en", Sentence{Text: en}, nil).keys
	b := extract(lang, Sentence{Text: other}, nil).keys
	for _, k := range a {
		if k&kindMask == kindWord && slices.Contains(b, k) {
			return true
		}
	}
	return false
}

func TestNameTransliteration(t *testing.T) {
	tests := []struct {
		en, lang, other string
		want            bool
	}{
		{"Tokayev", "ru", "Токаев", true},
		{"Tokayev", "kk", "Тоқаев", true},
		{"Tokayev", "ru", "Токаеву", true},   // dative
		{"Tokayev", "ru", "Токаевым", true},  // instrumental
		{"Tokayev", "kk", "Тоқаевтың", true}, // genitive
		{"Tokayev", "kk", "Тоқаевқа", true},  // dative
		{"Tokayev", "kk", "Тоқаевпен", true}, // instrumental
		{"Almaty", "ru", "Алматы", true},
		{"Almaty", "kk", "Алматыда", true},   // locative
		{"Almaty", "kk", "Алматыдағы", true}, // attributive locative
		{"London", "ru", "Лондон", true},
		{"London", "ru", "Лондоне", true},
		{"London", "kk", "Лондонда", true},
		{"Washington", "ru", "Вашингтоне", true},
		{"George", "ru", "Джордж", true},       // soft g
		{"Wilson", "ru", "Уилсон", true},       // w as у
		{"Christian", "ru", "Кристиан", true},  // ch as к
		{"Chelsea", "ru", "Челси", true},       // ch as ч
		{"Commission", "ru", "Комиссия", true}, // -ion
		{"police", "ru", "полиция", true},      // c as ц
		{"Glasgow", "ru", "Глазго", true},      // ow
		{"Brighton", "kk", "Брайтон", true},    // silent gh
		{"Democrats", "ru", "демократы", true}, // plural s
		{"Spanish", "ru", "испанский", true},   // -ish, -ский
		{"Mexican", "ru", "мексиканский", true},
		{"Kazakhstan", "kk", "Қазақстанның", true},
		{"Guardiola", "ru", "Гвардиола", true},      // gu before a vowel as гв
		{"Quebec", "ru", "Квебеке", true},           // qu as кв
		{"Birkenhead", "ru", "Биркенхеде", true},    // h after a consonant as х
		{"Hoffenheim", "ru", "Хоффенхаймом", true},  // and again
		{"Durham", "ru", "Дареме", true},            // silent h still read too
		{"Birmingham", "kk", "Бирмингемдегі", true}, // ngh: г
		{"Gallagher", "kk", "Галлахер", true},       // gh heard
		{"Brother", "kk", "Бразер", true},           // th as з
		{"Indonesian", "ru", "Индонезии", true},     // -ian
		{"Democratic", "kk", "Демократиялық", true}, // -ic
		{"Europe", "ru", "Европы", true},            // initial eu as ев
		{"European", "ru", "Европейский", true},     // and -ean
		{"parliament", "kk", "парламентінің", true},
		{"London", "ru", "Париж", false},
		{"Tokayev", "ru", "Назарбаев", false},
		{"would", "ru", "вложил", false}, // stop word
	}
	for _, tt := range tests {
		if got := sameName(tt.en, tt.lang, tt.other); got != tt.want {
			t.Errorf("%s ~ %s (%s): %v, want %v", tt.en, tt.other, tt.lang, got, tt.want)
		}
	}
}

func TestLengthCost(t *testing.T) {
	m := newModel("en", "ru")
	tests := []struct {
		name         string
		ls, lt       float64
		cheaperThan  [2]float64 // another (ls, lt) that must cost more
		wantAtMostCh float64
	}{
		{"expected ratio beats short target", 100, 115, [2]float64{100, 60}, 0.1},
		{"expected ratio beats long target", 100, 115, [2]float64{100, 200}, 0.1},
		{"long sentences tolerate the same absolute gap", 300, 345 + 30, [2]float64{30, 35 + 30}, 2},
	}
	for _, tt := range tests {
		a := m.lengthCost(tt.ls, tt.lt)
		b := m.lengthCost(tt.cheaperThan[0], tt.cheaperThan[1])
		if a >= b {
			t.Errorf("%s: cost(%v,%v)=%.2f, not below cost(%v)=%.2f", tt.name, tt.ls, tt.lt, a, tt.cheaperThan, b)
		}
		if a > tt.wantAtMostCh && tt.wantAtMostCh < 1 {
			t.Errorf("%s: cost(%v,%v)=%.2f, want ≤ %v", tt.name, tt.ls, tt.lt, a, tt.wantAtMostCh)
		}
	}
	if c := m.lengthCost(100, 10000); c != m.maxLengthCost {
		t.Errorf("absurd length pair costs %.1f, want the cap %.1f", c, m.maxLengthCost)
	}
	// Re-estimation: a document translated tersely pulls the ratio down, but not all the way.
	a := &aligner{m: newModel("en", "ru")}
	src := make([]Sentence, 50)
	tgt := make([]Sentence, 50)
	for i := range src {
		src[i] = Sentence{Text: repeatWord("word", 10+i%7)}
		tgt[i] = Sentence{Text: repeatWord("слово", 8+i%7)} // about 0.85 of the English length
	}
	fs, ft := extractAll("en", src, nil, nil, false), extractAll("ru", tgt, nil, nil, false)
	a.src, a.tgt = newSide(src, fs, nil), newSide(tgt, ft, nil)
	path := make([]step, 50)
	for i := range path {
		path[i] = step{i: i + 1, j: i + 1}
	}
	before := a.m.ratio
	a.reestimate(path)
	if !(a.m.ratio < before && a.m.ratio > 0.8) {
		t.Errorf("re-estimated ratio %.3f, want between the document's (~0.9) and the prior %.3f", a.m.ratio, before)
	}
}

func repeatWord(w string, n int) string {
	s := w
	for range n - 1 {
		s += " " + w
	}
	return s
}

// fakeTerms finds a glossary entry in any text that contains one of its forms, verbatim.
type fakeTerms map[string][]string

func (f fakeTerms) FindTerms(lang, text string) []string {
	var ids []string
	for id, forms := range f {
		for _, form := range forms {
			if strings.Contains(text, form) {
				ids = append(ids, id)
				break
			}
		}
	}
	return ids
}

func TestAnchorCost(t *testing.T) {
	m := newModel("en", "ru")
	set := func(keys ...uint32) keySet {
		w := map[uint32]float32{}
		for _, k := range keys {
			w[k] = 1
		}
		slices.Sort(keys)
		return newKeySet(keys, w)
	}
	n1, n2 := hashKey(kindNumber, "12"), hashKey(kindNumber, "40")
	name := hashKey(kindWord, "tkf")
	term := hashKey(kindTerm, "supreme-court")
	tests := []struct {
		name   string
		a, b   keySet
		sign   int // −1: a bonus (cost below 0), +1: a penalty, 0: nothing
		weaker string
	}{
		{"shared number", set(n1), set(n1), -1, ""},
		{"number on one side only", set(n1), set(), +1, ""},
		{"different numbers", set(n1), set(n2), +1, ""},
		{"shared name", set(name), set(name), -1, ""},
		{"name on one side only", set(name), set(), 0, ""},
		{"shared term", set(term), set(term), -1, ""},
		{"term on one side only", set(term), set(), +1, ""},
	}
	for _, tt := range tests {
		c := m.anchorCost(&tt.a, &tt.b)
		if got := sign(c); got != tt.sign {
			t.Errorf("%s: anchor cost %.2f, want sign %d", tt.name, c, tt.sign)
		}
	}
	// Glossary terms found by a TermFinder become anchors on both sides.
	terms := fakeTerms{"supreme-court": {"Supreme Court", "Верховный суд", "Жоғарғы сот"}}
	en := extract("en", Sentence{Text: "The Supreme Court ruled."}, terms)
	ru := extract("ru", Sentence{Text: "Верховный суд вынес решение."}, terms)
	if !slices.Contains(en.keys, term) || !slices.Contains(ru.keys, term) {
		t.Errorf("term keys missing: en %v ru %v", en.keys, ru.keys)
	}
}

func sign(x float64) int {
	switch {
	case x < -1e-9:
		return -1
	case x > 1e-9:
		return 1
	}
	return 0
}

// TestParagraphCue checks that a bead costs more when it straddles a paragraph break, and that
// paragraph ends should coincide on both sides.
// TestUnanchoredBead: a bead whose sentences hold names the other side of the document has, but
// share none of them, is dearer than one whose sentences hold nothing to share: an editor's added
// sentence paired with a dropped one only because their lengths fit. Sharing a name, or holding
// none, costs nothing extra.
func TestUnanchoredBead(t *testing.T) {
	src := sentences([]string{
		"Tokayev met Putin in Moscow on Monday.",
		"Tokayev said the talks with Putin in Moscow went well.",
		"Nobody there expected any of the rain to arrive so early.",
	})
	tgt := sentences([]string{
		"Токаев встретился с Путиным в Москве в понедельник.",
		"Погода оставалась сырой весь вечер, как и обещали утром.",
		"Токаев сказал, что переговоры с Путиным в Москве прошли хорошо.",
	})
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	fs, ft, _, _ := extractSides(src, tgt, opt)
	w := keyWeights(fs, ft)
	a := &aligner{m: newModel("en", "ru")}
	a.src, a.tgt = newSide(src, fs, w), newSide(tgt, ft, w)
	plain := &aligner{m: newModel("en", "ru"), src: a.src, tgt: a.tgt}
	plain.m.noAnchor = 0
	extra := func(i, j int) float64 { return a.beadCost(0, i+1, j+1) - plain.beadCost(0, i+1, j+1) }
	if d := extra(1, 1); d < a.m.noAnchor/2 {
		t.Errorf("names of the document, none shared: %.2f extra, want at least %.2f", d, a.m.noAnchor/2)
	}
	if d := extra(1, 2); d != 0 {
		t.Errorf("translation sharing its names: %.2f extra, want 0", d)
	}
	if d := extra(2, 1); d != 0 {
		t.Errorf("nothing to share: %.2f extra, want 0", d)
	}
	// The editor's sentence costs more as a partner than as an addition next to an omission.
	if c1, c0 := a.beadCost(0, 2, 2), plain.beadCost(0, 2, 2); c1 <= c0 {
		t.Errorf("unrelated bead %.2f, not dearer than without the penalty (%.2f)", c1, c0)
	}
}

func TestParagraphCue(t *testing.T) {
	same := paraAligner(paraSentences(0, 0, 1, 1), paraSentences(0, 0, 1, 1))
	// 2-1 bead over source sentences 1 and 2 (a break between them) against one inside it.
	crossing := same.beadCost(3, 3, 2) // shape 2-1 ending at (3, 2): source 1..2
	inside := same.beadCost(3, 2, 1)   // source 0..1, no break
	if crossing <= inside {
		t.Errorf("a bead across a paragraph break costs %.2f, not more than one inside a paragraph (%.2f)", crossing, inside)
	}
	// 1-1 ending at (2, 2) ends a paragraph on both sides; ending at (2, 1) on one side only.
	if both, one := same.beadCost(0, 2, 2), same.beadCost(0, 2, 1); both >= one {
		t.Errorf("bead ending paragraphs on both sides costs %.2f, not less than on one side (%.2f)", both, one)
	}
	// Without paragraphs on one side the cue is off.
	none := paraAligner(paraSentences(0, 0, 1, 1), paraSentences(0, 0, 0, 0))
	if none.paras {
		t.Error("paragraph cue on although the target has no paragraphs")
	}
	if d := none.beadCost(3, 3, 2) - none.beadCost(3, 2, 1); math.Abs(d) > 1e-9 {
		t.Errorf("without target paragraphs, beads differ by %.2f", d)
	}
}

func TestLookalikes(t *testing.T) {
	// "Cаяси" starts with a Latin C; it must read like the all-Cyrillic word.
	mixed, _ := skeleton(nil, strings.Map(toCyrillic, "Cаяси"), 0)
	clean, _ := skeleton(nil, "Саяси", 0)
	if string(mixed) != string(clean) {
		t.Errorf("skeleton of mixed-script Cаяси = %q, of Саяси = %q", mixed, clean)
	}
	a := extract("kk", Sentence{Text: "Cаяси партия"}, nil).keys
	b := extract("kk", Sentence{Text: "Саяси партия"}, nil).keys
	if !slices.Equal(a, b) {
		t.Errorf("keys differ with a Latin look-alike: %v vs %v", a, b)
	}
}

// TestTermsDecide shows a glossary term deciding an alignment that length alone gets wrong: the
// Russian second sentence is as long as the third English one, but names the same institution as
// the second.
func TestTermsDecide(t *testing.T) {
	en := goldenSentences(
		"The court ruled on the appeal late in the evening.",
		"The anti-graft agency called the ruling a serious mistake that would hurt every future case.",
		"Officials declined to say more about it.",
	)
	ru := goldenSentences(
		"Суд вынес решение по апелляции поздно вечером.",
		"Антикоррупционное агентство назвало решение ошибкой.",
	)
	terms := fakeTerms{"anti-graft-agency": {"anti-graft agency", "Антикоррупционное агентство"}}
	// without the seed lexicon, which knows court and суд
	without := renderBeads(Pair(en, ru, Options{SrcLang: "en", TgtLang: "ru", NoSeed: true}))
	with := renderBeads(Pair(en, ru, Options{SrcLang: "en", TgtLang: "ru", Terms: terms, NoSeed: true}))
	if want := "0 | 0\n1 | 1\n2 | -\n"; with != want {
		t.Errorf("with the glossary:\n%swant:\n%s", with, want)
	}
	if without == with {
		t.Errorf("the glossary changed nothing (both:\n%s); the test no longer shows its effect", with)
	}
}

// TestMergeSetsInOrder: the sets of two and three sentences mergeSets gives row after row, taking
// the set of three's first merge from the row before, are those it merges anew for each row, keys,
// weights and heads, on a side of random key sets (and again after a row is skipped).
func TestMergeSetsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	weights := map[uint32]float32{}
	var ss []Sentence
	var fs []features
	var sk [][]uint32
	for range 300 {
		keys := make([]uint32, rng.IntN(8))
		for i := range keys {
			keys[i] = uint32(rng.IntN(4))<<30 | rng.Uint32N(64)
			if rng.IntN(3) > 0 {
				weights[keys[i]] = float32(0.1 + rng.Float64())
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		ss, fs, sk = append(ss, Sentence{Text: "x"}), append(fs, features{length: 1, keys: keys}), append(sk, keys)
	}
	s := newSideKeys(ss, fs, sk, newWeightTable(weights), false)
	var r srcRow
	for i := 2; i <= s.n; i++ {
		if i == 150 {
			continue // a row skipped: the next must merge anew
		}
		r.mergeSets(s, i)
		var fresh srcRow
		fresh.mergeSets(s, i)
		for d := 2; d <= min(3, i); d++ {
			a, b := r.set[d], fresh.set[d]
			if !slices.Equal(a.keys, b.keys) || !slices.Equal(a.weight, b.weight) || a.keyHead != b.keyHead {
				t.Fatalf("row %d, set of %d: %+v in order, %+v anew", i, d, r.set[d], fresh.set[d])
			}
		}
	}
}

// paraSentences is one like sentence per paragraph number given, so that
// only the paragraphs tell the beads apart.
func paraSentences(paras ...int) []Sentence {
	out := make([]Sentence, len(paras))
	for i, p := range paras {
		out[i] = Sentence{Text: "Сорок два слова здесь.", Para: p}
	}
	return out
}

// paraAligner is an aligner of src and tgt (both Russian), ready to cost
// beads, with paragraphs on when both sides have them.
func paraAligner(src, tgt []Sentence) *aligner {
	a := &aligner{m: newModel("ru", "ru")}
	fs, ft := extractAll("ru", src, nil, nil, true), extractAll("ru", tgt, nil, nil, true)
	w := keyWeights(fs, ft)
	a.src, a.tgt = newSide(src, fs, w), newSide(tgt, ft, w)
	a.paras = a.src.paras && a.tgt.paras
	return a
}

// TestNumberWords: the word after a number adds the forms a translation writes instead: a
// thousand, million or billion word its value (3 тыс.: 3000), am or pm the 24-hour clock's hour
// and minutes (3 p.m.: 15; 7.55am: 7 and 55), an imperial unit the metric value, rounded
// (85 miles: 137, 140). Other words, and words that only start so, add nothing.
func TestNumberWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"3 тыс. человек", []string{"3", "3000"}},
		{"350 мыңнан астам", []string{"350", "350000"}},
		{"1,5 млн рублей", []string{"1.5", "1500000"}},
		{"2.8bn market", []string{"2.8", "2800000000"}},
		{"11million deal", []string{"11", "11000000"}},
		{"10 миллиардов", []string{"10", "10000000000"}},
		{"0.125 million", []string{"0.125", "125000"}},
		{"3 p.m. on Wednesday", []string{"3", "15"}},
		{"7.55am with", []string{"7.55", "7", "55"}},
		{"7.50 PM.", []string{"7.5", "19", "50"}},
		{"12 a.m.", []string{"12", "0"}},
		{"12 pm", []string{"12", "12"}},
		{"13 pm", []string{"13"}},
		{"300 AMs voted", []string{"300"}},
		{"5 amid", []string{"5"}},
		{"3 Million", []string{"3"}},
		{"2019 году", []string{"2019"}},
		{"85 miles per hour", []string{"85", "137", "140"}},
		{"30 yards out", []string{"30", "27"}},
		{"6 feet", []string{"6", "2"}},
		{"1,000 miles", []string{"1000", "1609", "1610", "1600"}},
		{"100°F", []string{"100", "38"}},
		{"100 degrees Fahrenheit", []string{"100", "38"}},
		{"100 degrees", []string{"100", "38"}}, // English degrees are Fahrenheit, as the number check reads them
		{"90° angle", []string{"90"}},
		{"5 metres", []string{"5"}},
	} {
		nums, n := scanNumber(tt.in, nil)
		nums = appendMetric(appendClock(appendScaled(nums, tt.in[n:]), tt.in[n:]), tt.in[n:])
		if !slices.Equal(nums, tt.want) {
			t.Errorf("%q: %q, want %q", tt.in, nums, tt.want)
		}
	}
}

// TestOrphanNumbers: a number, month or weekday that the other side of the document never writes
// makes its sentence's pairing cost more, as a name does (see orphanNames): an editor's added
// sentence brings numbers of its own. A number the other side writes in its own way (3,000: 3 тыс.;
// 3 p.m.: 15:00) is not an orphan.
func TestOrphanNumbers(t *testing.T) {
	src := []string{"About 3,000 people came at 3 p.m. on Monday.", "The station opened in 1987 with 40 trains."}
	tgt := []string{"Около 3 тыс. человек пришли в понедельник в 15:00.", "Станция работает давно."}
	es, et := newExtractor("en", nil, nil), newExtractor("ru", nil, nil)
	var fs, ft []features
	for _, s := range src {
		fs = append(fs, es.extract(Sentence{Text: s}))
	}
	for _, s := range tgt {
		ft = append(ft, et.extract(Sentence{Text: s}))
	}
	w := newWeightTable(keyWeights(fs, ft))
	for _, c := range []struct {
		f    *features
		want int
	}{{&fs[0], 0}, {&ft[0], 0}, {&fs[1], 2}, {&ft[1], 0}} {
		if got := orphanNames(c.f, w); got != c.want {
			t.Errorf("%d orphans in a sentence, want %d", got, c.want)
		}
	}
}

// FuzzNumberForms: whatever follows a figure, the forms scanNumber and the words after it give
// are canonical numbers (digits, at most one point, no leading zero but a lone one) or the
// calendar keys of a date, and reading never panics.
func FuzzNumberForms(f *testing.F) {
	for _, s := range []string{"3 тыс.", "1,5 млн", "7.55am", "12 p.m.", "85 miles", "100°F", "09.09.2019", "2.8bn", "0.125 million", "9 a.", "1 °", "3 мыңдаған"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || s[0] < '0' || s[0] > '9' {
			return
		}
		nums, n := scanNumber(s, nil)
		nums = appendMetric(appendClock(appendScaled(nums, s[n:]), s[n:]), s[n:])
		for _, x := range nums {
			if strings.HasPrefix(x, "@m") {
				continue
			}
			if x == "" || strings.Count(x, ".") > 1 || len(x) > 1 && x[0] == '0' && x[1] != '.' || strings.Trim(x, "0123456789.-") != "" {
				t.Fatalf("%q gives the form %q", s, x)
			}
		}
	})
}

// TestNumberWordKeys: a number written in words is keyed by its value, as a figure is, so that
// "six" and «6», «шести» and «алты» share an anchor; one, first and both (also articles and
// pronouns) and hundred or thousand alone are no number.
func TestNumberWordKeys(t *testing.T) {
	for _, tt := range []struct {
		lang1, s1, lang2, s2 string
		share                bool
	}{
		{"en", "Six people were hurt.", "ru", "Пострадали 6 человек.", true},
		{"en", "Police arrested 6 men.", "ru", "Полиция задержала шестерых мужчин.", true},
		{"en", "Police arrested 6 men.", "ru", "Полиция задержала шести мужчин.", true},
		{"en", "Six people were hurt.", "kk", "Алты адам жарақат алды.", true},
		{"en", "The twenty candidates", "kk", "Жиырма үміткер", true},
		{"ru", "Он пришёл с пятью друзьями.", "kk", "Ол бес досымен келді.", true},
		{"en", "One of them said it first.", "ru", "Один из них сказал это первым.", false},
		{"en", "Hundreds of people came.", "ru", "Пришли сотни людей.", false},
	} {
		e1, e2 := newExtractor(tt.lang1, nil, nil), newExtractor(tt.lang2, nil, nil)
		f1, f2 := e1.extract(Sentence{Text: tt.s1}), e2.extract(Sentence{Text: tt.s2})
		shared := false
		for _, k := range f1.keys {
			if k&kindMask == kindNumber && slices.Contains(f2.keys, k) {
				shared = true
			}
		}
		if shared != tt.share {
			t.Errorf("%q and %q share a number: %v, want %v", tt.s1, tt.s2, shared, tt.share)
		}
	}
}

// TestOpenLine: a line without closing punctuation is open (a headline, a subheading, a byline);
// closing quotes and brackets after the mark do not open it.
func TestOpenLine(t *testing.T) {
	for _, c := range []struct {
		text string
		open bool
	}{
		{"Storm floods coastal towns", true},
		{"Шторм затопил прибрежные города", true},
		{"Дауыл жағалаудағы қалаларды су басты ", true},
		{"Rain flooded three towns.", false},
		{"Why did the dam fail?", false},
		{"Он сказал: «Вода пришла ночью».", false},
		{"«Вода пришла ночью»", true},
		{`He said: "We left at dawn."`, false},
		{"(Updated.)", false},
		{"Read more:", false},
		{"Wait for it…", false},
		{"«Свиньи игривы,", false},
		{"Prices rose by 5%", true},
		{"Кто победит — ", false},
		{"", false},
	} {
		if got := openLine(c.text); got != c.open {
			t.Errorf("openLine(%q) = %v, want %v", c.text, got, c.open)
		}
	}
}

// TestJoinedHeadline: a headline joined to the sentence after it ("Headline Lead.", as a
// translator or a coarse segmenter may leave it) pairs with the other side's separate headline and
// lead, not with the lead alone, leaving that headline without counterpart.
func TestJoinedHeadline(t *testing.T) {
	src := []string{
		"Storm Floods Three Coastal Towns in Mangystau Heavy rain flooded three coastal towns in the Mangystau region on Monday night, officials said.",
		"More than 400 residents were moved to schools and sports halls.",
		"The regional governor said the damage would be assessed by Friday.",
		"Roads between Aktau and Zhanaozen remain closed.",
		"Forecasters expect more rain on Wednesday.",
	}
	tgt := []string{
		"Ливень затопил три прибрежных города в Мангистау",
		"В ночь на понедельник сильный ливень затопил три прибрежных города Мангистауской области, сообщили власти.",
		"Более 400 жителей были переселены в школы и спортивные залы.",
		"Губернатор области заявил, что ущерб оценят к пятнице.",
		"Дороги между Актау и Жанаозеном по-прежнему закрыты.",
		"Синоптики ожидают новых дождей в среду.",
	}
	beads := Pair(sentences(src), sentences(tgt), Options{SrcLang: "en", TgtLang: "ru"})
	if got := fmt.Sprint(beads[0].Src, beads[0].Tgt); got != "[0] [0 1]" {
		t.Errorf("the joined headline and lead pair as %s, want [0] [0 1]\n%v", got, beads)
	}
	var s side
	s.stops, s.heads = []int32{0, 0, 0, 1}, []int32{0, 1, 1, 1} // an open line, a sentence, two sentences in one
	for _, c := range []struct{ i, d, want int }{{1, 1, 1}, {2, 2, 1}, {3, 3, 3}, {3, 1, 2}, {3, 2, 3}} {
		if got := s.count(c.i, c.d); got != c.want {
			t.Errorf("count(%d, %d) = %d, want %d", c.i, c.d, got, c.want)
		}
	}
}

// TestOpenLineCost: a 1-1 bead whose sentence is an open line (a headline) on one side only pays
// openOne; open or closed on both sides, nothing. Likewise the last sentence of a larger bead.
func TestOpenLineCost(t *testing.T) {
	src := sentences([]string{"Storm floods three coastal towns", "Heavy rain flooded three towns on Monday.", "More than 400 residents were moved."})
	tgt := sentences([]string{"Ливень затопил три прибрежных города", "В понедельник ливень затопил три города.", "Более 400 жителей переселены."})
	with := &aligner{m: newModel("en", "ru")}
	fs, ft := extractAll("en", src, nil, nil, false), extractAll("ru", tgt, nil, nil, false)
	with.src, with.tgt = newSide(src, fs, nil), newSide(tgt, ft, nil)
	without := &aligner{m: newModel("en", "ru"), src: with.src, tgt: with.tgt}
	without.m.openOne = 0
	for _, c := range []struct {
		k, i, j int
		pays    bool
	}{
		{0, 1, 1, false}, // headline, headline
		{0, 2, 2, false}, // lead, lead
		{0, 1, 2, true},  // headline, lead
		{0, 2, 1, true},  // lead, headline
		{4, 2, 2, false}, // lead, headline and lead
		{3, 2, 1, true},  // headline and lead, headline
	} {
		got := with.beadCost(c.k, c.i, c.j) - without.beadCost(c.k, c.i, c.j)
		if want := map[bool]float64{true: openOne}[c.pays]; math.Abs(got-want) > 1e-9 {
			t.Errorf("shape %v at (%d, %d) pays %.3f for open lines, want %.3f", shapes[c.k], c.i, c.j, got, want)
		}
	}
}

// TestHeadlineLength: an English headline counts a fifth more characters in the length model
// (headlinese drops articles and auxiliaries); a sentence, or a headline in Russian, does not.
func TestHeadlineLength(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       uint32
	}{
		{"en", "Storm floods three towns", 21 * 6 / 5},
		{"en", "Storm floods three towns.", 22},
		{"ru", "Ливень затопил три города", 22},
	} {
		if got := extract(c.lang, Sentence{Text: c.text}, nil).length; got != c.want {
			t.Errorf("%s %q: length %d, want %d", c.lang, c.text, got, c.want)
		}
	}
}

// TestDropBesideAdd: a desk that adds a line of its own where it drops a sentence leaves a 0-1
// beside a 1-0, not a 2-2 bead that pairs the dropped sentence with the added line. With 2-2 at
// 0.2% of beads, the search took these lines as one 2-2.
func TestDropBesideAdd(t *testing.T) {
	src := []string{
		"Six people were detained on Saturday after a protest turned into a scuffle with police.",
		"A group of masked men pelted officers with eggs and bottles before they were pushed back from the square.",
		"The mayor called for calm in a televised address on Saturday evening.",
		"Fuel prices in the region have risen by a third since January.",
		"Another rally is planned for next weekend.",
	}
	tgt := []string{
		"Власти обещают пересмотреть цены на бензин и солярку",
		"В субботу задержали шесть человек после того, как протест перерос в потасовку с полицией.",
		"Аким города в телеобращении в субботу вечером призвал жителей к спокойствию.",
		"С января цены на топливо в регионе выросли на треть.",
		"Новый митинг намечен на следующие выходные.",
	}
	beads := Pair(sentences(src), sentences(tgt), Options{SrcLang: "en", TgtLang: "ru"})
	var got []string
	for _, b := range beads[:min(3, len(beads))] {
		got = append(got, fmt.Sprint(b.Src, b.Tgt))
	}
	if want := "[] [0]; [0] [1]; [1] []"; strings.Join(got, "; ") != want {
		t.Errorf("beads %s, want %s", strings.Join(got, "; "), want)
	}
}

// TestHeadlineOneSide: a desk's own headline before its lead, where the desk also dropped the
// English sentence after the lead, is a line alone, not half of a 2-2 bead with the lead and the
// dropped sentence. The headline shares the dropped sentence's words (prices, a third, January),
// so the block fits in length and anchors: before openMulti the search took it as one 2-2 at
// 0.98.
func TestHeadlineOneSide(t *testing.T) {
	src := []string{
		"Police detained six people in Almaty on Saturday after a rally over fuel prices turned violent.",
		"Fuel prices in the city have risen by a third since January, and diesel is scarce at many stations.",
		"The mayor called for calm in a televised address on Saturday evening.",
		"Another rally is planned for next weekend.",
	}
	tgt := []string{
		"Цены на топливо в Алматы выросли на треть с января",
		"В субботу в Алматы задержали шесть человек после того, как митинг из-за цен на топливо перерос в беспорядки.",
		"Аким города в телеобращении в субботу вечером призвал жителей к спокойствию.",
		"Новый митинг намечен на следующие выходные.",
	}
	var got []string
	for _, b := range Pair(sentences(src), sentences(tgt), Options{SrcLang: "en", TgtLang: "ru"}) {
		got = append(got, fmt.Sprint(b.Src, b.Tgt))
	}
	if want := "[] [0]; [0] [1]; [1] []; [2] [2]; [3] [3]"; strings.Join(got, "; ") != want {
		t.Errorf("beads %s, want %s", strings.Join(got, "; "), want)
	}
}
