package numword

import "github.com/tilmash/tilmash/internal/lazy"

// The English names of months and weekdays, full and abbreviated, in lower case: the aligner keys
// them by their number (September 9 = 9 сентября), and the glossary check knows that a name
// followed by one makes no longer name (landed in Mexico Sunday).
var (
	enMonths = lazy.Value[map[string]int]{New: func() map[string]int {
		return map[string]int{
			"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
			"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
			"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
			"december": 12, "dec": 12,
		}
	}}
	enWeekdays = lazy.Value[map[string]int]{New: func() map[string]int {
		return map[string]int{
			"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
		}
	}}
)

// EnglishMonth returns the number (1-12) of the month the lower-case English word names, full or
// abbreviated (sept, sep: 9).
func EnglishMonth(lower string) (int, bool) {
	m, ok := enMonths.Get()[lower]
	return m, ok
}

// EnglishWeekday returns the number (1 Monday - 7 Sunday) of the weekday the lower-case English
// word names.
func EnglishWeekday(lower string) (int, bool) {
	d, ok := enWeekdays.Get()[lower]
	return d, ok
}
