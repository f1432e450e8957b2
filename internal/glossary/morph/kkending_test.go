package morph

import (
	"strings"
	"testing"
)

func TestFixKazakhForbidden(t *testing.T) {
	tests := []struct{ found, want string }{
		{"Токаевқа", "Тоқаевқа"},
		{"Токаевтың", "Тоқаевтың"},
		{"Токаевпен", "Тоқаевпен"},
		{"Токаев", "Тоқаев"},
		{"Токаевке", "Тоқаевқа"},
	}
	for _, tt := range tests {
		got, ok := FixKazakhForbidden(tt.found, "Токаев", "Тоқаев", Person, "")
		if !ok || got != tt.want {
			t.Errorf("%s: got %q %v, want %q", tt.found, got, ok, tt.want)
		}
	}
	if got, ok := FixKazakhForbidden("Токаевшыл", "Токаев", "Тоқаев", Person, ""); ok || got != "Тоқаев" {
		t.Errorf("not an ending: %q %v", got, ok)
	}
}

// stemByWords is KazakhStemOf as it was first written, on the words of
// strings.Fields: the reference of the one that cuts the last word itself.
func stemByWords(form string, kind Kind, hint string) KazakhStem {
	words := strings.Fields(form)
	if len(words) == 0 {
		return KazakhStem{}
	}
	last := strings.ToLower(words[len(words)-1])
	s := KazakhStem{Word: last, Hint: hint}
	s.Possessive = hint == "possessive" || len(words) >= 2 && kkLooksPossessive(last) && hint == ""
	s.Surname = kind == Person && hint == "" && isRussianSurname(last) && !strings.HasSuffix(last, "ин") && !strings.HasSuffix(last, "ын")
	return s
}

func TestKazakhStemOfLastWord(t *testing.T) {
	forms := []string{"", " ", "\t\n", "Тоқаев", " Тоқаев ", "Қасым-Жомарт Тоқаев", "Алматы облысы", "облысы", "  Алматы \u00a0 облысы\u2003",
		"Білім\tминистрлігі\n", "x облысы", "облысы x", "Ақ Орда", "ТОҚАЕВ", "Путин", "\u0085Абаев\u0085", "a\xffb облысы", "\xff"}
	for _, form := range forms {
		for _, kind := range []Kind{Person, Place} {
			for _, hint := range []string{"", "possessive", "back"} {
				if got, want := KazakhStemOf(form, kind, hint), stemByWords(form, kind, hint); got != want {
					t.Errorf("KazakhStemOf(%q, %v, %q) = %+v, want %+v", form, kind, hint, got, want)
				}
			}
		}
	}
}
