package glossary

import "testing"

// TestLooksLikePerson: a Russian preferred form of a first name and a
// surname reads as a person's; a place, an institution, an abbreviation
// or a single word does not. A place in -ин (Новый Иссин) does too:
// the caller only warns.
func TestLooksLikePerson(t *testing.T) {
	for ru, want := range map[string]bool{
		"Арман Касымов": true, "Айгуль Касымова": true, "Ольга Ковальская": true, "Касым-Жомарт Кемелевич Токаев": true,
		"Мурат Айтенов": true, "Пётр Ильин": true,
		"Шымкент": false, "Касымов": false, "Генеральная прокуратура": false, "Северный Казахстан": false,
		"Верховный суд": false, "ООН Казахстан": false, "город Алматы": false, "Новый Иссин": true,
	} {
		e := &Entry{ID: "x", Langs: map[string]*Form{"ru": {Term: ru}}}
		if got := LooksLikePerson(e); got != want {
			t.Errorf("LooksLikePerson(%q) = %v, want %v", ru, got, want)
		}
	}
	if LooksLikePerson(&Entry{ID: "x", Langs: map[string]*Form{"en": {Term: "Arman Kassymov"}}}) {
		t.Error("an entry without Russian reads as a person")
	}
}
