package qa

import (
	"hash/maphash"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ConsistencyIndex collects the confirmed translations of a workspace and
// finds a source sentence translated in two ways, and one translation used
// for two different sources. Sentences compare normalised: case folded,
// white space collapsed, quotes dropped, dashes unified and every number
// masked,
// so "Revenue rose 5%." and "Revenue rose 7%." are one sentence. The zero
// value is ready to use; it is not safe for concurrent use.
type ConsistencyIndex struct {
	// MinWords is the fewest words a source must have to be compared
	// (default 3): short segments (Yes. Photo: AP) are translated by
	// context.
	MinWords int
	// Borrowed says the texts given to Add and AddIndex are good only
	// for the call (views of a streaming reader's buffer, reused for the
	// next row): the index copies the few it keeps, the text of a new
	// variant, instead of the caller copying every one.
	Borrowed bool

	bySource map[uint64]*variants
	byTarget map[uint64]*variants
	order    int
	// names are the places given to Add by name; a place id p < 0 is
	// names[-p-1], one p >= 0 the index given to AddIndex
	names []string
	// links holds the places of every variant, each list chained
	// through next in the order added: one slice without pointers, not
	// a slice per variant
	links []placeLink
	// the last source normalised: a source comes once per translation
	// (its bytes, a copy: the caller's string may be a borrowed view)
	lastSrc   []byte
	lastOK    bool
	lastKey   uint64
	lastWords int
	buf       []byte
	seed      maphash.Seed
	seeded    bool
	pairs     [][2]string // source and translation languages
}

// pairKey is a sentence's key in one pair of languages (pair, an index
// into pairs: the languages are not hashed with every sentence), one
// integer so that the maps take the fast path for them. Keys are 64-bit
// hashes already (two sentences of one key are taken for one); the
// pair's multiple of an odd constant keeps the pairs apart as well.
func pairKey(pair int, key uint64) uint64 {
	return key + uint64(pair)*0x9E3779B97F4A7C15
}

// pair returns the index of the pair of languages srcLang, lang.
func (x *ConsistencyIndex) pair(srcLang, lang string) int {
	for i, p := range x.pairs {
		if p[0] == srcLang && p[1] == lang {
			return i
		}
	}
	x.pairs = append(x.pairs, [2]string{srcLang, lang})
	return len(x.pairs) - 1
}

type variants struct {
	first int
	pair  int
	// the texts by normalised key of the other side, each with its places:
	// the first inline (most sentences have one), the others in more
	headKey uint64
	head    variant
	more    map[uint64]*variant
}

func (v *variants) count() int { return 1 + len(v.more) }

type variant struct {
	text  string
	first int
	// the first and the last of its places in ConsistencyIndex.links
	head, tail int32
}

// placeLink is a place id (see ConsistencyIndex.names) and the index in
// ConsistencyIndex.links of the next place of the same variant, or -1.
type placeLink struct {
	place, next int32
}

// link adds place to the places of t.
func (x *ConsistencyIndex) link(t *variant, place int32) {
	i := int32(len(x.links))
	x.links = append(x.links, placeLink{place, -1})
	if t.tail < 0 {
		t.head = i
	} else {
		x.links[t.tail].next = i
	}
	t.tail = i
}

// Add records that in place (the caller's opaque id: document and group)
// src, written in srcLang, is translated as tgt in lang.
func (x *ConsistencyIndex) Add(place, srcLang, src, lang, tgt string) {
	x.names = append(x.names, place)
	x.add(int32(-len(x.names)), srcLang, src, lang, tgt)
}

// AddIndex is [ConsistencyIndex.Add] for a place that is a number from 0
// (an index into the caller's own list of places): its findings' Places
// hold it in decimal. A caller with many places keeps no string per place.
func (x *ConsistencyIndex) AddIndex(place int, srcLang, src, lang, tgt string) {
	x.add(int32(place), srcLang, src, lang, tgt)
}

// placeName returns the place of id as the caller gave it.
func (x *ConsistencyIndex) placeName(id int32) string {
	if id < 0 {
		return x.names[-id-1]
	}
	return strconv.Itoa(int(id))
}

func (x *ConsistencyIndex) add(place int32, srcLang, src, lang, tgt string) {
	min := x.MinWords
	if min == 0 {
		min = 3
	}
	if !x.seeded {
		x.seed, x.seeded = maphash.MakeSeed(), true
	}
	if !x.lastOK || string(x.lastSrc) != src || x.order == 0 {
		x.lastSrc, x.lastOK = append(x.lastSrc[:0], src...), true
		x.buf, x.lastWords = normalizeSentence(x.buf[:0], src)
		x.lastKey = maphash.Bytes(x.seed, x.buf)
	}
	sk, sw := x.lastKey, x.lastWords
	x.buf, _ = normalizeSentence(x.buf[:0], tgt)
	if sw < min || len(x.buf) == 0 {
		x.lastOK = false // the buffer no longer holds the source
		return
	}
	tk := maphash.Bytes(x.seed, x.buf)
	if x.bySource == nil {
		x.bySource, x.byTarget = map[uint64]*variants{}, map[uint64]*variants{}
	}
	x.order++
	p := x.pair(srcLang, lang)
	x.put(x.bySource, p, sk, tk, tgt, place)
	x.put(x.byTarget, p, tk, sk, src, place)
}

func (x *ConsistencyIndex) put(m map[uint64]*variants, pair int, key, other uint64, text string, place int32) {
	k := pairKey(pair, key)
	v := m[k]
	if x.Borrowed && (v == nil || v.headKey != other && v.more[other] == nil) {
		text = strings.Clone(text) // a new variant: its text is kept
	}
	if v == nil {
		v = &variants{first: x.order, pair: pair, headKey: other, head: variant{text: text, first: x.order, tail: -1}}
		x.link(&v.head, place)
		m[k] = v
		return
	}
	if v.headKey == other {
		x.link(&v.head, place)
		return
	}
	if v.more == nil {
		v.more = map[uint64]*variant{}
	}
	t := v.more[other]
	if t == nil {
		t = &variant{text: text, first: x.order, tail: -1}
		v.more[other] = t
	}
	x.link(t, place)
}

// Findings returns one finding per source sentence with two or more
// translations (qa.consistency.source) and per translation used for two or
// more sources (qa.consistency.target), in the order the first place was
// added. Places lists every place, grouped by variant; Data has the
// variants' texts (Variants), their count (Count), and how many of the
// places each variant has, in the same order (VariantPlaces): among a
// hundred places of one sentence, the three that differ.
func (x *ConsistencyIndex) Findings() []Finding {
	type item struct {
		first int
		f     Finding
	}
	var items []item
	collect := func(m map[uint64]*variants, id string) {
		for _, v := range m {
			if v.count() < 2 {
				continue
			}
			vs := []*variant{&v.head}
			for _, t := range v.more {
				vs = append(vs, t)
			}
			sort.Slice(vs, func(i, j int) bool { return vs[i].first < vs[j].first })
			var places, texts []string
			counts := make([]int, 0, len(vs))
			for _, t := range vs {
				n := len(places)
				for p := t.head; p >= 0; p = x.links[p].next {
					places = append(places, x.placeName(x.links[p].place))
				}
				texts = append(texts, t.text)
				counts = append(counts, len(places)-n)
			}
			srcLang, lang := x.pairs[v.pair][0], x.pairs[v.pair][1]
			items = append(items, item{v.first, Finding{Kind: Consistency, Severity: Warning, Lang: lang, SrcLang: srcLang,
				Source: NoSpan, Target: NoSpan, Message: id, Places: places,
				Data: map[string]any{"Count": len(vs), "Variants": texts, "VariantPlaces": counts, "Places": len(places), "Lang": lang, "SrcLang": srcLang}}})
		}
	}
	collect(x.bySource, "qa.consistency.source")
	collect(x.byTarget, "qa.consistency.target")
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].first != items[j].first {
			return items[i].first < items[j].first
		}
		return items[i].f.Message < items[j].f.Message
	})
	out := make([]Finding, len(items))
	for i, it := range items {
		out[i] = it.f
	}
	return out
}

// normalizeSentence appends the comparison form of s to b and returns it
// with the word count of s.
func normalizeSentence(b []byte, s string) ([]byte, int) {
	words, space, inWord, inNum := 0, false, false, false
	for i := 0; i < len(s); {
		c := s[i]
		r, n := rune(c), 1
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2 // decodeMulti's two-byte case, inline
		} else if c >= utf8.RuneSelf {
			r, n = decodeMulti(s, i)
		}
		i += n
		// Fast paths: letters of ASCII and Cyrillic, most of every text.
		if c < utf8.RuneSelf && isASCIILetter(c) || r >= 0x400 && r < 0x530 && r != 0x482 && r != 'ё' && r != 'Ё' {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space, inNum = false, false
			if !inWord {
				words++
			}
			inWord = true
			if c < utf8.RuneSelf {
				b = append(b, c|0x20)
			} else {
				l := cyrLower[r-0x400]
				b = append(b, byte(0xC0|l>>6), byte(0x80|l&0x3F))
			}
			// The rest of the word's letters of the fast path, in a loop
			// of their own: nothing else changes until the word ends.
			for i < len(s) {
				c := s[i]
				if c < utf8.RuneSelf {
					if !isASCIILetter(c) {
						break
					}
					b = append(b, c|0x20)
					i++
					continue
				}
				if c < 0xD0 || c > 0xD4 || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
					break
				}
				r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
				if r >= 0x530 || r == 0x482 || r == 'ё' || r == 'Ё' {
					break
				}
				l := cyrLower[r-0x400]
				b = append(b, byte(0xC0|l>>6), byte(0x80|l&0x3F))
				i += 2
			}
			continue
		}
		switch {
		case r == utf8.RuneError:
			continue
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r >= 0x80 && (r < 0x400 || r >= 0x1680) && (unicode.IsSpace(r) || r == 0x2009 || r == 0x202F):
			space = true
			inWord, inNum = false, false
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		switch {
		case r >= '0' && r <= '9':
			if !inNum {
				b = append(b, '#')
			}
			inNum, inWord = true, false
			continue
		case inNum && (r == ',' || r == '.'):
			continue // 1,000 and 3.5 mask as one number
		case isQuoteRune(r) || r == '‘' || r == '’' && !inWord:
			continue // quotes: «a» = "a" = a
		case r >= 0x2010 && r <= 0x2015 || r == '-':
			b = append(b, '-')
		case r == 'ё' || r == 'Ё':
			b = append(b, "е"...)
		default:
			if isLetter(r) && !inWord {
				words++
			}
			b = utf8.AppendRune(b, toLower(r))
		}
		inNum = false
		inWord = isLetter(r)
	}
	return b, words
}
