package qa

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/testenv"
)

var spellEval = flag.Bool("qa.spelling", false, "run the spelling evaluation on ntrex-dev (minutes: hunspell kk suggests slowly)")

// TestSpellingEvaluation measures the spelling check on ntrex-dev's
// Russian and Kazakh (human-edited news), before and after Kazakh stems
// (see kazakhStems): the share of the words it checks that it flags
// (false alarms, but for the odd real typo: -v lists a sample), and how
// many planted typos (two letters inside a word swapped, in every third
// row) it catches. It runs with -qa.spelling.
func TestSpellingEvaluation(t *testing.T) {
	if !*spellEval {
		t.Skip("the spelling evaluation runs with -qa.spelling")
	}
	testenv.Command(t, "hunspell", hunspellInstall)
	rows := loadNTREX(t)
	g, _, err := glossary.Load(filepath.Join("..", "..", "glossary"), []string{"en", "ru", "kk"})
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		lang string
		bare bool
	}{{"ru", false}, {"kk", true}, {"kk", false}} {
		lang := run.lang
		sp, note := NewSpeller(lang, g.KnownWords(lang))
		if note != nil {
			testenv.Missing(t, "the Hunspell dictionary for "+lang, hunspellInstall)
		}
		sp.bareStems = run.bare
		words, flagged, planted, caught := 0, 0, 0, 0
		var sample []string
		for i, r := range rows {
			text := r.targets[lang]
			fs, err := sp.Check(text)
			if err != nil {
				t.Fatal(err)
			}
			bad := map[int]bool{}
			for _, f := range fs {
				bad[f.Target.Start] = true
				if len(sample) < 40 && i%5 == 0 {
					sample = append(sample, text[f.Target.Start:f.Target.End])
				}
			}
			flagged += len(fs)
			var typoAt, typoEnd int
			typo := ""
			for _, w := range spellWords(text) {
				if !sp.wanted(text[w.Start:w.End]) {
					continue
				}
				words++
				word := []rune(text[w.Start:w.End])
				if i%3 == 0 && typo == "" && !bad[w.Start] && len(word) >= 5 && word[2] != word[3] {
					word[2], word[3] = word[3], word[2]
					typo = text[:w.Start] + string(word) + text[w.End:]
					typoAt, typoEnd = w.Start, w.Start+len(string(word))
				}
			}
			if typo == "" {
				continue
			}
			planted++
			fs, err = sp.Check(typo)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if f.Target.Start == typoAt && f.Target.End == typoEnd {
					caught++
				}
			}
		}
		sp.Close()
		if run.bare {
			lang += " (without stems)"
		}
		t.Logf("%s: %d of %d words flagged (%.2f%%); planted typos caught %d/%d (%.1f%%)", lang, flagged, words,
			100*float64(flagged)/float64(max(words, 1)), caught, planted, 100*float64(caught)/float64(max(planted, 1)))
		t.Logf("%s sample of flagged words: %s", lang, strings.Join(sample, ", "))
	}
}

// spellWords returns the spans of the words of text (letters and inner
// hyphens), as hunspell splits them.
func spellWords(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			i += n
			continue
		}
		j := wordEnd(text, i)
		out = append(out, Span{i, j})
		i = j
	}
	return out
}
