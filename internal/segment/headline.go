package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A headline pasted into the first paragraph loses the line break that set
// it apart: "Volcano spews ash on Mexico City Ash spewing from the volcano
// has reached ...". No punctuation marks the end of such a headline, so
// the rules cannot find it. headlineEnd looks for it in the first sentence
// of a text, where a news article has its headline. The headline may end
// before a capitalised word that follows a word that could end one (not a
// joiner such as "of" or "на", not a comma or colon), when
//
//   - the capitalised word is one that usually starts a sentence (the
//     language's starter words: "The", "В", "Бұл"), or
//   - it follows a lower-case word and is a common word, not a name: the
//     text uses it in lower case elsewhere and never capitalises it inside
//     a sentence (the document-centric test of Mikheev, "Periods,
//     capitalized words, etc.", Computational Linguistics 28(3), 2002).
//
// English headlines in Title Case capitalise almost every word, so there
// the end of the headline must also be where sentence case begins. A
// capitalised word after a name ("Mexico City Ash ...") or in quotes
// («Ливерпуль») is taken as part of the headline unless it is a starter.

const (
	headlineMinWords = 2  // words in the shortest headline
	headlineMaxWords = 24 // words in the longest headline
	sentenceMinWords = 3  // words that must follow the headline
	evidenceWindow   = 1 << 16
)

// word is a space-separated token of the first sentence.
type word struct {
	start, end int    // byte span in the text
	core       string // its letters, without quotes and trailing punctuation
}

// headlineEnd returns the position where a run-in headline ends in the
// sentence text[start:end], or -1 if the sentence does not start with one.
func (c *cutter) headlineEnd(start, end int) int {
	s := strings.TrimRightFunc(c.text[start:end], unicode.IsSpace)
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isCloser)); !isStop(r) {
		return -1 // not a sentence: the whole unit is a title or a fragment
	}
	words := splitWords(c.text, start, start+len(s), headlineMaxWords+sentenceMinWords+1)
	if len(words) < headlineMinWords+sentenceMinWords {
		return -1
	}
	last := min(len(words)-sentenceMinWords, headlineMaxWords)
	for i := headlineMinWords; i <= last; i++ {
		if c.headlineBefore(words, i, end) {
			return words[i].start
		}
	}
	return -1
}

// headlineBefore reports whether a headline ends before words[i].
func (c *cutter) headlineBefore(words []word, i, sentenceEnd int) bool {
	text := c.text
	left, right := words[i-1], words[i]
	lr, _ := utf8.DecodeLastRuneInString(text[left.start:left.end])
	if !unicode.IsLetter(lr) && !unicode.IsDigit(lr) && !isCloser(lr) {
		return false // "Astana," "Tokayev:" "—" go on
	}
	tok := text[right.start:right.end]
	if right.core == "" || !startsUpper(tok) || isAbbreviated(tok, right.core) {
		return false
	}
	// A headline does not end with a preposition, article or conjunction.
	if c.s.rules.joiners[left.core] {
		return false
	}
	starter := c.s.rules.starters[right.core]
	if r, _ := utf8.DecodeRuneInString(tok); isOpener(r) {
		// «Ливерпуль», “Роза“: quotes inside a sentence hold names.
		return starter
	}
	if isTitleCase(words[:i]) {
		// In "Pig Mauls Farmer to Death A farmer was ...", the end of the
		// headline is where sentence case begins, after a capitalised
		// word.
		if isLower(left.core) {
			return false
		}
		if starter {
			return lowerCount(words[i+1:]) >= 2
		}
		return sentenceCase(words[i+1:]) && c.commonWord(right.core, sentenceEnd)
	}
	if starter {
		// "told The Astana Times that": a starter before more capitals
		// begins a name, unless sentence case follows soon.
		return i+1 < len(words) && (isLower(words[i+1].core) || lowerCount(words[i+1:]) >= 2)
	}
	if !isLower(left.core) && unicode.IsLetter(lr) {
		return false // "Mexico City Ash ...": a name may go on
	}
	// "Why has President Trump ...": a capitalised word before another
	// one is a title or a name.
	return i+1 < len(words) && isLower(words[i+1].core) && c.commonWord(right.core, sentenceEnd)
}

// isAbbreviated reports whether the word core of tok is followed by a
// period inside it: an initial or an acronym ("A.I.", "Н.").
func isAbbreviated(tok, core string) bool {
	i := strings.Index(tok, core)
	return i >= 0 && strings.HasPrefix(tok[i+len(core):], ".")
}

// isLower reports whether w starts with a lower-case letter.
func isLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// commonWord reports whether the capitalised word w is a common word in
// this text: outside the first sentence, it occurs in lower case and never
// capitalised after a lower-case word. Only the same form counts: a shared
// stem would make Македонии common through македонский.
func (c *cutter) commonWord(w string, from int) bool {
	if utf8.RuneCountInString(w) < minCommonRunes {
		return false // "I", "O'Hagan", "Ri": too short to judge
	}
	hay := c.text[from:min(len(c.text), from+evidenceWindow)]
	if capitalisedInside(hay, w) {
		return false
	}
	lw := strings.ToLower(w)
	for off := 0; off < len(hay); {
		j := strings.Index(hay[off:], lw)
		if j < 0 {
			return false
		}
		j += off
		off = j + len(lw)
		if r, _ := utf8.DecodeLastRuneInString(hay[:j]); j > 0 && unicode.IsLetter(r) {
			continue // inside a word
		}
		if r, _ := utf8.DecodeRuneInString(hay[off:]); off < len(hay) && unicode.IsLetter(r) {
			continue // a longer word
		}
		return true
	}
	return false
}

// minCommonRunes is the shortest word the common-word test judges.
const minCommonRunes = 3

// capitalisedInside reports whether w occurs in hay as a word right after
// a lower-case word, where only names are capitalised.
func capitalisedInside(hay, w string) bool {
	for off := 0; off < len(hay); {
		j := strings.Index(hay[off:], w)
		if j < 0 {
			return false
		}
		j += off
		off = j + len(w)
		if r, _ := utf8.DecodeRuneInString(hay[off:]); off < len(hay) && unicode.IsLetter(r) {
			continue // part of a longer word
		}
		before := strings.TrimRightFunc(hay[:j], func(r rune) bool { return unicode.IsSpace(r) || isOpener(r) })
		if len(before) == j {
			continue // glued to something before it
		}
		if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// splitWords splits text[start:end] at white space, up to limit words.
func splitWords(text string, start, end, limit int) []word {
	var out []word
	i := start
	for i < end && len(out) < limit {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = append(out, word{start: i, end: j, core: letters(text[i:j])})
		i = j
	}
	return out
}

// letters returns the first run of letters in tok (so "It's" gives "It",
// "«Старожилы" gives "Старожилы"), hyphenated parts included.
func letters(tok string) string {
	i := strings.IndexFunc(tok, unicode.IsLetter)
	if i < 0 {
		return ""
	}
	tok = tok[i:]
	j := strings.IndexFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if j < 0 {
		j = len(tok)
	}
	return strings.TrimRight(tok[:j], "-")
}

// startsUpper reports whether tok starts with an upper-case letter, after
// any opening quotes or brackets.
func startsUpper(tok string) bool {
	for _, r := range tok {
		if isOpener(r) {
			continue
		}
		return unicode.IsUpper(r) || unicode.IsTitle(r)
	}
	return false
}

// isTitleCase reports whether the words look like an English-style Title
// Case headline: at least three words of four or more letters, all of them
// capitalised (a sentence has lower-case verbs).
func isTitleCase(words []word) bool {
	long, upper := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w.core) < 4 {
			continue
		}
		long++
		if !isLower(w.core) {
			upper++
		}
	}
	return long >= 3 && upper == long
}

// sentenceCase reports whether the words read as the start of a sentence
// after its first word: the next word and at least two of the next three
// start with a lower-case letter.
func sentenceCase(words []word) bool {
	return len(words) > 0 && isLower(words[0].core) && lowerCount(words) >= 2
}

// lowerCount returns how many of the first three words start with a
// lower-case letter.
func lowerCount(words []word) int {
	n := 0
	for _, w := range words[:min(3, len(words))] {
		if isLower(w.core) {
			n++
		}
	}
	return n
}
