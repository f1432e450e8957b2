package glossary

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// Matcher finds glossary forms in text. It is built once by [Compile] and is
// safe for concurrent use.
type Matcher struct {
	g     *Glossary
	langs map[string]*langTrie
	// groups holds the match buffers of CheckGroup (*groupScratch):
	// its matches do not outlive the call, and a text with names would
	// otherwise grow a new slice of them for every language of every
	// group.
	groups sync.Pool
}

// groupScratch is what CheckGroup reuses: the matches of the source text
// and of the translation being checked.
type groupScratch struct {
	src, tgt []Match
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

// Compile builds the matcher of a glossary: for every language, every
// accepted and forbidden form of every entry is expanded into its inflected
// forms (see the package documentation) and put into a token trie. The
// languages compile in parallel, and so does the form generation within a
// language. The matcher reads the entries of g when it reports a match, so
// g must not change afterwards.
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
// the multi-token ones. orig are the keys of the form as written.
type plan struct {
	o      output
	orig   []string
	prefix []string
	tails1 []string
	tailsN [][]string
	// shown, when not nil, are the tails1 to show a person (see
	// [morph.KazakhForms]); the matcher takes all of tails1.
	shown []string
}

func compileLang(g *Glossary, lang string, workers int) *langTrie {
	return buildLang(g, lang, workers).freeze()
}

// buildLang builds the trie of lang with hash maps, ready to freeze.
func buildLang(g *Glossary, lang string, workers int) *trieBuilder {
	base := baseLang(lang)

	// Generate the forms of each entry on every core; insert them in
	// glossary order so that the trie, and the order of the entries a span
	// matches, do not depend on scheduling.
	plans := make([][]plan, len(g.Entries))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := newKeyer(lang)
			for ei := w; ei < len(g.Entries); ei += workers {
				plans[ei] = entryPlans(k, base, lang, int32(ei), g.Entries[ei])
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
	b := newBuilder(lang, n)
	for ei, ps := range plans {
		for _, p := range ps {
			// The glossary word at each token position is the base an
			// inflected key is spelt from (see langTrie.keyRef).
			first := len(b.origs)
			b.origs = append(b.origs, p.orig...)
			baseAt := func(i int) uint32 {
				if i < len(p.orig) {
					return uint32(first + i + 1)
				}
				return 0
			}
			node := int32(0)
			for i, key := range p.prefix {
				node = b.child(node, key, baseAt(i))
			}
			for _, key := range p.tails1 {
				b.addOutput(b.child(node, key, baseAt(len(p.prefix))), p.o)
			}
			for _, tail := range p.tailsN {
				c := node
				for i, key := range tail {
					c = b.child(c, key, baseAt(len(p.prefix)+i))
				}
				b.addOutput(c, p.o)
			}
		}
		plans[ei] = nil // let the plans go as the trie grows
	}
	return b
}

// entryPlans returns the plans of every form of e in lang. Outputs number
// the forms accepted, then forbidden, as [formAt] reads them.
func entryPlans(k *keyer, base, lang string, ei int32, e *Entry) []plan {
	f := e.Langs[lang]
	if f == nil {
		return nil
	}
	var plans []plan
	n := int32(0)
	add := func(s string, inflect, forbidden bool) {
		o := output{entry: ei, form: n, forbidden: forbidden}
		n++
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
	return plans
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
		p := plan{orig: keys, prefix: keys[:last]}
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
		p.tails1, p.shown = inf.Plain, inf.Shown
		if len(inf.More) > 0 {
			// Matched, never shown: Алматыдай, облысынша.
			if p.shown == nil {
				p.shown = slices.Clip(inf.Plain)
			}
			p.tails1 = append(slices.Clip(inf.Plain), inf.More...)
		}
		for _, e := range inf.Hyphen {
			p.tailsN = append(p.tailsN, []string{lt.Key, dashKey, e})
		}
		return p, true
	case "ru":
		return plan{orig: keys, tailsN: morph.RussianForms(toks, morph.Kind(kind), hint)}, true
	}
	p := plan{orig: keys, tailsN: [][]string{keys}}
	if base == "en" && hint != "none" && toks[last].Word {
		// Possessive: Tokayev's, Tokayev’s (’ is keyed as '), and after
		// an s (or the x and z some style guides treat alike) Nations'.
		// After any other letter an apostrophe closes a quotation ('I
		// love Almaty'): it is not part of the name.
		p.tailsN = append(p.tailsN, append(slices.Clip(keys), apostropheKey, "s"))
		if k := keys[len(keys)-1]; strings.HasSuffix(k, "s") || strings.HasSuffix(k, "x") || strings.HasSuffix(k, "z") {
			p.tailsN = append(p.tailsN, append(slices.Clip(keys), apostropheKey))
		}
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
	out, _, _ := m.scan(lang, text, false, nil)
	return out
}

// scan is Find appending to out; with mixedSpans set it also returns the
// spans of the words that mix Latin and Cyrillic letters, which the
// tokeniser has already seen, so CheckGroup needs no second pass for
// look-alikes, and whether text may have hidden characters (false means
// it has none).
func (m *Matcher) scan(lang, text string, mixedSpans bool, out []Match) (_ []Match, mixed [][2]int, hidden bool) {
	t := m.trieFor(lang)
	if t == nil {
		if mixedSpans {
			for _, h := range Homoglyphs(lang, text) {
				mixed = append(mixed, [2]int{h.Start, h.End})
			}
		}
		return out, mixed, true
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.toks, s.ids, hidden = t.tokenIDs(s.k, text, s.toks[:0], s.ids[:0])
	toks, ids := s.toks, s.ids
	if mixedSpans {
		for _, tk := range toks {
			if tk.mixed {
				mixed = append(mixed, [2]int{tk.start, tk.end})
			}
		}
	}
	for i := 0; i < len(ids); {
		if ids[i] < 0 {
			i++
			continue
		}
		node, best, bestEnd := uint32(0), uint32(0), -1
		for j := i; j < len(ids) && ids[j] >= 0; j++ {
			c, ok := t.next(node, ids[j])
			if !ok {
				break
			}
			node = c
			if t.final(node) {
				best, bestEnd = node, j
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[bestEnd].end
		if inAddress(text, start, end) {
			// taraz.gov.kz names a site, not the town: it is no
			// occurrence to translate (the links check compares it).
			i = bestEnd + 1
			continue
		}
		mixed := false
		for _, tk := range toks[i : bestEnd+1] {
			mixed = mixed || tk.mixed
		}
		t.outputs(best, func(o output) {
			e := m.g.entry(o.entry)
			out = append(out, Match{
				EntryID: e.ID, Lang: lang, Start: start, End: end,
				Text: text[start:end], Forbidden: o.forbidden, Form: formAt(e.Langs[t.lang], o.form),
				Homoglyph: mixed,
			})
		})
		i = bestEnd + 1
	}
	return out, mixed, hidden
}

// inAddress reports whether text[start:end], a match, is part of a web
// or e-mail address: a word followed by a dot and a lower-case letter or
// digit with no space (a domain: taraz.gov.kz, президент.рф), or in a run
// of text without spaces that holds ://, www. or @ (https://x.kz/almaty,
// press@akorda.kz). An initial before a name (Қ.Тоқаев) and a name at
// the end of a sentence are still matches.
func inAddress(text string, start, end int) bool {
	if end+1 < len(text) && text[end] == '.' {
		if r, _ := utf8.DecodeRuneInString(text[end+1:]); unicode.IsLower(r) || unicode.IsDigit(r) {
			return true
		}
	}
	from, to := start, end
	for from > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:from])
		if unicode.IsSpace(r) {
			break
		}
		from -= n
	}
	for to < len(text) {
		r, n := utf8.DecodeRuneInString(text[to:])
		if unicode.IsSpace(r) {
			break
		}
		to += n
	}
	run := text[from:to]
	return strings.Contains(run, "://") || strings.Contains(run, "@") || strings.Contains(strings.ToLower(run), "www.")
}

// textToken is a token of a text being matched: where it is, and
// whether it is a word that mixes Latin and Cyrillic letters. Unlike
// token it holds no key (the key is looked up as the token is read), so
// the scratch slices hold no pointers.
type textToken struct {
	start, end int
	mixed      bool
}

// tokenIDs tokenises text and looks each key up in the vocabulary (-1 when
// absent), in one pass over the bytes. It is the hot loop of Find and
// gives the same tokens and keys as keyer.tokenize: the end of a word is
// found with one read of a byte table a rune (wordClasses; ASCII and
// two-byte sequences without the general decoder). A word in one script
// whose runes are all below U+0500 has a fast key: unless its head (the
// fold of its first runes, four bytes, and the key's length, which is
// the word's unless a fold changes a rune's length) is the head of some
// key (langTrie.pre, a table in cache), it is dropped there, and
// otherwise it is folded rune by rune from a table into the keyer's
// buffer and costs one hash and a Bloom filter probe, with no allocation
// either way; any other word takes keyer.slowKey. hidden reports whether
// text has a character isHidden reports anywhere: without one,
// hiddenChars has nothing to find.
func (t *langTrie) tokenIDs(k *keyer, text string, toks []textToken, ids []int32) (_ []textToken, _ []int32, hidden bool) {
	n := len(text)
	tab := foldTable(k.russian)
	t.preOnce.Do(t.buildPre)
	// The keys of fast words go one after another into buf and are looked
	// up after the text is read: the Bloom filter of a large glossary is
	// larger than a core's cache, and its probes, all in one short loop,
	// wait for memory together instead of one word after another.
	buf := k.buf[:0]
	pend := k.pend[:0]
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			if tab[c].flags&rWord == 0 {
				if asciiSpace(c) {
					i++
					continue
				}
				toks = append(toks, textToken{start: i, end: i + 1})
				ids = append(ids, t.punct[c])
				i++
				continue
			}
		} else {
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
				case isSpaceLike(r, size):
					if r >= 0xAD && isHidden(r) {
						hidden = true
					}
					i += size
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
				toks = append(toks, textToken{start: i, end: i + size})
				ids = append(ids, t.lookup(key))
				i += size
				continue
			}
		}
		// A word: find its end, with one read of tab a rune, and on the
		// way the head of its key (its first eight bytes).
		var acc uint8
		var head uint64
		var hl uint
		j := i
		for j < n {
			c := text[j]
			var fi foldInfo
			size := 1
			var r rune
			switch {
			case c < utf8.RuneSelf:
				fi = tab[c]
			case c >= 0xC2 && c < 0xE0 && j+1 < n && text[j+1]&0xC0 == 0x80:
				r, size = rune(c&0x1F)<<6|rune(text[j+1]&0x3F), 2
				fi = tab[r&(twoByteRunes-1)]
			default:
				r, size = utf8.DecodeRuneInString(text[j:])
				if isWordRune(r) {
					fi.flags = rWord | rSlow
				}
			}
			if fi.flags&rWord == 0 {
				if r >= 0xAD && isHidden(r) {
					hidden = true
					if k := hiddenJoin(text, j); k >= 0 {
						j, acc = k, acc|rSlow
						continue
					}
				}
				break
			}
			j += size
			acc |= fi.flags
			if hl < 8 {
				head |= uint64(fi.enc) << (hl * 8)
				hl += uint(fi.n)
			}
		}
		if acc&rSlow != 0 || acc&(rLatin|rCyrillic) == rLatin|rCyrillic {
			key, mixed := k.slowKey(text[i:j])
			toks = append(toks, textToken{start: i, end: j, mixed: mixed})
			ids = append(ids, t.lookup(key))
		} else {
			// Every rune has a fast fold: the key is as long as the word
			// unless a fold changes a rune's length, and its head is the
			// fold of the first runes.
			id := int32(-1)
			keyLen := uint(j - i)
			if acc&rLenDiff != 0 {
				keyLen = foldLen(text[i:j], tab)
			}
			if t.mayHave(uint64(uint32(head)) | uint64(keyLen)<<32) {
				if keyLen <= 8 {
					id = t.findShort(head, keyLen)
				} else {
					keyStart := len(buf)
					buf = foldFast(buf, text[i:j], tab)
					pend = append(pend, pendingKey{tok: int32(len(ids)), start: uint32(keyStart), end: uint32(len(buf))})
				}
			}
			toks = append(toks, textToken{start: i, end: j})
			ids = append(ids, id)
		}
		i = j
	}
	k.buf, k.pend = buf, pend
	for _, p := range pend {
		key := buf[p.start:p.end]
		if h := xxhash.Sum64(key); t.bloomHas(h) {
			ids[p.tok] = findHashed(t, key, h)
		}
	}
	return toks, ids, hidden
}

// foldFast appends the key of a word on the fast path of tokenIDs: every
// rune of w is a word rune with a fold in tab.
func foldFast(buf []byte, w string, tab *[twoByteRunes]foldInfo) []byte {
	for j := 0; j < len(w); {
		c := w[j]
		var fi foldInfo
		if c < utf8.RuneSelf {
			fi = tab[c]
			j++
		} else {
			r, size := decodeFast(w, j)
			fi = tab[r]
			j += size
		}
		switch fi.n {
		case 1:
			buf = append(buf, byte(fi.enc))
		case 2:
			buf = append(buf, byte(fi.enc), byte(fi.enc>>8))
		default:
			buf = append(buf, byte(fi.enc), byte(fi.enc>>8), byte(fi.enc>>16), byte(fi.enc>>24))[:len(buf)+int(fi.n)]
		}
	}
	return buf
}

// foldLen returns the length of the key of a word on tokenIDs's fast
// path: the sum of its runes' fold lengths.
func foldLen(w string, tab *[twoByteRunes]foldInfo) uint {
	n := uint(0)
	for j := 0; j < len(w); {
		r, size := decodeFast(w, j)
		n += uint(tab[r].n)
		j += size
	}
	return n
}

// pendingKey is a word of a text whose key is to be looked up: its token
// and its key in the keyer's buffer.
type pendingKey struct {
	tok        int32
	start, end uint32
}

// asciiSpace reports the ASCII characters that separate tokens without
// being one: what isSpaceLike reports below U+0080 (tab, line feed,
// vertical tab, form feed, carriage return, space).
func asciiSpace(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' }

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
	return t.nNodes, t.nKeys
}
