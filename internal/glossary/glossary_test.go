package glossary

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

func TestSortedCollation(t *testing.T) {
	mk := func(id, kk, ru string) *Entry {
		return &Entry{ID: id, Kind: Place, Langs: map[string]*Form{"kk": {Term: kk}, "ru": {Term: ru}}}
	}
	g := New(workspaceLangs,
		mk("i", "Іле", "Или"),
		mk("y", "Ыстықкөл", "Иссык-Куль"),
		mk("u2", "Үржар", "Урджар"),
		mk("u1", "Ұлытау", "Улытау"),
		mk("u", "Уил", "Уил"),
		mk("ae", "Әйтеке би", "Айтеке би"),
		mk("a", "Астана", "Астана"),
		mk("b", "Балқаш", "Балхаш"),
		mk("q", "«Бәйтерек» кешені", "комплекс «Байтерек»"),
		mk("k2", "Қарағанды", "Караганда"),
		mk("k", "Көкшетау", "Кокшетау"),
		mk("o2", "Өскемен", "Усть-Каменогорск"),
		mk("o", "Орал", "Уральск"),
		mk("e", "ёлка", "ёлка"),
		mk("e2", "Екібастұз", "Экибастуз"),
		&Entry{ID: "none", Kind: Place, Langs: map[string]*Form{"en": {Term: "Nowhere"}}},
		&Entry{ID: "person", Kind: Person, Langs: map[string]*Form{"kk": {Term: "Абай"}}},
	)
	ids := func(es []*Entry) string {
		s := make([]string, len(es))
		for i, e := range es {
			s[i] = e.ID
		}
		return strings.Join(s, " ")
	}
	// Kazakh: А Ә Б … Е Ё … К Қ … О Ө … У Ұ Ү … Ы І.
	if got, want := ids(g.Sorted("kk", Place)), "a ae b q e2 e k k2 o o2 u u1 u2 y i none"; got != want {
		t.Errorf("kk order = %s, want %s", got, want)
	}
	// Russian: Е and Ё together, Э near the end.
	if got, want := ids(g.Sorted("ru", Place)), "ae a b e i y k2 k q u u1 o u2 o2 e2 none"; got != want {
		t.Errorf("ru order = %s, want %s", got, want)
	}
	if got := ids(g.Sorted("kk", Person)); got != "person" {
		t.Errorf("kind filter = %s", got)
	}
	if got := len(g.Sorted("kk", "")); got != 17 {
		t.Errorf("all kinds = %d entries", got)
	}
}

func TestLookupAndNew(t *testing.T) {
	a := &Entry{ID: "a", Langs: map[string]*Form{"en": {Term: "A"}}}
	g := New(nil, a, &Entry{ID: "a"})
	if len(g.Entries) != 1 || g.Lookup("a") != a || g.Lookup("b") != nil {
		t.Errorf("New/Lookup: %v", g.Entries)
	}
	if !Person.Valid() || Kind("city").Valid() {
		t.Error("Kind.Valid")
	}
	f := &Form{Term: "T", Variants: []string{"V"}, Forbidden: []string{"F"}, Forms: []string{"X"}}
	if got := strings.Join(f.Accepted(), ","); got != "T,V,X" {
		t.Errorf("Accepted = %s", got)
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"tokayev": true, "almaty-region": true, "un.ga": true, "a_b": true, "x1": true,
		"": false, "Tokayev": false, "a--b": false, "-a": false, "a-": false, "алматы": false, "a b": false,
	} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

// The matcher hands an entry's kind to package morph as morph.Kind(kind):
// every glossary kind must be one morph knows, with the same value.
func TestKindsMatchMorph(t *testing.T) {
	known := map[morph.Kind]bool{morph.Person: true, morph.Place: true, morph.Organization: true, morph.Institution: true, morph.Other: true}
	for _, k := range Kinds {
		if !known[morph.Kind(k)] {
			t.Errorf("glossary kind %q has no morph.Kind", k)
		}
	}
	if len(known) != len(Kinds) {
		t.Errorf("%d morph kinds, %d glossary kinds", len(known), len(Kinds))
	}
}
