// Package langtag maps the language tags of outside files (xml:lang of TMX
// and TBX, the header row of a TSV or CSV) to workspace languages. Every
// reader uses it, so import-tmx, check, and glossary import file the same
// tag under the same language.
//
// A tag is matched by its base language as golang.org/x/text/language
// parses it: case and region do not matter (EN-US, en_us, kk-KZ,
// kk-Cyrl-KZ), ISO 639-2/3 codes name the same language as two-letter ones
// (rus is ru, kaz is kk), and a POSIX locale name counts by its language
// (ru_RU.UTF-8 is ru). A tag that is well-formed but names no particular
// language (und, private use such as x-foo) maps to no language: it is
// never guessed to be English. Text that is not a tag at all (empty,
// *all*, kz) is reported as such, so a reader can refuse it.
package langtag

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Base returns the base language of tag, as its two-letter code when
// there is one. ok is false when tag is not a language tag at all; base
// is "" when tag is one but names no particular language (und, x-foo).
func Base(tag string) (base string, ok bool) {
	tag = strings.TrimSpace(tag)
	// A POSIX locale: language_TERRITORY.codeset@modifier.
	if i := strings.IndexAny(tag, ".@"); i > 0 {
		tag = tag[:i]
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	b, conf := t.Base()
	if conf != language.Exact {
		return "", true
	}
	return b.String(), true
}

// Regional returns code with the country its language is most likely
// written in when code names none (kk: kk-KZ, ru: ru-RU, en: en-US), as
// word processors tag text for proofing; code itself when it has a region
// or no likely one, or is not a language tag.
func Regional(code string) string {
	t, err := language.Parse(strings.TrimSpace(code))
	if err != nil {
		return code
	}
	if _, conf := t.Region(); conf == language.Exact {
		return code
	}
	b, bc := t.Base()
	r, rc := t.Region()
	if bc != language.Exact || rc == language.No {
		return code
	}
	return b.String() + "-" + r.String()
}

// Language reports whether code names a particular language (kk, rus,
// en-US; not und, not kz). When it does not, meant is the language a
// person most likely had in mind: code is a country's code, and meant the
// language of that country (kz, Kazakhstan: kk; ua, Ukraine: uk); "" when
// there is none.
func Language(code string) (ok bool, meant string) {
	if b, ok := Base(code); ok && b != "" {
		return true, ""
	}
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil {
		return false, ""
	}
	if l := stateLanguage(r.String()); l != "" {
		return false, l
	}
	t, err := language.Compose(r)
	if err != nil {
		return false, ""
	}
	b, conf := t.Base()
	if conf < language.High {
		return false, ""
	}
	return false, b.String()
}

// stateLanguage is the language meant by the country code region where it
// is not the one CLDR finds most likely for the country (the language most
// of its people speak), else "": kz stands for Kazakh, Kazakhstan's state
// language, where CLDR has Russian.
func stateLanguage(region string) string {
	if region == "KZ" {
		return "kk"
	}
	return ""
}

// Same reports whether two tags name the same language. Tags that name no
// language are never the same as any.
func Same(a, b string) bool {
	x, _ := Base(a)
	y, _ := Base(b)
	return x != "" && x == y
}

// Map maps tags to a list of workspace languages. It remembers every tag
// it has seen, since a file repeats a handful of tags; it is safe for
// concurrent use.
type Map struct {
	langs []string
	bases []string
	mu    sync.Mutex
	seen  map[string]result
}

type result struct {
	lang string
	ok   bool
}

// NewMap returns the map to the workspace languages langs.
func NewMap(langs []string) *Map {
	m := &Map{langs: langs, seen: map[string]result{}}
	for _, l := range langs {
		b, _ := Base(l)
		m.bases = append(m.bases, b)
	}
	return m
}

// Lookup returns the workspace language of tag. ok is false when tag is
// not a language tag at all; lang is "" when it is one but not of a
// workspace language.
func (m *Map) Lookup(tag string) (lang string, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, hit := m.seen[tag]; hit {
		return r.lang, r.ok
	}
	r := m.lookup(tag)
	m.seen[tag] = r
	return r.lang, r.ok
}

func (m *Map) lookup(tag string) result {
	t := strings.TrimSpace(tag)
	for _, l := range m.langs {
		if strings.EqualFold(t, l) {
			return result{l, true}
		}
	}
	b, ok := Base(t)
	if !ok {
		return result{"", false}
	}
	if b == "" {
		return result{"", true}
	}
	for i, wb := range m.bases {
		if wb == b {
			return result{m.langs[i], true}
		}
	}
	return result{"", true}
}

// Meant returns the language of langs (the workspace's) that a person most
// likely meant by code, a code the workspace does not keep; "" when there
// is no good guess. It is, in this order: the language code names by
// another code or case (rus, KK, kk-KZ: ru, kk); the language of a
// country code (kz: kk); the same with q read as k, since Kazakh in the
// Latin alphabet writes қ as q (qq, qaz: kk); the code typed with a
// Russian or Kazakh keyboard layout left on (лл: kk); and, when code names
// no language at all, the only workspace code one letter off it (ry: ru).
// A code that names a language the workspace lacks (de, ky) is not
// guessed to be another.
func Meant(code string, langs []string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" {
		return ""
	}
	tries := []string{code}
	if strings.ContainsRune(code, 'q') {
		tries = append(tries, strings.ReplaceAll(code, "q", "k"))
	}
	if l := fromLayout(code); l != "" {
		tries = append(tries, l)
	}
	for _, c := range tries {
		if l := meantBy(c, langs); l != "" {
			return l
		}
	}
	if b, ok := Base(code); ok && b != "" {
		return "" // a language, just not one of the workspace's
	}
	if ok, _ := Language(code); ok {
		return ""
	}
	found := ""
	for _, l := range langs {
		if len(l) != len(code) || !oneOff(code, l) {
			continue
		}
		if found != "" {
			return "" // two as close: no guess
		}
		found = l
	}
	return found
}

// meantBy returns the language of langs that code names, by itself or as
// a country's code; "" when none.
func meantBy(code string, langs []string) string {
	b, ok := Base(code)
	if !ok || b == "" {
		_, b = Language(code)
	}
	if b == "" {
		return ""
	}
	for _, l := range langs {
		if lb, _ := Base(l); lb == b {
			return l
		}
	}
	return ""
}

// oneOff reports whether a and b, of one length, differ in one byte.
func oneOff(a, b string) bool {
	diff := 0
	for i := range len(a) {
		if a[i] != b[i] {
			diff++
		}
	}
	return diff == 1
}

// layoutCyrillic and layoutLatin are the letters of the Russian keyboard
// layout (the Kazakh one has them on the same keys) and the Latin letters
// of the same keys, in one order. (Strings, not a map: nothing is built at
// start-up.)
const (
	layoutCyrillic = "йцукенгшщзфывапролдячсмить"
	layoutLatin    = "qwertyuiopasdfghjklzxcvbnm"
)

// fromLayout returns code as the Latin keys its Cyrillic letters are on,
// or "" when code is not all such letters.
func fromLayout(code string) string {
	cyr := []rune(layoutCyrillic)
	var b strings.Builder
	for _, r := range code {
		i := slices.Index(cyr, r)
		if i < 0 {
			return ""
		}
		b.WriteByte(layoutLatin[i])
	}
	return b.String()
}
