package align

import "testing"

// TestOmissionNotMerged: the Russian desk left out an English sentence (source 2) before a
// sentence whose translation is long enough for both. The left-out sentence names places the
// Russian mentions later, but not in that translation, which shares a number with its own English
// sentence: merged with it into a 2-1 bead, it pays for sharing nothing (see memberCost), and is
// left alone. Translated inside the same Russian sentence, it shares a place and stays merged.
func TestOmissionNotMerged(t *testing.T) {
	src := sentences([]string{
		"Anna Karlsson opened the conference in Stockholm on Monday.",
		"Delegates from Brazil and Kenya presented their reports.",
		"Professor Oduya spoke about the water crisis in Nairobi and Mombasa.",
		"The committee agreed on a joint plan to share data about rainfall and rivers for 5 years.",
		"The next meeting will take place in Nairobi or Mombasa in 2026.",
		"Karlsson thanked the hosts and closed the session.",
	})
	for _, tt := range []struct {
		name, tgt2, want string
	}{
		{"left out", "Комитет экспертов обеих стран договорился о совместном плане обмена данными об осадках, уровне рек, состоянии водохранилищ и подземных вод на ближайшие 5 лет.",
			"[0]-[0] [1]-[1] [2]-[] [3]-[2] [4]-[3] [5]-[4]"},
		{"translated inside", "Профессор Одуя рассказал о водном кризисе в Найроби и Момбасе, и комитет договорился о совместном плане обмена данными об осадках и реках на 5 лет.",
			"[0]-[0] [1]-[1] [2 3]-[2] [4]-[3] [5]-[4]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tgt := sentences([]string{
				"Анна Карлссон открыла конференцию в Стокгольме в понедельник.",
				"Делегаты из Бразилии и Кении представили свои доклады.",
				tt.tgt2,
				"Следующая встреча пройдёт в Найроби или Момбасе в 2026 году.",
				"Карлссон поблагодарила организаторов и закрыла заседание.",
			})
			got := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru"})
			if s := beadString(got); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}
