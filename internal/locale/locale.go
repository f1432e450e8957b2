// Package locale chooses the language tilmash speaks to a person and looks
// up its messages in the catalogues embedded from locales/.
//
// # Choosing the language
//
// The first of these that is set wins: the global --ui-lang flag, TILMASH_LANG, then the
// POSIX variables LC_ALL, LC_MESSAGES and LANG. The value is matched against
// English, Russian and Kazakh with golang.org/x/text/language, so kk_KZ.UTF-8
// gives Kazakh, ru-KZ gives Russian, and anything unknown gives English.
//
// # Plurals
//
// Messages with a count carry CLDR plural forms: one/few/many/other in
// Russian (1 документ, 2 документа, 5 документов), one/other in English and
// Kazakh. go-i18n picks the form from the count.
package locale

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/locales"
)

// Supported lists the UI languages, English first: it is the fallback.
func Supported() []language.Tag {
	return []language.Tag{language.English, language.Russian, language.Kazakh}
}

// matcher is built on first use: most starts never match a language value.
var matcher = lazy.Value[language.Matcher]{New: func() language.Matcher { return language.NewMatcher(Supported()) }}

// Choose returns the UI language ("en", "ru" or "kk") for a --ui-lang value
// and an environment lookup function.
func Choose(flag string, getenv func(string) string) string {
	for _, v := range []string{flag, getenv("TILMASH_LANG"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG")} {
		if v = strings.TrimSpace(v); v != "" {
			return Match(v)
		}
	}
	return "en"
}

// Match maps a language value such as "kk_KZ.UTF-8", "ru-KZ" or "C" to a
// supported UI language, English when nothing matches.
func Match(v string) string {
	l, _ := Lookup(v)
	return l
}

// Lookup is Match, and reports whether v named a supported UI language
// (C and POSIX name English): false when Match falls back to English
// because v names another language or none.
func Lookup(v string) (string, bool) {
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	v = strings.ReplaceAll(v, "_", "-")
	if v == "C" || v == "POSIX" {
		return "en", true
	}
	if v == "" {
		return "en", false
	}
	tag, err := language.Parse(v)
	if err != nil {
		return "en", false
	}
	_, i, conf := matcher.Get().Match(tag)
	if conf == language.No {
		return "en", false
	}
	base, _ := Supported()[i].Base()
	return base.String(), true
}

// bundles caches one catalogue per UI language.
var bundles sync.Map // lang -> func() (*catalogue, error)

// A catalogue is the go-i18n bundle of one UI language and English, its
// fallback. A message enters the bundle the first time it is asked for: the
// messages are Go data (locales/catalog_gen.go, generated from the YAML
// catalogues), so start-up parses nothing, and a command builds the
// templates of the few messages it prints, not of all 900.
type catalogue struct {
	lang, en language.Tag
	own      []i18n.Message // the UI language's messages, sorted by id; nil for English
	english  []i18n.Message
	mu       sync.RWMutex // guards b and added
	b        *i18n.Bundle
	added    map[string]bool
	plain    sync.Map // id -> []piece, nil when the message is not plain
}

// A piece of a plain message: literal text, then the value of a field of
// the data (none when field is "").
type piece struct{ text, field string }

// plainPieces splits a template made only of text and {{.Field}} actions,
// the shape of most findings' messages; ok is false for any other template.
func plainPieces(tpl string) (ps []piece, ok bool) {
	for {
		i := strings.Index(tpl, "{{")
		if i < 0 {
			if strings.Contains(tpl, "}}") {
				return nil, false
			}
			return append(ps, piece{text: tpl}), true
		}
		j := strings.Index(tpl[i:], "}}")
		if j < 0 || strings.Contains(tpl[:i], "}}") {
			return nil, false
		}
		field := strings.Trim(tpl[i+2:i+j], " \t\r\n") // text/template's spaces, not Unicode's
		if len(field) < 2 || field[0] != '.' || !isIdent(field[1:]) {
			return nil, false
		}
		ps = append(ps, piece{text: tpl[:i], field: field[1:]})
		tpl = tpl[i+j+2:]
	}
}

func hasField(ps []piece) bool {
	for _, p := range ps {
		if p.field != "" {
			return true
		}
	}
	return false
}

func isIdent(s string) bool {
	for k, r := range s {
		if r != '_' && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || k > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// renderPlain renders pieces with data as text/template would, for the
// values it prints the same way (strings and integers); ok is false for a
// missing field or any other value, which go-i18n then renders.
func renderPlain(ps []piece, data map[string]any) (string, bool) {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
		if p.field == "" {
			continue
		}
		switch v := data[p.field].(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case int32:
			b.WriteString(strconv.FormatInt(int64(v), 10))
		case uint64:
			b.WriteString(strconv.FormatUint(v, 10))
		case uint32:
			b.WriteString(strconv.FormatUint(uint64(v), 10))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// catalogueOf returns the catalogue of lang, built once.
func catalogueOf(lang string) (*catalogue, error) {
	f, _ := bundles.LoadOrStore(lang, sync.OnceValues(func() (*catalogue, error) { return newCatalogue(lang) }))
	return f.(func() (*catalogue, error))()
}

func newCatalogue(lang string) (*catalogue, error) {
	c := &catalogue{en: language.English, english: locales.Messages("en"), b: i18n.NewBundle(language.English), added: map[string]bool{}}
	if err := c.b.AddMessages(language.English); err != nil { // registers the tag
		return nil, err
	}
	if lang != "en" && locales.Messages(lang) != nil {
		tag, err := language.Parse(lang)
		if err != nil {
			return nil, err
		}
		c.lang, c.own = tag, locales.Messages(lang)
		if err := c.b.AddMessages(tag); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// find returns the message id of the sorted ms, nil when there is none.
func find(ms []i18n.Message, id string) *i18n.Message {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].ID >= id })
	if i < len(ms) && ms[i].ID == id {
		return &ms[i]
	}
	return nil
}

// localize renders lc with the bundle, adding its message first. A
// message of the UI language with one form and no template action is
// returned as it is: that is what go-i18n would render, and most help
// texts (which every start builds) are such messages.
func (c *catalogue) localize(l *i18n.Localizer, lc *i18n.LocalizeConfig) (string, error) {
	ms := c.own
	if ms == nil {
		ms = c.english
	}
	if m := find(ms, lc.MessageID); m != nil && m.LeftDelim == "" && m.RightDelim == "" &&
		m.Zero == "" && m.One == "" && m.Two == "" && m.Few == "" && m.Many == "" {
		if !strings.Contains(m.Other, "{{") {
			return m.Other, nil
		}
		// A message of text and {{.Field}} actions only (most findings)
		// is filled in without text/template, which reflects on every value:
		// a check printing thousands of findings spent a tenth of its time
		// there.
		if lc.PluralCount == nil {
			v, ok := c.plain.Load(lc.MessageID)
			if !ok {
				ps, simple := plainPieces(m.Other)
				if !simple {
					ps = nil
				}
				v, _ = c.plain.LoadOrStore(lc.MessageID, ps)
			}
			if ps := v.([]piece); ps != nil {
				if data, _ := lc.TemplateData.(map[string]any); data != nil || !hasField(ps) {
					if s, ok := renderPlain(ps, data); ok {
						return s, nil
					}
				}
			}
		}
	}
	c.mu.RLock()
	if !c.added[lc.MessageID] {
		c.mu.RUnlock()
		c.mu.Lock()
		if !c.added[lc.MessageID] {
			if m := find(c.english, lc.MessageID); m != nil {
				c.b.AddMessages(c.en, m)
			}
			if m := find(c.own, lc.MessageID); m != nil {
				c.b.AddMessages(c.lang, m)
			}
			c.added[lc.MessageID] = true
		}
		c.mu.Unlock()
		c.mu.RLock()
	}
	defer c.mu.RUnlock()
	return l.Localize(lc)
}

// Localizer renders messages in one language, falling back to English for
// a message a catalogue lacks (the catalogue test keeps that from
// happening in a release) and to the message id itself as a last resort, so
// a missing message is visible instead of an empty line.
type Localizer struct {
	Lang string
	c    *catalogue
	l    *i18n.Localizer
}

// New returns a Localizer for lang.
func New(lang string) (*Localizer, error) {
	c, err := catalogueOf(lang)
	if err != nil {
		return nil, err
	}
	return &Localizer{Lang: lang, c: c, l: i18n.NewLocalizer(c.b, lang, "en")}, nil
}

// T renders message id with data, which may be nil.
func (l *Localizer) T(id string, data map[string]any) string {
	if l.c == nil {
		return id
	}
	s, err := l.c.localize(l.l, &i18n.LocalizeConfig{MessageID: id, TemplateData: l.nested(data)})
	if err != nil || s == "" {
		return id
	}
	return s
}

// nested renders the values of data that are messages themselves (an
// error quoted in another message, say) in l's language: a template would
// print them with their Error method, in English. data is copied only when
// it holds one.
func (l *Localizer) nested(data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		m, ok := v.(Message)
		if !ok {
			continue
		}
		if out == nil {
			out = maps.Clone(data)
		}
		out[k] = l.Render(m)
	}
	if out == nil {
		return data
	}
	return out
}

// IDsOnly returns a Localizer that renders every message as its id. The
// command line builds a first, throw-away copy of its commands with it, only
// to find the global flags among the arguments, before it knows the UI
// language.
func IDsOnly() *Localizer { return &Localizer{Lang: "en"} }

// N renders message id in the plural form for count. data may be nil; it
// always gets Count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	if l.c == nil {
		return id
	}
	d := map[string]any{"Count": count}
	for k, v := range l.nested(data) {
		d[k] = v
	}
	s, err := l.c.localize(l.l, &i18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
	if err != nil || s == "" {
		// A message without plural forms (only "other") is rendered as it
		// is, whatever the count.
		return l.T(id, d)
	}
	return s
}

// Message is implemented by errors and findings that a person reads: they
// name a catalogue message and give its values. Errors are [*Error]s;
// findings (align reasons, glossary problems) implement it themselves.
type Message interface {
	MessageID() string
	TemplateData() map[string]any
}

// IDs returns, per language, the sorted message ids of every catalogue
// file. Tests use it to prove the languages hold the same messages.
func IDs(fsys fs.FS) (map[string][]string, error) {
	files, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, f := range files {
		parts := strings.Split(path.Base(f), ".")
		if len(parts) != 3 {
			return nil, fmt.Errorf("locales/%s: want AREA.LANG.yaml", f)
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("locales/%s: %w", f, err)
		}
		for id := range m {
			out[parts[1]] = append(out[parts[1]], parts[0]+":"+id)
		}
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out, nil
}
