package qa

import (
	"bytes"
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
// writes it, [ReadEndingsIndex] reads it back, the same bytes as the
// index [NewEndingsIndex] builds. The index is these bytes, searched in
// place: reading it checks them and allocates next to nothing.
//
// Layout: five uint32 (little-endian): endingsFormat, minLen, maxLen,
// prefixes (0 or 1), n the number of stems; then keyEnd, n uint32: where
// each stem ends in the keys; recOff, n+1 uint32: where each stem's
// entries start in the records, and where they end; then the keys, the
// stems one after the other in byte order; then the records. A stem's
// records are unsigned varints and strings (a length then the bytes): the
// number of entries, and per entry: entry id, prefix words (a count then
// each), flags (1 possessive, 2 surname), hint, written.
//
// The initials are made again from the stems: they are a function of
// them.

// endingsFormat is the version of the layout; the cache's key covers the
// tool's build, so it only guards against reading another layout by
// mistake.
const endingsFormat = 2

// endingsHeader is the size of the fixed fields.
const endingsHeader = 5 * 4

// errEndings is the error of bytes that are not an endings index.
var errEndings = errors.New("qa: not an endings index")

// appendBinary appends the stored form of the index to b.
func (x *endingsBuilder) appendBinary(b []byte) []byte {
	keys := make([]string, 0, len(x.stems))
	for k := range x.stems {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	u32 := func(n int) { b = binary.LittleEndian.AppendUint32(b, uint32(n)) }
	prefixes := 0
	if x.prefixes {
		prefixes = 1
	}
	minLen := x.minLen
	if len(keys) == 0 {
		minLen = 0 // 1<<30 with no stem
	}
	var recs []byte
	num := func(n int) { recs = binary.AppendUvarint(recs, uint64(n)) }
	str := func(s string) { num(len(s)); recs = append(recs, s...) }
	recOff := make([]int, 0, len(keys)+1)
	for _, k := range keys {
		recOff = append(recOff, len(recs))
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
	recOff = append(recOff, len(recs))
	u32(endingsFormat)
	u32(minLen)
	u32(x.maxLen)
	u32(prefixes)
	u32(len(keys))
	end := 0
	for _, k := range keys {
		end += len(k)
		u32(end)
	}
	for _, o := range recOff {
		u32(o)
	}
	for _, k := range keys {
		b = append(b, k...)
	}
	return append(b, recs...)
}

// AppendBinary appends the index to b.
func (x *EndingsIndex) AppendBinary(b []byte) ([]byte, error) {
	return append(b, x.data...), nil
}

// ReadEndingsIndex reads an index [EndingsIndex.AppendBinary] wrote. The
// index is data, which the caller must not change while the index is
// used. Bytes that are not such an index (cut short, another layout,
// stems out of order, records that do not decode) are an error, never a
// partial index: every record is checked here, so that one decoded later
// cannot fail.
func ReadEndingsIndex(data []byte) (*EndingsIndex, error) {
	return ReadEndingsIndexIn(data, nil)
}

// ReadEndingsIndexIn is [ReadEndingsIndex] for data that stays valid while
// keep is reachable (a mapped file's owner): the index keeps it.
func ReadEndingsIndexIn(data []byte, keep any) (*EndingsIndex, error) {
	if len(data) < endingsHeader {
		return nil, errEndings
	}
	u32 := func(off int) int { return int(binary.LittleEndian.Uint32(data[off:])) }
	if u32(0) != endingsFormat {
		return nil, errEndings
	}
	minLen, maxLen, prefixes, n := u32(4), u32(8), u32(12), u32(16)
	// Every stem takes at least nine bytes (two offsets and a key byte).
	if prefixes > 1 || n > (len(data)-endingsHeader)/9 || 8*n+4 > len(data)-endingsHeader {
		return nil, errEndings
	}
	x := &EndingsIndex{minLen: 1 << 30, maxLen: maxLen, prefixes: prefixes == 1, n: n, data: data, keep: keep}
	if n > 0 {
		x.minLen = minLen
	}
	off := endingsHeader
	x.keyEnd, off = data[off:off+4*n], off+4*n
	x.recOff, off = data[off:off+4*(n+1)], off+4*(n+1)
	nKeys := 0
	if n > 0 {
		nKeys = x.end(n - 1)
	}
	if nKeys > len(data)-off {
		return nil, errEndings
	}
	x.keys, x.recs = data[off:off+nKeys], data[off+nKeys:]
	if x.recOffAt(0) != 0 || x.recOffAt(n) != len(x.recs) {
		return nil, errEndings
	}
	x.heads = new([headWords]uint64)
	var prev []byte
	for i := range n {
		start := 0
		if i > 0 {
			start = x.end(i - 1)
		}
		end := x.end(i)
		if end < start || end > nKeys || end-start < x.minLen || end-start > maxLen {
			return nil, errEndings
		}
		k := x.keys[start:end]
		if i > 0 && bytes.Compare(prev, k) >= 0 {
			return nil, errEndings
		}
		prev = k
		j, bit := headBit(k[:x.minLen])
		x.heads[j] |= bit
		a, b := x.recOffAt(i), x.recOffAt(i+1)
		if b < a || b > len(x.recs) || !validStemRecords(x.recs[a:b]) {
			return nil, errEndings
		}
		r, _ := utf8.DecodeRune(k)
		if r < 0x530 {
			x.cyrInit[r] = true
		} else if l := len(x.initial); l == 0 || x.initial[l-1] != r {
			// In byte order, so in rune order: a rune's stems are together.
			x.initial = append(x.initial, r)
		}
	}
	return x, nil
}

func (x *EndingsIndex) end(i int) int { return int(binary.LittleEndian.Uint32(x.keyEnd[4*i:])) }

func (x *EndingsIndex) recOffAt(i int) int { return int(binary.LittleEndian.Uint32(x.recOff[4*i:])) }

// key returns stem i.
func (x *EndingsIndex) key(i int) []byte {
	start := 0
	if i > 0 {
		start = x.end(i - 1)
	}
	return x.keys[start:x.end(i)]
}

// prefixRange returns the stems that start with head, as the range
// [lo, hi) of their numbers.
func (x *EndingsIndex) prefixRange(head []byte) (lo, hi int) {
	lo = x.search(0, x.n, func(k []byte) bool { return bytes.Compare(k, head) >= 0 })
	hi = x.search(lo, x.n, func(k []byte) bool { return !bytes.HasPrefix(k, head) })
	return lo, hi
}

// search returns the first i in [lo, hi) whose stem satisfies ok, which is
// false then true in stem order; hi when there is none.
func (x *EndingsIndex) search(lo, hi int, ok func([]byte) bool) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ok(x.key(m)) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// find returns the number of stem k, looked for in [lo, hi), or -1.
func (x *EndingsIndex) find(k []byte, lo, hi int) int {
	i := x.search(lo, hi, func(s []byte) bool { return bytes.Compare(s, k) >= 0 })
	if i < hi && bytes.Equal(x.key(i), k) {
		return i
	}
	return -1
}

// stemsAt decodes the entries of stem i, their strings copied out of the
// index's bytes (a finding may outlive a mapped file).
func (x *EndingsIndex) stemsAt(i int) []endStem {
	var out []endStem
	k := string(x.key(i))
	readStemRecords(x.recs[x.recOffAt(i):x.recOffAt(i+1)], func(n int) { out = make([]endStem, 0, n) },
		func(id string, prefix []string, flags int, hint, written string) {
			out = append(out, endStem{entryID: id, prefix: prefix,
				stem: morph.KazakhStem{Word: k, Possessive: flags&1 != 0, Surname: flags&2 != 0, Hint: hint}, written: written})
		})
	return out
}

// validStemRecords reports whether rec is the records of one stem, whole.
func validStemRecords(rec []byte) bool {
	return readStemRecords(rec, nil, nil)
}

// readStemRecords decodes the records of one stem: count is given their
// number, each every entry (nil only checks them). It reports whether rec
// is such records, nothing more.
func readStemRecords(rec []byte, count func(int), each func(id string, prefix []string, flags int, hint, written string)) bool {
	off, ok := 0, true
	num := func(limit int) int {
		if !ok {
			return 0
		}
		v, n := binary.Uvarint(rec[off:])
		if n <= 0 || v > uint64(limit) {
			ok = false
			return 0
		}
		off += n
		return int(v)
	}
	str := func() []byte {
		n := num(len(rec) - off)
		if !ok {
			return nil
		}
		s := rec[off : off+n]
		off += n
		return s
	}
	// Every entry takes at least five bytes.
	n := num(len(rec) / 5)
	if !ok || n == 0 {
		return false
	}
	if count != nil {
		count(n)
	}
	for range n {
		id := str()
		var prefix []string
		nw := num(len(rec) - off) // a word takes a byte at least
		if each != nil && nw > 0 {
			prefix = make([]string, nw)
		}
		for w := range nw {
			p := str()
			if prefix != nil {
				prefix[w] = string(p)
			}
		}
		flags := num(3)
		hint, written := str(), str()
		if !ok {
			return false
		}
		if each != nil {
			each(string(id), prefix, flags, string(hint), string(written))
		}
	}
	return ok && off == len(rec)
}
