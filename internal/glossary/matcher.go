package glossary

import (
	"sort"
	"sync"
	"unicode/utf8"
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
// vocab ids; edges maps (node, token id) to the child node. Node 0 is the
// root. A text token whose key is not in vocab cannot be part of any match,
// which makes most tokens of a text cost one map look-up.
type langTrie struct {
	lang  string
	vocab map[string]int32
	edges map[uint64]int32
	outs  [][]output // per node
	forms [][]string // per entry index: accepted forms then forbidden ones
	pool  sync.Pool  // *scratch
}

type scratch struct {
	k    *keyer
	ids  []int32
	toks []token
}

func (t *langTrie) intern(key string) int32 {
	id, ok := t.vocab[key]
	if !ok {
		id = int32(len(t.vocab))
		t.vocab[key] = id
	}
	return id
}

func (t *langTrie) child(node int32, key string) int32 {
	e := uint64(node)<<32 | uint64(uint32(t.intern(key)))
	c, ok := t.edges[e]
	if !ok {
		c = int32(len(t.outs))
		t.outs = append(t.outs, nil)
		t.edges[e] = c
	}
	return c
}

func (t *langTrie) addOutput(node int32, o output) {
	outs := t.outs[node]
	for i, have := range outs {
		if have.entry == o.entry {
			// The same entry reaches this node twice: keep the accepted form,
			// so an inflection shared by an accepted and a forbidden form is
			// not reported.
			if have.forbidden && !o.forbidden {
				outs[i] = o
			}
			return
		}
	}
	t.outs[node] = append(outs, o)
}

// Compile builds the matcher of a glossary: for every language, every
// accepted and forbidden form of every entry is expanded into its inflected
// forms (see the package documentation) and put into a token trie. The
// languages compile in parallel.
func Compile(g *Glossary) *Matcher {
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
	var wg sync.WaitGroup
	var mu sync.Mutex
	for lang := range langSet {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := compileLang(g, lang)
			mu.Lock()
			m.langs[lang] = t
			mu.Unlock()
		}()
	}
	wg.Wait()
	return m
}

func compileLang(g *Glossary, lang string) *langTrie {
	t := &langTrie{
		lang:  lang,
		vocab: map[string]int32{},
		edges: map[uint64]int32{},
		outs:  [][]output{nil},
		forms: make([][]string, len(g.Entries)),
	}
	t.pool.New = func() any { return &scratch{k: newKeyer(lang)} }
	k := newKeyer(lang)
	base := baseLang(lang)
	for ei, e := range g.Entries {
		f := e.Langs[lang]
		if f == nil {
			continue
		}
		var list []string
		add := func(s string, inflect, forbidden bool) {
			fi := int32(len(list))
			list = append(list, s)
			o := output{entry: int32(ei), form: fi, forbidden: forbidden}
			// The hint describes the accepted name; a forbidden form is
			// another word and follows the rules (Алматы is indeclinable,
			// the deprecated Алма-Ата declines).
			hint := f.Inflect
			switch {
			case !inflect:
				hint = "none"
			case forbidden:
				hint = ""
			}
			t.insertForms(k, base, s, e.Kind, hint, o)
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
		t.forms[ei] = list
	}
	return t
}

// insertForms puts every inflected form of one glossary form into the trie.
func (t *langTrie) insertForms(k *keyer, base, form string, kind Kind, hint string, o output) {
	toks := formTokens(k, form)
	if len(toks) == 0 {
		return
	}
	walk := func(node int32, keys []string) int32 {
		for _, key := range keys {
			node = t.child(node, key)
		}
		return node
	}
	switch base {
	case "kk":
		last := len(toks) - 1
		prefix := make([]string, last)
		words := 0
		for i, tk := range toks[:last] {
			prefix[i] = tk.key
		}
		for _, tk := range toks {
			if tk.word {
				words++
			}
		}
		p := walk(0, prefix)
		lt := toks[last]
		if !lt.word || hint == "none" {
			t.addOutput(t.child(p, lt.key), o)
			return
		}
		// A word that ends a phrase ("Алматы облысы") rather than a
		// hyphenated name ("Қасым-Жомарт").
		multiword := words >= 2 && last > 0 && toks[last-1].end < lt.start
		inf := kkInflect(lt.orig, lt.key, kind, hint, multiword)
		for _, w := range inf.plain {
			t.addOutput(t.child(p, w), o)
		}
		if len(inf.hyphen) > 0 {
			h := t.child(t.child(p, lt.key), dashKey)
			for _, e := range inf.hyphen {
				t.addOutput(t.child(h, e), o)
			}
		}
	case "ru":
		for _, seq := range ruInflect(toks, kind, hint) {
			t.addOutput(walk(0, seq), o)
		}
	default:
		keys := make([]string, len(toks))
		for i, tk := range toks {
			keys[i] = tk.key
		}
		end := walk(0, keys)
		t.addOutput(end, o)
		if base == "en" && hint != "none" && toks[len(toks)-1].word {
			// Possessive: Tokayev's, Tokayev’s (’ is keyed as '), Nations'.
			a := t.child(end, apostropheKey)
			t.addOutput(a, o)
			t.addOutput(t.child(a, "s"), o)
		}
	}
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
	t := m.trieFor(lang)
	if t == nil {
		return nil
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.toks, s.ids = t.tokenIDs(s.k, text, s.toks[:0], s.ids[:0])
	toks, ids := s.toks, s.ids
	var out []Match
	for i := 0; i < len(ids); {
		node, best, bestEnd := int32(0), int32(-1), -1
		for j := i; j < len(ids) && ids[j] >= 0; j++ {
			c, ok := t.edges[uint64(node)<<32|uint64(uint32(ids[j]))]
			if !ok {
				break
			}
			node = c
			if len(t.outs[node]) > 0 {
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
		for _, o := range t.outs[best] {
			out = append(out, Match{
				EntryID: m.g.Entries[o.entry].ID, Lang: lang, Start: start, End: end,
				Text: text[start:end], Forbidden: o.forbidden, Form: t.forms[o.entry][o.form],
				Homoglyph: mixed,
			})
		}
		i = bestEnd + 1
	}
	return out
}

// tokenIDs tokenises text and looks each key up in the vocabulary (-1 when
// absent). It is the hot loop of Find: a word in one script whose runes are
// all below U+0500 costs a table look-up per rune and one map look-up.
func (t *langTrie) tokenIDs(k *keyer, text string, toks []token, ids []int32) ([]token, []int32) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				// fall through to the word scanner below
			default:
				key := text[i : i+1]
				switch c {
				case '-':
					key = dashKey
				case '\'', '`':
					key = apostropheKey
				case '"':
					key = quoteKey
				}
				toks = append(toks, token{start: i, end: i + 1})
				ids = append(ids, t.lookup(key))
				i++
				continue
			}
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			tk := token{start: i, end: i + n}
			var key string
			switch {
			case isDash(r):
				key = dashKey
			case isApostrophe(r):
				key = apostropheKey
			case isQuote(r):
				key = quoteKey
			case isSpaceLike(r, n):
				i += n
				continue
			default:
				key = text[i : i+n]
			}
			toks = append(toks, tk)
			ids = append(ids, t.lookup(key))
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			c2 := text[j]
			if c2 < utf8.RuneSelf {
				if c2 >= 'a' && c2 <= 'z' || c2 >= 'A' && c2 <= 'Z' || c2 >= '0' && c2 <= '9' {
					j++
					continue
				}
				break
			}
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		id, mixed := t.wordID(k, text[i:j])
		toks = append(toks, token{start: i, end: j, mixed: mixed})
		ids = append(ids, id)
		i = j
	}
	return toks, ids
}

func isSpaceLike(r rune, n int) bool {
	return r == utf8.RuneError && n <= 1 || isSpaceOrFormat(r)
}

func (t *langTrie) lookup(key string) int32 {
	if id, ok := t.vocab[key]; ok {
		return id
	}
	return -1
}

// wordID keys a word like keyer.wordKey does, without allocating on the
// fast path.
func (t *langTrie) wordID(k *keyer, w string) (int32, bool) {
	k.buf = k.buf[:0]
	var scripts uint8
	for _, r := range w {
		if r >= rune(len(fastFold)) || fastFold[r] == 0 {
			key, mixed := k.slowKey(w)
			return t.lookup(key), mixed
		}
		scripts |= 1 << scriptOf(r)
		f := fastFold[r]
		if k.russian && f == 'ё' {
			f = 'е'
		}
		k.buf = utf8.AppendRune(k.buf, f)
	}
	if scripts&(1<<scriptLatin) != 0 && scripts&(1<<scriptCyrillic) != 0 {
		key, mixed := k.slowKey(w)
		return t.lookup(key), mixed
	}
	if id, ok := t.vocab[string(k.buf)]; ok {
		return id, false
	}
	return -1, false
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
	return len(t.outs), len(t.vocab)
}
