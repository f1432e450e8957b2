package tm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Token is a word of a text: a run of letters, marks and digits. Key is
// its case-folded form, Start and End its byte span in the text.
type Token struct {
	Key        string
	Start, End int
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// Tokens splits text into words, the way the embedded store's index does
// ([EachWord]): everything that is not a letter, mark or digit separates
// words, and words are folded to lower case.
func Tokens(text string) []Token {
	return appendTokens(nil, text)
}

// appendTokens appends the [Tokens] of text to out.
func appendTokens(out []Token, text string) []Token {
	eachWord(text, func(key string, start, end int) {
		out = append(out, Token{Key: key, Start: start, End: end})
	})
	return out
}

// EachWord calls fn with every folded word of text, in order, as
// [Tokens] finds them. The bytes are fn's only during the call (a map
// indexed by string(word) does not copy them).
func EachWord(text string, fn func(word []byte)) {
	var buf []byte
	eachWordBytes(text, &buf, func(w []byte, _, _ int) { fn(w) })
}

// EachWordJoined is [EachWord] telling besides whether a word is joined
// to the one before it: no space between them, only punctuation, as in
// Премьер-министр, It's or U.S. The words so joined are one word to a
// person counting them, and an edit that replaces one such word by
// another keeps that count.
func EachWordJoined(text string, fn func(word []byte, joined bool)) {
	var buf []byte
	last := -1
	eachWordBytes(text, &buf, func(w []byte, start, end int) {
		fn(w, last >= 0 && !hasSpace(text[last:start]))
		last = end
	})
}

// hasSpace tells whether s holds a space ([unicode.IsSpace]).
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				return true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// folding tells, for the runes below foldTable, whether they belong to
// words and their lower case: Latin and Cyrillic without a look-up in the
// unicode tables. It is built on first use, not at every start.
const foldTable = 0x530

var folding = lazy.Value[*foldTables]{New: func() *foldTables {
	t := new(foldTables)
	for r := rune(0); r < foldTable; r++ {
		t.word[r] = isWordRune(r)
		t.lower[r] = unicode.ToLower(r)
	}
	return t
}}

type foldTables struct {
	word  [foldTable]bool
	lower [foldTable]rune
}

func eachWord(text string, fn func(key string, start, end int)) {
	var buf []byte
	eachWordBytes(text, &buf, func(w []byte, start, end int) {
		if string(w) == text[start:end] {
			fn(text[start:end], start, end)
		} else {
			fn(string(w), start, end)
		}
	})
}

// eachWordBytes calls fn with every word of text folded to lower case as
// strings.ToLower does, in *buf, and its span.
func eachWordBytes(text string, buf *[]byte, fn func(w []byte, start, end int)) {
	b := (*buf)[:0]
	start := -1
	fold := folding.Get()
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c >= 0xc2 && c < 0xe0 && i+1 < len(text) && text[i+1]&0xc0 == 0x80:
			// Two bytes (Cyrillic), decoded here: most of a Russian
			// or Kazakh text.
			r, size = rune(c&0x1f)<<6|rune(text[i+1]&0x3f), 2
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		var word bool
		var lower rune
		if r < foldTable {
			word, lower = fold.word[r], fold.lower[r]
		} else if word = isWordRune(r); word {
			lower = unicode.ToLower(r)
		}
		if word {
			if start < 0 {
				start = i
			}
			if lower < utf8.RuneSelf {
				b = append(b, byte(lower))
			} else if lower < 0x800 {
				b = append(b, 0xc0|byte(lower>>6), 0x80|byte(lower&0x3f))
			} else {
				b = utf8.AppendRune(b, lower)
			}
		} else if start >= 0 {
			fn(b, start, i)
			start, b = -1, b[:0]
		}
		i += size
	}
	if start >= 0 {
		fn(b, start, len(text))
	}
	*buf = b
}

// Words returns the folded words of text.
func Words(text string) []string {
	toks := Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Key
	}
	return out
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// joinNumbers returns toks (of text) with each number written with
// separators made one token, its Key the number as written (a no-break
// or thin space as a space): pieces of digits joined by one comma or full
// stop (1,5; 3.14; 1,500,000; 26.07.2019), or by one space of any width
// when the piece after it has three digits and the one before it at most
// three (1 500 000, 12 000; not "in 2019 158 officers"). toks is returned
// as it is when it has no such number.
func joinNumbers(toks []Token, text string) []Token {
	joins := func(a, b Token) bool {
		if !isNumber(a.Key) || !isNumber(b.Key) || a.End > b.Start || b.Start > len(text) {
			return false
		}
		switch text[a.End:b.Start] {
		case ",", ".":
			return true
		case " ", "\u00a0", "\u202f", "\u2009":
			return len(b.Key) == 3 && len(a.Key) <= 3
		}
		return false
	}
	var out []Token
	for i := 0; i < len(toks); i++ {
		j := i
		for j+1 < len(toks) && joins(toks[j], toks[j+1]) {
			j++
		}
		if j == i {
			if out != nil {
				out = append(out, toks[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]Token, 0, len(toks)), toks[:i]...)
		}
		key := strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ").Replace(text[toks[i].Start:toks[j].End])
		out = append(out, Token{Key: key, Start: toks[i].Start, End: toks[j].End})
		i = j
	}
	if out == nil {
		return toks
	}
	return out
}

// isNumeral reports whether a token's key is a number: digits, or a
// number joinNumbers made of digits and separators.
func isNumeral(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return isNumber(s)
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' && r != ' ' {
			return false
		}
	}
	return true
}

// NumberChange is a number of the matched unit that the new sentence
// writes differently: Was is in the memory, Now in the new sentence; one
// of them is "" when the number was added or removed.
type NumberChange struct {
	Was string `json:"was"`
	Now string `json:"now"`
}

// Score returns the match percentage of a memory text against a new
// sentence: 100·(1 − token edit distance / longer length), rounded down;
// 100 is the same words up to spaces and punctuation, and a match that
// differs only in letter case gets 99. Two texts without words score 0.
func Score(sentence, memory string) int {
	return scoreTokens(Tokens(sentence), sentence, Tokens(memory), memory)
}

func scoreTokens(a []Token, as string, b []Token, bs string) int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return 0
	}
	// Levenshtein over tokens with the swap of two neighbouring words as
	// one edit (optimal string alignment), three rows, on the stack for a
	// sentence of up to 63 words.
	var rows [3 * 64]int
	var pprev, prev, cur []int
	if m < 64 {
		pprev, prev, cur = rows[:m+1], rows[64:][:m+1], rows[128:][:m+1]
	} else {
		pprev, prev, cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		ak := a[i-1].Key
		for j := 1; j <= m; j++ {
			cost := 1
			if ak == b[j-1].Key {
				cost = 0
			}
			v := prev[j-1] + cost
			if d := prev[j] + 1; d < v {
				v = d
			}
			if d := cur[j-1] + 1; d < v {
				v = d
			}
			if i > 1 && j > 1 && cost == 1 && ak == b[j-2].Key && a[i-2].Key == b[j-1].Key {
				if d := pprev[j-2] + 1; d < v {
					v = d
				}
			}
			cur[j] = v
		}
		pprev, prev, cur = prev, cur, pprev
	}
	dist := prev[m]
	if d := shiftDistance(a, b); d < dist {
		dist = d
	}
	longer := max(n, m)
	score := 100 * (longer - dist) / longer
	if dist == 0 && !sameCase(a, as, b, bs) {
		score = 99
	}
	return score
}

// shiftDistance is an edit distance that moves a block of words for one
// edit, as TER does: the words of a missing from b (and of b missing from
// a) cost one each, and the words they share cost one for each block that
// must move to put them in b's order. Reordered sentences then score as
// the light edits they are ("Three hours the talks lasted." against "The
// talks lasted three hours." is one move, 80%), where plain Levenshtein
// would count every displaced word twice.
func shiftDistance(a, b []Token) int {
	var usedBuf [64]bool
	var used []bool
	if len(b) <= len(usedBuf) {
		used = usedBuf[:len(b)]
	} else {
		used = make([]bool, len(b))
	}
	common, blocks, last := 0, 0, -2
	for _, t := range a {
		j := -1
		// Prefer the occurrence right after the previous match.
		if last+1 < len(b) && last >= 0 && !used[last+1] && b[last+1].Key == t.Key {
			j = last + 1
		} else {
			for k := range b {
				if !used[k] && b[k].Key == t.Key {
					j = k
					break
				}
			}
		}
		if j < 0 {
			continue
		}
		used[j] = true
		common++
		if j != last+1 {
			blocks++
		}
		last = j
	}
	if blocks == 0 {
		blocks = 1
	}
	return max(len(a), len(b)) - common + blocks - 1
}

func sameCase(a []Token, as string, b []Token, bs string) bool {
	for i := range a {
		if as[a[i].Start:a[i].End] != bs[b[i].Start:b[i].End] {
			return false
		}
	}
	return true
}

// numberChanges lists the numbers that differ between the memory text and
// the new sentence. The numbers are paired by where they stand among the
// words: the two token sequences are aligned (the heaviest common
// subsequence, where a word matches the same word and a number any number,
// the same number weighing more), so "received 700" pairs with "received
// 800" wherever else the sentence moved its words. Numbers left unpaired
// are paired in order when as many remain on both sides, else listed as
// removed and added; a pair of equal numbers is no change. A number
// written with group or decimal separators (1,500,000, 1 500 000, 3,5,
// 26.07.2019), which the tokens hold in pieces, is one number, shown as
// written (see joinNumbers); stext and mtext are the texts of the tokens.
func numberChanges(sentence []Token, stext string, memory []Token, mtext string) []NumberChange {
	sentence, memory = joinNumbers(sentence, stext), joinNumbers(memory, mtext)
	var now, was []int // positions of the numbers
	for i, t := range sentence {
		if isNumeral(t.Key) {
			now = append(now, i)
		}
	}
	for j, t := range memory {
		if isNumeral(t.Key) {
			was = append(was, j)
		}
	}
	if len(now) == len(was) {
		same := true
		for k := range now {
			same = same && sentence[now[k]].Key == memory[was[k]].Key
		}
		if same { // the same numbers in the same order: no change
			return nil
		}
	}
	var pair []int // memory position → sentence position, or -1
	if len(now) > 0 && len(was) > 0 {
		pair = alignNumbers(sentence, memory)
	} else {
		pair = make([]int, len(memory))
		for j := range pair {
			pair[j] = -1
		}
	}
	var restNow, restWas []int
	for _, i := range now {
		if !slices.Contains(pair, i) {
			restNow = append(restNow, i)
		}
	}
	for _, j := range was {
		if pair[j] < 0 {
			restWas = append(restWas, j)
		}
	}
	var out []NumberChange
	if len(restNow) == len(restWas) {
		for k, j := range restWas {
			pair[j] = restNow[k]
		}
		restNow, restWas = nil, nil
	}
	for _, j := range was {
		if i := pair[j]; i >= 0 && sentence[i].Key != memory[j].Key {
			out = append(out, NumberChange{Was: memory[j].Key, Now: sentence[i].Key})
		}
	}
	// Unpaired: a number both hold is no change.
	count := map[string]int{}
	for _, j := range restWas {
		count[memory[j].Key]++
	}
	var added []string
	for _, i := range restNow {
		if k := sentence[i].Key; count[k] > 0 {
			count[k]--
		} else {
			added = append(added, k)
		}
	}
	for _, j := range restWas {
		if k := memory[j].Key; count[k] > 0 {
			count[k]--
			out = append(out, NumberChange{Was: k})
		}
	}
	for _, k := range added {
		out = append(out, NumberChange{Now: k})
	}
	return out
}

// alignNumbers aligns a and b as numberChanges says and returns, for each
// token of b, the position of the number of a it is paired with, or -1.
func alignNumbers(a, b []Token) []int {
	n, m := len(a), len(b)
	numA, numB := make([]bool, n), make([]bool, m)
	for i := range a {
		numA[i] = isNumeral(a[i].Key)
	}
	for j := range b {
		numB[j] = isNumeral(b[j].Key)
	}
	weight := func(i, j int) int {
		switch {
		case numA[i] != numB[j]:
			return 0
		case a[i].Key == b[j].Key:
			return 2
		case numA[i]:
			return 1
		}
		return 0
	}
	// w(i, j): the heaviest alignment of a[i:] and b[j:].
	cells := make([]int32, (n+1)*(m+1))
	w := func(i, j int) int32 { return cells[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(w(i+1, j), w(i, j+1))
			if x := weight(i, j); x > 0 {
				best = max(best, w(i+1, j+1)+int32(x))
			}
			cells[i*(m+1)+j] = best
		}
	}
	pair := make([]int, m)
	for j := range pair {
		pair[j] = -1
	}
	for i, j := 0, 0; i < n && j < m; {
		switch x := weight(i, j); {
		case x > 0 && w(i, j) == w(i+1, j+1)+int32(x):
			if numA[i] {
				pair[j] = i
			}
			i, j = i+1, j+1
		case w(i, j) == w(i+1, j):
			i++
		default:
			j++
		}
	}
	return pair
}

// stem returns the part of a folded word that its inflected forms share,
// for finding candidates: Russian and Kazakh endings change or follow the
// last letters, so the last two are dropped from words of five letters or
// more and the last one from words of four.
func stem(word string) string {
	n := utf8.RuneCountInString(word)
	drop := 0
	switch {
	case n >= 5:
		drop = 2
	case n == 4:
		drop = 1
	}
	if drop == 0 || isNumber(word) {
		return word
	}
	runes := []rune(word)
	return string(runes[:n-drop])
}
