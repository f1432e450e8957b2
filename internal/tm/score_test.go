package tm

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestScore(t *testing.T) {
	for _, c := range []struct {
		sentence, memory string
		want             int
	}{
		{"The talks lasted three hours.", "The talks lasted three hours.", 100},
		{"The talks lasted three hours", "The  talks, lasted three hours!", 100},
		{"the talks lasted three hours.", "The talks lasted three hours.", 99},
		{"The talks lasted four hours.", "The talks lasted three hours.", 80},
		{"The talks lasted 3 hours.", "The talks lasted 4 hours.", 80},
		{"Three hours the talks lasted.", "The talks lasted three hours.", 80},
		// Two neighbouring words swapped: one edit, not two.
		{"The talks lasted hours three.", "The talks lasted three hours.", 80},
		{"The lasted talks three hours and a half today.", "The talks lasted three hours and a half today.", 88},
		{"Переговоры длились три часа.", "Переговоры длились три часа и завершились.", 66},
		{"Келіссөздер үш сағатқа созылды.", "Келіссөздер үш сағатқа созылды.", 100},
		{"", "The talks.", 0},
		{"...", "...", 0},
	} {
		if got := Score(c.sentence, c.memory); got != c.want {
			t.Errorf("Score(%q, %q) = %d, want %d", c.sentence, c.memory, got, c.want)
		}
	}
}

func TestNumberChanges(t *testing.T) {
	for _, c := range []struct {
		sentence, memory, want string
	}{
		{"On 14 May 40 people", "On 12 May 40 people", "[{12 14}]"},
		{"On 12 May", "On 12 May", "[]"},
		{"On 12 May 2025", "On 12 May", "[{ 2025}]"},
		{"In May", "On 12 May", "[{12 }]"},
		// Paired by where they stand among the words, not by their order:
		// "received 700" became "received 800", "in 2016" "In 2017".
		{"In 2017, the General Prosecutor's Office received 800 reports of torture in prisons.",
			"According to Amnesty International, the General Prosecutor's Office received 700 complaints of torture in 2016.",
			"[{700 800} {2016 2017}]"},
		{"В 2017 году прокуратура получила 800 жалоб.", "Прокуратура получила 700 жалоб в 2016 году.", "[{700 800} {2016 2017}]"},
		// Swapped numbers are changes at their places.
		{"From 7 to 5 years", "From 5 to 7 years", "[{5 7} {7 5}]"},
		// A number that stays where it was is no change, one added
		// elsewhere is added.
		{"On 12 May 2025, 40 people", "On 12 May, 40 people", "[{ 2025}]"},
		// A number written with separators is one number, shown as
		// written, not the piece that changed.
		{"The fine is 1,600,000 tenge.", "The fine is 1,500,000 tenge.", "[{1,500,000 1,600,000}]"},
		{"Штраф 1\u00a0600\u00a0000 тенге.", "Штраф 1\u00a0500\u00a0000 тенге.", "[{1 500 000 1 600 000}]"},
		{"Штраф 12 500 тенге.", "Штраф 12 000 тенге.", "[{12 000 12 500}]"},
		{"Ущерб составил 3,7 млн тенге.", "Ущерб составил 3,5 млн тенге.", "[{3,5 3,7}]"},
		{"It happened on 26.07.2019.", "It happened on 25.07.2019.", "[{25.07.2019 26.07.2019}]"},
		{"The rate is 3.14 now.", "The rate is 3.14 now.", "[]"},
		// Two numbers side by side stay two.
		{"In 2019 185 officers were charged.", "In 2019 158 officers were charged.", "[{158 185}]"},
		{"On 5 July 2019, 185 officers", "On 5 July 2019, 158 officers", "[{158 185}]"},
	} {
		got := numberChanges(Tokens(c.sentence), c.sentence, Tokens(c.memory), c.memory)
		if s := fmtChanges(got); s != c.want {
			t.Errorf("numberChanges(%q, %q) = %s, want %s", c.sentence, c.memory, s, c.want)
		}
	}
}

func fmtChanges(cs []NumberChange) string {
	s := "["
	for i, c := range cs {
		if i > 0 {
			s += " "
		}
		s += "{" + c.Was + " " + c.Now + "}"
	}
	return s + "]"
}

func TestStem(t *testing.T) {
	for w, want := range map[string]string{"тоқаев": "тоқа", "астана": "аста", "мамр": "мам", "үш": "үш", "2025": "2025"} {
		if got := stem(w); got != want {
			t.Errorf("stem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{"omegat": true, "project_save.v2": true, "": false, "../x": false, ".hidden": false, "a/b": false, "тм": false} {
		if ValidName(name) != want {
			t.Errorf("ValidName(%q) = %v", name, !want)
		}
	}
}

// FuzzScore checks that any two texts score between 0 and 100, that a text
// with words matches itself at 100, and that token spans lie in the text.
func FuzzScore(f *testing.F) {
	f.Add("President Tokayev arrived.", "Президент Тоқаев келді.")
	f.Add("a\x00b", "")
	f.Add("12 мая", "12 мамыр")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Score(a, b)
		if s < 0 || s > 100 {
			t.Fatalf("Score = %d", s)
		}
		if toks := Tokens(a); len(toks) > 0 {
			if got := Score(a, a); got != 100 {
				t.Fatalf("Score(a, a) = %d", got)
			}
			for _, tk := range toks {
				if tk.Start < 0 || tk.End > len(a) || tk.Start >= tk.End {
					t.Fatalf("bad span %+v", tk)
				}
			}
		}
		if !utf8.ValidString(a) {
			return
		}
		if s := Score(a+" "+a, a); len(Tokens(a)) > 0 && s != 50 {
			t.Fatalf("a doubled scores %d against a, want 50", s)
		}
	})
}

// TestTokensAgainstReference compares the tokenizer's fast paths (tables
// for Latin and Cyrillic, folding into a buffer) with the plain
// definition: runs of letters, marks and digits, strings.ToLower.
func TestTokensAgainstReference(t *testing.T) {
	reference := func(text string) []Token {
		var out []Token
		start := -1
		for i, r := range text + " " {
			word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
			if i == len(text) {
				word = false
			}
			if word && start < 0 {
				start = i
			} else if !word && start >= 0 {
				out = append(out, Token{Key: strings.ToLower(text[start:i]), Start: start, End: i})
				start = -1
			}
		}
		return out
	}
	alphabet := []rune("aZ9 .,-'ÀéİIıЁёЖжӘәҒғҚқҢңӨөҰұҮүҺһІіӀΣσ\u0301\u00a0½²中ǅ\ufffd")
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"", "Тоқаев Тоқаевқа", "İstanbul", "\xff\xfeab\xc3", "ǅemal", "\xc0\xafж\xc3(Ж\xd0", "ȺȾ Ⱥb"}
	for range 3000 {
		n := rng.IntN(20)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(rs)
		if rng.IntN(10) == 0 {
			s += "\xc3" // a broken sequence
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		got, want := Tokens(s), reference(s)
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("Tokens(%q) = %v, want %v", s, got, want)
		}
		var words []string
		EachWord(s, func(w []byte) { words = append(words, string(w)) })
		if !reflect.DeepEqual(words, Words(s)) && len(words)+len(Words(s)) > 0 {
			t.Fatalf("EachWord(%q) = %q, Words %q", s, words, Words(s))
		}
	}
}

// TestEachWordJoined: the words of EachWord, each told whether only
// punctuation separates it from the one before (one word to a person).
func TestEachWordJoined(t *testing.T) {
	for text, want := range map[string]string{
		"Премьер-министр It's the U.S.\u00a0envoy": "премьер +министр it +s the u +s envoy",
		"«Тоқаев», 2,5 млн — бір\tекі":             "тоқаев 2 +5 млн бір екі",
		" a\u2003b\u0085c,d ":                      "a b c +d",
		"":                                         "",
	} {
		var got []string
		EachWordJoined(text, func(w []byte, joined bool) {
			if joined {
				got = append(got, "+"+string(w))
			} else {
				got = append(got, string(w))
			}
		})
		if strings.Join(got, " ") != want {
			t.Errorf("EachWordJoined(%q) = %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}
