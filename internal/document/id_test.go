package document

import "testing"

// TestSlug is the one slug rule: glossary import made ids from terms with
// Cyrillic spelt in Latin while import-tmx dropped Cyrillic from file
// names, so "Алматы.tmx" had no id though the term Алматы had one.
func TestSlug(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want string
	}{
		{"Верховный суд", 48, "verkhovnyy-sud"},
		{"Қасым-Жомарт Тоқаев", 48, "qasym-zhomart-toqaev"},
		{"Almaty Region", 48, "almaty-region"},
		{"Подъезд", 48, "podezd"},
		{"«»", 48, ""},
		{"Project_Save-2019", 64, "project-save-2019"},
		{"Алматы", 64, "almaty"},
		{"--a--b--", 64, "a-b"},
		{"abcdef-ghij", 7, "abcdef"},
	} {
		got := Slug(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
		if got != "" && ValidID(got) != nil {
			t.Errorf("Slug(%q) = %q is not a valid id", tt.in, got)
		}
	}
}

func TestReservedID(t *testing.T) {
	for _, id := range []string{"con", "prn", "aux", "nul", "com0", "com1", "com9", "lpt1", "lpt9"} {
		if !ReservedID(id) {
			t.Errorf("ReservedID(%q) = false", id)
		}
	}
	for _, id := range []string{"cons", "con-1", "com", "com10", "lpt", "lpta", "nul1", "a", "zarechnoye-videos"} {
		if ReservedID(id) {
			t.Errorf("ReservedID(%q) = true", id)
		}
	}
}
