package morph

import (
	"fmt"
	"slices"
	"testing"
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
