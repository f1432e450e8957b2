package morph

import "testing"

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
