package numword

import "testing"

func TestEnglishCalendar(t *testing.T) {
	for _, c := range []struct {
		w            string
		month, day   int
		isMonth, isD bool
	}{
		{"september", 9, 0, true, false},
		{"sept", 9, 0, true, false},
		{"may", 5, 0, true, false},
		{"sunday", 0, 7, false, true},
		{"September", 0, 0, false, false}, // lower case only
		{"mayor", 0, 0, false, false},
	} {
		m, okM := EnglishMonth(c.w)
		d, okD := EnglishWeekday(c.w)
		if m != c.month || okM != c.isMonth || d != c.day || okD != c.isD {
			t.Errorf("%q: month %d %v, weekday %d %v", c.w, m, okM, d, okD)
		}
	}
}
