package morph

import (
	"slices"
	"testing"
)

func TestKazakhDerivedBases(t *testing.T) {
	tests := []struct {
		word, base string
		ok         bool
	}{
		// Not the agent -шы, nor -лы after a base under five letters:
		// ойнышы (ойыншы, two letters swapped) would read as ойны-шы,
		// туарлы (туралы) as туар-лы.
		{"ойнышы", "ойны", false},
		{"туарлы", "туар", false},
		{"дәріханалық", "дәріхана", true},
		{"епископтық", "епископ", true},
		// -тық with one т after -ст: террористік, not a second т.
		{"террористік", "террорист", true},
		{"социалистік", "социалист", true},
		{"террористікке", "террорист", true},
		{"террористлік", "террорист", false},
		{"епископік", "епископ", false},
		{"әдіскерлік", "әдіскер", true},
		{"үлкенірек", "үлкен", true},
		{"кешірек", "кеш", true},
		{"жылырақ", "жылы", true},
		{"клиенттерімізге", "клиент", true},
		{"салондарымыздың", "салон", true},
		{"үйіміз", "үй", true},
		{"балаңыз", "бала", true},
		// Misspelt suffixes: wrong harmony or consonant.
		{"епископлық", "епископ", false},
		{"үлкенырақ", "үлкен", false},
		{"епископтік", "епископ", false},
		{"клиенттерымызге", "клиент", false},
		// -лық's қ voiced before the possessive: -лығы, -тігі.
		{"агенттігі", "агент", true},
		{"қауіпсіздігін", "қауіпсіз", true},
		{"бірлігінің", "бір", true},
		{"агенттігы", "агент", false},
		{"агенттікі", "агент", false},
		// A 1st or 2nd person possessive after a stem in қ, к or п, which
		// it voices; after -лық, the base -лық is made of.
		{"құқығымыз", "құқық", true},
		{"кітабыңыздың", "кітап", true},
		{"жақсылығымыздың", "жақсы", true},
		{"мүмкіндігіңіз", "мүмкін", true},
		{"құқығімыз", "құқық", false},
		// ... and a noun that loses its last vowel there loses it.
		{"мүлкіміз", "мүлік", true},
		{"халқымыздың", "халық", true},
		{"қаупіңіз", "қауіп", true},
		{"мүлкымыз", "мүлік", false},
		{"ойнымыз", "ойын", false},
		// -лы after a base of five letters or more.
		{"пәтерлі", "пәтер", true},
		{"жейделілерге", "жейде", true},
		{"тамырлы", "тамыр", true},
		{"пәтерлы", "пәтер", false},
		{"пәтерді", "пәтер", false},
		{"пәтерсіз", "пәтер", true},
		{"пәтерсыз", "пәтер", false},
	}
	for _, tt := range tests {
		got := KazakhDerivedBases(tt.word)
		if slices.Contains(got, tt.base) != tt.ok {
			t.Errorf("KazakhDerivedBases(%q) = %q: has %q %v, want %v", tt.word, got, tt.base, !tt.ok, tt.ok)
		}
	}
}

func TestKazakhAgentBases(t *testing.T) {
	tests := []struct {
		word, base string
		ok         bool
	}{
		{"шерушілер", "шеру", true},
		{"шерушілермен", "шеру", true},
		{"шабуылдаушысы", "шабуылдау", true},
		{"жазушы", "жазу", true},
		{"оқушылардың", "оқу", true},
		// -шы against the harmony of the verbal noun, or after no -у.
		{"шерушылар", "шеру", false},
		{"ойнышы", "ойны", false},
		{"жазушілер", "жазу", false},
	}
	for _, tt := range tests {
		got := KazakhAgentBases(tt.word)
		if slices.Contains(got, tt.base) != tt.ok {
			t.Errorf("KazakhAgentBases(%q) = %q: has %q %v, want %v", tt.word, got, tt.base, !tt.ok, tt.ok)
		}
	}
}
