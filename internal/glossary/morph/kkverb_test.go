package morph

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKazakhVerbRoots(t *testing.T) {
	tests := []struct{ form, root string }{
		{"мәлімдеді", "мәлімде"},     // past
		{"шықпады", "шық"},           // negation -па after a voiceless sound
		{"өлшемейді", "өлше"},        // negated present, 3rd person
		{"келтіріледі", "келтір"},    // passive, present
		{"көндіріледі", "көн"},       // causative -дір, passive
		{"кигізіп", "ки"},            // causative -гіз after a vowel, converb
		{"жиілеп", "жиіле"},          // converb -п after a vowel
		{"жетпей", "жет"},            // negative converb -пей
		{"шектемей", "шекте"},        // negative converb -мей
		{"қабылдай", "қабылда"},      // converb -й
		{"тағылған", "тақ"},          // passive of тақ, voiced before a vowel
		{"күйдірген", "күй"},         // causative, past participle -ген
		{"жасамауға", "жаса"},        // verbal noun with a dative
		{"толмағандар", "тол"},       // participle with a plural
		{"ескерілмейтінін", "ескер"}, // present participle, possessive, accusative
		{"қалдырмағанға", "қал"},     // causative, negation, participle, dative
		{"танғанша", "тан"},          // -ғанша: until
		{"мойындайтын", "мойында"},   // present participle -йтын
		{"басқаратын", "басқар"},     // present participle -атын
		{"талқылағысы", "талқыла"},   // desire -ғысы
		{"қойсақ", "қой"},            // conditional, 1st person plural
		{"жазба", "жаз"},             // negation -ба after з
		{"жібермес", "жібер"},        // negative participle -мес
		{"қалмастан", "қал"},         // negative participle, ablative
		{"өтпес", "өт"},              // negative participle after a voiceless sound
		{"өлтіргіш", "өлтір"},        // agentive -гіш
		{"жазғыштар", "жаз"},         // agentive with a plural
		{"сенгісіз", "сен"},          // desire, 2nd person polite
		{"келтіргілері", "келтір"},   // desire, plural possessive
		{"айтқым", "айт"},            // desire, 1st person
		{"білгіміз", "біл"},          // desire, 1st person plural
		{"көргіңіз", "көр"},          // desire, 2nd person polite
		{"келмекші", "кел"},          // intention -мекші
		{"бармақшымын", "бар"},       // intention, 1st person
		{"айтпақшы", "айт"},          // intention after a voiceless sound
		{"оқитын", "оқы"},            // ы and й of -йтын written и
		{"оқимын", "оқы"},            // and of the present
		{"ұлғаяды", "ұлғай"},         // й and а written я
		{"көбеюі", "көбей"},          // й and у written ю, possessive
	}
	for _, tt := range tests {
		if got := KazakhVerbRoots(tt.form); !slices.Contains(got, tt.root) {
			t.Errorf("KazakhVerbRoots(%q) = %q, want %q among them", tt.form, got, tt.root)
		}
	}
	// A suffix in the wrong harmony or with the wrong first consonant is no
	// form of the root.
	for _, tt := range []struct{ form, root string }{
		{"жасаген", "жаса"}, {"келма", "кел"}, {"жазма", "жаз"}, {"айтба", "айт"},
		{"шыкқан", "шық"}, {"шыққен", "шық"}, {"келған", "кел"}, {"өлшемайды", "өлше"}, {"жасап", "жас"},
		{"жібермас", "жібер"}, {"өтмес", "өт"}, {"өлтіргыш", "өлтір"}, {"жазс", "жаз"},
		{"айтғым", "айт"}, {"білгым", "біл"}, {"келмақшы", "кел"}, {"айтмақшы", "айт"},
		{"оқитін", "оқы"}, {"ұлғаяді", "ұлғай"}, {"оқиған", "оқы"},
	} {
		if got := KazakhVerbRoots(tt.form); slices.Contains(got, tt.root) {
			t.Errorf("KazakhVerbRoots(%q) = %q: %q is no root of it", tt.form, got, tt.root)
		}
	}
}

func ExampleKazakhVerbRoots() {
	fmt.Println(KazakhVerbRoots("жасамаған"))
	// Output: [жасамаға жасама жаса]
}

// FuzzKazakhVerbRoots: any text is read without a panic, and every root is
// the start of the word (or that start with its last consonant devoiced,
// or with the и, я, ю of a join read as its ы, і or й) of at least two
// letters.
func FuzzKazakhVerbRoots(f *testing.F) {
	for _, s := range []string{"мәлімдеді", "ескерілмейтінін", "тағылған", "", "а", "жасаген", "\xff\xfe", "ққққ", "оқитын", "ұлғаяды", "көбеюі"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, r := range KazakhVerbRoots(w) {
			if utf8.RuneCountInString(r) < 2 {
				t.Fatalf("KazakhVerbRoots(%q): root %q is under two letters", w, r)
			}
			body, last := r[:len(r)-len(string(lastRune(r)))], string(lastRune(r))
			ok := strings.HasPrefix(w, r)
			for _, p := range [][2]string{{"ғ", "қ"}, {"г", "к"}, {"б", "п"}, {"и", "ы"}, {"и", "і"}, {"я", "й"}, {"ю", "й"}} {
				ok = ok || last == p[1] && strings.HasPrefix(w, body+p[0])
			}
			if !ok {
				t.Fatalf("KazakhVerbRoots(%q): root %q is not the word's start", w, r)
			}
		}
	})
}
