package morph

import (
	"slices"
	"testing"
)

// TestKazakhMoreEndings: the equative after the possessive (заңынша,
// "according to the law"; Жарғысынша) is matched, not shown. The
// similative and the predicative genitive (Алматыдай, Алматынікі) are not
// matched, for a smaller trie (KazakhNamesLike reads them). The equative
// after a bare stem (Тоқаевша, Алматыша) is a derived adverb and is not
// matched, nor is an ending against the stem's harmony (заңынше).
func TestKazakhMoreEndings(t *testing.T) {
	for _, tc := range []struct {
		word      string
		multiword bool
		more, not []string
	}{
		{"заң", false, []string{"заңынша"}, []string{"заңша", "заңынше", "заңдай", "заңнікі"}},
		{"жарғы", false, []string{"жарғысынша"}, []string{"жарғыша", "жарғысынше"}},
		{"алматы", false, []string{"алматысынша"}, []string{"алматыша", "алматыдай", "алматынікі"}},
		{"шымкент", false, []string{"шымкентінше"}, []string{"шымкентінша"}},
		{"облысы", true, []string{"облысынша"}, []string{"облысыша", "облысындай"}},
		{"пікір", false, []string{"пікірінше"}, []string{"пікірінша"}},
		{"мүлік", false, []string{"мүлкінше"}, []string{"мүлігінше", "мүлікінше"}},
	} {
		f := KazakhWordForms(tc.word, tc.word, Other, "", tc.multiword)
		checkForms(t, tc.word+": the forms matched", append(slices.Clone(f.Plain), f.More...), tc.more, tc.not)
		for _, w := range tc.more {
			if slices.Contains(f.Shown, w) || slices.Contains(f.Plain, w) {
				t.Errorf("%s: %q shown", tc.word, w)
			}
		}
	}
	f := KazakhWordForms("Тоқаев", "тоқаев", Person, "", false)
	checkForms(t, "тоқаев", append(slices.Clone(f.Plain), f.More...), nil, []string{"тоқаевша"})
}

// TestKazakhNamesLike: a name in the similative or the predicative
// genitive, with the ending its harmony and last sound ask for.
func TestKazakhNamesLike(t *testing.T) {
	for _, tc := range []struct {
		w, name string
		want    bool
	}{
		{"алматыдай", "алматы", true},
		{"алматынікі", "алматы", true},
		{"шымкенттей", "шымкент", true},
		{"шымкенттікі", "шымкент", true},
		{"тараздай", "тараз", true},
		{"тараздікі", "тараз", true},
		{"облысындай", "облысы", true},
		{"мүлкіндей", "мүлік", true},
		{"алматысындай", "алматы", true},
		{"алматыдей", "алматы", false},
		{"шымкенттай", "шымкент", false},
		{"алматыша", "алматы", false},
		{"алматыға", "алматы", false},
		{"ақтау", "ақ", false},
	} {
		if got := KazakhNamesLike(tc.w, tc.name); got != tc.want {
			t.Errorf("KazakhNamesLike(%q, %q) = %v, want %v", tc.w, tc.name, got, tc.want)
		}
	}
}

// TestKazakhMoreEndingsParsed: the endings check and the speller read
// those endings (a wrong harmony gets the right form), and the bare
// stem's equative is no inflection.
func TestKazakhMoreEndingsParsed(t *testing.T) {
	for _, tc := range []struct {
		stem, rest string
		end        KazakhEnding
		want       []string
	}{
		{"заң", "ынша", KazakhEnding{Possessive: true, Case: KazakhEquative}, []string{"заңынша"}},
		{"пікір", "інше", KazakhEnding{Possessive: true, Case: KazakhEquative}, []string{"пікірінше"}},
		{"алматы", "дей", KazakhEnding{Case: KazakhSimilative}, []string{"алматыдай"}},
		{"шымкент", "тікі", KazakhEnding{Case: KazakhPredicative}, []string{"шымкенттікі"}},
		{"облыс", "тардай", KazakhEnding{Plural: true, Case: KazakhSimilative}, []string{"облыстардай"}},
		{"алматы", "нша", KazakhEnding{Case: KazakhEquative}, nil},
	} {
		end, ok := ParseKazakhEnding(tc.rest)
		if !ok || end != tc.end {
			t.Errorf("%s+%s: read as %+v %v, want %+v", tc.stem, tc.rest, end, ok, tc.end)
			continue
		}
		if got := KazakhInflect(KazakhStem{Word: tc.stem}, end); !slices.Equal(got, tc.want) {
			t.Errorf("%s+%s: %q, want %q", tc.stem, tc.rest, got, tc.want)
		}
	}
	if _, ok := ParseKazakhEnding("ша"); ok {
		t.Errorf("ша read as an ending")
	}
}
