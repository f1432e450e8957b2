package qa

import (
	"encoding/binary"
	"errors"
	"slices"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// The endings index is derived from the glossary alone, and building it
// for 10,000 entries (a stem for every Kazakh name and variant) took a
// third of a status that checks one document. The compiled glossary cache
// keeps it beside the matcher (internal/app): [EndingsIndex.AppendBinary]
// writes it, [ReadEndingsIndex] reads it back, equal to the index
// [NewEndingsIndex] builds.
//
// Layout, unsigned varints and strings as a length then the bytes:
//
//	endingsFormat, minLen, maxLen, prefixes (0 or 1),
//	the number of stems, the number of entries and of prefix words in all,
//	then for each stem (in byte order): the stem, its entries, and per
//	entry: entry id, prefix words (a count then each), flags (1 possessive,
//	2 surname), hint, written.
//
// The initials and heads are made again from the stems: they are a
// function of them.

// endingsFormat is the version of the layout; the cache's key covers the
// tool's build, so it only guards against reading another layout by
// mistake.
const endingsFormat = 1

// errEndings is the error of bytes that are not an endings index.
var errEndings = errors.New("qa: not an endings index")

// AppendBinary appends the index to b.
func (x *EndingsIndex) AppendBinary(b []byte) ([]byte, error) {
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	str := func(s string) { num(len(s)); b = append(b, s...) }
	keys := make([]string, 0, len(x.stems))
	entries, words := 0, 0
	for k, l := range x.stems {
		keys = append(keys, k)
		entries += len(l)
		for _, s := range l {
			words += len(s.prefix)
		}
	}
	slices.Sort(keys)
	prefixes := 0
	if x.prefixes {
		prefixes = 1
	}
	minLen := x.minLen
	if len(keys) == 0 {
		minLen = 0 // 1<<30 with no stem
	}
	num(endingsFormat)
	num(minLen)
	num(x.maxLen)
	num(prefixes)
	num(len(keys))
	num(entries)
	num(words)
	for _, k := range keys {
		str(k)
		l := x.stems[k]
		num(len(l))
		for _, s := range l {
			str(s.entryID)
			num(len(s.prefix))
			for _, w := range s.prefix {
				str(w)
			}
			flags := 0
			if s.stem.Possessive {
				flags |= 1
			}
			if s.stem.Surname {
				flags |= 2
			}
			num(flags)
			str(s.stem.Hint)
			str(s.written)
		}
	}
	return b, nil
}

// ReadEndingsIndex reads an index [EndingsIndex.AppendBinary] wrote. Its
// strings are copied out of data. Bytes that are not such an index (cut
// short, another layout) are an error, never a partial index.
func ReadEndingsIndex(data []byte) (*EndingsIndex, error) {
	blob := string(data) // one copy: the strings below are slices of it
	off, ok := 0, true
	num := func(limit int) int {
		if !ok {
			return 0
		}
		v, n := binary.Uvarint(data[off:])
		if n <= 0 || v > uint64(limit) {
			ok = false
			return 0
		}
		off += n
		return int(v)
	}
	str := func() string {
		n := num(len(data) - off)
		if !ok || n > len(data)-off {
			ok = false
			return ""
		}
		s := blob[off : off+n]
		off += n
		return s
	}
	if num(endingsFormat) != endingsFormat {
		return nil, errEndings
	}
	// Every stem, entry and word takes at least a byte.
	minLen, maxLen, prefixes := num(len(data)), num(len(data)), num(1)
	nKeys, nEntries, nWords := num(len(data)), num(len(data)), num(len(data))
	if !ok {
		return nil, errEndings
	}
	x := &EndingsIndex{minLen: 1 << 30, maxLen: maxLen, prefixes: prefixes == 1, initial: map[rune]bool{},
		stems: make(map[string][]endStem, nKeys), heads: make(map[string]struct{}, nKeys)}
	if nKeys > 0 {
		x.minLen = minLen
	}
	block := make([]endStem, nEntries)
	words := make([]string, nWords)
	prev := ""
	for i := 0; i < nKeys && ok; i++ {
		k := str()
		n := num(len(block))
		if !ok || n == 0 || i > 0 && k <= prev || len(k) < x.minLen || len(k) > x.maxLen {
			return nil, errEndings
		}
		prev = k
		l := block[:n:n]
		block = block[n:]
		for j := range l {
			s := &l[j]
			s.entryID = str()
			if nw := num(len(words)); nw > 0 {
				s.prefix = words[:nw:nw]
				words = words[nw:]
				for w := range s.prefix {
					s.prefix[w] = str()
				}
			}
			flags := num(3)
			s.stem = morph.KazakhStem{Word: k, Possessive: flags&1 != 0, Surname: flags&2 != 0, Hint: str()}
			s.written = str()
		}
		x.stems[k] = l
		r, _ := utf8.DecodeRuneInString(k)
		if r < 0x530 {
			x.cyrInit[r] = true
		}
		x.initial[r] = true
		x.heads[k[:x.minLen]] = struct{}{}
	}
	if !ok || off != len(data) || len(block) != 0 || len(words) != 0 {
		return nil, errEndings
	}
	return x, nil
}
