package segment

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReversedBefore checks the reversed before patterns against the plain
// reading `(?:before)$` at every rune boundary of the fixtures.
func TestReversedBefore(t *testing.T) {
	texts := []string{"^Mr. x", "a\u00a0b. C", "x.y. Z", "«А!» — б", "\xffab. \x80C"}
	for _, f := range fixtureTexts(t) {
		texts = append(texts, strings.Split(f, "\n\n")...) // paragraphs keep it quadratic but small
	}
	patterns := []string{`^ab`, `\bMr\.`, `(?i)mr\.`, `(?m)^x`, `x$`, `a|bc|def`, `(?:ab)+c?`, `[^a-c]{2,3}\.`}
	for _, lang := range Languages() {
		r, _ := DefaultRules(lang)
		for _, x := range r.Rules {
			if x.Abbreviations == nil && x.Before != "" {
				patterns = append(patterns, r.expand(x.Before))
			}
		}
	}
	for _, pat := range patterns {
		fwd := regexp.MustCompile("(?:" + pat + ")$")
		rev, _, fp, err := compilePattern(pat, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range texts {
			buf := reverseText(nil, text)
			for p := 0; p <= len(text); p++ {
				if p < len(text) && !utf8.RuneStart(text[p]) {
					continue
				}
				want := fwd.MatchString(text[:p])
				got := rev().Match(buf[len(text)-p:])
				if got != want {
					t.Fatalf("pattern %q at %d of %q: reversed %v, forward %v", pat, p, text[:p], got, want)
				}
				// The prog reads the text backwards instead of reversing it.
				if got, ok := fp.match(text, 0, p, true, new([]pstate)); ok && got != want {
					t.Fatalf("pattern %q at %d of %q: prog %v, forward %v", pat, p, text[:p], got, want)
				}
			}
		}
	}
}

func TestEdgeRunes(t *testing.T) {
	tests := []struct {
		pat      string
		last     bool
		in, out  string
		nullable bool
	}{
		{`[.?!…]+["»]*`, true, `.?!…"»`, "a ", false},
		{`\s+\p{Lu}`, false, " \t\n", "Aa", false},
		{`(?i)mr\.`, false, "mM", ".r", false},
		{`a?`, true, "a", "", true},
		{`(?:ab|cd)e*`, true, "bde", "ac", false},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pat, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		set, nullable := edgeRunes(re.Simplify(), tt.last)
		set.normalize()
		if nullable != tt.nullable {
			t.Errorf("%q: nullable %v", tt.pat, nullable)
		}
		for _, r := range tt.in {
			if !set.has(r) {
				t.Errorf("%q: %q missing", tt.pat, r)
			}
		}
		for _, r := range tt.out {
			if set.has(r) {
				t.Errorf("%q: %q present", tt.pat, r)
			}
		}
	}
}

// TestReverseText checks reverseText, with its fast path for two-byte
// runes, against reversing the runes one DecodeRuneInString at a time, on
// random mixes of ASCII, Cyrillic, longer runes and invalid bytes.
func TestReverseText(t *testing.T) {
	ref := func(s string) string {
		var runes []string
		for i := 0; i < len(s); {
			_, n := utf8.DecodeRuneInString(s[i:])
			runes = append(runes, s[i:i+n])
			i += n
		}
		slices.Reverse(runes)
		return strings.Join(runes, "")
	}
	pieces := []string{"a", ".", " ", "ё", "Қ", "\u2028", "\U0001F600", "\xc3", "\xa9", "\xdf", "\xc0\x80", "\xed\xa0\x80", "\xff"}
	rnd := rand.New(rand.NewSource(1))
	var buf []byte
	for range 5000 {
		var b strings.Builder
		for range rnd.Intn(10) {
			b.WriteString(pieces[rnd.Intn(len(pieces))])
		}
		s := b.String()
		buf = reverseText(buf, s)
		if got, want := string(buf), ref(s); got != want {
			t.Fatalf("reverseText(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestBuiltinRulesCompile validates the built-in rules of every language,
// which loading them no longer does at each start.
func TestBuiltinRulesCompile(t *testing.T) {
	for _, lang := range Languages() {
		r, err := DefaultRules(lang)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("built-in rules of %s: %v", lang, err)
		}
		if _, err := Compile(r); err != nil {
			t.Errorf("built-in rules of %s: %v", lang, err)
		}
	}
}

// TestProgMatchesRegexp runs every built-in pattern, and some with the
// assertions and repetitions the built-in ones lack, as prog and as regexp
// on random windows of text made of the characters the rules care about:
// both must give the same answer wherever the prog does not give up.
func TestProgMatchesRegexp(t *testing.T) {
	patterns := []string{`^ab`, `\bMr\.`, `(?i)mr\.`, `(?m)^x`, `(?m)x$`, `x$`, `\B.`, `a|bc|def`, `(?:ab)+c?`,
		`[^a-c]{2,3}\.`, `(?:a*)*b`, `(?:a|ab)(?:c|bcd)d`, `.`, `(?s).\n`, `\p{Lu}\p{Ll}*`}
	for _, lang := range Languages() {
		r, _ := DefaultRules(lang)
		for _, x := range r.Rules {
			if x.Abbreviations == nil && x.Before != "" {
				patterns = append(patterns, r.expand(x.Before))
			}
			if x.After != "" {
				patterns = append(patterns, r.expand(x.After))
			}
		}
	}
	alphabet := []string{"a", "b", "c", "d", "x", "M", "r", "T", "he", "The", "В", "г", "о", "Ж", "ж.", ".", ". ", "!", "?", "…",
		"»", "”", ")", "(", "[", "]", "—", "-", " ", "\u00a0", "\n", "1", "2019", "\xff", "\x80", "said", "Бұл", "т. е."}
	rng := rand.New(rand.NewSource(1))
	var stack []pstate
	n := 300
	if testing.Short() {
		n = 60
	}
	for _, pat := range patterns {
		for _, back := range []bool{false, true} {
			re, _, fp, err := compilePattern(pat, back)
			if err != nil {
				t.Fatal(err)
			}
			for range n {
				var sb strings.Builder
				for k := rng.Intn(12); k >= 0; k-- {
					sb.WriteString(alphabet[rng.Intn(len(alphabet))])
				}
				text := sb.String()
				var want bool
				if back {
					want = re().Match(reverseText(nil, text))
				} else {
					want = re().MatchString(text)
				}
				if got, ok := fp.match(text, 0, len(text), back, &stack); ok && got != want {
					t.Fatalf("pattern %q (before %v) on %q: prog %v, regexp %v", pat, back, text, got, want)
				}
			}
		}
	}
}

// TestPatternTreeAsParsed: the prog of a pattern's anchored tree, made
// directly, decides as the prog of the pattern printed and parsed again
// (as it was compiled before) at every position of the sample texts, for
// every pattern of the built-in rules.
func TestPatternTreeAsParsed(t *testing.T) {
	var texts []string
	for _, name := range []string{"water.en.txt", "water.ru.txt", "water.kk.txt", "digest.en.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data), "Mr. Smith met Dr. Jones. “Yes!” he said... (See p. 5.) Т.е. г. Алматы, т.б. 3.5 млн.")
	}
	parsed := func(pat string, before bool) *prog {
		tree, err := syntax.Parse(pat, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		src := pat
		if before {
			src = reverseTree(tree.Simplify()).String()
		}
		ft, err := syntax.Parse("^(?:"+src+")", syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		return newProg(ft.Simplify())
	}
	compared := 0
	for _, lang := range Languages() {
		r, err := DefaultRules(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range r.Rules {
			for _, before := range []bool{true, false} {
				pat := r.expand(x.After)
				if before {
					pat = r.expand(x.Before)
				}
				if pat == "" || before && x.Abbreviations != nil {
					continue
				}
				_, _, got, err := compilePatternOnce(pat, before)
				if err != nil {
					t.Fatal(err)
				}
				want := parsed(pat, before)
				var stack []pstate
				for _, text := range texts {
					for p := 0; p <= len(text); p++ {
						lo, hi := p, min(len(text), p+64)
						if before {
							lo, hi = max(0, p-64), p
						}
						for lo < hi && isContinuation(text[lo]) {
							lo++
						}
						for hi < len(text) && hi > lo && isContinuation(text[hi]) {
							hi--
						}
						a, aok := got.match(text, lo, hi, before, &stack)
						b, bok := want.match(text, lo, hi, before, &stack)
						if aok && bok && a != b {
							t.Fatalf("%s %q (before %v) at %d: %v, parsed %v", lang, pat, before, p, a, b)
						}
						if aok && bok {
							compared++
						}
					}
				}
			}
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
}
