package align

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/numword"
)

// A sentence is reduced once, before the search, to the few things the cost model compares:
// its length, a sorted set of anchor keys and its punctuation profile. The search then compares
// thousands of candidate pairs without looking at text again.

// Key kinds live in the top two bits of a key so that a number can never match a word.
const (
	kindWord   = 0 << 30 // consonant skeleton of a name or loanword
	kindNumber = 1 << 30 // a normalised number, a month or a weekday
	kindTerm   = 2 << 30 // a glossary entry id found by Options.Terms
	kindLex    = 3 << 30 // a lexicon entry id (see lexical.go)
	kindMask   = 3 << 30
)

// Punctuation classes that survive translation. Each has its own weight in the model.
const (
	punctQuestion = iota // ?
	punctExclaim         // !
	punctQuote           // any quotation mark: "…" «…» “…” „…“ '…'
	punctColon           // :
	punctParen           // ( )
	nPunct
)

// features is kept for every sentence of both sides through both passes of Pair, and every byte
// of it counts twice in the heap the collector lets a long alignment grow to (its goal is twice
// what is live); so the stems and the names share one array (more), and length, an integer, is
// not a float64: 64 bytes a sentence instead of 88, and the names' own slice headers (24 bytes
// each) are gone.
type features struct {
	keys []uint32
	// more holds the stems of the sentence, its first nStems, then its names: for each
	// capitalised word inside the sentence (a likely name), the number of keys of its skeleton
	// variants, then the keys (as int32; see orphanNames). Capped at its length.
	more   []int32
	length uint32 // characters, spaces excluded
	nStems int32
	punct  [nPunct]uint8
	stops  uint8 // sentence ends inside the text (see innerStops)
	open   bool  // the text has no closing punctuation, as a headline (see openLine)
}

// stems numbers the word stems of the sentence (package lexicon), sorted, each once, when a
// lexicon is used or learned; empty otherwise.
func (f *features) stems() []int32 { return f.more[:f.nStems:f.nStems] }

// eachName calls fn with the keys of the skeleton variants of each likely name of the sentence.
func (f *features) eachName(fn func(keys []int32)) {
	for rest := f.more[f.nStems:]; len(rest) > 0; {
		n := 1 + int(rest[0])
		fn(rest[1:n])
		rest = rest[n:]
	}
}

// extract computes the features of one sentence in lang ("en", "ru", "kk"; other codes get the
// script-neutral treatment).
func extract(lang string, s Sentence, terms TermFinder) features {
	return newExtractor(lang, terms, nil).extract(s)
}

// An extractor computes the features of the sentences of one side. A document uses the same words
// again and again (Zipf's law: in a news text of a few thousand sentences, nine words in ten have
// occurred before), so everything that depends on a word alone (its case, whether it is a stop
// word or a month, its skeleton keys and its stem) is worked out once per distinct word and kept
// in words. Not safe for concurrent use: each side has its own.
type extractor struct {
	lang     string
	cyr      bool // lang is written in Cyrillic
	terms    TermFinder
	v        *lexicon.Vocab // numbers the stems, or nil
	words    wordTable
	info     []wordInfo
	wordKeys []uint32 // the keys of the words' skeleton variants (see wordInfo)
	keySlab  slab[uint32]
	moreSlab slab[int32]
	// scratch, reused from sentence to sentence
	keys  []uint32
	nums  []string // the canonical numbers of one number (scanNumber)
	toks  []token
	sk    []byte
	more  []int32
	names [][]uint32
	// numNames holds, for each number of the sentence (the keys one scanNumber gives, or a time's
	// hours and minutes) and each month or weekday, its key count and then its keys: they join the
	// names (see orphanNames)
	numNames []int32
	// prefix keys Cyrillic words by their first letters (cyrillicPrefix) instead of their
	// skeletons: for a pair written in Cyrillic on both sides (see prefixPair).
	prefix bool
	// capShort has extractInto count, in shortDF, the sentences that hold each short name key
	// (see shortNameKey), and list those sentences' features in shortIn, for capShortNames.
	capShort bool
	shortDF  map[uint32]int32
	shortIn  []*features
}

// wordInfo is what a word contributes to the features of a sentence, wherever it stands.
// extractInto reads it for every word of every sentence, at random among a document's few
// thousand distinct words: 24 bytes, its keys kept in one array for all the words
// (extractor.wordKeys), not a slice of their own (56 bytes and an allocation a word).
type wordInfo struct {
	runes  int32 // its length in characters
	stem   int32 // its stem's number in v, or −1
	cal    uint32
	keyOff uint32 // the keys of its skeleton variants, in the order found, are
	nKeys  uint16 // wordKeys[keyOff:keyOff+nKeys] (a few at most, see englishVariants)
	upper  bool   // it starts with a capital
	stop   bool   // a function word: no skeleton keys
	isCal  bool   // it names a month or a weekday, whose key is cal
	isNum  bool   // it is a number written in words, whose key is cal (see numword.Words)
	may    bool   // it is English "may" (see calendarOK)
	short  bool   // it is capitalised and its skeleton too short for a key: cal is its name key (see shortNameKey)
}

// keysOf returns the keys of the skeleton variants of word w, capped at their number.
func (e *extractor) keysOf(w *wordInfo) []uint32 {
	end := w.keyOff + uint32(w.nKeys)
	return e.wordKeys[w.keyOff:end:end]
}

func newExtractor(lang string, terms TermFinder, v *lexicon.Vocab) *extractor {
	return &extractor{lang: lang, cyr: lang == "ru" || lang == "kk", terms: terms, v: v}
}

// wordTable finds the index of a word in extractor.info, for every word of every sentence:
// open addressing on the word's hash, the words themselves kept in text (a map from strings was a
// tenth of extract, and growing it a twentieth of the page faults of align-files).
type wordTable struct {
	seed  uint64
	slots []wordSlot // a power of two, at most half full
	text  []string   // text[id] is the word of index id
	// arena holds the copies of the words in text, side by side, in chunks of a few kilobytes
	arena strings.Builder
}

// A wordSlot holds the low half of a word's hash and its index plus one; 0 is a free slot.
type wordSlot struct {
	hash uint32
	id1  int32
}

// find returns the index of word, or −1 and the hash and slot where it goes.
func (t *wordTable) find(word string) (id int32, h uint64, at int) {
	if t.slots == nil {
		t.seed = rand.Uint64()
		t.slots = make([]wordSlot, 1024)
	}
	h = wordHash(t.seed, word)
	mask := len(t.slots) - 1
	for x := int(h) & mask; ; x = (x + 1) & mask {
		sl := t.slots[x]
		if sl.id1 == 0 {
			return -1, h, x
		}
		if sl.hash == uint32(h) && t.text[sl.id1-1] == word {
			return sl.id1 - 1, h, x
		}
	}
}

// wordHash hashes word, a few bytes mostly, eight bytes a step (the last eight, or the first and
// last four, or three of a shorter word, overlapping): hash/maphash's call into the runtime cost
// more than the rest of wordTable.find. It needs no more than to spread a document's few thousand
// words over the table; seed, drawn at random for each table, keeps a text from choosing words
// that collide.
func wordHash(seed uint64, word string) uint64 {
	const m = 0x9e3779b97f4a7c15
	n := len(word)
	h := seed ^ uint64(n)*m
	var x uint64
	switch {
	case n > 8:
		for w := word; len(w) > 8; w = w[8:] {
			h = bits.RotateLeft64((h^le64(w))*m, 31)
		}
		x = le64(word[n-8:]) // overlaps the last block read: the length is in h
	case n == 8:
		x = le64(word)
	case n >= 4:
		x = uint64(le32(word))<<32 | uint64(le32(word[n-4:]))
	case n > 0:
		x = uint64(word[0])<<16 | uint64(word[n>>1])<<8 | uint64(word[n-1])
	}
	h = (h ^ x) * m
	h ^= h >> 32
	h *= 0xd6e8feb86659fd93
	return h ^ h>>32
}

// le64 and le32 read the first eight or four bytes of s, least significant first.
func le64(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// add records word, of hash h and free slot at (from find), as index len(t.text). It keeps a copy
// of word: the copies of a document's few thousand distinct words lie side by side, where word
// itself lies in a sentence anywhere in megabytes of text, and find compares every word of every
// sentence with one of them (reading it from the text was a third of find, cache misses).
func (t *wordTable) add(word string, h uint64, at int) {
	t.text = append(t.text, t.copyWord(word))
	t.slots[at] = wordSlot{hash: uint32(h), id1: int32(len(t.text))}
	if 2*len(t.text) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, 2*len(old))
		mask := len(t.slots) - 1
		for _, sl := range old {
			if sl.id1 == 0 {
				continue
			}
			x := int(sl.hash) & mask
			for t.slots[x].id1 != 0 {
				x = (x + 1) & mask
			}
			t.slots[x] = sl
		}
	}
}

// copyWord returns a copy of word cut from the arena, not a string of its own (an allocation for
// every distinct word of a document). What a strings.Builder has written is never changed, so the
// strings its String returned stay as they are while it grows; a full chunk is left to the copies
// cut from it, and a new one started.
func (t *wordTable) copyWord(word string) string {
	const chunk = 4096
	if t.arena.Cap()-t.arena.Len() < len(word) {
		t.arena = strings.Builder{}
		t.arena.Grow(max(chunk, len(word)))
	}
	start := t.arena.Len()
	t.arena.WriteString(word)
	return t.arena.String()[start:]
}

// word returns the index in e.info of word, worked out on its first occurrence.
func (e *extractor) word(word string) int32 {
	id, h, at := e.words.find(word)
	if id >= 0 {
		return id
	}
	lower := lowerWord(word)
	w := wordInfo{runes: int32(utf8.RuneCountInString(word)), upper: isUpperInitial(word), stem: -1, keyOff: uint32(len(e.wordKeys))}
	w.may = lower == "may"
	if ck := calendarKey(e.lang, lower); ck != "" {
		w.isCal, w.cal = true, hashKey(kindNumber, ck)
	}
	w.stop = isStopword(e.lang, lower)
	if n, ok := numword.Words(e.lang)[lower]; ok && !w.isCal && !n.Soft && !n.Half && !n.Mult && !n.Scale && n.Val >= 2 {
		// a number written in words (six, шести, алтауы): keyed by its value, as the figure
		// of another version (6) is; one, first and both, which are also articles and
		// pronouns, and hundred or thousand alone are no number
		w.isNum, w.cal = true, hashKey(kindNumber, strconv.FormatFloat(n.Val, 'f', -1, 64))
	}
	if !w.isCal && !w.isNum && !w.stop && w.upper && !(e.prefix && isCyrillic(word)) {
		w.cal, w.short = shortNameKey(word, e.cyr && isCyrillic(word), e.sk[:0])
		if w.short && e.capShort {
			if e.shortDF == nil {
				e.shortDF = map[uint32]int32{}
			}
			e.shortDF[w.cal] += 0
		}
	}
	if k, ok := acronymKey(word); ok {
		// US, AM, WHO: an acronym, not the stop word or the month
		w.stop, w.isCal = false, false
		e.wordKeys = append(e.wordKeys, k)
	} else if !w.stop {
		add := func(sk []byte) {
			if len(sk) >= minSkeleton {
				e.wordKeys = append(e.wordKeys, hashKey(kindWord, sk))
			}
		}
		if e.prefix && isCyrillic(word) {
			var ok bool
			if e.sk, ok = cyrillicPrefix(word, e.sk[:0]); ok {
				e.wordKeys = append(e.wordKeys, hashKey(kindWord, e.sk))
			}
		} else if e.cyr && isCyrillic(word) {
			e.sk = cyrillicVariants(word, e.sk, add)
		} else {
			e.sk = englishVariants(word, e.sk, add)
		}
	}
	if e.v != nil {
		// A word is one token of lexicon.Words (see the tokenizer in extract), so the stems of
		// a sentence are those of its words.
		w.stem = e.v.WordID(word)
	}
	w.nKeys = uint16(len(e.wordKeys) - int(w.keyOff))
	id = int32(len(e.info))
	e.info = append(e.info, w)
	e.words.add(word, h, at)
	return id
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the two-byte characters (among them the
// Cyrillic alphabets) decoded in place.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; 0xc2 <= c && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		return rune(c&0x1f)<<6 | rune(s[i+1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordRuneWidth returns the width of the character that starts at text[j], outside ASCII, if it
// belongs to a word (isWordRune), else 0. The Cyrillic block (U+0400-U+04FF, the bytes D0-D3 and
// a continuation byte) is read from cyrillicWord in place: decoding each Russian and Kazakh letter
// and then classifying it, two calls a letter, was a sixth of extract.
func wordRuneWidth(text string, j int) int {
	if c := text[j]; 0xd0 <= c && c <= 0xd3 && j+1 < len(text) && text[j+1]&0xc0 == 0x80 {
		if cyrillicWord[int(c&0x1f)<<6|int(text[j+1]&0x3f)-0x400] {
			return 2
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(text[j:])
	if isWordRune(r) {
		return w
	}
	return 0
}

// isWordRune reports whether r belongs to a word: a letter or a combining mark (lexicon.Words cuts
// words the same way).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r < 0x500:
		return cyrillicWord[r-0x400]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// cyrillicWord is isWordRune for the Cyrillic block (U+0400-U+04FF), which holds the Russian and
// Kazakh alphabets: most runes of two of the three languages, and unicode.IsLetter's table search
// for each of them was a tenth of the time of extract.
var cyrillicWord = func() (t [0x100]bool) {
	for r := range t {
		t[r] = unicode.IsLetter(rune(0x400+r)) || unicode.Is(unicode.Mn, rune(0x400+r))
	}
	return t
}()

// lowerRune is unicode.ToLower, without its table search for ASCII and the Cyrillic block, where a
// document's words are (a new word of a side is lowered two or three times, see skeleton and
// extractor.word).
func lowerRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case 0x400 <= r && r < 0x500:
		return lexicon.CyrillicLower(r)
	}
	return unicode.ToLower(r)
}

// lowerWord is strings.ToLower(word), lowered by lowerRune outside ASCII.
func lowerWord(word string) string {
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			return strings.Map(lowerRune, word) // what strings.ToLower does, by unicode.ToLower
		}
	}
	return strings.ToLower(word)
}

// isSpace is unicode.IsSpace, without a table search for ASCII.
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || '\t' <= r && r <= '\r'
	case 0xff < r && r < 0x1680: // no space between Latin-1 and the Ogham space mark
		return false
	}
	return unicode.IsSpace(r)
}

// A slab hands out small slices cut from larger arrays: the features of a document are tens of
// thousands of short slices, and one allocation each costs more than the rest of extract. Each
// slice is capped at its length, so an append to it copies.
type slab[T any] struct{ free []T }

// clone returns a copy of x, nil if x is empty.
func (s *slab[T]) clone(x []T) []T {
	if len(x) == 0 {
		return nil
	}
	if len(s.free) < len(x) {
		s.free = make([]T, max(1024, len(x)))
	}
	out := s.free[:len(x):len(x)]
	copy(out, x)
	s.free = s.free[len(x):]
	return out
}

// extract computes the features of one sentence.
func (e *extractor) extract(s Sentence) features {
	var f features
	e.extractInto(&f, s)
	return f
}

// extractInto sets every field of *f to the features of s. extractAll has the features of a
// document written in place: returned, each was built on the stack and copied into the array (a
// copy of a value that holds pointers, with the collector's write barrier when it is marking),
// and the copies were about a hundredth of align-files at 20,000 sentences a side.
func (e *extractor) extractInto(f *features, s Sentence) {
	length := 0
	var punct [nPunct]uint8
	keys := e.keys[:0]
	text := s.Text
	toks := e.toks[:0]
	numNames := e.numNames[:0]
	numHead, numEnd := -1, -1 // where the last number's group starts in numNames, and ends in text
	prevRune := rune(' ')
	openSingle := 0 // single quotes opened and not yet closed
	for i := 0; i < len(text); {
		if text[i] == ' ' { // most characters between words: what the rest of the loop does for it
			prevRune = ' '
			i++
			continue
		}
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = decodeRune(text, i)
		}
		switch {
		case r >= '0' && r <= '9':
			var n int
			e.nums, n = scanNumber(text[i:], e.nums[:0])
			e.nums = appendMetric(appendClock(appendScaled(e.nums, text[i+n:]), text[i+n:]), text[i+n:])
			if numHead >= 0 && i == numEnd+1 && text[numEnd] == ':' {
				numNames[numHead] += int32(len(e.nums)) // 15:00 is one time, not two numbers
			} else {
				numHead = len(numNames)
				numNames = append(numNames, int32(len(e.nums)))
			}
			numEnd = i + n
			for _, x := range e.nums {
				k := hashKey(kindNumber, x)
				keys = append(keys, k)
				numNames = append(numNames, int32(k))
				toks = append(toks, token{num: true})
			}
			length += nonSpaceRunes(text[i : i+n])
			i += n
			prevRune = '0'
			continue
		case isWordRune(r):
			j := i + w
			for j < len(text) {
				c := text[j]
				if c < utf8.RuneSelf {
					if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') { // isWordRune
						break
					}
					j++
					continue
				}
				if 0xd0 <= c && c <= 0xd3 && j+1 < len(text) && text[j+1]&0xc0 == 0x80 {
					// wordRuneWidth's Cyrillic letter, without the call: most letters of
					// Russian and Kazakh
					if !cyrillicWord[int(c&0x1f)<<6|int(text[j+1]&0x3f)-0x400] {
						break
					}
					j += 2
					continue
				}
				w2 := wordRuneWidth(text, j)
				if w2 == 0 {
					break
				}
				j += w2
			}
			id := e.word(text[i:j])
			toks = append(toks, token{id: id})
			length += int(e.info[id].runes)
			prevRune = 'a'
			i = j
			continue
		}
		if !isSpace(r) {
			length++
		}
		switch r {
		case '?', '¿', '？':
			punct[punctQuestion]++
		case '!', '¡', '！':
			punct[punctExclaim]++
		case '"', '«', '»', '“', '”', '„', '‟', '‹', '›', '‘', '’', '\'':
			if r == '\'' || r == '’' {
				// An apostrophe inside a word (it's) is not a quote. After a word it closes a
				// quotation only if one was opened ('looking like fools'); otherwise it is a
				// plural possessive (the AMs' title).
				nx, _ := utf8.DecodeRuneInString(text[i+w:])
				afterWord := unicode.IsLetter(prevRune) || prevRune == '0'
				switch {
				case afterWord && unicode.IsLetter(nx):
					// it's, Qur'an: part of the word
				case afterWord && openSingle > 0:
					openSingle--
					punct[punctQuote]++
				case !afterWord && unicode.IsLetter(nx):
					openSingle++
					punct[punctQuote]++
				}
				break
			}
			punct[punctQuote]++
		case ':':
			punct[punctColon]++
		case '(', ')':
			punct[punctParen]++
		}
		prevRune = r
		if isSpace(r) {
			prevRune = ' '
		}
		i += w
	}
	headline := e.lang == "en" && e.titleCase(toks)
	hasShort := false
	names := e.names[:0]
	for k, t := range toks {
		if t.num {
			continue
		}
		w := &e.info[t.id]
		if w.isCal && calendarOK(e.lang, w.may, w.upper, toks, k) {
			keys = append(keys, w.cal)
			numNames = append(numNames, 1, int32(w.cal))
			continue
		}
		if w.isNum {
			keys = append(keys, w.cal)
		}
		if w.stop {
			continue
		}
		wk := e.keysOf(w)
		keys = append(keys, wk...)
		if w.short && k > 0 && !headline {
			keys = append(keys, w.cal)
			hasShort = true
		}
		if w.upper && k > 0 && !headline && len(wk) > 0 {
			names = append(names, wk) // a likely name
		}
	}
	dottedAcronyms(text, func(k uint32) { keys = append(keys, k) })
	f.length, f.punct = uint32(length), punct
	e.names = names
	f.stops = innerStops(text)
	f.open = openLine(text)
	if f.open && e.lang == "en" {
		f.length = f.length * headlineLength / 5
	}
	if e.terms != nil {
		for _, id := range e.terms.FindTerms(e.lang, text) {
			keys = append(keys, hashKey(kindTerm, id))
		}
	}
	sortShort(keys)
	f.keys = e.keySlab.clone(slices.Compact(keys))
	if hasShort && e.capShort {
		for _, k := range f.keys {
			if _, ok := e.shortDF[k]; ok {
				e.shortDF[k]++
			}
		}
		e.shortIn = append(e.shortIn, f)
	}
	more := e.more[:0]
	if e.v != nil {
		for _, t := range toks {
			if !t.num && e.info[t.id].stem >= 0 {
				more = append(more, e.info[t.id].stem)
			}
		}
		sortShort(more)
		more = slices.Compact(more)
	}
	f.nStems = int32(len(more))
	for _, ks := range names {
		more = append(more, int32(len(ks)))
		for _, k := range ks {
			more = append(more, int32(k))
		}
	}
	more = append(more, numNames...)
	e.numNames = numNames
	f.more = e.moreSlab.clone(more)
	e.more = more
	e.keys, e.toks = keys, toks
}

// sortShort sorts s, the keys or stems of one sentence: a few dozen at most, mostly, which an
// insertion sort puts in order in less time than slices.Sort's pattern-defeating quicksort takes to
// choose its pivots (its calls were a tenth of extract). Longer lists go to slices.Sort.
func sortShort[T ~uint32 | ~int32](s []T) {
	if len(s) > 32 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		x, j := s[i], i
		for ; j > 0 && s[j-1] > x; j-- {
			s[j] = s[j-1]
		}
		s[j] = x
	}
}

// titleCase reports whether most words of an English sentence are capitalised, as in a headline,
// where a capital says nothing about names.
func (e *extractor) titleCase(toks []token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if !t.num && e.info[t.id].runes > 3 { // more than three letters
			words++
			if e.info[t.id].upper {
				upper++
			}
		}
	}
	return words >= 3 && upper*2 > words
}

// A token is a word or one number of the sentence, in order.
type token struct {
	id  int32 // the word's index in extractor.info (and extractor.words)
	num bool
}

// calendarOK filters month and weekday names that are more often something else. English names are
// capitalised; May also needs a number beside it (Theresa May).
// Russian and Kazakh write them in lower case, so a capitalised Қазан is the city, not October.
func calendarOK(lang string, may, upper bool, toks []token, k int) bool {
	if lang != "en" {
		return !upper || k == 0
	}
	if !upper {
		return false
	}
	if may {
		return k > 0 && toks[k-1].num || k+1 < len(toks) && toks[k+1].num
	}
	return true
}

const minSkeleton = 3

// shortNameKey returns the key of a capitalised word whose skeleton is too short to key it (two
// classes: West/Уэст, Kim/Ким, Rosa/Роза), and whether it has one; a Russian or Kazakh word also
// keeps it under an ending of one consonant (Кимом, Кимге; not Кимнің: a word of four classes
// would lend its first two to too many short names). extractInto adds it only for a word inside the
// sentence: there a capital marks a name. Over the NTREX dev half, of the English lines with such
// a name, the Russian translation had one of the same skeleton 71 times in 115 and the Kazakh 60,
// while the Russian and Kazakh lines one or two away did 23 and 14 times in 422. The key is
// hashed with a leading ^, so that it is never the key of a longer word's skeleton.
func shortNameKey(word string, cyr bool, buf []byte) (uint32, bool) {
	if _, ok := acronymKey(word); ok {
		return 0, false
	}
	buf = append(buf, '^')
	buf, _ = skeleton(buf, word, 0)
	n := len(buf) - 1
	if cyr && n == 3 {
		n = 2 // a case ending: Уэста has lost its vowel already, Кимом has not
	}
	if n != 2 {
		return 0, false
	}
	return hashKey(kindWord, buf[:3]), true
}

// shortMaxDF: see capShortNames.
const shortMaxDF = 16

// capShortNames takes the short name keys held by more than shortMaxDF sentences of a side out
// of their features. A name that short in every other sentence (Tom in a text of Tatoeba lines)
// says nothing about which sentence goes with which, and every pair of sentences that shares a key
// costs the search time: without the cap, align-files of bench/align.sh's 20,000 sentences ran a
// quarter more instructions.
//
// The keys to take out are few (a few dozen names in a side of thousands of sentences, none in
// most documents): they are gathered and sorted first, with a bit set for each in a small table
// by its low bits, and only a key whose bit is set is looked up among them (a lookup in shortDF
// for every key of every sentence that holds a short name cost four times as much).
func (e *extractor) capShortNames() {
	var capped []uint32
	var some [64]uint64 // bit k%4096 is set if a key k may be capped
	for k, df := range e.shortDF {
		if df > shortMaxDF {
			capped = append(capped, k)
			some[k/64%64] |= 1 << (k % 64)
		}
	}
	if len(capped) > 0 {
		slices.Sort(capped)
		for _, f := range e.shortIn {
			f.keys = slices.DeleteFunc(f.keys, func(k uint32) bool {
				if some[k/64%64]&(1<<(k%64)) == 0 {
					return false
				}
				_, found := slices.BinarySearch(capped, k)
				return found
			})
		}
	}
	e.shortIn = nil
}

// nonSpaceRunes counts the characters of s that are not spaces: the length of a number, which may
// be grouped with spaces (1 000), without copying it.
func nonSpaceRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func isCyrillic(word string) bool {
	for _, r := range word {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// hashKey is 32-bit FNV-1a of s with the kind in the top two bits. Collisions only cost a spurious
// anchor, which the model tolerates.
func hashKey[S ~string | ~[]byte](kind uint32, s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h&^kindMask | kind
}

// openLine reports whether text ends without closing punctuation (a full stop, question or
// exclamation mark, ellipsis, colon or semicolon, and any closing quotes or brackets after it), as
// a headline, a subheading or a byline does. A line that ends in a comma or a dash is a sentence
// cut in two (a quotation split across lines), not a headline.
func openLine(text string) bool {
	text = strings.TrimRightFunc(text, isSpace)
	text = strings.TrimRight(text, `"'»”’)]`)
	r, _ := utf8.DecodeLastRuneInString(text)
	return text != "" && !strings.ContainsRune(".!?…:;,-–—", r)
}

// innerStops counts the sentence ends inside text: a full stop, question or exclamation mark
// (and any closing quotes or brackets) followed by a space and a capital letter or an opening
// quote, where the word before the stop is not an abbreviation or an initial. A line that holds
// two sentences usually pairs with two sentences on the other side: one translator's sentence was
// cut in two by the other, or an input was segmented more coarsely on one side.
func innerStops(text string) uint8 {
	var n uint8
	// The marks are found by their bytes (… is E2 80 A6, and no byte of a mark occurs inside
	// another character), and the word before a mark is read back from it, no further than the
	// previous mark (prev), whose word starts at prevStart: decoding every character of the text
	// was a fifth of extract. The next place of each byte of stopBytes is found with
	// strings.IndexByte, which reads many bytes at once, and the marks are taken in order of
	// place (a loop over every byte was most of innerStops).
	prev, prevStart := 0, 0
	var next [len(stopBytes)]int
	for k := range next {
		next[k] = indexByteFrom(text, 0, stopBytes[k])
	}
	for {
		k := 0
		for x := 1; x < len(next); x++ {
			if next[x] < next[k] {
				k = x
			}
		}
		i := next[k]
		if i >= len(text) {
			break
		}
		next[k] = indexByteFrom(text, i+1, stopBytes[k])
		r, w := rune(text[i]), 1
		if r == 0xe2 {
			if !strings.HasPrefix(text[i:], "…") {
				continue
			}
			r, w = '…', len("…") // its other bytes are none of stopBytes
		}
		wordStart := i // after the last space before the mark
		for {
			if wordStart <= prev {
				wordStart = prevStart // no space since the previous mark
				break
			}
			// the character before wordStart: an ASCII byte, or a Cyrillic letter (two bytes, D0-D3
			// and a continuation byte: no space), is read in place, as DecodeLastRuneInString
			// would read it
			c := text[wordStart-1]
			if c < utf8.RuneSelf {
				if c == ' ' || '\t' <= c && c <= '\r' { // isSpace
					break
				}
				wordStart--
				continue
			}
			if c&0xc0 == 0x80 && wordStart >= 2 && 0xd0 <= text[wordStart-2] && text[wordStart-2] <= 0xd3 {
				wordStart -= 2
				continue
			}
			r2, w2 := utf8.DecodeLastRuneInString(text[:wordStart])
			if isSpace(r2) {
				break
			}
			wordStart -= w2
		}
		prev, prevStart = i, wordStart
		word := text[wordStart:i]
		j := i + w
		for j < len(text) { // closing quotes and brackets
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'»”’)]`, r2) {
				break
			}
			j += w2
		}
		if j >= len(text) || !isSpace(rune(text[j])) {
			continue
		}
		for j < len(text) && isSpace(rune(text[j])) {
			j++
		}
		up, w2 := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(`"'«“„‘(`, up) && j+w2 < len(text) {
			up, _ = utf8.DecodeRuneInString(text[j+w2:])
		}
		if unicode.IsUpper(up) && (r != '.' || !isAbbreviation(word)) && n < 255 {
			n++
		}
	}
	return n
}

// stopBytes are the bytes that start the marks innerStops looks for: . ! ? and the first byte of
// … (E2 80 A6), which starts other characters as well.
const stopBytes = ".!?\xe2"

// indexByteFrom is the index of the first c in s at or after from, len(s) if there is none.
func indexByteFrom(s string, from int, c byte) int {
	if j := strings.IndexByte(s[from:], c); j >= 0 {
		return from + j
	}
	return len(s)
}

// isAbbreviation reports whether word, the text before a full stop, is an initial or a title that
// usually precedes a name (Mr. Sutopo, J. Smith, г-н, ул.).
func isAbbreviation(word string) bool {
	word = strings.TrimLeft(word, `"'«“„‘(`)
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	return abbreviations.Get()[strings.ToLower(word)]
}

var abbreviations = lazy.Value[map[string]bool]{New: func() map[string]bool {
	return set(`mr mrs ms dr st mt prof gen col lt sgt capt cpt rev sen rep gov pres jr sr
	vs etc inc ltd co corp dept univ ave rd jan feb mar apr jun jul aug sep sept oct nov dec
	u.s u.k e.g i.e a.m p.m
	г гг ул им т.е т.к т.д т.п др пр проф акад ген тов св стр рис см ср обл р-н
	ж жж көш т.б т.с.с проф акад`)
}}
