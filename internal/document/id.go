package document

import (
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
)

// ValidID checks that id is a lowercase slug: letters a-z, digits and
// single inner hyphens, at most 64 bytes. Ids become folder and file names,
// so this check is what keeps "../x", "a/b" and "CON" out of the file system.
// The names Windows keeps for devices in any case (con, nul, com1) pass it;
// a new document may not take one (see [Begin] and [ReservedID]).
func ValidID(id string) error {
	if id == "" || len(id) > 64 {
		return badID(id, -1)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && i > 0 && i < len(id)-1 && id[i-1] != '-':
		default:
			return badID(id, i)
		}
	}
	return nil
}

// translit spells Russian and Kazakh letters in Latin for ids (built on
// first use).
var translit = lazy.Value[map[rune]string]{New: func() map[rune]string {
	return map[rune]string{
		'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d", 'е': "e", 'ё': "yo",
		'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'і': "i", 'к': "k", 'қ': "q", 'л': "l", 'м': "m",
		'н': "n", 'ң': "ng", 'о': "o", 'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ұ': "u", 'ү': "u", 'ф': "f", 'х': "kh", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh",
		'щ': "shch", 'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya",
	}
}}

// Slug makes an id from free text (a file name, a term): lower case,
// Russian and Kazakh letters spelt in Latin, ъ and ь dropped, every other
// run of characters that is not a-z or 0-9 one hyphen, at most max bytes.
// The result is a valid document id ([ValidID]) and glossary id, or ""
// when s has no letter or digit it can spell: then the caller must ask
// for an id. It is the one slug rule: document ids from file names
// (import-tmx), glossary file names and glossary entry ids (glossary
// import) all come from it.
func Slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		t := ""
		switch {
		case r == 'ъ' || r == 'ь':
			continue // signs with no sound of their own
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			t = string(r)
		default:
			t = translit.Get()[r]
		}
		if t == "" {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(t)
	}
	out := b.String()
	if len(out) > max {
		out = strings.TrimRight(out[:max], "-")
	}
	return out
}

// ReservedID reports whether id is a name Windows keeps for a device (con,
// prn, aux, nul, com0-com9, lpt0-lpt9): a folder of that name cannot be
// made or checked out there, so a workspace in git holding one breaks for
// the colleague on Windows.
func ReservedID(id string) bool {
	switch id {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(id) == 4 && (strings.HasPrefix(id, "com") || strings.HasPrefix(id, "lpt")) && id[3] >= '0' && id[3] <= '9'
}
