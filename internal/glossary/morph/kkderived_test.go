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
		// Not the agent -шы nor -лы: ойнышы (ойыншы, two letters
		// swapped) would read as ойны-шы, туарлы (туралы) as туар-лы.
		{"ойнышы", "ойны", false},
		{"туарлы", "туар", false},
		{"дәріханалық", "дәріхана", true},
		{"епископтық", "епископ", true},
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
