package glossary

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// Matcher finds glossary forms in text. It is built once by [Compile] and is
// safe for concurrent use.
type Matcher struct {
	g     *Glossary
	langs map[string]*langTrie
}

// Match is one occurrence of a glossary form in a text.
type Match struct {
	EntryID string
	Lang    string
	// Start and End are byte offsets into the text as given, so
	// Text == text[Start:End] even when normalisation changed its length.
	Start, End int
	Text       string
	// Forbidden is set when the occurrence is a forbidden form.
	Forbidden bool
	// Form is the glossary form (term, variant, forbidden or extra form) of
	// which Text is an inflected or case-folded occurrence.
	Form string
	// Homoglyph is set when a word of Text mixes Latin and Cyrillic letters
	// and matched only once the look-alikes were corrected (Aлмaты).
	Homoglyph bool
}

// output is what a trie node yields: a form of an entry.
type output struct {
	entry     int32 // index into Glossary.Entries
	form      int32 // index into the entry's form list for the language
	forbidden bool
}

// langTrie is the token trie of one language. Token keys are interned into
// vocabulary ids; a text token whose key is not in the vocabulary cannot be
// part of any match, which makes most tokens of a text cost a Bloom filter
// probe. Edges are kept per token: first[id] is token id's first (parent,
// child) pair, which is all almost every token has (an inflected form of
// one name follows one node), so a step is one read of a flat array. A
// token under a few nodes lists the others in more; a token under many
// ("-", "облысы") has them in the hash map big. Outputs are kept the same
// way: out1 per node, the rare extra ones in outN.
type langTrie struct {
	lang string
	// vocab maps the seeded hash of a token key to its id; keys holds the
	// key of each id, so a look-up compares the key and stays exact. Two
	// keys with one hash (about one glossary in a hundred million) are
	// kept apart in collide.
	vocab   map[uint64]int32
	keys    []string
	collide map[string]int32
	// bloom is a Bloom filter (two bits per key) over the vocabulary: most
	// words of a text are in no glossary form, and the filter (a few bits
	// per key, in cache) turns them away before the large map is touched.
	bloom []uint64
	seed  maphash.Seed
	// punct holds the vocabulary ids of ASCII punctuation keys (-1: none).
	punct [utf8.RuneSelf]int32

	first    []edge  // per token; parent -1: no edge
	edgeKind []uint8 // per token: edgesOne, edgesMore or edgesBig
	more     map[int32][]edge
	big      map[uint64]int32

	out1  []output // per node; entry -1: none. Node 0 is the root
	outN  map[int32][]output
	multi []bool // per node: outN holds more outputs

	ids   []string   // entry ids by entry index
	forms [][]string // per entry index: accepted forms then forbidden ones
	pool  sync.Pool  // *scratch
}

type edge struct{ parent, child int32 }

const (
	edgesOne uint8 = iota
	edgesMore
	edgesBig
)

// maxAdj is how many edges a token keeps in its list before they move to
// the hash map.
const maxAdj = 8

type scratch struct {
	k    *keyer
	ids  []int32
	toks []token
}

func newTrie(lang string, entries, estimate int) *langTrie {
	t := &langTrie{
		lang:     lang,
		vocab:    make(map[uint64]int32, estimate),
		keys:     make([]string, 0, estimate),
		collide:  map[string]int32{},
		first:    make([]edge, 0, estimate),
		edgeKind: make([]uint8, 0, estimate),
		more:     map[int32][]edge{},
		big:      map[uint64]int32{},
		out1:     make([]output, 1, estimate+1),
		outN:     map[int32][]output{},
		multi:    make([]bool, 1, estimate+1),
		ids:      make([]string, entries),
		forms:    make([][]string, entries),
		seed:     maphash.MakeSeed(),
	}
	t.out1[0] = output{entry: -1}
	size := 64
	for size < 8*estimate {
		size *= 2
	}
	t.bloom = make([]uint64, size/64)
	t.pool.New = func() any { return &scratch{k: newKeyer(lang)} }
	return t
}

func (t *langTrie) intern(key string) int32 {
	h := maphash.String(t.seed, key)
	id, ok := t.vocab[h]
	if ok && t.keys[id] == key {
		return id
	}
	if ok {
		if id, ok := t.collide[key]; ok {
			return id
		}
	}
	id = int32(len(t.first))
	if ok {
		t.collide[key] = id
	} else {
		t.vocab[h] = id
	}
	t.keys = append(t.keys, key)
	t.first = append(t.first, edge{-1, -1})
	t.edgeKind = append(t.edgeKind, edgesOne)
	t.bloomAdd(h)
	return id
}

// find returns the id of a key given its hash, or -1.
func (t *langTrie) find(key []byte, h uint64) int32 {
	if id, ok := t.vocab[h]; ok {
		if t.keys[id] == string(key) {
			return id
		}
		if id, ok := t.collide[string(key)]; ok {
			return id
		}
	}
	return -1
}

func bigKey(node, id int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(id)) }

// next returns the child of node by token id.
func (t *langTrie) next(node, id int32) (int32, bool) {
	if e := t.first[id]; e.parent == node {
		return e.child, true
	}
	switch t.edgeKind[id] {
	case edgesMore:
		for _, e := range t.more[id] {
			if e.parent == node {
				return e.child, true
			}
		}
	case edgesBig:
		c, ok := t.big[bigKey(node, id)]
		return c, ok
	}
	return 0, false
}

func (t *langTrie) child(node int32, key string) int32 {
	id := t.intern(key)
	if c, ok := t.next(node, id); ok {
		return c
	}
	c := int32(len(t.out1))
	t.out1 = append(t.out1, output{entry: -1})
	t.multi = append(t.multi, false)
	switch {
	case t.first[id].parent < 0:
		t.first[id] = edge{node, c}
	case t.edgeKind[id] == edgesOne:
		t.edgeKind[id] = edgesMore
		t.more[id] = []edge{{node, c}}
	case t.edgeKind[id] == edgesMore && len(t.more[id]) < maxAdj:
		t.more[id] = append(t.more[id], edge{node, c})
	case t.edgeKind[id] == edgesMore:
		for _, e := range t.more[id] {
			t.big[bigKey(e.parent, id)] = e.child
		}
		delete(t.more, id)
		t.edgeKind[id] = edgesBig
		t.big[bigKey(node, id)] = c
	default:
		t.big[bigKey(node, id)] = c
	}
	return c
}

func (t *langTrie) addOutput(node int32, o output) {
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
	if t.out1[node].entry < 0 {
		t.out1[node] = o
		return
	}
	if keep(&t.out1[node]) {
		return
	}
	outs := t.outN[node]
	for i := range outs {
		if keep(&outs[i]) {
			return
		}
	}
	t.outN[node] = append(outs, o)
	t.multi[node] = true
}

// Compile builds the matcher of a glossary: for every language, every
// accepted and forbidden form of every entry is expanded into its inflected
// forms (see the package documentation) and put into a token trie. The
// languages compile in parallel, and so does the form generation within a
// language.
func Compile(g *Glossary) *Matcher {
	return compile(g, true)
}

func compile(g *Glossary, parallel bool) *Matcher {
	m := &Matcher{g: g, langs: map[string]*langTrie{}}
	langSet := map[string]bool{}
	for _, l := range g.Langs {
		langSet[l] = true
	}
	for _, e := range g.Entries {
		for l := range e.Langs {
			langSet[l] = true
		}
	}
	workers := 1
	if parallel {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for lang := range langSet {
		if !parallel {
			m.langs[lang] = compileLang(g, lang, 1)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := compileLang(g, lang, workers)
			mu.Lock()
			m.langs[lang] = t
			mu.Unlock()
		}()
	}
	wg.Wait()
	return m
}

// plan is the inflected forms of one glossary form, ready for the trie:
// each form is prefix followed by one of the single-token tails or one of
// the multi-token ones.
type plan struct {
	o      output
	prefix []string
	tails1 []string
	tailsN [][]string
}

func compileLang(g *Glossary, lang string, workers int) *langTrie {
	base := baseLang(lang)

	// Generate the forms of each entry on every core; insert them in
	// glossary order so that the trie, and the order of the entries a span
	// matches, do not depend on scheduling.
	plans := make([][]plan, len(g.Entries))
	forms := make([][]string, len(g.Entries))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := newKeyer(lang)
			for ei := w; ei < len(g.Entries); ei += workers {
				plans[ei], forms[ei] = entryPlans(k, base, lang, int32(ei), g.Entries[ei])
			}
		}()
	}
	wg.Wait()

	n := 0
	for _, ps := range plans {
		for _, p := range ps {
			// A multi-token tail mostly repeats keys of the others (Russian
			// case forms share words), so count one new key for each.
			n += len(p.prefix) + len(p.tails1) + len(p.tailsN)
		}
	}
	t := newTrie(lang, len(g.Entries), n)
	for i, e := range g.Entries {
		t.ids[i] = e.ID
	}
	copy(t.forms, forms)
	defer t.finish()
	for _, ps := range plans {
		for _, p := range ps {
			node := int32(0)
			for _, key := range p.prefix {
				node = t.child(node, key)
			}
			for _, key := range p.tails1 {
				t.addOutput(t.child(node, key), p.o)
			}
			for _, tail := range p.tailsN {
				c := node
				for _, key := range tail {
					c = t.child(c, key)
				}
				t.addOutput(c, p.o)
			}
		}
	}
	return t
}

// finish looks up the punctuation ids once the vocabulary is complete.
func (t *langTrie) finish() {
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
}

func (t *langTrie) bloomBits(h uint64) (uint64, uint64) {
	mask := uint64(len(t.bloom)*64 - 1)
	return h & mask, (h >> 32) & mask
}

func (t *langTrie) bloomAdd(h uint64) {
	a, b := t.bloomBits(h)
	t.bloom[a/64] |= 1 << (a % 64)
	t.bloom[b/64] |= 1 << (b % 64)
}

func (t *langTrie) bloomHas(h uint64) bool {
	a, b := t.bloomBits(h)
	return t.bloom[a/64]&(1<<(a%64)) != 0 && t.bloom[b/64]&(1<<(b%64)) != 0
}

// entryPlans returns the plans of every form of e in lang, and the list of
// those forms (accepted, then forbidden) that outputs index into.
func entryPlans(k *keyer, base, lang string, ei int32, e *Entry) ([]plan, []string) {
	f := e.Langs[lang]
	if f == nil {
		return nil, nil
	}
	var list []string
	var plans []plan
	add := func(s string, inflect, forbidden bool) {
		o := output{entry: ei, form: int32(len(list)), forbidden: forbidden}
		list = append(list, s)
		// The hint describes the accepted name; a forbidden form is another
		// word and follows the rules (Алматы is indeclinable, the deprecated
		// Алма-Ата declines).
		hint := f.Inflect
		switch {
		case !inflect:
			hint = "none"
		case forbidden:
			hint = ""
		}
		if p, ok := formPlan(k, base, s, e.Kind, hint); ok {
			p.o = o
			plans = append(plans, p)
		}
	}
	if f.Term != "" {
		add(f.Term, true, false)
	}
	for _, v := range f.Variants {
		add(v, true, false)
	}
	for _, v := range f.Forms {
		add(v, false, false)
	}
	for _, v := range f.Forbidden {
		add(v, true, true)
	}
	return plans, list
}

// formPlan expands one glossary form into its inflected forms.
func formPlan(k *keyer, base, form string, kind Kind, hint string) (plan, bool) {
	toks := formTokens(k, form)
	if len(toks) == 0 {
		return plan{}, false
	}
	keys := make([]string, len(toks))
	for i, tk := range toks {
		keys[i] = tk.Key
	}
	last := len(toks) - 1
	switch base {
	case "kk":
		lt := toks[last]
		p := plan{prefix: keys[:last]}
		if !lt.Word || hint == "none" {
			p.tails1 = []string{lt.Key}
			return p, true
		}
		words := 0
		for _, tk := range toks {
			if tk.Word {
				words++
			}
		}
		// A word that ends a phrase ("Алматы облысы") rather than a
		// hyphenated name ("Қасым-Жомарт").
		multiword := words >= 2 && last > 0 && toks[last-1].End < lt.Start
		inf := morph.KazakhWordForms(lt.Orig, lt.Key, morph.Kind(kind), hint, multiword)
		p.tails1 = inf.Plain
		for _, e := range inf.Hyphen {
			p.tailsN = append(p.tailsN, []string{lt.Key, dashKey, e})
		}
		return p, true
	case "ru":
		return plan{tailsN: morph.RussianForms(toks, morph.Kind(kind), hint)}, true
	}
	p := plan{tailsN: [][]string{keys}}
	if base == "en" && hint != "none" && toks[last].Word {
		// Possessive: Tokayev's, Tokayev’s (’ is keyed as '), Nations'.
		p.tailsN = append(p.tailsN,
			append(slices.Clip(keys), apostropheKey),
			append(slices.Clip(keys), apostropheKey, "s"))
	}
	return p, true
}

// trieFor returns the trie of lang, trying its base language ("kk" for
// "kk-KZ") when the exact code has none.
func (m *Matcher) trieFor(lang string) *langTrie {
	if t := m.langs[lang]; t != nil {
		return t
	}
	b := baseLang(lang)
	if t := m.langs[b]; t != nil {
		return t
	}
	for l, t := range m.langs {
		if baseLang(l) == b {
			return t
		}
	}
	return nil
}

// Find returns the glossary forms that occur in text written in lang,
// leftmost-longest and without overlap: "Almaty Region" is one match, not
// "Almaty" plus a stray word. When one span is a form of several entries
// (Токаева: the genitive of Токаев and a woman's surname), each gets a
// Match with the same offsets, in glossary order.
func (m *Matcher) Find(lang, text string) []Match {
	out, _ := m.scan(lang, text, false)
	return out
}

// scan is Find; with mixed set it also returns the spans of the words that
// mix Latin and Cyrillic letters, which the tokeniser has already seen, so
// CheckGroup needs no second pass for look-alikes.
func (m *Matcher) scan(lang, text string, mixedSpans bool) (out []Match, mixed [][2]int) {
	t := m.trieFor(lang)
	if t == nil {
		if mixedSpans {
			for _, h := range Homoglyphs(lang, text) {
				mixed = append(mixed, [2]int{h.Start, h.End})
			}
		}
		return nil, mixed
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.toks, s.ids = t.tokenIDs(s.k, text, s.toks[:0], s.ids[:0])
	toks, ids := s.toks, s.ids
	if mixedSpans {
		for _, tk := range toks {
			if tk.mixed {
				mixed = append(mixed, [2]int{tk.start, tk.end})
			}
		}
	}
	for i := 0; i < len(ids); {
		node, best, bestEnd := int32(0), int32(-1), -1
		for j := i; j < len(ids) && ids[j] >= 0; j++ {
			c, ok := t.next(node, ids[j])
			if !ok {
				break
			}
			node = c
			if t.out1[node].entry >= 0 {
				best, bestEnd = node, j
			}
		}
		if best < 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[bestEnd].end
		mixed := false
		for _, tk := range toks[i : bestEnd+1] {
			mixed = mixed || tk.mixed
		}
		emit := func(o output) {
			out = append(out, Match{
				EntryID: t.ids[o.entry], Lang: lang, Start: start, End: end,
				Text: text[start:end], Forbidden: o.forbidden, Form: t.forms[o.entry][o.form],
				Homoglyph: mixed,
			})
		}
		emit(t.out1[best])
		if t.multi[best] {
			for _, o := range t.outN[best] {
				emit(o)
			}
		}
		i = bestEnd + 1
	}
	return out, mixed
}

// tokenIDs tokenises text and looks each key up in the vocabulary (-1 when
// absent), in one pass over the bytes. It is the hot loop of Find and
// gives the same tokens and keys as keyer.tokenize: a word in one script
// whose runes are all below U+0500 is folded rune by rune from a table
// into the keyer's buffer and costs one map look-up with no allocation;
// any other word takes keyer.slowKey.
func (t *langTrie) tokenIDs(k *keyer, text string, toks []token, ids []int32) ([]token, []int32) {
	n := len(text)
	for i := 0; i < n; {
		r, size := decodeFast(text, i)
		var inf runeInfo
		if r < runeTableSize {
			inf = runeTable[r]
		} else if isWordRune(r) {
			inf.flags = rWord
		}
		if inf.flags&rWord == 0 {
			var key string
			switch {
			case r == ' ' || r == '\n' || r == '\t' || r == '\r' || isSpaceLike(r, size):
				i += size
				continue
			case r < utf8.RuneSelf:
				toks = append(toks, token{start: i, end: i + 1})
				ids = append(ids, t.punct[r])
				i++
				continue
			case isDash(r):
				key = dashKey
			case isApostrophe(r):
				key = apostropheKey
			case isQuote(r):
				key = quoteKey
			default:
				key = text[i : i+size]
			}
			toks = append(toks, token{start: i, end: i + size})
			ids = append(ids, t.lookup(key))
			i += size
			continue
		}
		// A word: fold it while finding its end.
		k.buf = k.buf[:0]
		fast := true
		var scripts uint8
		j := i
		for j < n {
			r2, size2 := r, size
			if j != i {
				r2, size2 = decodeFast(text, j)
			}
			var inf2 runeInfo
			if r2 < runeTableSize {
				inf2 = runeTable[r2]
			} else if isWordRune(r2) {
				inf2.flags = rWord
			}
			if inf2.flags&rWord == 0 {
				if r2 >= 0xAD && isHidden(r2) {
					if k := hiddenJoin(text, j); k >= 0 {
						j, fast = k, false
						continue
					}
				}
				break
			}
			j += size2
			if !fast {
				continue
			}
			if inf2.fold == 0 {
				fast = false
				continue
			}
			scripts |= inf2.flags
			f := inf2.fold
			if k.russian && f == 'ё' {
				f = 'е'
			}
			if f < utf8.RuneSelf {
				k.buf = append(k.buf, byte(f))
			} else {
				k.buf = utf8.AppendRune(k.buf, f)
			}
		}
		mixed := false
		var id int32
		if !fast || scripts&(rLatin|rCyrillic) == rLatin|rCyrillic {
			var key string
			key, mixed = k.slowKey(text[i:j])
			id = t.lookup(key)
		} else if h := maphash.Bytes(t.seed, k.buf); !t.bloomHas(h) {
			id = -1
		} else {
			id = t.find(k.buf, h)
		}
		toks = append(toks, token{start: i, end: j, mixed: mixed})
		ids = append(ids, id)
		i = j
	}
	return toks, ids
}

// decodeFast decodes the rune at text[i], with the one- and two-byte
// sequences of Latin and Cyrillic inline.
func decodeFast(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isSpaceLike(r rune, n int) bool {
	return r == utf8.RuneError && n <= 1 || isSpaceOrFormat(r)
}

func (t *langTrie) lookup(key string) int32 {
	return t.find([]byte(key), maphash.String(t.seed, key))
}

// FindTerms returns the ids of the entries with an accepted or forbidden
// form in text, in order of first occurrence. It lets the aligner use
// glossary names as anchors.
func (m *Matcher) FindTerms(lang, text string) []string {
	var ids []string
	seen := map[string]bool{}
	for _, mt := range m.Find(lang, text) {
		if !seen[mt.EntryID] {
			seen[mt.EntryID] = true
			ids = append(ids, mt.EntryID)
		}
	}
	return ids
}

// Langs returns the languages the matcher has forms for, sorted.
func (m *Matcher) Langs() []string {
	out := make([]string, 0, len(m.langs))
	for l := range m.langs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Size returns the number of trie nodes and of distinct token keys of lang,
// a measure of how many inflected forms the glossary expanded to.
func (m *Matcher) Size(lang string) (nodes, keys int) {
	t := m.trieFor(lang)
	if t == nil {
		return 0, 0
	}
	return len(t.out1), len(t.keys)
}
