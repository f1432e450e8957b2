package morph

import (
	"iter"
	"slices"
	"strings"
	"unicode/utf8"
)

// kkBases yields the bases w may be cut into before an ending, longest
// first: every prefix at a letter boundary with two letters or more and a
// vowel (the parsers of verb roots, derived words and personal endings try
// each, and keep those an ending follows).
func kkBases(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for p := len(w) - 1; p > 0; p-- {
			if !utf8.RuneStart(w[p]) {
				continue
			}
			base := w[:p]
			if utf8.RuneCountInString(base) < 2 || !strings.ContainsAny(base, kkVowels) {
				continue
			}
			if !yield(base) {
				return
			}
		}
	}
}

// KazakhVerbRoots returns the roots that w, a Kazakh word in lower case,
// is a form of, read as a verb: a root, then voice (passive -ыл, -л, -ын;
// causative -дыр, -т, -ғыз), negation (-ма, -ба, -па), then one form:
// past -ды (with its person: -дым, -дық), present -а/-й with its person
// (-ады, -ймын), converbs -ып and -май, participles -ған, -атын and -ар,
// the verbal noun -у, the conditional -са, the desire -ғысы, -ғалы, -ғылары,
// -ғысыз (келтіргілері, сенгісіз) and with the 1st and 2nd person (айтқым,
// білгіміз), the intention -мақшы (келмекші), the negative participle -мас
// (жібермес, қалмастан) and the agentive -ғыш (өлтіргіш). A participle or verbal noun takes the nominal endings of [KazakhInflect]
// (-ған + дар, -у + ға), a person (-ғанмын) or -ша (-ғанша). Each
// suffix is spelt as the form before it requires: its vowel in that form's
// harmony, its first consonant assimilated to that form's last sound
// (жасаған, шыққан; жасама, жазба, айтпа), so a misspelt ending parses as
// nothing; the join of root and suffix is read as Kazakh spells it (оқитын:
// оқы-йтын; ұлғаяды: ұлғай-а-ды; көбеюі: көбей-у-і). Hunspell's Kazakh
// dictionary lists verb roots (жаса, өлше) but
// few of their forms: a speller asks it about these roots instead.
//
// Every split of w is tried, so w may give several roots, most of them
// no word at all; the caller keeps those the dictionary knows.
func KazakhVerbRoots(w string) []string {
	var out []string
	for root := range kkBases(w) {
		if verbRest(w, root, stVoice, 0) {
			out = append(out, root)
			// A root's last қ, к or п is voiced before a vowel: тағыл- is тақ.
			for _, p := range [][2]string{{"ғ", "қ"}, {"г", "к"}, {"б", "п"}} {
				if r, ok := strings.CutSuffix(root, p[0]); ok {
					out = append(out, r+p[1])
				}
			}
		}
	}
	// The join of a root and its first suffix spelt as it sounds: ы or
	// і and й are и (оқы-йтын: оқитын), й and а are я (ұлғай-а-ды:
	// ұлғаяды), й and у are ю (көбей-у-і: көбеюі). The form is read with
	// the letters apart, the root ending where the join starts.
	for _, j := range kkJoins {
		for at := 0; ; {
			i := strings.Index(w[at:], j.written)
			if i < 0 {
				break
			}
			p := at + i
			at = p + len(j.written)
			for _, end := range j.rootEnds {
				root := w[:p] + end
				if utf8.RuneCountInString(root) < 2 || !strings.ContainsAny(w[:p], kkVowels) || slices.Contains(out, root) {
					continue
				}
				if verbRest(root+j.suffix+w[at:], root, stVoice, 0) {
					out = append(out, root)
				}
			}
		}
	}
	return out
}

// kkJoins are the letters Kazakh writes for a root's last sound and the
// first of its suffix (see KazakhVerbRoots).
var kkJoins = []struct {
	written  string
	rootEnds []string
	suffix   string
}{
	{"и", []string{"ы", "і"}, "й"},
	{"я", []string{"й"}, "а"},
	{"ю", []string{"й"}, "у"},
}

// The states of a verb form, in the order its suffixes come.
const (
	stVoice   = iota // after the root or a voice suffix: voice (twice at most), negation or a form
	stNeg            // after negation: a form
	stNominal        // after a participle or verbal noun: nominal endings, a person, -ша, or the end
	stPast           // after past -ды: a person or the end
	stPresent        // after present -а/-й: a person, -ды (3rd person) or the end
	stCond           // after conditional -са: a person or the end
	stEnd            // nothing more
)

// verbRest reports whether w, whose letters up to len(cur) are the verb
// form cur, goes on from state st as a well-formed verb; voices counts the
// voice suffixes taken.
func verbRest(w, cur string, st, voices int) bool {
	rest := w[len(cur):]
	if rest == "" {
		return st != stVoice || voices > 0 // a bare root is not a verb form here
	}
	if st == stEnd {
		return false
	}
	back, front := kkHarmony(cur)
	cls, _ := kkClassOf(cur)
	for _, h := range harmonies(back, front) {
		try := func(next int, suffixes ...string) bool {
			for _, s := range suffixes {
				s = pick(h, s)
				if strings.HasPrefix(rest, s) && verbRest(w, cur+s, next, voices) {
					return true
				}
			}
			return false
		}
		switch st {
		case stVoice:
			if voices < 2 {
				voices++
				if try(stVoice, voiceSuffixes(cls, cur)...) {
					return true
				}
				voices--
			}
			if try(stNeg, byClass(cls, "ма", "ба", "па")) {
				return true
			}
			// The negative converb carries its own negation: -май.
			if try(stEnd, byClass(cls, "май", "бай", "пай")) {
				return true
			}
			fallthrough
		case stNeg:
			// The negative participle: жібер-ме-с, қал-ма-с-тан.
			if st == stNeg && try(stNominal, "с") {
				return true
			}
			if formSuffixes(try, cls) {
				return true
			}
		case stNominal:
			if try(stEnd, "мын", "сың", "мыз", "сыз", "ша", "дай") {
				return true
			}
			if nominalEnding(w, cur) {
				return true
			}
		case stPast:
			if try(stEnd, "м", "ң", "ңыз", "қ", "ңдар", "ңыздар") {
				return true
			}
		case stPresent:
			if try(stEnd, "ды", "мын", "сың", "сыз", "мыз", "сыңдар", "сыздар") {
				return true
			}
		case stCond:
			if try(stEnd, "м", "ң", "ңыз", "қ", "ңдар") {
				return true
			}
		}
	}
	return false
}

// formSuffixes tries the forms that may follow the root, its voice and its
// negation.
func formSuffixes(try func(int, ...string) bool, cls kkClass) bool {
	v := cls == kkV
	switch {
	case try(stPast, byClass(cls, "ды", "ды", "ты")):
	case try(stNominal, byClass(cls, "ған", "ған", "қан")):
	case try(stEnd, byClass(cls, "ғысы", "ғысы", "қысы"), byClass(cls, "ғалы", "ғалы", "қалы")):
	// The desire with the plural's or 2nd person's possessive
	// (келтіргілері, сенгісіз), and the agentive -ғыш (өлтіргіш).
	case try(stEnd, byClass(cls, "ғылары", "ғылары", "қылары"), byClass(cls, "ғысыз", "ғысыз", "қысыз")):
	// The desire with the 1st and 2nd person's possessive, as in айтқым
	// келмейді, "I do not want to say": -ғым, -ғымыз, -ғың, -ғыңыз.
	case try(stEnd, byClass(cls, "ғым", "ғым", "қым"), byClass(cls, "ғымыз", "ғымыз", "қымыз"),
		byClass(cls, "ғың", "ғың", "қың"), byClass(cls, "ғыңыз", "ғыңыз", "қыңыз")):
	// The intention -мақшы, "about to" (келмекші болды), and its person
	// (бармақшымын).
	case try(stPresent, byClass(cls, "мақшы", "бақшы", "пақшы")):
	case try(stNominal, byClass(cls, "ғыш", "ғыш", "қыш")):
	case v && try(stPresent, "й"), !v && try(stPresent, "а"):
	case v && try(stNominal, "йтын", "р"), !v && try(stNominal, "атын", "ар"):
	case try(stNominal, byClass(cls, "мақ", "бақ", "пақ")):
	case v && try(stEnd, "п"), !v && try(stEnd, "ып"):
	case try(stNominal, "у"):
	case try(stCond, "са"):
	default:
		return false
	}
	return true
}

// byClass picks the spelling of a suffix after a form ending in a vowel or
// л р й у (a), after м н ң з ж (b, for the suffixes whose consonant turns
// voiced there: -ба against -ма), or after a voiceless sound (c).
func byClass(cls kkClass, a, b, c string) string {
	switch cls {
	case kkN, kkZ:
		return b
	case kkT:
		return c
	}
	return a
}

// voiceSuffixes are the passive, reflexive and causative suffixes a form
// ending in class cls takes.
func voiceSuffixes(cls kkClass, cur string) []string {
	switch {
	case cls == kkV:
		return []string{"л", "н", "т", "ғыз"}
	case strings.HasSuffix(cur, "л"):
		return []string{"ын", "дыр", "ғыз"}
	case cls == kkT:
		return []string{"ыл", "ын", "тыр", "қыз"}
	}
	return []string{"ыл", "ын", "дыр", "ғыз"}
}

// nominalEnding reports whether w is the nominal form cur (a participle or
// verbal noun) with a plural, possessive and case ending its harmony and
// last sound allow: толмаған + дар, жасамау + ға.
func nominalEnding(w, cur string) bool {
	end, ok := ParseKazakhEnding(w[len(cur):])
	if !ok {
		return false
	}
	for _, f := range KazakhInflect(KazakhStem{Word: cur}, end) {
		if f == w {
			return true
		}
	}
	return false
}
