package glossary

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/cespare/xxhash/v2"
)

// A compiled glossary is a glossary's entries and its matcher in one
// file, so that a command can use a large glossary without parsing the
// YAML and expanding every form again ([Matcher.AppendCompiled],
// [OpenCompiled]). The file is the matcher's flat tables as they are in
// memory, so opening it is a check of its sum and of its tables' bounds,
// and slices into the bytes read: no copy, no hash map to fill.
//
// Layout (integers in the byte order of the machine that wrote it, which
// the header records; the file is local derived data):
//
//	 0  magic "tilmashG"
//	 8  uint32 compiledFormat
//	12  uint32 0x01020304, the byte order
//	16  [32]byte key: what the caller derived the file from
//	48  uint64 payload length
//	56  uint64 xxhash64 of bytes 0-55 and of the payload
//	64  payload: a sequence of arrays, each a uint64 count then the
//	    elements, padded to 8 bytes
//
// The payload holds a string table, the workspace languages, the entries
// (as uint32 records of string numbers and counts, where each entry
// starts in them, and the entries' numbers in the byte order of their ids,
// so that one entry can be decoded, or found by id, alone: see
// [OpenCompiledFileLazy]), then for each language
// its trie's tables in a fixed order (see writeTrie), then the number of
// derived sections and each as a byte array: data the caller derived from
// the glossary and keeps with it (the endings index of the checks), under
// the same key and sum.

// compiledFormat is the version of the layout. Change it with any change
// to the layout or to what a trie holds; the caller's key covers the tool
// version, so a release that changes the inflection rules invalidates old
// files anyway.
const compiledFormat = 4

const (
	compiledMagic  = "tilmashG"
	compiledHeader = 64
	byteOrderMark  = 0x01020304
)

// ErrNotCached is wrapped by the errors of [Matcher.AppendCompiled] for a
// matcher that cannot be stored, and of [OpenCompiled] for bytes that are
// not an intact compiled glossary of this version and key.
var ErrNotCached = errors.New("glossary: no usable compiled glossary")

// Glossary returns the glossary the matcher was compiled from.
func (m *Matcher) Glossary() *Glossary { return m.g }

// AppendCompiled appends the compiled glossary (m's glossary and tables)
// to dst, tagged with key, and returns the result. key is what the caller
// derived it from (a hash of the glossary files, the settings and the tool
// version): [OpenCompiled] accepts the bytes only with the same key.
// derived are sections the caller computed from the glossary, stored
// as they are under the same key and sum ([OpenCompiledSections] returns
// them); their format is the caller's, and key must cover it.
func (m *Matcher) AppendCompiled(dst []byte, key [32]byte, derived ...[]byte) []byte {
	start := len(dst)
	w := &writer{b: dst}
	w.b = append(w.b, compiledMagic...)
	w.b = binary.NativeEndian.AppendUint32(w.b, compiledFormat)
	w.b = binary.NativeEndian.AppendUint32(w.b, byteOrderMark)
	w.b = append(w.b, key[:]...)
	w.b = append(w.b, make([]byte, 16)...) // length and sum, below
	payload := len(w.b)

	// The string table.
	ids := map[string]uint32{}
	var strBlob []byte
	var strOff []uint32
	str := func(s string) uint32 {
		if id, ok := ids[s]; ok {
			return id
		}
		id := uint32(len(strOff))
		ids[s] = id
		strOff = append(strOff, uint32(len(strBlob)))
		strBlob = append(strBlob, s...)
		return id
	}
	var langs, recs []uint32
	for _, l := range m.g.Langs {
		langs = append(langs, str(l))
	}
	// counts are the entries, their forms and the items of their lists,
	// so that the reader allocates each kind once.
	counts := []uint32{0, 0, 0}
	list := func(l []string) {
		recs = append(recs, uint32(len(l)))
		for _, s := range l {
			recs = append(recs, str(s))
		}
		counts[2] += uint32(len(l))
	}
	entries := m.g.all()
	counts[0] = uint32(len(entries))
	starts := make([]uint32, len(entries))
	for i, e := range entries {
		starts[i] = uint32(len(recs))
		recs = append(recs, str(e.ID), str(string(e.Kind)), str(e.Note), str(e.File),
			uint32(e.Line), uint32(e.Column), uint32(len(e.Langs)))
		for _, l := range sortedLangs(e.Langs) {
			f := e.Langs[l]
			recs = append(recs, str(l), str(f.Term), str(f.Inflect))
			list(f.Variants)
			list(f.Forbidden)
			list(f.Forms)
			counts[1]++
		}
	}
	byID := make([]uint32, len(entries))
	for i := range byID {
		byID[i] = uint32(i)
	}
	slices.SortFunc(byID, func(a, b uint32) int { return strings.Compare(entries[a].ID, entries[b].ID) })
	tries := m.Langs()
	trieLang := make([]uint32, len(tries))
	for i, l := range tries {
		trieLang[i] = str(l)
	}
	strOff = append(strOff, uint32(len(strBlob)))
	// Size the file first: it is tens of megabytes for a large glossary,
	// and growing it by doubling would hold twice that.
	sizer := &writer{sizing: true}
	for _, l := range tries {
		m.langs[l].write(sizer)
	}
	writeArray(sizer, []uint64{uint64(len(derived))})
	for _, d := range derived {
		writeArray(sizer, d)
	}
	w.b = slices.Grow(w.b, 8*8+len(strBlob)+4*(len(strOff)+len(langs)+len(counts)+len(recs)+len(starts)+len(byID)+len(trieLang))+8*8+sizer.size)
	writeArray(w, strBlob)
	writeArray(w, strOff)
	writeArray(w, langs)
	writeArray(w, counts)
	writeArray(w, recs)
	writeArray(w, starts)
	writeArray(w, byID)
	writeArray(w, trieLang)
	for _, l := range tries {
		m.langs[l].write(w)
	}
	writeArray(w, []uint64{uint64(len(derived))})
	for _, d := range derived {
		writeArray(w, d)
	}

	binary.NativeEndian.PutUint64(w.b[start+48:], uint64(len(w.b)-payload))
	binary.NativeEndian.PutUint64(w.b[start+56:], compiledSum(w.b[start:]))
	return w.b
}

func compiledSum(file []byte) uint64 {
	d := xxhash.New()
	d.Write(file[:56])
	d.Write(file[compiledHeader:])
	return d.Sum64()
}

// write appends the trie's tables; read takes them in the same order.
func (t *langTrie) write(w *writer) {
	writeArray(w, []uint64{uint64(t.nKeys), uint64(t.nNodes), uint64(t.tagShift), uint64(t.sufBits)})
	writeArray(w, t.slots)
	writeArray(w, t.bloom)
	writeArray(w, t.keyRef)
	writeArray(w, t.stems)
	writeArray(w, t.sufOff)
	writeArray(w, t.blob)
	writeArray(w, t.firstParent)
	writeArray(w, t.hasExtra)
	writeArray(w, t.extraKey)
	writeArray(w, t.extraChild)
	writeArray(w, t.hasOut)
	writeArray(w, t.runStart)
	writeArray(w, t.runOut)
	writeArray(w, t.multiNode)
	writeArray(w, t.multiStart)
	writeArray(w, t.multiOut)
	// The look-up's prefilters, built on a first scan otherwise: with
	// 10,000 entries that was a tenth of a status checking one document.
	t.preOnce.Do(t.buildPre)
	writeArray(w, []uint64{uint64(t.preShift), uint64(t.shortShift)})
	writeArray(w, t.pre)
	writeArray(w, t.shortKey)
	writeArray(w, t.shortRef)
}

func (t *langTrie) read(r *reader) {
	n := readArray[uint64](r)
	if len(n) != 4 || n[0] >= 1<<31 || n[1] >= 1<<31 || n[2] > 32 || n[3] > 32 {
		r.fail("trie sizes")
		return
	}
	t.nKeys, t.nNodes, t.tagShift, t.sufBits = int(n[0]), int(n[1]), uint32(n[2]), uint32(n[3])
	t.slots = readArray[uint32](r)
	t.bloom = readArray[uint64](r)
	t.keyRef = readArray[uint32](r)
	t.stems = readArray[uint64](r)
	t.sufOff = readArray[uint32](r)
	t.blob = readArray[byte](r)
	t.firstParent = readArray[uint32](r)
	t.hasExtra = readArray[uint64](r)
	t.extraKey = readArray[uint64](r)
	t.extraChild = readArray[uint32](r)
	t.hasOut = readArray[uint64](r)
	t.runStart = readArray[uint32](r)
	t.runOut = readArray[uint64](r)
	t.multiNode = readArray[uint32](r)
	t.multiStart = readArray[uint32](r)
	t.multiOut = readArray[uint64](r)
	shifts := readArray[uint64](r)
	t.pre = readArray[uint64](r)
	t.shortKey = readArray[uint64](r)
	t.shortRef = readArray[uint32](r)
	if r.err == nil && len(shifts) != 2 {
		r.fail("trie prefilters")
		return
	}
	if r.err == nil {
		t.preShift, t.shortShift = uint32(min(shifts[0], 64)), uint32(min(shifts[1], 64))
		t.preOnce.Do(func() {}) // read, not built (check refuses bad ones)
	}
}

// writer appends arrays to b; a sizing writer only adds up their size.
type writer struct {
	b      []byte
	sizing bool
	size   int
}

func writeArray[T byte | uint32 | uint64](w *writer, a []T) {
	if w.sizing {
		var zero T
		w.size += 8 + (len(a)*int(unsafe.Sizeof(zero))+7)&^7
		return
	}
	w.b = binary.NativeEndian.AppendUint64(w.b, uint64(len(a)))
	if len(a) > 0 {
		size := len(a) * int(unsafe.Sizeof(a[0]))
		w.b = append(w.b, unsafe.Slice((*byte)(unsafe.Pointer(&a[0])), size)...)
		for size%8 != 0 {
			w.b = append(w.b, 0)
			size++
		}
	}
}

// reader takes arrays from a payload whose start is 8-byte aligned, as
// slices of it.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s at byte %d", ErrNotCached, what, compiledHeader+r.off)
	}
}

func readArray[T byte | uint32 | uint64](r *reader) []T {
	if r.err != nil {
		return nil
	}
	if len(r.b)-r.off < 8 {
		r.fail("array length")
		return nil
	}
	n := binary.NativeEndian.Uint64(r.b[r.off:])
	r.off += 8
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	if n > uint64(len(r.b)-r.off)/size {
		r.fail("array length")
		return nil
	}
	if n == 0 {
		return nil
	}
	bytes := int(n * size)
	a := unsafe.Slice((*T)(unsafe.Pointer(&r.b[r.off])), int(n))
	r.off += (bytes + 7) &^ 7
	if r.off > len(r.b) {
		r.off = len(r.b)
	}
	return a[:n:n]
}

// OpenCompiled returns the matcher, and through [Matcher.Glossary] the
// glossary, stored in data by [Matcher.AppendCompiled] with the same key.
// The matcher and the glossary's strings are slices of data, which the
// caller must not change afterwards. Bytes that are not such a file (cut
// short, changed, another key, another version of the layout, another
// byte order) give an error wrapping [ErrNotCached]: its sum and every
// table's bounds are checked, so a damaged file is refused, never used.
func OpenCompiled(data []byte, key [32]byte) (*Matcher, error) {
	m, _, err := openCompiled(data, key, false, false)
	return m, err
}

// OpenCompiledSections is [OpenCompiled] that also returns the derived
// sections stored with the glossary (see [Matcher.AppendCompiled]), as
// slices of data.
func OpenCompiledSections(data []byte, key [32]byte) (*Matcher, [][]byte, error) {
	return openCompiled(data, key, false, false)
}

// openCompiled is OpenCompiledSections; with ownStrings set, the
// glossary's strings are copied out of data, which then only the matcher
// (and the derived sections) refer to (a mapped file, unmapped when the
// matcher goes). With lazy set, the glossary's entries are not decoded:
// see [OpenCompiledFileLazy].
func openCompiled(data []byte, key [32]byte, ownStrings, lazy bool) (*Matcher, [][]byte, error) {
	bad := func(what string) (*Matcher, [][]byte, error) {
		return nil, nil, fmt.Errorf("%w: %s", ErrNotCached, what)
	}
	if len(data) < compiledHeader || string(data[:8]) != compiledMagic {
		return bad("not a compiled glossary")
	}
	if binary.NativeEndian.Uint32(data[8:]) != compiledFormat || binary.NativeEndian.Uint32(data[12:]) != byteOrderMark {
		return bad("another version or byte order")
	}
	if [32]byte(data[16:48]) != key {
		return bad("another key")
	}
	if binary.NativeEndian.Uint64(data[48:]) != uint64(len(data)-compiledHeader) {
		return bad("cut short or too long")
	}
	if binary.NativeEndian.Uint64(data[56:]) != compiledSum(data) {
		return bad("checksum mismatch")
	}
	payload := data[compiledHeader:]
	if len(payload) > 0 && uintptr(unsafe.Pointer(&payload[0]))%8 != 0 {
		// The tables are read in place, which needs their alignment.
		aligned := make([]uint64, (len(payload)+7)/8)
		buf := unsafe.Slice((*byte)(unsafe.Pointer(&aligned[0])), len(payload))
		copy(buf, payload)
		payload = buf
	}
	r := &reader{b: payload}
	strBlob := readArray[byte](r)
	strOff := readArray[uint32](r)
	langIDs := readArray[uint32](r)
	counts := readArray[uint32](r)
	recs := readArray[uint32](r)
	starts := readArray[uint32](r)
	byID := readArray[uint32](r)
	trieLang := readArray[uint32](r)
	if r.err != nil {
		return nil, nil, r.err
	}
	if len(strOff) == 0 || len(counts) != 3 || strOff[len(strOff)-1] > uint32(len(strBlob)) {
		return bad("string table")
	}
	for i := 1; i < len(strOff); i++ {
		if strOff[i] < strOff[i-1] {
			return bad("string table")
		}
	}
	if ownStrings && !lazy {
		strBlob = slices.Clone(strBlob)
	}
	nStr := uint32(len(strOff) - 1)
	str := func(id uint32) (string, bool) {
		if id >= nStr {
			return "", false
		}
		a, b := strOff[id], strOff[id+1]
		if a == b {
			return "", true
		}
		return unsafe.String(&strBlob[a], int(b-a)), true
	}
	var langs []string
	if len(langIDs) > 0 {
		langs = make([]string, len(langIDs))
	}
	for i, id := range langIDs {
		var ok bool
		if langs[i], ok = str(id); !ok {
			return bad("languages")
		}
	}
	// The records are walked whole, so that an entry decoded later, alone,
	// cannot fail, and the ids are unique.
	if !walkEntries(recs, counts, starts, nStr) || !idsInOrder(byID, recs, starts, str) {
		return bad("entries")
	}
	var g *Glossary
	if lazy {
		g = &Glossary{Langs: langs, lazy: &lazyEntries{recs: recs, starts: starts, byID: byID, str: str}}
	} else {
		entries, ok := decodeEntries(recs, counts, str)
		if !ok {
			return bad("entries")
		}
		g = New(langs, entries...)
		if len(g.Entries) != len(entries) {
			return bad("entries")
		}
	}
	nEntries := int(counts[0])
	m := &Matcher{g: g, langs: make(map[string]*langTrie, len(trieLang))}
	if lazy {
		g.lazy.keep = m
	}
	for _, id := range trieLang {
		lang, ok := str(id)
		if !ok || m.langs[lang] != nil {
			return bad("languages")
		}
		t := &langTrie{lang: lang}
		t.read(r)
		if r.err != nil {
			return nil, nil, r.err
		}
		if what := t.check(nEntries); what != "" {
			return bad(lang + " " + what)
		}
		t.init()
		m.langs[lang] = t
	}
	n := readArray[uint64](r)
	if r.err != nil || len(n) != 1 || n[0] > uint64(len(r.b)-r.off)/8 {
		return bad("derived sections")
	}
	var derived [][]byte
	if n[0] > 0 {
		derived = make([][]byte, n[0])
	}
	for i := range derived {
		derived[i] = readArray[byte](r)
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	if r.off != len(r.b) {
		return bad("trailing bytes")
	}
	return m, derived, nil
}

// decodeEntries reads the entry records AppendCompiled writes; counts
// are the numbers of entries, forms and list items they hold.
func decodeEntries(recs, counts []uint32, str func(uint32) (string, bool)) ([]*Entry, bool) {
	// Every entry takes at least 7 numbers, every form 6 and every list
	// item 1, so counts beyond those bounds are refused before anything
	// is allocated.
	nEntries, nForms, nItems := int(counts[0]), int(counts[1]), int(counts[2])
	if nEntries > len(recs)/7 || nForms > len(recs)/6 || nItems > len(recs) {
		return nil, false
	}
	block := make([]Entry, nEntries)
	entries := make([]*Entry, nEntries)
	forms := make([]Form, nForms)
	items := make([]string, nItems)
	i, ok := 0, true
	next := func() uint32 {
		if i >= len(recs) {
			ok = false
			return 0
		}
		i++
		return recs[i-1]
	}
	text := func() string {
		s, good := str(next())
		ok = ok && good
		return s
	}
	list := func() []string {
		k := int(next())
		if !ok || k > len(items) {
			ok = false
			return nil
		}
		if k == 0 {
			return nil
		}
		l := items[:k:k]
		items = items[k:]
		for j := range l {
			l[j] = text()
		}
		return l
	}
	for ei := range block {
		e := &block[ei]
		*e = Entry{ID: text(), Kind: Kind(text()), Note: text(), File: text(), Line: int(next()), Column: int(next())}
		nl := int(next())
		if !ok || nl > len(forms) {
			return nil, false
		}
		e.Langs = make(map[string]*Form, nl)
		for range nl {
			lang := text()
			f := &forms[0]
			forms = forms[1:]
			f.Term, f.Inflect = text(), text()
			f.Variants, f.Forbidden, f.Forms = list(), list(), list()
			e.Langs[lang] = f
		}
		if !ok {
			return nil, false
		}
		entries[ei] = e
	}
	return entries, ok && i == len(recs) && len(forms) == 0 && len(items) == 0
}

// walkEntries reports whether recs are the records of counts (entries,
// forms, list items), each entry starting where starts says and every
// string number below nStr, as decodeEntries and decodeEntry read them.
func walkEntries(recs, counts, starts []uint32, nStr uint32) bool {
	nEntries, nForms, nItems := int(counts[0]), int(counts[1]), int(counts[2])
	if len(starts) != nEntries {
		return false
	}
	i, ok := 0, true
	next := func() uint32 {
		if i >= len(recs) {
			ok = false
			return 0
		}
		i++
		return recs[i-1]
	}
	text := func() {
		ok = next() < nStr && ok
	}
	list := func() {
		k := int(next())
		if !ok || k > len(recs)-i {
			ok = false
			return
		}
		nItems -= k
		for range k {
			text()
		}
	}
	for e := range nEntries {
		if starts[e] != uint32(i) {
			return false
		}
		for range 4 {
			text() // id, kind, note, file
		}
		next() // line
		next() // column
		nl := int(next())
		if !ok || nl > len(recs)-i {
			return false
		}
		nForms -= nl
		for range nl {
			text() // language
			text() // term
			text() // inflect
			list() // variants
			list() // forbidden
			list() // forms
		}
		if !ok {
			return false
		}
	}
	return ok && i == len(recs) && nForms == 0 && nItems == 0
}

// idsInOrder reports whether byID numbers every entry once, in the byte
// order of their ids, with no id twice.
func idsInOrder(byID, recs, starts []uint32, str func(uint32) (string, bool)) bool {
	if len(byID) != len(starts) {
		return false
	}
	prev := ""
	for k, e := range byID {
		if int(e) >= len(starts) {
			return false
		}
		id, _ := str(recs[starts[e]])
		if k > 0 && id <= prev {
			return false
		}
		prev = id
	}
	return true
}

// lazyEntries are the entries of a compiled glossary opened by
// [OpenCompiledFileLazy], decoded when asked for (the matcher's matches,
// Lookup), each once. The records were checked whole when the file was
// opened (walkEntries, idsInOrder).
type lazyEntries struct {
	recs, starts, byID []uint32
	str                func(uint32) (string, bool) // slices of the file
	keep               *Matcher                    // the owner of the file's mapping

	mu   sync.Mutex
	done map[int32]*Entry
}

// at returns entry i.
func (l *lazyEntries) at(i int32) *Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.done[i]; ok {
		return e
	}
	if l.done == nil {
		l.done = map[int32]*Entry{}
	}
	e := l.decode(l.starts[i])
	l.done[i] = e
	return e
}

// lookup returns the entry with that id, or nil.
func (l *lazyEntries) lookup(id string) *Entry {
	k, found := slices.BinarySearchFunc(l.byID, id, func(e uint32, id string) int {
		s, _ := l.str(l.recs[l.starts[e]])
		return strings.Compare(s, id)
	})
	if !found {
		return nil
	}
	return l.at(int32(l.byID[k]))
}

// len returns the number of entries.
func (l *lazyEntries) len() int { return len(l.starts) }

// decode reads the entry whose records start at i, as decodeEntries does,
// its strings copied out of the file (the entry may outlive it).
func (l *lazyEntries) decode(i uint32) *Entry {
	next := func() uint32 {
		i++
		return l.recs[i-1]
	}
	text := func() string {
		s, _ := l.str(next())
		return strings.Clone(s)
	}
	list := func() []string {
		k := int(next())
		if k == 0 {
			return nil
		}
		out := make([]string, k)
		for j := range out {
			out[j] = text()
		}
		return out
	}
	e := &Entry{ID: text(), Kind: Kind(text()), Note: text(), File: text(), Line: int(next()), Column: int(next())}
	nl := int(next())
	e.Langs = make(map[string]*Form, nl)
	forms := make([]Form, nl)
	for k := range nl {
		lang := text()
		f := &forms[k]
		f.Term, f.Inflect = text(), text()
		f.Variants, f.Forbidden, f.Forms = list(), list(), list()
		e.Langs[lang] = f
	}
	return e
}

// check returns what is wrong with a trie read from a file, or "" when
// every index in it stays within its tables, so that no look-up can go
// out of bounds or loop.
func (t *langTrie) check(nEntries int) string {
	nk, nn := uint32(t.nKeys), uint32(t.nNodes)
	if nn == 0 || nk >= nn || t.tagShift != uint32(bits.Len32(nk+1)) || t.sufBits >= 32 {
		return "trie sizes"
	}
	empty, mask := false, uint32(1)<<t.tagShift-1
	for _, v := range t.slots {
		if v&mask > nk || v != 0 && v&mask == 0 {
			return "vocabulary"
		}
		empty = empty || v == 0
	}
	if !empty || len(t.bloom) == 0 || bits.OnesCount(uint(len(t.bloom))) != 1 {
		return "vocabulary"
	}
	if len(t.sufOff) == 0 || !slices.IsSorted(t.sufOff) || t.sufOff[len(t.sufOff)-1] > uint32(len(t.blob)) {
		return "keys"
	}
	nBlob := uint64(len(t.blob))
	for _, st := range t.stems {
		if st>>32+st&0xffffffff > nBlob {
			return "keys"
		}
	}
	if len(t.keyRef) != t.nKeys {
		return "keys"
	}
	nStems, nSuf := uint64(len(t.stems)), uint32(len(t.sufOff)-1)
	for _, ref := range t.keyRef {
		if uint64(ref>>t.sufBits) >= nStems || ref&(1<<t.sufBits-1) >= nSuf {
			return "keys"
		}
	}
	if len(t.firstParent) != t.nKeys || len(t.hasExtra) != (t.nKeys+63)/64 || len(t.extraChild) != len(t.extraKey) {
		return "edges"
	}
	for _, p := range t.firstParent {
		if p >= nn {
			return "edges"
		}
	}
	for i, k := range t.extraKey {
		if i > 0 && k <= t.extraKey[i-1] || uint32(k>>32) >= nk || uint32(k) >= nn || t.extraChild[i] >= nn {
			return "edges"
		}
	}
	if len(t.hasOut) != (t.nNodes+63)/64 || len(t.runOut) != len(t.runStart) {
		return "outputs"
	}
	validOut := func(v uint64) bool { return int(v>>32) < nEntries }
	for i, s := range t.runStart {
		if i > 0 && s <= t.runStart[i-1] || s >= nn || t.runOut[i] != multiOutput && !validOut(t.runOut[i]) {
			return "outputs"
		}
	}
	if len(t.multiStart) != len(t.multiNode)+1 || t.multiStart[0] != 0 ||
		t.multiStart[len(t.multiNode)] != uint32(len(t.multiOut)) || !slices.IsSorted(t.multiStart) ||
		!slices.IsSorted(t.multiNode) {
		return "outputs"
	}
	for _, v := range t.multiOut {
		if !validOut(v) {
			return "outputs"
		}
	}
	// The prefilters: tables of a power of two the shifts index, and the
	// short keys' table with an empty slot (a probe ends there) and ids
	// of keys of at most eight bytes.
	pow2 := func(n int) bool { return n > 0 && n&(n-1) == 0 }
	if !pow2(len(t.pre)) || t.preShift != uint32(64-bits.Len(uint(len(t.pre)*64)-1)) {
		return "prefilter"
	}
	if !pow2(len(t.shortKey)) || len(t.shortRef) != len(t.shortKey) || len(t.shortKey) < 2 ||
		t.shortShift != uint32(64-bits.Len(uint(len(t.shortKey))-1)) {
		return "short keys"
	}
	empty = false
	for i, k := range t.shortKey {
		if k == 0 {
			empty = true
		} else if ref := t.shortRef[i]; ref>>4 >= nk || ref&15 > 8 {
			return "short keys"
		}
	}
	if !empty {
		return "short keys"
	}
	return ""
}
