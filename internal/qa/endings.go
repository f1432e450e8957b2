package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// EndingsIndex finds glossary names in Kazakh text followed by an ending
// that breaks vowel harmony or consonant assimilation (Алматыге,
// Тоқаевке, облысыда, Пхеньянга) and gives the right form. It is built
// once per glossary and is safe for concurrent use.
//
// The index is its stored form (endingscache.go): the stems in byte order
// with offset tables, searched in place, so that the index read from the
// compiled glossary cache is a check of its bytes rather than maps to
// fill (a third of a status with 10,000 entries, most of it the page
// faults of the maps' memory). A stem's entries are decoded when a word
// has that stem.
type EndingsIndex struct {
	minLen   int  // shortest and longest stem, in bytes
	maxLen   int  // (1<<30 and 0 with no stem)
	prefixes bool // some name has several words: keep the words before
	cyrInit  [0x530]bool
	initial  []rune // the initials from U+0530, sorted
	// heads has a bit set for the first minLen bytes of every stem
	// (headBit): a word whose first bytes have no bit set starts no stem,
	// and is passed over without the binary search. Made when the index
	// is read, not stored.
	heads *[headWords]uint64
	n     int // stems
	// keyEnd[i] (uint32, little-endian) ends stem i in keys, where the
	// stems follow each other in byte order; recOff[i] starts its entries
	// in recs, recOff[n] ends them.
	keyEnd, recOff []byte
	keys, recs     []byte
	data           []byte // the stored form, all of the above
	keep           any    // what keeps data valid (a mapped file's owner)
}

type endStem struct {
	entryID string
	prefix  []string // the lower-case words before the last one
	stem    morph.KazakhStem
	written string // the last word as the glossary writes it
}

// endingsBuilder collects the stems of a glossary: NewEndingsIndex stores
// it and reads the index back from the bytes.
type endingsBuilder struct {
	stems    map[string][]endStem
	minLen   int // shortest and longest stem, in bytes
	maxLen   int
	prefixes bool // some name has several words: keep the words before
}

// NewEndingsIndex indexes the Kazakh preferred forms and variants of g.
// status builds one for each run that checks a document, over 10,000
// entries in a large glossary: forms are indexed without a slice of their
// words, and skipped before their stem is made when their last word
// cannot be indexed.
func NewEndingsIndex(g *glossary.Glossary) *EndingsIndex {
	x, err := ReadEndingsIndex(newEndingsBuilder(g).appendBinary(nil))
	if err != nil {
		panic("qa: the endings index built does not read back: " + err.Error())
	}
	return x
}

func newEndingsBuilder(g *glossary.Glossary) *endingsBuilder {
	x := &endingsBuilder{minLen: 1 << 30}
	if g == nil {
		x.stems = map[string][]endStem{}
		return x
	}
	x.stems = make(map[string][]endStem, 2*len(g.Entries)) // a term and a variant each, often
	for _, e := range g.Entries {
		f := e.Langs["kk"]
		if f == nil || f.Inflect == "none" {
			continue
		}
		x.add(e, f, f.Term)
		for _, v := range f.Variants {
			x.add(e, f, v)
		}
	}
	return x
}

// add indexes form, the term or a variant f of e.
func (x *endingsBuilder) add(e *glossary.Entry, f *glossary.Form, form string) {
	start, end := morph.LastWord(form)
	if end < 0 {
		return // no word
	}
	written := form[start:end]
	before := form[:start]
	// A hyphenated name (Сан-Диего, Улан-Батор) takes its ending on its
	// last part, and Check cuts the text's words at hyphens: the parts
	// before are words before the stem, as those of a name of several
	// words are. written keeps the whole word, for the fix.
	last := written
	if h := strings.LastIndexByte(written, '-'); h >= 0 {
		last = written[h+1:]
		before += " " + strings.ReplaceAll(written[:h], "-", " ")
		if !isCyrillicWord(strings.ReplaceAll(written[:h], "-", "")) {
			return
		}
	}
	// The stem is the last word in lower case, which has as many runes
	// and the same script (lower-casing maps a rune to one of its script).
	if utf8.RuneCountInString(last) < 3 || !isCyrillicWord(last) {
		return
	}
	st := morph.KazakhStemOf(form, morph.Kind(e.Kind), f.Inflect)
	if h := strings.LastIndexByte(st.Word, '-'); h >= 0 {
		st.Word = st.Word[h+1:]
	}
	var prefix []string
	if strings.TrimSpace(before) != "" {
		prefix = strings.Fields(before)
		for i, w := range prefix {
			prefix[i] = strings.ToLower(w)
		}
		x.prefixes = true
	}
	x.minLen, x.maxLen = min(x.minLen, len(st.Word)), max(x.maxLen, len(st.Word))
	x.stems[st.Word] = append(x.stems[st.Word], endStem{entryID: e.ID, prefix: prefix, stem: st, written: written})
}

func (x *EndingsIndex) isInitial(r rune) bool {
	if r >= 0 && r < 0x530 {
		return x.cyrInit[r]
	}
	_, ok := slices.BinarySearch(x.initial, r)
	return ok
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
	}
	return true
}

// Check returns the findings of kind endings in text, a Kazakh text: each
// names the word, the entry (Data ID) and the right form (Fix).
func (x *EndingsIndex) Check(lang, text string) []Finding {
	if baseLang(lang) != "kk" || x.n == 0 {
		return nil
	}
	var out []Finding
	var bufArr [64]byte
	buf := bufArr[:0]
	// prev holds the words before the current one, the last eight of them
	// at its end: kept in room for twice that, moved down when full.
	var prevArr [2 * maxPrefixWords]string
	prev := prevArr[:0]
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isASCIILetter(c) {
			i++ // not a letter: decode and isLetter, inline for ASCII
			continue
		}
		r, n := decode(text, i)
		if !isLetter(r) {
			i += n
			continue
		}
		j := wordEnd(text, i)
		w := text[i:j]
		init := x.isInitial(toLower(r))
		if !init && !x.prefixes {
			i = j
			continue
		}
		// x.word wants six bytes of lower case: a word of five or fewer
		// has no more.
		if len(w) >= 6 && init {
			buf = appendLower(buf[:0], w)
			if f, ok := x.word(buf, w, prev[max(0, len(prev)-maxPrefixWords):]); ok {
				// A hyphenated name's fix is the whole word: the
				// finding covers its parts before this one, as far as
				// the text joins them with hyphens too.
				start := i
				if h := strings.Count(f.Fix, "-"); h > 0 {
					for k := 0; k < h && start > 0 && text[start-1] == '-'; k++ {
						ws := wordStartBefore(text, start-1)
						if ws == start-1 {
							break
						}
						start = ws
					}
					if got := strings.Count(text[start:j], "-"); got < h {
						parts := strings.Split(f.Fix, "-")
						f.Fix = strings.Join(parts[len(parts)-1-got:], "-")
						f.Data["Expected"] = f.Fix
					}
				}
				f.Target = Span{start, j}
				f.Data["Text"] = text[start:j]
				out = append(out, f)
			}
		}
		if x.prefixes {
			if len(prev) == cap(prev) {
				prev = prev[:copy(prev, prev[len(prev)-maxPrefixWords+1:])]
			}
			prev = append(prev, w)
		}
		i = j
	}
	return out
}

// wordStartBefore is where the word that ends at end of text starts (end
// itself when no letter precedes it).
func wordStartBefore(text string, end int) int {
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !isLetter(r) {
			break
		}
		end -= n
	}
	return end
}

// maxPrefixWords is how many words before a name Check keeps for
// names of several words.
const maxPrefixWords = 8

func (x *EndingsIndex) word(lwb []byte, w string, prev []string) (Finding, bool) {
	if len(lwb) < 6 || len(lwb) > 120 {
		return Finding{}, false
	}
	if len(lwb) <= x.minLen {
		return Finding{}, false // no stem shorter than the word
	}
	// The stems that can start the word: those that start with its first
	// minLen bytes (none unless their bit is set).
	if i, b := headBit(lwb[:x.minLen]); x.heads[i]&b == 0 {
		return Finding{}, false
	}
	lo, hi := x.prefixRange(lwb[:x.minLen])
	if lo == hi {
		return Finding{}, false
	}
	r, _ := utf8.DecodeRune(lwb)
	if !x.isInitial(r) {
		return Finding{}, false
	}
	// A word that is a name itself (Алматы, beside Алма; the last word of
	// a name of several, after its first words) has no ending to judge:
	// it is not a shorter name with a wrong one.
	if len(lwb) <= x.maxLen {
		if i := x.find(lwb, lo, hi); i >= 0 {
			for _, c := range x.stemsAt(i) {
				if hasPrefixWords(prev, c.prefix) {
					return Finding{}, false
				}
			}
		}
	}
	lower := !unicode.IsUpper(r0(w))
	for p := min(len(lwb)-1, x.maxLen); p >= x.minLen; p-- {
		if !utf8.RuneStart(lwb[p]) {
			continue
		}
		i := x.find(lwb[:p], lo, hi)
		if i < 0 {
			continue
		}
		lw := string(lwb)
		end, ok := morph.ParseKazakhEnding(lw[p:])
		if !ok {
			continue
		}
		cands := x.stemsAt(i)
		for _, c := range cands {
			if !hasPrefixWords(prev, c.prefix) {
				continue
			}
			if lower && unicode.IsUpper(r0(c.written)) {
				// A name written with a capital is a common word in
				// lower case: айтады ("says") is no form of Айта.
				continue
			}
			forms := morph.KazakhInflect(c.stem, end)
			if len(forms) == 0 {
				continue
			}
			right := false
			for _, f := range forms {
				if f == lw {
					right = true
				}
			}
			if right {
				return Finding{}, false
			}
			// The stem may change before the ending (мүлік:
			// мүлкінің), so the fix is the form respelt, not the
			// written word with the form's last letters.
			fix := morph.KazakhRespell(c.written, c.stem.Word, forms[0])
			msg := "qa.endings.wrong"
			// A right ending typed without the Kazakh letters
			// (Алматыга) is no matter of harmony: say so.
			for _, f := range forms {
				if e, ok := strings.CutPrefix(f, c.stem.Word); ok && morph.KazakhKeyboard(e) == lw[p:] {
					fix, msg = c.written+e, "qa.endings.keyboard"
					break
				}
			}
			return Finding{Kind: Endings, Severity: Warning, Lang: "kk", Source: NoSpan, Message: msg,
				Fix: fix, Data: map[string]any{"ID": c.entryID, "Expected": fix, "Lang": "kk"}}, true
		}
	}
	return Finding{}, false
}

// r0 is the first rune of s.
func r0(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// headWords is the size of EndingsIndex.heads in words: 64K bits, 8 KB.
const headWords = 1 << 10

// headBit returns the word and the bit of EndingsIndex.heads for head,
// the first minLen bytes of a stem or of a word (its first eight bytes
// hashed).
func headBit(head []byte) (int, uint64) {
	var v uint64
	for i := 0; i < len(head) && i < 8; i++ {
		v |= uint64(head[i]) << (8 * i)
	}
	h := (v ^ uint64(len(head))<<59) * 0x9E3779B97F4A7C15 >> 48 // 16 bits
	return int(h >> 6), 1 << (h & 63)
}

func hasPrefixWords(prev, want []string) bool {
	if len(want) > len(prev) {
		return false
	}
	tail := prev[len(prev)-len(want):]
	for i := range want {
		if !strings.EqualFold(tail[i], want[i]) {
			return false
		}
	}
	return true
}
