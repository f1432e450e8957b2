package tm

import (
	"reflect"
	"testing"
)

// TestPrefixGroups: forms that share a long enough beginning are asked for
// once, by it; forms that do not are asked for by their own stems.
func TestPrefixGroups(t *testing.T) {
	for _, c := range []struct {
		name  string
		forms [][]string
		want  [][]string
	}{
		{"inflected name", [][]string{{"тоқаев"}, {"тоқаевқа"}, {"тоқаевтың"}}, [][]string{{"тоқаев"}}},
		{"english word", [][]string{{"trump"}}, [][]string{{"trump"}}},
		{"two words", [][]string{{"human", "rights"}, {"human", "right"}}, [][]string{{"human", "right"}}},
		{"short word kept whole", [][]string{{"ел"}, {"елге"}}, [][]string{{"ел"}}},
		// отец, отца share two letters only: each form by its stem.
		{"fleeting vowel", [][]string{{"отец"}, {"отца"}}, [][]string{{"оте"}, {"отц"}}},
		{"different lengths", [][]string{{"general", "prosecutor"}, {"генпрокуратура"}}, [][]string{{"general", "prosecutor"}, {"генпрокуратура"}}},
		{"numbers", [][]string{{"12"}}, [][]string{{"12"}}},
	} {
		if got := prefixGroups(c.forms); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: prefixGroups(%v) = %v, want %v", c.name, c.forms, got, c.want)
		}
	}
}
