package glossary

import (
	"slices"
	"testing"
)

func TestToggleGaps(t *testing.T) {
	for _, tc := range []struct {
		form string
		want []string
	}{
		{"нұр-сұлтан", []string{"нұр сұлтан"}},
		{"бас прокуратураға", []string{"бас-прокуратураға"}},
		{"адам құқықтары жөніндегі уәкіл", []string{"адам-құқықтары жөніндегі уәкіл", "адам құқықтары-жөніндегі уәкіл", "адам құқықтары жөніндегі-уәкіл"}},
		{"алматы", nil},
		{"bbc -ге", nil}, // a gap beside no word
		{"-", nil},
		{"", nil},
	} {
		if got := toggleGaps(tc.form); !slices.Equal(got, tc.want) {
			t.Errorf("toggleGaps(%q) = %q, want %q", tc.form, got, tc.want)
		}
	}
}

func TestCapitalsOf(t *testing.T) {
	for _, tc := range []struct{ found, form, want string }{
		{"Нұр Сұлтанға", "нұр-сұлтанға", "Нұр-Сұлтанға"},
		{"БАС-ПРОКУРАТУРА", "бас прокуратура", "БАС ПРОКУРАТУРА"},
		{"Нұр Сұлтанға", "нұр-сұлтан", "нұр-сұлтан"}, // letters do not pair up
	} {
		if got := capitalsOf(tc.found, tc.form); got != tc.want {
			t.Errorf("capitalsOf(%q, %q) = %q, want %q", tc.found, tc.form, got, tc.want)
		}
	}
	for s, want := range map[string]bool{"Нұр-Сұлтан": false, "Нұр — Сұлтан": true, "Нұр -Сұлтан": true, "Нұр Сұлтан": false, "-": false} {
		if got := dashBesideSpace(s); got != want {
			t.Errorf("dashBesideSpace(%q) = %v", s, got)
		}
	}
}
