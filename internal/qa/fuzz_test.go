package qa

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"1,000 = 1 000 = 1\u00a0000; 3.5 = 3,5; $2.8bn; 14%; 10:30 = 10.30; 19th-century; 2016–18",
	"26 июля 2019 года, XIX века, пятью, двести тысяч, 2,8 млрд, «кавычки „внутри“»",
	"2019 жылғы 26 шілде, он бес, екеуін, Алматыге, Тоқаевке, Алматы облысыда",
	"\xff\xfe1,\xc3.5 m", "1.2.3.4.5.6.7.8.9.0", "99999999999999999999999999999 trillion",
	"((((«««", "  -  ,  ?", "MMMCMXCIX века XIIII", "0800 555 111 +7 (727) 123-45-67",
}

// checkSpans fails t when a finding points outside its text or into the
// middle of a character.
func checkSpans(t *testing.T, fs []Finding, src, tgt string) {
	t.Helper()
	for _, f := range fs {
		for _, p := range []struct {
			s    Span
			text string
		}{{f.Source, src}, {f.Target, tgt}} {
			if !p.s.Valid() {
				continue
			}
			if p.s.End > len(p.text) || p.s.Start > p.s.End {
				t.Fatalf("%s: span %v outside a text of %d bytes", f.Message, p.s, len(p.text))
			}
			if !boundary(p.text, p.s.Start) || !boundary(p.text, p.s.End) {
				t.Fatalf("%s: span %v cuts a character of %q", f.Message, p.s, p.text)
			}
		}
	}
}

// boundary reports whether i is where a character (or a stray invalid
// byte) of text starts, decoding as Go does: not inside a valid multi-byte
// character. It looks at most three bytes back.
func boundary(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return i == 0 || i == len(text)
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(text[j]) {
			_, n := utf8.DecodeRuneInString(text[j:])
			return j+n <= i
		}
	}
	return true
}

func FuzzExtractNumbers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("en", s)
		f.Add("ru", s)
		f.Add("kk", s)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		for _, v := range ExtractNumbers(lang, text) {
			if v.Start < 0 || v.End > len(text) || v.Start >= v.End || text[v.Start:v.End] != v.Text ||
				!boundary(text, v.Start) || !boundary(text, v.End) {
				t.Fatalf("value %+v out of %q", v, text)
			}
			FormatValue(v, lang)
		}
	})
}

func FuzzCheckPair(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add("en", s, "ru", fuzzSeeds[(i+1)%len(fuzzSeeds)])
		f.Add("ru", s, "kk", fuzzSeeds[(i+2)%len(fuzzSeeds)])
		f.Add("kk", s, "en", s)
	}
	c := NewChecker(Options{Checks: []Kind{Numbers, Untranslated, Typography, Endings}, Glossary: testGlossary()})
	f.Fuzz(func(t *testing.T, sl, src, tl, tgt string) {
		fs, err := c.CheckPair(sl, src, tl, tgt)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, fs, src, tgt)
		var x ConsistencyIndex
		x.Add("a", sl, src, tl, tgt)
		x.Add("b", sl, src, tl, tgt+"x")
		x.Findings()
	})
}

func FuzzParseKazakhEnding(f *testing.F) {
	for _, s := range []string{"ға", "ның", "лардың", "сының", "га", "нын", "ындағы", "\xff"} {
		f.Add("алматы", s)
	}
	x := NewEndingsIndex(testGlossary())
	f.Fuzz(func(t *testing.T, stem, ending string) {
		text := stem + ending
		checkSpans(t, x.Check("kk", text), "", text)
	})
}

// A 10 MB line and invalid UTF-8 go through every check without a panic
// and with spans inside the text.
func TestHostileInput(t *testing.T) {
	line := "Переговоры продолжатся на следующей неделе, сказал министр «в 2019 году» (Алматыге) - ок , "
	big := strings.Repeat(line, 10<<20/len(line))
	bad := strings.Repeat("\xff\xfe1,0\xc3", 1000) + "Алматыге\xff"
	c := NewChecker(Options{Checks: []Kind{Numbers, Untranslated, Typography, Endings}, Glossary: testGlossary()})
	for _, p := range [][2]string{{big, "x"}, {"x", big}, {bad, bad}, {bad, ""}} {
		fs, err := c.CheckPair("en", p[0], "kk", p[1])
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, fs, p[0], p[1])
	}
}
