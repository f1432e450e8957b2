package morph

// KazakhPersonBases returns the words w, a Kazakh word in lower case, is
// with a personal (predicative) ending: сіз-бін, жоқ-пын, тұр-мын,
// келіскен-біз, күтуде-мін, асығыс-пыз, дайын-сыз. The 1st person's
// consonant follows the base's last sound: -мын after a vowel and л р й у
// (and, in the singular, after м н ң: дайынмын but дайынбыз), -бын after
// з ж (and м н ң in the plural), -пын after a voiceless sound; the 2nd
// person's -сың, -сыз, -сыңдар, -сыздар do not change. Its vowel follows
// the base's harmony, so a misspelt ending parses as nothing (жоқпін).
// A base must have two letters and a vowel; the caller keeps the bases
// that are words (a noun, a participle, a verb root, a case form).
func KazakhPersonBases(w string) []string {
	var out []string
	for base := range kkBases(w) {
		end := w[len(base):]
		cls, zh := kkClassOf(base)
		back, front := kkHarmony(base)
		for _, h := range harmonies(back, front) {
			for _, e := range kkPersonEndings(cls, zh) {
				if pick(h, e) == end {
					out = append(out, base)
				}
			}
		}
	}
	return out
}

// kkPersonEndings are the personal endings (back form) after a base of
// class cls; zh is a final ж, which the sources treat as з or as voiceless.
func kkPersonEndings(cls kkClass, zh bool) []string {
	second := []string{"сың", "сыз", "сыңдар", "сыздар"}
	var first []string
	switch cls {
	case kkV, kkS:
		first = []string{"мын", "мыз"}
	case kkN:
		first = []string{"мын", "быз"}
	case kkZ:
		first = []string{"бын", "быз"}
		if zh {
			first = append(first, "пын", "пыз")
		}
	default:
		first = []string{"пын", "пыз"}
	}
	return append(first, second...)
}
