package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendRepeats appends a typography finding for each word of tgt that
// follows the same word with only spaces between them ("в в", "the The"),
// the commonest slip of a hurried edit, as Xbench and Okapi's CheckMate
// report it: the spans of the second words, which appendTypography's scan
// found with repeatOf. Not reported: words with digits (the numbers
// check's), two capitalised words (names such as Roa Roa or Bora Bora),
// English "had had" and "that that", and a repeat the source has too (a
// faithful stutter).
func appendRepeats(out []Finding, srcLang, src, lang, tgt string, spans []Span) []Finding {
	sourceChecked := false
	for _, sp := range spans {
		if exemptRepeat(lang, tgt[sp.Start:sp.End]) {
			continue
		}
		if !sourceChecked {
			sourceChecked = true
			found := false
			repeats(src, func(int, int) bool { found = true; return false })
			if found {
				return out
			}
		}
		out = append(out, Finding{Kind: Typography, Severity: Warning, Lang: lang, SrcLang: srcLang,
			Source: NoSpan, Target: sp, Message: "qa.typography.repeated", lazy: typoData, text: tgt[sp.Start:sp.End]})
	}
	return out
}

// repeats calls yield with the span of each word of text that repeats the
// word before it, parted from it by spaces only, until yield returns
// false. The text is cut at spaces into tokens; a token repeats the one
// before when its word (its letters, with inner hyphens and apostrophes,
// before any closing punctuation) is the other token's word (after any
// opening quotes or brackets), and nothing follows that one.
func repeats(text string, yield func(start, end int) bool) {
	ps := 0 // the token before the spaces: text[ps:pe]
	for {
		k := strings.IndexByte(text[ps:], ' ')
		if k < 0 {
			return
		}
		pe := ps + k
		ns := pe + 1
		for ns < len(text) && text[ns] == ' ' {
			ns++
		}
		if ns >= len(text) {
			return
		}
		ne := len(text)
		if k := strings.IndexByte(text[ns:], ' '); k >= 0 {
			ne = ns + k
		}
		if w := repeatOf(text, ps, pe, ns, ne); w > 0 && !yield(ns, ns+w) {
			return
		}
		ps = ns
	}
}

// repeatOf returns the length of the word text[ns:ne] starts with when it
// is the word of text[ps:pe], and 0 otherwise. The cheap tests (length,
// the byte after the word, the last letters) come first: they turn away
// nearly every pair of tokens.
func repeatOf(text string, ps, pe, ns, ne int) int {
	ws := ps
	for ws < pe && strings.IndexByte("\"([", text[ws]) >= 0 {
		ws++
	}
	for ws < pe && (strings.HasPrefix(text[ws:], "«") || strings.HasPrefix(text[ws:], "„") ||
		strings.HasPrefix(text[ws:], "“") || strings.HasPrefix(text[ws:], "‘")) {
		ws += 2 + btoi(text[ws] >= 0xE0)
	}
	w := pe - ws
	if w == 0 || ne-ns < w || text[pe-1] != text[ns+w-1] {
		return 0
	}
	if ns+w < len(text) {
		if c := text[ns+w]; c < utf8.RuneSelf && (isASCIILetter(c) || c == '-' || c == '\'') {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(text[ns+w:]); unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '’' {
			return 0
		}
	}
	word, next := text[ws:pe], text[ns:ns+w]
	if !strings.EqualFold(word, next) || !isWord(word) {
		return 0
	}
	if r1, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r1) {
		if r2, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r2) {
			return 0 // a name: Roa Roa, Bora Bora
		}
	}
	return w
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isWord reports whether w is letters, with hyphens and apostrophes only
// between them.
func isWord(w string) bool {
	prevLetter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || prevLetter && unicode.IsMark(r):
			prevLetter = true
		case (r == '-' || r == '\'' || r == '’') && prevLetter:
			prevLetter = false
		default:
			return false
		}
	}
	return prevLetter
}

// exemptRepeat reports whether a repeat of word is grammar in lang.
func exemptRepeat(lang, word string) bool {
	if baseLang(lang) != "en" {
		return false
	}
	return strings.EqualFold(word, "had") || strings.EqualFold(word, "that")
}
