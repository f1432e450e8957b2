package glossary

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// A token is one unit of text the matcher compares: a word (letters, marks
// and digits), a dash, an apostrophe, a quotation mark, or any other single
// punctuation or symbol character. White space separates tokens and is not
// one, so "Almaty  Region" and "Almaty\nRegion" match "Almaty Region", while
// "Almaty. Region" does not: the full stop is a token of its own.
type token struct {
	start, end int    // byte offsets in the original text
	key        string // normalised form; empty for tokens that are skipped
	mixed      bool   // a word that mixes Latin and Cyrillic letters
}

// Keys of the punctuation that the normaliser unifies.
const (
	dashKey       = "-"
	apostropheKey = "'"
	quoteKey      = `"`
)

// isDash reports the hyphens and dashes that all normalise to "-": the
// ASCII hyphen-minus, U+2010–U+2015 and the minus sign U+2212.
func isDash(r rune) bool {
	return r == '-' || (r >= 0x2010 && r <= 0x2015) || r == 0x2212
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`'
}

func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟', '‹', '›':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// isHidden reports the invisible characters that can sit inside a word
// and hide it from a plain comparison: the zero-width space, non-joiner
// and joiner (U+200B–U+200D), the word joiner (U+2060), the zero-width
// no-break space or byte order mark (U+FEFF) and the soft hyphen (U+00AD).
// Inside a word they are skipped, so "Тока\u200bев" is the word Токаев;
// elsewhere they separate tokens like white space. The check reports
// each one that touches a word (see [FindingHidden]).
func isHidden(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return true
	}
	return false
}

// hiddenJoin returns the end of the run of hidden characters at text[j:]
// when a word rune follows it, so the word goes on across them; otherwise
// it returns -1. Callers check r >= 0xAD first: no ASCII rune is hidden.
func hiddenJoin(text string, j int) int {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isHidden(r) {
			if isWordRune(r) {
				return j
			}
			return -1
		}
		j += n
	}
	return -1
}

// stripHidden removes the hidden characters from s.
func stripHidden(s string) string {
	if !strings.ContainsFunc(s, isHidden) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isHidden(r) {
			return -1
		}
		return r
	}, s)
}

// runeTable holds, for each rune below U+0500, its fast fold (0: take the
// slow path) and whether it is a word rune and of which script, so the
// matcher's hot loop makes no unicode table searches for Latin and
// Cyrillic text. The fast fold of a rune is its case fold when that fold
// is a single rune and the rune can neither combine with its neighbours
// under NFC nor change under it, nor is hidden (the soft hyphen); 0 sends
// the token to the slow path (hidden runes dropped, norm.NFC, then
// cases.Fold on the whole word).
//
// The table itself is in runetable_gen.go, static data rather than 1,280
// case folds at every start: TestRuneTableIsCurrent builds it from x/text,
// so both paths give the same keys, and rewrites it with -update.

const runeTableSize = 0x500

type runeInfo struct {
	fold  rune
	flags uint8
}

const (
	rWord uint8 = 1 << iota
	rLatin
	rCyrillic
)

// foldInfo is runeTable as tokenIDs reads it, for every rune of one or
// two bytes in UTF-8 (below U+0800, so a two-byte sequence indexes it
// without a range check): the fast fold encoded in UTF-8 (enc, its bytes
// from the lowest; n bytes, 0 when there is no fast fold) and the flags:
// rWord, rLatin and rCyrillic as runeTable has them, rSlow when the rune
// has no fast fold (a word with one takes keyer.slowKey; every word rune
// from U+0500 on) and rLenDiff when its fold is not as long in UTF-8 as
// the rune.
type foldInfo struct {
	enc   uint32
	n     uint8
	flags uint8
}

// twoByteRunes is the number of runes of at most two bytes in UTF-8.
const twoByteRunes = 0x800

// The flags of foldInfo besides rWord, rLatin and rCyrillic.
const (
	rSlow uint8 = 1 << (iota + 3)
	rLenDiff
)

var (
	foldOnce   sync.Once
	foldTables [2]*[twoByteRunes]foldInfo // [1]: Russian, ё folded to е
)

// foldTable returns the foldInfo of every rune below twoByteRunes, for
// Russian (ё as е) or any other language.
func foldTable(russian bool) *[twoByteRunes]foldInfo {
	foldOnce.Do(func() {
		for v := range foldTables {
			tab := new([twoByteRunes]foldInfo)
			for r := range rune(twoByteRunes) {
				if r >= runeTableSize {
					if isWordRune(r) {
						tab[r].flags = rWord | rSlow
					}
					continue
				}
				inf := runeTable[r]
				f := inf.fold
				if v == 1 && f == 'ё' {
					f = 'е'
				}
				fi := foldInfo{flags: inf.flags}
				if f != 0 {
					var b [4]byte
					fi.n = uint8(utf8.EncodeRune(b[:], f))
					fi.enc = binary.LittleEndian.Uint32(b[:])
					if int(fi.n) != utf8.RuneLen(r) {
						fi.flags |= rLenDiff
					}
				} else {
					fi.flags |= rSlow
				}
				tab[r] = fi
			}
			foldTables[v] = tab
		}
	})
	if russian {
		return foldTables[1]
	}
	return foldTables[0]
}

// isSpaceOrFormat reports white space and format characters (zero-width
// joiners, the byte order mark, the soft hyphen): both separate tokens,
// except that hidden ones inside a word are part of it (see [isHidden]).
func isSpaceOrFormat(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

type script uint8

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
)

func scriptOf(r rune) script {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return scriptLatin
		}
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	}
	return scriptOther
}

// keyer builds token keys. It keeps a buffer between calls, so one keyer
// must not be shared between goroutines.
type keyer struct {
	russian bool // fold ё to е
	cyr     bool // the language is written in Cyrillic: break script ties that way
	buf     []byte
	pend    []pendingKey // the matcher's words to look up (tokenIDs)
	folder  cases.Caser
}

func newKeyer(lang string) *keyer {
	b := baseLang(lang)
	return &keyer{russian: b == "ru", cyr: b == "ru" || b == "kk", folder: cases.Fold()}
}

// tokenize appends the tokens of text to toks. Keys are normalised: NFC,
// case folded, ё→е for Russian, dashes to "-", apostrophes to "'", quotation
// marks to `"`. A word that mixes Latin and Cyrillic letters is keyed by its
// look-alike correction (see [correctHomoglyphs]) and marked mixed.
func (k *keyer) tokenize(text string, toks []token) []token {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && (r == ' ' || r == '\t' || r == '\n' || r == '\r'):
			i += n
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					if r2 >= 0xAD && isHidden(r2) {
						if k := hiddenJoin(text, j); k >= 0 {
							j = k
							continue
						}
					}
					break
				}
				j += n2
			}
			key, mixed := k.wordKey(text[i:j])
			toks = append(toks, token{start: i, end: j, key: key, mixed: mixed})
			i = j
		case isDash(r):
			toks = append(toks, token{start: i, end: i + n, key: dashKey})
			i += n
		case isApostrophe(r):
			toks = append(toks, token{start: i, end: i + n, key: apostropheKey})
			i += n
		case isQuote(r):
			toks = append(toks, token{start: i, end: i + n, key: quoteKey})
			i += n
		case isSpaceLike(r, n):
			// Invalid bytes and format characters (zero-width joiners, BOM)
			// separate tokens like spaces do.
			i += n
		default:
			toks = append(toks, token{start: i, end: i + n, key: text[i : i+n]})
			i += n
		}
	}
	return toks
}

// wordKey returns the key of one word. Most words take the fast path: every
// rune has a fast fold in runeTable and the word is in one script, so the key is built
// rune by rune into the keyer's buffer with no allocation beyond the string.
func (k *keyer) wordKey(w string) (string, bool) {
	k.buf = k.buf[:0]
	var scripts uint8
	for _, r := range w {
		if r >= runeTableSize || runeTable[r].fold == 0 {
			return k.slowKey(w)
		}
		scripts |= 1 << scriptOf(r)
		f := runeTable[r].fold
		if k.russian && f == 'ё' {
			f = 'е'
		}
		k.buf = utf8.AppendRune(k.buf, f)
	}
	if scripts&(1<<scriptLatin) != 0 && scripts&(1<<scriptCyrillic) != 0 {
		return k.slowKey(w)
	}
	return string(k.buf), false
}

func (k *keyer) slowKey(w string) (string, bool) {
	s := norm.NFC.String(stripHidden(w))
	mixed := false
	if fixed, ok := correctHomoglyphs(s, k.cyr); ok {
		s, mixed = fixed, true
	}
	s = k.folder.String(s)
	if k.russian {
		s = strings.ReplaceAll(s, "ё", "е")
	}
	return s, mixed
}

// keyOf returns the space-joined token keys of a glossary form, or "" when
// the form has no tokens. Lint uses it to compare forms the way the matcher
// sees them.
func keyOf(lang, form string) string {
	k := newKeyer(lang)
	toks := k.tokenize(form, nil)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.key
	}
	return strings.Join(parts, " ")
}

// baseLang returns the primary language subtag in lower case: "kk" for
// "kk-KZ" or "KK".
func baseLang(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return strings.ToLower(lang)
}

// formTokens splits a glossary form into the tokens formPlan reads and
// hands to package morph.
func formTokens(k *keyer, form string) []morph.Token {
	toks := k.tokenize(form, nil)
	out := make([]morph.Token, len(toks))
	for i, t := range toks {
		out[i] = morph.Token{Orig: form[t.start:t.end], Key: t.key, Word: isWordRune(firstRune(form[t.start:t.end])), Start: t.start, End: t.end}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
