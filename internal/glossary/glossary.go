package glossary

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Kind is what an entry names.
type Kind string

// The kinds of entry. The kind steers inflection: only a person's name
// declines as a surname (Russian Токаев → Токаева, Токаеву; Kazakh -ов/-ев/-ин
// surnames also take back-vowel endings), and a place name in -о/-е is
// indeclinable in Russian (Актобе) while an institution's is not
// (Министерство → Министерства).
const (
	Person       Kind = "person"
	Place        Kind = "place"
	Organization Kind = "organization"
	Institution  Kind = "institution"
	Other        Kind = "other"
)

// Kinds lists the valid kinds in the order the documentation gives them.
var Kinds = []Kind{Person, Place, Organization, Institution, Other}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// KindNamedBy is the kind of entry a common word for what it names stands
// for, as the house glossary files them (glossary/README.md): a city,
// town, region or country is a Place; a company, party, union or NGO an
// Organization; a state body or post (ministry, committee, court, akimat,
// prosecutor's office) an Institution; a term or word Other; a human a
// Person. The word is English, or the Russian or Kazakh name of a kind or
// of a few of those things, in any case and singular or plural (cities).
// "" for any other word.
func KindNamedBy(word string) Kind {
	w := strings.ToLower(strings.TrimSpace(word))
	if k := kindOfWord(w); k != "" {
		return k
	}
	// English plurals: cities, companies, towns, ministries.
	if s, ok := strings.CutSuffix(w, "ies"); ok {
		if k := kindOfWord(s + "y"); k != "" {
			return k
		}
	}
	if s, ok := strings.CutSuffix(w, "s"); ok {
		return kindOfWord(s)
	}
	return ""
}

func kindOfWord(w string) Kind {
	switch w {
	case "person", "people", "human", "man", "woman", "individual", "name", "surname", "politician",
		"человек", "персона", "лицо", "имя", "фамилия", "адам", "тұлға", "есім":
		return Person
	case "place", "city", "town", "village", "settlement", "region", "oblast", "district", "province",
		"country", "state", "capital", "territory", "area", "location", "river", "lake", "sea", "mountain",
		"street", "square", "toponym", "geo",
		"место", "город", "село", "область", "район", "страна", "регион", "топоним",
		"жер", "қала", "ауыл", "облыс", "аудан", "ел", "өңір":
		return Place
	case "organization", "organisation", "org", "company", "firm", "business", "corporation", "enterprise",
		"party", "ngo", "union", "association", "foundation", "fund", "charity", "bank", "media", "newspaper",
		"организация", "компания", "партия", "фонд", "ұйым", "қор":
		return Organization
	case "institution", "institute", "ministry", "government", "body", "authority", "department", "committee",
		"court", "parliament", "senate", "administration", "akimat", "prosecutor", "police",
		"council", "commission", "agency", "post", "position",
		"учреждение", "министерство", "ведомство", "суд", "орган", "акимат", "мекеме", "министрлік", "сот", "әкімдік":
		return Institution
	case "other", "term", "word", "concept", "thing", "misc",
		"другое", "термин", "басқа", "сөз":
		return Other
	}
	return ""
}

// Form is an entry's name in one language.
//
// Term is the preferred form; Variants are also accepted; Forbidden forms
// are never accepted and are reported together with Term. All three match
// in every inflected form the language's rules generate. Inflect is a hint
// for names the rules get wrong (see the package documentation for the
// values each language knows). Forms are extra accepted spellings taken
// literally, without inflection: irregular forms (Kazakh орны for орын) or
// derived words the house accepts in place of the name (алматинский).
type Form struct {
	Term      string   `yaml:"term"`
	Variants  []string `yaml:"variants,omitempty,flow"`
	Forbidden []string `yaml:"forbidden,omitempty,flow"`
	Inflect   string   `yaml:"inflect,omitempty"`
	Forms     []string `yaml:"forms,omitempty,flow"`
}

// TermFor is the form to write for an occurrence of n words: the preferred
// term, or, when that has more words, its first variant of n words
// (Тоқаев where a text names Қасым-Жомарт Тоқаев by his surname alone).
// A fix keeps the words the text has.
func (f *Form) TermFor(n int) string {
	if n < len(strings.Fields(f.Term)) {
		for _, v := range f.Variants {
			if len(strings.Fields(v)) == n {
				return v
			}
		}
	}
	return f.Term
}

// Accepted returns Term, Variants and Forms: every spelling that satisfies
// the glossary.
func (f *Form) Accepted() []string {
	out := make([]string, 0, 1+len(f.Variants)+len(f.Forms))
	if f.Term != "" {
		out = append(out, f.Term)
	}
	out = append(out, f.Variants...)
	return append(out, f.Forms...)
}

// Entry is one named thing with its forms per language. File, Line and
// Column locate the entry in the glossary (1-based); they are zero for an
// entry built in code.
type Entry struct {
	ID     string
	Kind   Kind
	Note   string
	Langs  map[string]*Form
	File   string
	Line   int
	Column int
}

// Glossary is the set of entries of a workspace, in file order (files by
// name, entries as written). An entry whose id repeats an earlier one is
// reported by [Load] and left out, so ids are unique here.
type Glossary struct {
	Entries []*Entry
	// Langs are the workspace languages the glossary was loaded for.
	Langs []string

	byID map[string]*Entry
	// lazy holds the entries of a compiled glossary opened by
	// [OpenCompiledFileLazy], decoded one at a time for the matcher and
	// Lookup; Entries is then nil.
	lazy *lazyEntries
}

// New returns a glossary of entries, for callers that build one in code
// (tests, the CLI after an add). Later duplicates of an id are dropped.
func New(langs []string, entries ...*Entry) *Glossary {
	g := &Glossary{Langs: langs, byID: make(map[string]*Entry, len(entries))}
	if len(entries) > 0 {
		g.Entries = make([]*Entry, 0, len(entries))
	}
	for _, e := range entries {
		g.add(e)
	}
	return g
}

func (g *Glossary) add(e *Entry) bool {
	if g.byID == nil {
		g.byID = map[string]*Entry{}
	}
	if _, dup := g.byID[e.ID]; dup {
		return false
	}
	g.byID[e.ID] = e
	g.Entries = append(g.Entries, e)
	return true
}

// Lookup returns the entry with that id, or nil.
func (g *Glossary) Lookup(id string) *Entry {
	if g.lazy != nil {
		return g.lazy.lookup(id)
	}
	return g.byID[id]
}

// entry returns the entry numbered i (its index in Entries).
func (g *Glossary) entry(i int32) *Entry {
	if g.lazy != nil {
		return g.lazy.at(i)
	}
	return g.Entries[i]
}

// all returns every entry, decoding them all when they are lazy.
func (g *Glossary) all() []*Entry {
	if g.lazy == nil {
		return g.Entries
	}
	out := make([]*Entry, g.lazy.len())
	for i := range out {
		out[i] = g.lazy.at(int32(i))
	}
	return out
}

// Sorted returns the entries of that kind ("" for every kind) ordered by
// their preferred form in the collation of lang: Kazakh puts Ә after А and
// І after Ы, Russian Ё with Е; quotation marks before the first letter
// («Роза» дауылы) do not count. Ties break by id. Entries without a form in
// lang come last, by id.
func (g *Glossary) Sorted(lang string, kind Kind) []*Entry {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	col := collate.New(tag, collate.IgnoreCase)
	type keyed struct {
		e   *Entry
		key []byte
		has bool
	}
	var buf collate.Buffer
	var list []keyed
	for _, e := range g.Entries {
		if kind != "" && e.Kind != kind {
			continue
		}
		k := keyed{e: e}
		if f := e.Langs[lang]; f != nil && f.Term != "" {
			k.has = true
			// Quotation marks and other punctuation before the first
			// letter do not count: «Роза» дауылы goes under Р.
			term := strings.TrimLeftFunc(f.Term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if term == "" {
				term = f.Term
			}
			k.key = append([]byte(nil), col.KeyFromString(&buf, term)...)
			buf.Reset()
		}
		list = append(list, k)
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.has != b.has {
			return a.has
		}
		if c := bytes.Compare(a.key, b.key); c != 0 {
			return c < 0
		}
		return a.e.ID < b.e.ID
	})
	out := make([]*Entry, len(list))
	for i, k := range list {
		out[i] = k.e
	}
	return out
}
