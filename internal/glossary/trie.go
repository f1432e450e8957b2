package glossary

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// langTrie is the token trie of one language, in a flat layout: every
// table is a slice of fixed-size integers, and nothing in it depends on
// the process that built it (no pointers, no seeded hash), so the compiled
// glossary cache ([Matcher.AppendCompiled]) stores the slices as they are
// and [OpenCompiled] uses them in place.
//
// Token keys are interned into vocabulary ids 0..nKeys-1. A text token
// whose key is not in the vocabulary cannot be part of any match, which
// makes most tokens of a text cost a Bloom filter probe.
//
// Nodes are numbered 0..nNodes-1, the root 0. Every other node has exactly
// one incoming edge. Almost every token (an inflected form of one name)
// is on one edge only, so the first edge of token id leads to node id+1,
// from firstParent[id]: a step is one read of a flat array. The few
// tokens on more edges ("-", "облысы", the English possessive) have the
// others in extraKey, sorted for a binary search, their children numbered
// from nKeys+1 in extraChild.
type langTrie struct {
	lang   string
	nKeys  int
	nNodes int

	// slots is an open-addressing table over the xxhash of each key,
	// linear probing from fastrange(hash): id+1 in the low tagShift bits
	// and the top bits of the hash above, so a probe compares a key only
	// when they agree; 0 is an empty slot. There is always one, so a probe
	// ends.
	slots    []uint32
	tagShift uint32
	// bloom is a Bloom filter (two bits per key) over the vocabulary: most
	// words of a text are in no glossary form, and the filter (a few bits
	// per key, in cache) turns them away before the table is touched.
	bloom []uint64
	// keyRef spells each key, so a look-up compares it and stays exact. An
	// inflected form is mostly a stem of its glossary word plus an ending,
	// so a key is a stem (stems[i] is offset<<32 | length, in blob) and a
	// suffix (blob[sufOff[s]:sufOff[s+1]]): keyRef is stem<<sufBits | s.
	keyRef  []uint32
	sufBits uint32
	stems   []uint64
	sufOff  []uint32
	blob    []byte

	firstParent []uint32 // per token
	hasExtra    []uint64 // bit per token: it has edges in extraKey
	extraKey    []uint64 // id<<32 | parent, sorted
	extraChild  []uint32

	// hasOut has a bit set for every node that ends a form. The outputs of
	// nodes come in runs (the inflected forms of one form are consecutive
	// nodes): runOut[r] is the output of every node with outputs from
	// runStart[r] up to runStart[r+1]. A node with several outputs has the
	// run value multiOutput and its outputs in multiOut.
	hasOut     []uint64
	runStart   []uint32
	runOut     []uint64
	multiNode  []uint32 // sorted
	multiStart []uint32 // len(multiNode)+1
	multiOut   []uint64

	// punct holds the vocabulary ids of ASCII punctuation keys (-1: none).
	punct [utf8.RuneSelf]int32
	pool  sync.Pool // *scratch

	// pre is a bit set over the heads of the vocabulary's keys (the first
	// four bytes and the length, see headOf). Most words of a text have
	// a head no key has, and tokenIDs turns them away without hashing
	// them; the table is small enough to stay in cache, unlike bloom with
	// a large glossary. preOnce builds it on the first scan, or the
	// compiled glossary holds it with shortKey (langTrie.read).
	preOnce  sync.Once
	pre      []uint64
	preShift uint32
	// shortKey and shortRef are an exact table of the keys of at most
	// eight bytes (the, of, на, мен), which many words of a text are:
	// the key's bytes from the lowest, zero padded (0: an empty slot),
	// and id<<4 | length. Such a word costs no hash of its key.
	shortKey   []uint64
	shortRef   []uint32
	shortShift uint32
}

// An output is packed as entry<<32 | form<<1 | forbidden: entry indexes
// Glossary.Entries, form the entry's list of forms in the language
// (accepted, then forbidden; see [formAt]).
const multiOutput = ^uint64(0)

func packOutput(o output) uint64 {
	v := uint64(uint32(o.entry))<<32 | uint64(uint32(o.form))<<1
	if o.forbidden {
		v |= 1
	}
	return v
}

func unpackOutput(v uint64) output {
	return output{entry: int32(v >> 32), form: int32(uint32(v) >> 1), forbidden: v&1 != 0}
}

type scratch struct {
	k    *keyer
	ids  []int32
	toks []textToken
}

// init readies a trie whose tables are set: the punctuation ids and the
// scratch pool.
func (t *langTrie) init() {
	for c := range t.punct {
		key := string(rune(c))
		switch {
		case c == '-':
			key = dashKey
		case c == '\'' || c == '`':
			key = apostropheKey
		case c == '"':
			key = quoteKey
		}
		t.punct[c] = t.lookup(key)
	}
	lang := t.lang
	t.pool.New = func() any { return &scratch{k: newKeyer(lang)} }
}

// headOf returns the head of a key for pre: its first four bytes (zero
// padded) and its length in bytes.
func headOf(key []byte) uint64 {
	n := len(key)
	var u uint32
	if n >= 4 {
		u = binary.LittleEndian.Uint32(key)
	} else {
		for i := n - 1; i >= 0; i-- {
			u = u<<8 | uint32(key[i])
		}
	}
	return uint64(u) | uint64(n)<<32
}

// preBit returns the bit of pre for a key head.
func (t *langTrie) preBit(head uint64) uint64 {
	return (head * 0x9E3779B97F4A7C15) >> t.preShift
}

// mayHave reports whether a key with that head may be in the vocabulary:
// false means it is not.
func (t *langTrie) mayHave(head uint64) bool {
	b := t.preBit(head)
	return t.pre[b/64]&(1<<(b%64)) != 0
}

// buildPre fills pre: at least eight bits a key and at most 2^17 bits
// (16 KB, in a core's cache). Many keys share a head (the inflected forms
// of one word differ at the end), so even at 800,000 keys the table is
// not full. The heads come from the stems: a key's stem is mostly four
// bytes or more.
func (t *langTrie) buildPre() {
	bits := 12
	for bits < 17 && 1<<bits < 8*t.nKeys {
		bits++
	}
	t.pre = make([]uint64, 1<<bits/64)
	t.preShift = uint32(64 - bits)
	// The first four bytes of each stem, or ^0 when it is shorter.
	first := make([]uint32, len(t.stems))
	for i, st := range t.stems {
		off, n := uint32(st>>32), uint32(st)
		first[i] = ^uint32(0)
		if n >= 4 {
			first[i] = binary.LittleEndian.Uint32(t.blob[off:])
		}
	}
	var key []byte
	for _, ref := range t.keyRef {
		si, s := ref>>t.sufBits, ref&(1<<t.sufBits-1)
		st := t.stems[si]
		sufLen := t.sufOff[s+1] - t.sufOff[s]
		var head uint64
		if n := uint32(st); n >= 4 {
			head = uint64(first[si]) | uint64(n+sufLen)<<32
		} else {
			off := uint32(st >> 32)
			key = append(append(key[:0], t.blob[off:off+n]...), t.blob[t.sufOff[s]:t.sufOff[s+1]]...)
			head = headOf(key)
		}
		b := t.preBit(head)
		t.pre[b/64] |= 1 << (b % 64)
	}
	t.buildShort()
}

// buildShort fills shortKey and shortRef, at most half full.
func (t *langTrie) buildShort() {
	var short []uint32
	for id := range t.nKeys {
		ref := t.keyRef[id]
		st, s := t.stems[ref>>t.sufBits], ref&(1<<t.sufBits-1)
		if uint32(st)+t.sufOff[s+1]-t.sufOff[s] <= 8 {
			short = append(short, uint32(id))
		}
	}
	bits := 4
	for 1<<bits < 2*len(short) {
		bits++
	}
	t.shortKey = make([]uint64, 1<<bits)
	t.shortRef = make([]uint32, 1<<bits)
	t.shortShift = uint32(64 - bits)
	var key []byte
	for _, id := range short {
		ref := t.keyRef[id]
		st, s := t.stems[ref>>t.sufBits], ref&(1<<t.sufBits-1)
		off, n := uint32(st>>32), uint32(st)
		key = append(append(key[:0], t.blob[off:off+n]...), t.blob[t.sufOff[s]:t.sufOff[s+1]]...)
		v := shortValue(key)
		i := (v * 0x9E3779B97F4A7C15) >> t.shortShift
		for t.shortKey[i] != 0 {
			i = (i + 1) & (uint64(len(t.shortKey)) - 1)
		}
		t.shortKey[i], t.shortRef[i] = v, id<<4|uint32(len(key))
	}
}

// shortValue is the bytes of a key of at most eight bytes, from the
// lowest, zero padded.
func shortValue(key []byte) uint64 {
	var v uint64
	for i := len(key) - 1; i >= 0; i-- {
		v = v<<8 | uint64(key[i])
	}
	return v
}

// findShort returns the id of the key of n <= 8 bytes whose shortValue is
// v, or -1.
func (t *langTrie) findShort(v uint64, n uint) int32 {
	keys := t.shortKey
	mask := uint64(len(keys)) - 1
	for i := (v * 0x9E3779B97F4A7C15) >> t.shortShift; ; i = (i + 1) & mask {
		k := keys[i]
		if k == 0 {
			return -1
		}
		if r := t.shortRef[i]; k == v && uint(r&15) == n {
			return int32(r >> 4)
		}
	}
}

func hashKey[S string | []byte](key S) uint64 {
	return xxhash.Sum64String(string(key))
}

func (t *langTrie) bloomBits(h uint64) (uint64, uint64) {
	mask := uint64(len(t.bloom)*64 - 1)
	return h & mask, (h >> 32) & mask
}

func (t *langTrie) bloomHas(h uint64) bool {
	a, b := t.bloomBits(h)
	return t.bloom[a/64]&(1<<(a%64)) != 0 && t.bloom[b/64]&(1<<(b%64)) != 0
}

// keyIs reports whether vocabulary id spells key.
func keyIs[S string | []byte](t *langTrie, id uint32, key S) bool {
	ref := t.keyRef[id]
	st, s := t.stems[ref>>t.sufBits], ref&(1<<t.sufBits-1)
	off, n := uint32(st>>32), uint32(st)
	a, b := t.sufOff[s], t.sufOff[s+1]
	return uint32(len(key)) == n+b-a && string(key[:n]) == string(t.blob[off:off+n]) && string(key[n:]) == string(t.blob[a:b])
}

// key returns the spelling of vocabulary id.
func (t *langTrie) key(id int32) string {
	ref := t.keyRef[id]
	st, s := t.stems[ref>>t.sufBits], ref&(1<<t.sufBits-1)
	off, n := uint32(st>>32), uint32(st)
	return string(t.blob[off:off+n]) + string(t.blob[t.sufOff[s]:t.sufOff[s+1]])
}

// find returns the id of a key given its hash, or -1.
func find[S string | []byte](t *langTrie, key S, h uint64) int32 {
	if !t.bloomHas(h) {
		return -1
	}
	return findHashed(t, key, h)
}

// findHashed is find once the Bloom filter has let the key through.
func findHashed[S string | []byte](t *langTrie, key S, h uint64) int32 {
	n := uint64(len(t.slots))
	i, _ := bits.Mul64(h, n)
	mask := uint32(1)<<t.tagShift - 1
	tag := t.tag(h)
	for {
		v := t.slots[i]
		if v == 0 {
			return -1
		}
		if v&^mask == tag && keyIs(t, v&mask-1, key) {
			return int32(v&mask - 1)
		}
		if i++; i == n {
			i = 0
		}
	}
}

// tag is the bits of h that a slot keeps above the id.
func (t *langTrie) tag(h uint64) uint32 {
	if t.tagShift >= 32 {
		return 0
	}
	return uint32(h>>(32+t.tagShift)) << t.tagShift
}

func (t *langTrie) lookup(key string) int32 {
	return find(t, key, hashKey(key))
}

// next returns the child of node by token id.
func (t *langTrie) next(node uint32, id int32) (uint32, bool) {
	if t.firstParent[id] == node {
		return uint32(id) + 1, true
	}
	if t.hasExtra[id/64]&(1<<(id%64)) == 0 {
		return 0, false
	}
	if i, ok := slices.BinarySearch(t.extraKey, uint64(uint32(id))<<32|uint64(node)); ok {
		return t.extraChild[i], true
	}
	return 0, false
}

func (t *langTrie) final(node uint32) bool {
	return t.hasOut[node/64]&(1<<(node%64)) != 0
}

// outputs calls f with each output of a node that has some (see final),
// in the order they were added.
func (t *langTrie) outputs(node uint32, f func(output)) {
	r := sort.Search(len(t.runStart), func(i int) bool { return t.runStart[i] > node }) - 1
	if r < 0 {
		return
	}
	if v := t.runOut[r]; v != multiOutput {
		f(unpackOutput(v))
		return
	}
	i, ok := slices.BinarySearch(t.multiNode, node)
	if !ok {
		return
	}
	for _, v := range t.multiOut[t.multiStart[i]:t.multiStart[i+1]] {
		f(unpackOutput(v))
	}
}

// formAt returns the form of f that an output's form index names: the
// accepted forms (term, variants, extra forms) then the forbidden ones,
// the order in which [entryPlans] numbers them. It is "" for an index out
// of range.
func formAt(f *Form, i int32) string {
	if f == nil || i < 0 {
		return ""
	}
	if f.Term != "" {
		if i == 0 {
			return f.Term
		}
		i--
	}
	for _, list := range [][]string{f.Variants, f.Forms, f.Forbidden} {
		if int(i) < len(list) {
			return list[i]
		}
		i -= int32(len(list))
	}
	return ""
}

// trieBuilder is the mutable trie that compileLang fills, with hash maps
// that grow as forms are added; freeze turns it into a langTrie.
type trieBuilder struct {
	lang string
	// vocab maps the seeded hash of a token key to its id; keys holds the
	// key of each id, so a look-up compares the key and stays exact. Two
	// keys with one hash are kept apart in collide.
	vocab   map[uint64]int32
	collide map[string]int32
	seed    maphash.Seed
	keys    []string
	// baseOf is, per key, 1 + the index in origs of the glossary word it
	// inflects, or 0.
	baseOf []uint32
	origs  []string

	first    []edge  // per token; parent -1: no edge
	edgeKind []uint8 // per token: edgesOne, edgesMore or edgesBig
	more     map[int32][]edge
	big      map[uint64]int32

	out1  []output // per node; entry -1: none. Node 0 is the root
	outN  map[int32][]output
	multi []bool // per node: outN holds more outputs
}

type edge struct{ parent, child int32 }

// maxAdj is how many edges a token keeps in the builder's list before
// they move to its hash map.
const maxAdj = 8

const (
	edgesOne uint8 = iota
	edgesMore
	edgesBig
)

func newBuilder(lang string, estimate int) *trieBuilder {
	b := &trieBuilder{
		lang:     lang,
		vocab:    make(map[uint64]int32, estimate),
		collide:  map[string]int32{},
		seed:     maphash.MakeSeed(),
		keys:     make([]string, 0, estimate),
		baseOf:   make([]uint32, 0, estimate),
		first:    make([]edge, 0, estimate),
		edgeKind: make([]uint8, 0, estimate),
		more:     map[int32][]edge{},
		big:      map[uint64]int32{},
		out1:     make([]output, 1, estimate+1),
		outN:     map[int32][]output{},
		multi:    make([]bool, 1, estimate+1),
	}
	b.out1[0] = output{entry: -1}
	return b
}

// id returns the id of key, if it is in the vocabulary.
func (b *trieBuilder) id(key string) (int32, bool) {
	h := maphash.String(b.seed, key)
	id, ok := b.vocab[h]
	if ok && b.keys[id] != key {
		id, ok = b.collide[key]
	}
	return id, ok
}

func (b *trieBuilder) intern(key string, base uint32) int32 {
	h := maphash.String(b.seed, key)
	id, ok := b.vocab[h]
	if ok && b.keys[id] == key {
		return id
	}
	if ok {
		if id, ok := b.collide[key]; ok {
			return id
		}
	}
	id = int32(len(b.keys))
	if ok {
		b.collide[key] = id
	} else {
		b.vocab[h] = id
	}
	b.keys = append(b.keys, key)
	b.baseOf = append(b.baseOf, base)
	b.first = append(b.first, edge{-1, -1})
	b.edgeKind = append(b.edgeKind, edgesOne)
	return id
}

func bigKey(node, id int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(id)) }

// next returns the child of node by token id.
func (b *trieBuilder) next(node, id int32) (int32, bool) {
	if e := b.first[id]; e.parent == node {
		return e.child, true
	}
	switch b.edgeKind[id] {
	case edgesMore:
		for _, e := range b.more[id] {
			if e.parent == node {
				return e.child, true
			}
		}
	case edgesBig:
		c, ok := b.big[bigKey(node, id)]
		return c, ok
	}
	return 0, false
}

// child returns the child of node by key, adding it if needed; base
// names the glossary word that key inflects (see baseOf).
func (b *trieBuilder) child(node int32, key string, base uint32) int32 {
	id := b.intern(key, base)
	if c, ok := b.next(node, id); ok {
		return c
	}
	c := int32(len(b.out1))
	b.out1 = append(b.out1, output{entry: -1})
	b.multi = append(b.multi, false)
	switch {
	case b.first[id].parent < 0:
		b.first[id] = edge{node, c}
	case b.edgeKind[id] == edgesOne:
		b.edgeKind[id] = edgesMore
		b.more[id] = []edge{{node, c}}
	case b.edgeKind[id] == edgesMore && len(b.more[id]) < maxAdj:
		b.more[id] = append(b.more[id], edge{node, c})
	case b.edgeKind[id] == edgesMore:
		for _, e := range b.more[id] {
			b.big[bigKey(e.parent, id)] = e.child
		}
		delete(b.more, id)
		b.edgeKind[id] = edgesBig
		b.big[bigKey(node, id)] = c
	default:
		b.big[bigKey(node, id)] = c
	}
	return c
}

func (b *trieBuilder) addOutput(node int32, o output) {
	// The same entry may reach a node twice: keep the accepted form, so an
	// inflection shared by an accepted and a forbidden form is not reported.
	keep := func(have *output) bool {
		if have.entry != o.entry {
			return false
		}
		if have.forbidden && !o.forbidden {
			*have = o
		}
		return true
	}
	if b.out1[node].entry < 0 {
		b.out1[node] = o
		return
	}
	if keep(&b.out1[node]) {
		return
	}
	outs := b.outN[node]
	for i := range outs {
		if keep(&outs[i]) {
			return
		}
	}
	b.outN[node] = append(outs, o)
	b.multi[node] = true
}

// freeze lays the builder's trie out flat. It empties the builder as it
// goes, so that the maps can be collected while the tables are built.
func (b *trieBuilder) freeze() *langTrie {
	nKeys := len(b.keys)
	t := &langTrie{lang: b.lang, nKeys: nKeys, nNodes: len(b.out1)}

	// The vocabulary: the table two-thirds full at most, the Bloom filter
	// at least eight bits a key.
	t.slots = make([]uint32, nKeys+nKeys/2+1)
	t.tagShift = uint32(bits.Len32(uint32(nKeys + 1)))
	size := 64
	for size < 8*nKeys {
		size *= 2
	}
	t.bloom = make([]uint64, size/64)
	n := uint64(len(t.slots))
	for id, key := range b.keys {
		h := hashKey(key)
		a, c := t.bloomBits(h)
		t.bloom[a/64] |= 1 << (a % 64)
		t.bloom[c/64] |= 1 << (c % 64)
		i, _ := bits.Mul64(h, n)
		for t.slots[i] != 0 {
			if i++; i == n {
				i = 0
			}
		}
		t.slots[i] = t.tag(h) | uint32(id+1)
	}
	t.spell(b.keys, b.baseOf, b.origs)
	b.vocab, b.collide, b.keys, b.baseOf, b.origs = nil, nil, nil, nil, nil

	// Edges: the first of each token leads to node id+1, the others to
	// nodes numbered from nKeys+1, token by token.
	var bigOf map[int32][]edge
	if len(b.big) > 0 {
		bigOf = map[int32][]edge{}
		for k, c := range b.big {
			id := int32(uint32(k))
			bigOf[id] = append(bigOf[id], edge{int32(k >> 32), c})
		}
		for _, es := range bigOf {
			sort.Slice(es, func(i, j int) bool { return es[i].child < es[j].child })
		}
	}
	extrasOf := func(id int32) []edge {
		switch b.edgeKind[id] {
		case edgesMore:
			return b.more[id]
		case edgesBig:
			return bigOf[id]
		}
		return nil
	}
	renum := make([]uint32, len(b.out1)) // builder node -> flat node
	old := make([]int32, len(b.out1))    // flat node -> builder node
	next := uint32(nKeys + 1)
	for id := range int32(nKeys) {
		if b.first[id].parent < 0 {
			panic("glossary: a token key without an edge")
		}
		renum[b.first[id].child], old[id+1] = uint32(id+1), b.first[id].child
		for _, e := range extrasOf(id) {
			renum[e.child], old[next] = next, e.child
			next++
		}
	}
	t.firstParent = make([]uint32, nKeys)
	t.hasExtra = make([]uint64, (nKeys+63)/64)
	type extra struct {
		key   uint64
		child uint32
	}
	var extras []extra
	for id := range int32(nKeys) {
		t.firstParent[id] = renum[b.first[id].parent]
		for _, e := range extrasOf(id) {
			t.hasExtra[id/64] |= 1 << (id % 64)
			extras = append(extras, extra{uint64(uint32(id))<<32 | uint64(renum[e.parent]), renum[e.child]})
		}
	}
	b.first, b.edgeKind, b.more, b.big, bigOf, renum = nil, nil, nil, nil, nil, nil
	sort.Slice(extras, func(i, j int) bool { return extras[i].key < extras[j].key })
	t.extraKey = make([]uint64, len(extras))
	t.extraChild = make([]uint32, len(extras))
	for i, e := range extras {
		t.extraKey[i], t.extraChild[i] = e.key, e.child
	}

	// Outputs, in runs.
	t.hasOut = make([]uint64, (t.nNodes+63)/64)
	cur := uint64(0)
	for node := range uint32(t.nNodes) {
		o := b.out1[old[node]]
		if o.entry < 0 {
			continue
		}
		t.hasOut[node/64] |= 1 << (node % 64)
		v := packOutput(o)
		if b.multi[old[node]] {
			v = multiOutput
			t.multiNode = append(t.multiNode, node)
			t.multiStart = append(t.multiStart, uint32(len(t.multiOut)))
			t.multiOut = append(t.multiOut, packOutput(o))
			for _, o := range b.outN[old[node]] {
				t.multiOut = append(t.multiOut, packOutput(o))
			}
		}
		if len(t.runStart) == 0 || v != cur {
			t.runStart = append(t.runStart, node)
			t.runOut = append(t.runOut, v)
			cur = v
		}
	}
	t.multiStart = append(t.multiStart, uint32(len(t.multiOut)))
	b.out1, b.outN, b.multi = nil, nil, nil
	t.init()
	return t
}

// spell fills keyRef, stems, sufOff and blob: each key is a prefix of the
// glossary word it inflects (or of itself) and a suffix, words and
// suffixes stored once. When the stems and suffixes do not both fit the
// 32 bits of a keyRef, every key is a stem of its own.
func (t *langTrie) spell(keys []string, baseOf []uint32, origs []string) {
	var blob []byte
	add := func(s string) uint32 {
		off := uint32(len(blob))
		blob = append(blob, s...)
		return off
	}
	origAt := make([]int64, len(origs)) // offset in blob + 1, or 0
	orig := func(i uint32) uint32 {
		if origAt[i] == 0 {
			origAt[i] = int64(add(origs[i])) + 1
		}
		return uint32(origAt[i] - 1)
	}
	stemID := map[uint64]uint32{}
	var stems []uint64
	stem := func(off, n uint32) uint32 {
		st := uint64(off)<<32 | uint64(n)
		id, ok := stemID[st]
		if !ok {
			id = uint32(len(stems))
			stemID[st] = id
			stems = append(stems, st)
		}
		return id
	}
	sufID := map[string]uint32{"": 0}
	sufs := []string{""}
	refStem := make([]uint32, len(keys))
	refSuf := make([]uint32, len(keys))
	for id, key := range keys {
		n := 0
		if b := baseOf[id]; b > 0 {
			base := origs[b-1]
			for n < len(key) && n < len(base) && key[n] == base[n] {
				n++
			}
		}
		if n == 0 || 2*n < len(key) {
			n = len(key)
			refStem[id] = stem(add(key), uint32(n))
		} else {
			refStem[id] = stem(orig(baseOf[id]-1), uint32(n))
		}
		s, ok := sufID[key[n:]]
		if !ok {
			s = uint32(len(sufs))
			sufID[key[n:]] = s
			sufs = append(sufs, key[n:])
		}
		refSuf[id] = s
	}
	t.sufBits = uint32(bits.Len32(uint32(len(sufs) - 1)))
	if uint64(len(stems))<<t.sufBits > 1<<32 {
		t.sufBits, stems, sufs = 0, stems[:0], sufs[:1]
		for id, key := range keys {
			refStem[id], refSuf[id] = uint32(len(stems)), 0
			stems = append(stems, uint64(add(key))<<32|uint64(len(key)))
		}
	}
	t.keyRef = make([]uint32, len(keys))
	for id := range keys {
		t.keyRef[id] = refStem[id]<<t.sufBits | refSuf[id]
	}
	t.stems = stems
	t.sufOff = make([]uint32, len(sufs)+1)
	for i, s := range sufs {
		t.sufOff[i] = uint32(len(blob))
		blob = append(blob, s...)
	}
	t.sufOff[len(sufs)] = uint32(len(blob))
	t.blob = blob
}
