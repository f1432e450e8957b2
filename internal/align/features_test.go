package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// TestSortShort: sortShort puts lists of every length on both sides of its cut-over to
// slices.Sort in the order slices.Sort does, repeated values and extremes among them.
func TestSortShort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 70 {
		for range 20 {
			s := make([]uint32, n)
			for i := range s {
				switch rng.IntN(4) {
				case 0:
					s[i] = uint32(rng.IntN(4)) // repeats
				case 1:
					s[i] = ^uint32(0) - uint32(rng.IntN(2))
				default:
					s[i] = rng.Uint32()
				}
			}
			want := slices.Clone(s)
			slices.Sort(want)
			sortShort(s)
			if !slices.Equal(s, want) {
				t.Fatalf("%d values: %v, want %v", n, s, want)
			}
			u := make([]int32, n)
			for i := range u {
				u[i] = int32(rng.IntN(2*n+1) - n)
			}
			wantI := slices.Clone(u)
			slices.Sort(wantI)
			if sortShort(u); !slices.Equal(u, wantI) {
				t.Fatalf("%d values: %v, want %v", n, u, wantI)
			}
		}
	}
}

// TestWordIsOneWord: every word the extractor cuts is one word of lexicon.Words, so its stem
// (lexicon.Vocab.WordID) is the one lexicon.Vocab.IDs finds for it: on random text of Latin,
// Cyrillic and Kazakh letters, combining marks, digits, punctuation, other scripts and bytes that
// are not UTF-8.
func TestWordIsOneWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{"a", "Z", "ж", "Ё", "ә", "Қ", "і", "\u0301", "\u0308", "1", "9", " ", ".", "'", "’", "-", "«", "\u00a0",
		"é", "ß", "中", "α", "\xff", "\xd0", "\xe2\x80", "ﬁ", "𝔸", "\u200d", "Ⅻ", "ǅ"}
	for range 300 {
		var b []byte
		for range 1 + rng.IntN(40) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		for _, lang := range []string{"en", "ru", "kk"} {
			v := lexicon.NewVocab(lang)
			e := newExtractor(lang, nil, v)
			e.extract(Sentence{Text: string(b)})
			for _, tok := range e.toks {
				if tok.num {
					continue
				}
				word := e.words.text[tok.id]
				if w := lexicon.Words(word); len(w) != 1 || w[0] != word {
					t.Fatalf("%q: word %q is %q to lexicon.Words", b, word, w)
				}
				ids := v.IDs(nil, word)
				if stem := e.info[tok.id].stem; len(ids) == 0 && stem != -1 || len(ids) > 0 && stem != ids[0] {
					t.Fatalf("%q: word %q has stem %d, IDs %v", b, word, stem, ids)
				}
			}
		}
	}
}

// TestCyrillicPrefix: in a Russian-Kazakh pair, words are keyed by their first four letters with
// the Kazakh letters folded, so a name or loanword in either spelling shares a key, and unrelated
// words that share a skeleton (убийстве and пайыздан: п-й-с/з-т/д) do not.
func TestCyrillicPrefix(t *testing.T) {
	tests := []struct {
		ru, kk string
		share  bool
	}{
		{"Симпсон", "Симпсонды", true},
		{"Токаев", "Тоқаевтың", true},
		{"Аризоны", "Аризонаның", true},
		{"полиция", "Полиция", true},
		{"Казахстане", "Қазақстанда", true},
		{"Уэйда", "Уэйд", true},
		{"убийстве", "пайыздан", false},
		{"Дайтеон", "төтенше", false},
		{"второй", "екінші", true}, // no prefix in common, but both the number 2 (numword.Words)
		{"выборы", "сайлау", false},
		{"год", "жыл", false}, // short: no key
	}
	for _, tt := range tests {
		fs, ft, _, _ := extractSides([]Sentence{{Text: "Мы " + tt.ru}}, []Sentence{{Text: "Біз " + tt.kk}}, Options{SrcLang: "ru", TgtLang: "kk", NoRealign: true})
		if got := commonKeys(fs[0].keys, ft[0].keys) > 0; got != tt.share {
			t.Errorf("%s / %s: share a key = %v, want %v", tt.ru, tt.kk, got, tt.share)
		}
	}
	// English with Russian keeps the skeletons that cross scripts.
	fs, ft, _, _ := extractSides([]Sentence{{Text: "Simpson"}}, []Sentence{{Text: "Симпсон"}}, Options{SrcLang: "en", TgtLang: "ru", NoRealign: true})
	if commonKeys(fs[0].keys, ft[0].keys) == 0 {
		t.Error("Simpson / Симпсон share no key in an English-Russian pair")
	}
}

// TestFeaturesMore: the stems and names a sentence's features keep in one array (features.more)
// read back as the extractor worked them out for its words: the stems sorted, each once, and
// for each capitalised word inside the sentence, in order, the keys of its skeleton variants.
// The features of a sentence stay at 64 bytes (they are kept for every sentence of a long
// alignment through both passes, see features).
func TestFeaturesMore(t *testing.T) {
	if size := unsafe.Sizeof(features{}); size > 64 {
		t.Errorf("features take %d bytes, want at most 64", size)
	}
	for _, tt := range []struct {
		lang, text string
		names      int
	}{
		{"en", "Yesterday the foreign minister quietly met Barton near the old harbour, where Kerimov and Barton spoke of shipping.", 3},
		{"ru", "Вчера министр встретился с Бартоном и Керимовым в Лондоне.", 3},
		{"en", "no names here at all", 0},
	} {
		e := newExtractor(tt.lang, nil, lexicon.NewVocab(tt.lang))
		f := e.extract(Sentence{Text: tt.text})
		var wantStems []int32
		var wantNames [][]int32
		for k, w := range lexicon.Words(tt.text) {
			info := &e.info[e.word(w)]
			if info.stem >= 0 {
				wantStems = append(wantStems, info.stem)
			}
			if info.upper && k > 0 && !info.stop && info.nKeys > 0 {
				var ks []int32
				for _, key := range e.keysOf(info) {
					ks = append(ks, int32(key))
				}
				wantNames = append(wantNames, ks)
			}
		}
		if len(wantNames) != tt.names || len(wantStems) == 0 {
			t.Fatalf("%q: %d names and %d stems, want %d names and some stems", tt.text, len(wantNames), len(wantStems), tt.names)
		}
		slices.Sort(wantStems)
		wantStems = slices.Compact(wantStems)
		if got := f.stems(); !slices.Equal(got, wantStems) || cap(got) != len(got) {
			t.Errorf("%q: stems %v (cap %d), want %v", tt.text, got, cap(got), wantStems)
		}
		var gotNames [][]int32
		f.eachName(func(ks []int32) { gotNames = append(gotNames, slices.Clone(ks)) })
		if !slices.EqualFunc(gotNames, wantNames, slices.Equal) {
			t.Errorf("%q: names %v, want %v", tt.text, gotNames, wantNames)
		}
	}
}

// TestWordInfoSize: a word's info stays at 24 bytes (see wordInfo).
func TestWordInfoSize(t *testing.T) {
	if size := unsafe.Sizeof(wordInfo{}); size > 24 {
		t.Errorf("wordInfo takes %d bytes, want at most 24", size)
	}
}

// TestShortNameKeys: a name whose skeleton is too short to key it (West, Kim) still anchors a
// sentence to its translation when it stands inside the sentence, in Russian with a case ending
// and in Kazakh with a suffix of one consonant; a capitalised word at the start of a sentence, where any word
// is capitalised, does not.
func TestShortNameKeys(t *testing.T) {
	shares := func(lang1, s1, lang2, s2 string) bool {
		a, b := extract(lang1, Sentence{Text: s1}, nil), extract(lang2, Sentence{Text: s2}, nil)
		return len(bothKeys(a.keys, b.keys)) > 0
	}
	for _, tt := range []struct {
		lang1, s1, lang2, s2 string
		want                 bool
	}{
		{"en", "He phoned Kanye yesterday.", "ru", "Он вчера позвонил Канье.", true},
		{"en", "He met Kim at the border.", "ru", "Он встретился с Кимом на границе.", true},
		{"en", "He wrote to Kim at once.", "kk", "Ол бірден Кимге хат жазды.", true},
		{"en", "Rosa is heading north.", "ru", "Ураган Роза движется на север.", false}, // first word
		{"en", "He met Kim at the border.", "ru", "Он встретился с Путиным на границе.", false},
	} {
		if got := shares(tt.lang1, tt.s1, tt.lang2, tt.s2); got != tt.want {
			t.Errorf("%q ~ %q: share a key %v, want %v", tt.s1, tt.s2, got, tt.want)
		}
	}
}

// TestCapShortNames: a short name key held by more than shortMaxDF sentences of a side is taken
// out of them all; one held by fewer stays.
func TestCapShortNames(t *testing.T) {
	var ss []Sentence
	for k := range shortMaxDF + 1 {
		ss = append(ss, Sentence{Text: fmt.Sprintf("Yesterday Tom bought %d apples.", k)})
	}
	ss = append(ss, Sentence{Text: "Yesterday Kim sold apples."})
	fs := extractAll("en", ss, nil, nil, false)
	key := func(name string) uint32 {
		k, ok := shortNameKey(name, false, nil)
		if !ok {
			t.Fatalf("%s: no short name key", name)
		}
		return k
	}
	tom, kim := key("Tom"), key("Kim")
	for k, f := range fs {
		if slices.Contains(f.keys, tom) {
			t.Errorf("sentence %d keeps the key of Tom, in %d sentences", k, shortMaxDF+1)
		}
	}
	if !slices.Contains(fs[len(fs)-1].keys, kim) {
		t.Errorf("the key of Kim, in one sentence, is gone")
	}
}
