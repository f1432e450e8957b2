package morph

import (
	"slices"
	"strings"
	"testing"
)

// TestKazakhVowelElision: the nouns that lose their last vowel before a
// vowel-initial ending (ықшамдау; apertium-kaz's %{y%} stems and the
// grammars' examples) take the possessive and what follows on the short
// stem: орын → орны, орнына; мүлік → мүлкі, мүлкінен; халық → халқы,
// халқының, with no voicing after the consonant (not мүлгі). Before, only
// орыны, мүлігі, халығы were generated, which nobody writes. The words
// that always drop it get no full possessive; those written both ways
// (ауыз: аузы, ауызы) get both. A word outside the set keeps its vowel
// (ойын → ойыны, never ойны; нарық → нарығы), and the other endings keep
// the full stem (орынға, халықтың, орындары).
func TestKazakhVowelElision(t *testing.T) {
	for _, tc := range []struct {
		word      string
		want, not []string
	}{
		{"орын", []string{"орын", "орынға", "орынның", "орындар", "орны", "орнының", "орнына", "орнын", "орнында", "орнынан", "орнымен", "орнындағы"},
			[]string{"орыны", "орынына", "орнға"}},
		{"мүлік", []string{"мүлікке", "мүліктің", "мүлкі", "мүлкінің", "мүлкіне", "мүлкін", "мүлкінде", "мүлкінен"},
			[]string{"мүлігі", "мүлікі", "мүлгі", "мүлкы"}},
		{"халық", []string{"халықтың", "халыққа", "халықтар", "халқы", "халқының", "халқына", "халқын"},
			[]string{"халығы", "халықы", "халғы", "халқі"}},
		{"қауіп", []string{"қауіпті", "қаупі", "қаупінен"}, []string{"қауіпі", "қауібі", "қаупы"}},
		{"ерін", []string{"ерні", "ернін"}, []string{"еріні"}},
		{"мұрын", []string{"мұрны", "мұрнына"}, []string{"мұрыны"}},
		{"ерік", []string{"еркі", "еркімен"}, []string{"ерігі", "ергі"}},
		{"кәсіпорын", []string{"кәсіпорны", "кәсіпорнының", "кәсіпорындар"}, []string{"кәсіпорыны"}},
		// Both written.
		{"ауыз", []string{"аузы", "аузына", "ауызы", "ауызына"}, nil},
		{"дауыс", []string{"даусы", "дауысы", "даусымен", "дауысына"}, nil},
		{"әріп", []string{"әрпі", "әрпінің", "әрібі"}, nil},
		// No elision.
		{"ойын", []string{"ойыны", "ойынының", "ойынына"}, []string{"ойны", "ойнына"}},
		{"нарық", []string{"нарығы", "нарығына"}, []string{"нарқы"}},
		{"мақсат", []string{"мақсаты"}, []string{"мақсты"}},
	} {
		f := KazakhWordForms(tc.word, tc.word, Other, "", false)
		checkForms(t, tc.word+": the forms", f.Plain, tc.want, tc.not)
		shown := f.Shown
		if shown == nil {
			shown = f.Plain
		}
		for _, w := range tc.want {
			if !slices.Contains(shown, w) {
				t.Errorf("%s: %q matched but not shown", tc.word, w)
			}
		}
	}
}

// TestKazakhInflectElision: a fix or the endings check asks for the short
// stem where the vowel drops (мүлкінен for мүлік, possessive and
// ablative), first where both are written (аузына, ауызына), and never of
// a word outside the set (ойынына).
func TestKazakhInflectElision(t *testing.T) {
	for _, tc := range []struct {
		word string
		end  KazakhEnding
		want []string
	}{
		{"мүлік", KazakhEnding{Possessive: true, Case: KazakhAblative}, []string{"мүлкінен"}},
		{"халық", KazakhEnding{Possessive: true, Case: KazakhGenitive}, []string{"халқының"}},
		{"орын", KazakhEnding{Possessive: true, Case: KazakhBare}, []string{"орны"}},
		{"ауыз", KazakhEnding{Possessive: true, Case: KazakhDative}, []string{"аузына", "ауызына"}},
		{"ойын", KazakhEnding{Possessive: true, Case: KazakhDative}, []string{"ойынына"}},
		// Other endings keep the vowel.
		{"халық", KazakhEnding{Case: KazakhGenitive}, []string{"халықтың"}},
		{"халық", KazakhEnding{Plural: true, Possessive: true, Case: KazakhGenitive}, []string{"халықтарының"}},
	} {
		if got := KazakhInflect(KazakhStem{Word: tc.word}, tc.end); !slices.Equal(got, tc.want) {
			t.Errorf("%s %+v: %q, want %q", tc.word, tc.end, got, tc.want)
		}
	}
	for stem, want := range map[string]string{"мүлк": "мүлік", "орн": "орын", "халқ": "халық", "қауп": "қауіп"} {
		if got, ok := KazakhUnelided(stem); !ok || got != want {
			t.Errorf("KazakhUnelided(%q) = %q %v, want %q", stem, got, ok, want)
		}
	}
	for _, stem := range []string{"ойн", "нарқ", "орын", ""} {
		if got, ok := KazakhUnelided(stem); ok {
			t.Errorf("KazakhUnelided(%q) = %q", stem, got)
		}
	}
}

// TestKazakhElisionPossessivePhrase: a phrase ending in such a word's
// possessive (Қазақстан халқы) takes the plural of the full stem
// (халықтары), not of the short one (халқтары).
func TestKazakhElisionPossessivePhrase(t *testing.T) {
	f := KazakhWordForms("халқы", "халқы", Other, "", true)
	checkForms(t, "халқы", f.Plain, []string{"халқының", "халқына", "халықтары", "халықтарының"}, []string{"халқтары"})
}

// TestFixKazakhForbiddenElision: the fix of a forbidden form keeps the
// ending it was found with when either word loses its vowel before it:
// мүлкінен (forbidden мүлік) becomes меншігінен, and мекемесінен
// (forbidden мекеме) becomes Кәсіпорнынан, not Кәсіпорыннан. A found
// form whose stem voiced its consonant keeps its ending too (меншігінен,
// forbidden меншік: Мүлкінен); before, both fixes were the bare word.
func TestFixKazakhForbiddenElision(t *testing.T) {
	for _, tc := range []struct{ found, forbidden, preferred, want string }{
		{"мүлкінен", "мүлік", "меншік", "меншігінен"},
		{"меншігінен", "меншік", "Мүлік", "Мүлкінен"},
		{"МЕНШІГІ", "меншік", "МҮЛІК", "МҮЛКІ"},
		{"мекемесінен", "мекеме", "Кәсіпорын", "Кәсіпорнынан"},
		{"МЕКЕМЕСІ", "мекеме", "КӘСІПОРЫН", "КӘСІПОРНЫ"},
		{"Халқының", "халық", "ел", "елінің"},
		{"халықтың", "халық", "ел", "елдің"},
	} {
		got, ok := FixKazakhForbidden(tc.found, tc.forbidden, tc.preferred, Other, "")
		if !ok || got != tc.want {
			t.Errorf("%s (forbidden %s): fix %q %v, want %q", tc.found, tc.forbidden, got, ok, tc.want)
		}
	}
	// Not an ending after the short stem: no fix with an ending.
	if got, ok := FixKazakhForbidden("мүлкқа", "мүлік", "меншік", Other, ""); ok {
		t.Errorf("мүлкқа: fix %q", got)
	}
}

// TestKazakhElisionAgrees: for every word of the set, the matcher's forms
// hold each form a fix asks for (KazakhInflect), every short stem gives
// its word back, and a word that always drops its vowel has no full
// possessive among its forms.
func TestKazakhElisionAgrees(t *testing.T) {
	for word, e := range kkElision.Get() {
		if got, ok := KazakhUnelided(e.stem); !ok || got != word {
			t.Errorf("%s: KazakhUnelided(%q) = %q %v", word, e.stem, got, ok)
		}
		plain := KazakhWordForms(word, word, Other, "", false).Plain
		for c := KazakhBare; c <= KazakhAttributive; c++ {
			for _, f := range KazakhInflect(KazakhStem{Word: word}, KazakhEnding{Possessive: true, Case: c}) {
				if !slices.Contains(plain, f) {
					t.Errorf("%s: %q asked for, not matched", word, f)
				}
			}
		}
		if e.both {
			continue
		}
		for _, f := range plain {
			for _, full := range []string{word, kkVoice(word)} {
				if rest, ok := strings.CutPrefix(f, full); ok && (strings.HasPrefix(rest, "ы") || strings.HasPrefix(rest, "і")) {
					t.Errorf("%s: full possessive %q generated", word, f)
				}
			}
		}
	}
}

func TestKazakhRespell(t *testing.T) {
	for _, tc := range []struct{ written, word, form, want string }{
		{"Алматы", "алматы", "алматыға", "Алматыға"},
		{"Сан-Диего", "диего", "диегоға", "Сан-Диегоға"},
		{"мүлік", "мүлік", "мүлкінің", "мүлкінің"},
		{"Мүлік", "мүлік", "мүлкінің", "Мүлкінің"},
		{"МҮЛІК", "мүлік", "мүлкінің", "МҮЛКІНІҢ"},
		{"Дүние-Мүлік", "мүлік", "мүлкі", "Дүние-Мүлкі"},
		{"Ақжайық", "ақжайық", "ақжайығы", "Ақжайығы"},
		{"Алматы", "тараз", "таразға", "таразға"}, // not its word
	} {
		if got := KazakhRespell(tc.written, tc.word, tc.form); got != tc.want {
			t.Errorf("KazakhRespell(%q, %q, %q) = %q, want %q", tc.written, tc.word, tc.form, got, tc.want)
		}
	}
}
