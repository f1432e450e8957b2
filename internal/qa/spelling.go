package qa

import (
	"bufio"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Hunspell dictionaries per language: Debian's hunspell-ru, hunspell-kk and
// hunspell-en-us install them under these names.
func hunspellDict(lang string) (string, bool) {
	switch lang {
	case "ru":
		return "ru_RU", true
	case "kk":
		return "kk_KZ", true
	case "en":
		return "en_US", true
	}
	return "", false
}

// kazakhAbbreviations are the abbreviations of units Kazakh news writes
// that the Kazakh dictionary lacks (км/сағ: сағат, hour); those it shares
// with Russian (км, кг, млн) the Russian dictionary knows (see
// dropLoanwords).
var kazakhAbbreviations = [...]string{"сағ", "мин", "сек", "жж"}

// maxSpellLine is the longest line sent to Hunspell; longer lines (no
// sentence is that long) are not spell-checked.
const maxSpellLine = 16 << 10

// Speller checks spelling through the hunspell program in pipe mode (-a),
// one process per language. It is safe for concurrent use (calls take
// turns); Close ends the process.
type Speller struct {
	lang string
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	// stems caches hunspell's verdict on the stems of flagged Kazakh
	// words (see kazakhStems).
	stems map[string]bool
	// bareStems switches dropInflected off (the evaluation's "before").
	bareStems bool
	// ru judges the Kazakh words of Russian spelling (see dropLoanwords),
	// started when first needed; nil when it cannot be.
	ru      *Speller
	ruTried bool
}

// maxStemCache bounds the cache of stems; it starts over when full.
const maxStemCache = 1 << 16

// NewSpeller starts hunspell for lang with the dictionary Debian names for
// it, and teaches it known (glossary terms and their generated forms, see
// glossary.Glossary.KnownWords) for this session. When hunspell or the
// dictionary is missing it returns a nil Speller and a Note the caller can
// print once; the check is then skipped, which is not an error.
func NewSpeller(lang string, known []string) (*Speller, *Note) {
	l := baseLang(lang)
	unavailable := func(id string) *Note {
		dict, _ := hunspellDict(l)
		return &Note{Kind: Spelling, Message: id, Data: map[string]any{"Lang": lang, "Dict": dict}}
	}
	dict, ok := hunspellDict(l)
	if !ok {
		return nil, unavailable("qa.spelling.no-dictionary")
	}
	path, err := exec.LookPath("hunspell")
	if err != nil {
		return nil, unavailable("qa.spelling.no-hunspell")
	}
	cmd := exec.Command(path, "-a", "-i", "utf-8", "-d", dict)
	in, err1 := cmd.StdinPipe()
	outp, err2 := cmd.StdoutPipe()
	if err := errors.Join(err1, err2); err != nil {
		return nil, unavailable("qa.spelling.no-hunspell")
	}
	if err := cmd.Start(); err != nil {
		return nil, unavailable("qa.spelling.no-hunspell")
	}
	s := &Speller{lang: l, cmd: cmd, in: in, out: bufio.NewReaderSize(outp, 64<<10)}
	banner, err := s.out.ReadString('\n')
	if err != nil || !strings.HasPrefix(banner, "@(#)") {
		s.Close()
		return nil, unavailable("qa.spelling.no-dictionary")
	}
	// Session words: "@word" accepts word until the process ends; hunspell
	// answers nothing to them and reads them as they come.
	var b strings.Builder
	if l == "kk" {
		known = append(known[:len(known):len(known)], kazakhAbbreviations[:]...)
	}
	for _, w := range known {
		if w == "" || strings.ContainsAny(w, "\n\r ") {
			continue
		}
		b.WriteString("@")
		b.WriteString(w)
		b.WriteString("\n")
	}
	if _, err := io.WriteString(s.in, b.String()); err != nil {
		s.Close()
		return nil, unavailable("qa.spelling.no-hunspell")
	}
	return s, nil
}

// Close ends the hunspell process.
func (s *Speller) Close() error {
	if s == nil {
		return nil
	}
	s.in.Close()
	err := s.cmd.Wait()
	if s.ru != nil {
		err = errors.Join(err, s.ru.Close())
	}
	return err
}

// Check returns a finding for each word of text that the dictionary does
// not know. Words starting with a capital (names), single letters, words
// with digits and words in another script than the language's are left alone.
func (s *Speller) Check(text string) ([]Finding, error) {
	if s == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Finding
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		base := off
		off += len(line)
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || len(line) > maxSpellLine || !utf8.ValidString(line) {
			continue
		}
		clean := s.spellable(line)
		if _, err := io.WriteString(s.in, "^"+clean+"\n"); err != nil {
			return out, err
		}
		cursor := 0
		var flagged []Finding
		for {
			resp, err := s.out.ReadString('\n')
			if err != nil {
				return out, err
			}
			resp = strings.TrimRight(resp, "\n")
			if resp == "" {
				break
			}
			if resp[0] != '&' && resp[0] != '#' {
				continue
			}
			fields := strings.Fields(resp)
			if len(fields) < 2 {
				continue
			}
			word := fields[1]
			// Where the word is: hunspell gives its offset in characters
			// (the "^" before the line counted), so a word also found
			// inside an earlier one (ші in екінші) is marked where it is;
			// the first occurrence after the last word is the fallback.
			start := -1
			k := 3 // "& word count offset: suggestions"
			if resp[0] == '#' {
				k = 2 // "# word offset"
			}
			if k < len(fields) {
				if n, err := strconv.Atoi(strings.TrimSuffix(fields[k], ":")); err == nil {
					// clean blanks words byte for byte: its
					// characters, not line's, are hunspell's
					start = runeOffset(clean, n-1)
				}
			}
			if start < cursor || !strings.HasPrefix(line[start:], word) {
				at := strings.Index(line[cursor:], word)
				if at < 0 {
					continue
				}
				start = cursor + at
			}
			cursor = start + len(word)
			if !s.wanted(word) || numeralEnding(line, start, word) {
				continue
			}
			var sugg []string
			if i := strings.Index(resp, ": "); i >= 0 {
				sugg = strings.Split(resp[i+2:], ", ")
				if len(sugg) > 5 {
					sugg = sugg[:5]
				}
			}
			f := Finding{Kind: Spelling, Severity: Warning, Lang: s.lang, Source: NoSpan,
				Target: Span{base + start, base + start + len(word)}, Message: "qa.spelling.unknown",
				Data: map[string]any{"Text": word, "Suggestions": strings.Join(sugg, ", "), "Lang": s.lang}}
			if len(sugg) > 0 {
				f.Fix = sugg[0]
			} else {
				f.Message = "qa.spelling.unknown-no-suggestion"
			}
			flagged = append(flagged, f)
		}
		if s.lang == "kk" && !s.bareStems && len(flagged) > 0 {
			var err error
			if flagged, err = s.dropInflected(flagged); err != nil {
				return out, err
			}
			if flagged, err = s.dropLoanwords(flagged); err != nil {
				return out, err
			}
		}
		out = append(out, flagged...)
	}
	return out, nil
}

// dropInflected removes from fs the Kazakh words hunspell flagged that are
// a stem it knows with an ending the stem's harmony allows (шағымның):
// the dictionary has stems, not every form.
func (s *Speller) dropInflected(fs []Finding) ([]Finding, error) {
	stems := make([][]string, len(fs))
	var ask []string
	for i, f := range fs {
		stems[i] = kazakhStems(strings.ToLower(f.Data["Text"].(string)))
		for _, st := range stems[i] {
			if _, ok := s.stems[st]; !ok && !slices.Contains(ask, st) {
				ask = append(ask, st)
			}
		}
	}
	if len(ask) > 0 {
		if err := s.ask(ask); err != nil {
			return fs, err
		}
	}
	kept := fs[:0]
	for i, f := range fs {
		if !slices.ContainsFunc(stems[i], func(st string) bool { return s.stems[st] }) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// dropLoanwords removes from fs the Kazakh words that are Russian words,
// or such a word with a Kazakh ending (компаниясы, цунамиден, дюймға), as
// the Russian dictionary knows them: Kazakh writes the words it takes
// from or through Russian as Russian does (интеллект, миля, км), and
// Debian's Kazakh dictionary lacks most of them. A word with a letter of
// Kazakh alone (ә ғ қ ң ө ұ ү һ і) is no Russian word, nor is a stem of
// fewer than four letters (a Kazakh verb root such as жаз is no loanword).
// Without the Russian dictionary fs is returned as it is.
func (s *Speller) dropLoanwords(fs []Finding) ([]Finding, error) {
	russian := func(w string) bool {
		return w != "" && !strings.ContainsAny(w, "әғқңөұүһі") && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	words := make([][]string, len(fs))
	some := false
	for i, f := range fs {
		w := strings.ToLower(f.Data["Text"].(string))
		if !russian(w) {
			continue
		}
		words[i] = []string{w}
		for _, st := range kazakhStems(w) {
			if utf8.RuneCountInString(st) >= 4 && russian(st) {
				words[i] = append(words[i], st)
			}
		}
		some = true
	}
	if !some {
		return fs, nil // no Russian dictionary started for words that cannot be Russian
	}
	if !s.ruTried {
		s.ruTried = true
		s.ru, _ = NewSpeller("ru", nil)
	}
	if s.ru == nil {
		return fs, nil
	}
	var ask []string
	for i := range fs {
		for _, x := range words[i] {
			if _, ok := s.ru.stems[x]; !ok && !slices.Contains(ask, x) {
				ask = append(ask, x)
			}
		}
	}
	if len(ask) > 0 {
		if err := s.ru.ask(ask); err != nil {
			return fs, err
		}
	}
	kept := fs[:0]
	for i, f := range fs {
		if !slices.ContainsFunc(words[i], func(x string) bool { return s.ru.stems[x] }) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// ask has hunspell judge words (lower-case letters only: one answer each,
// in order) and caches its verdicts in s.stems.
func (s *Speller) ask(words []string) error {
	if _, err := io.WriteString(s.in, "^"+strings.Join(words, " ")+"\n"); err != nil {
		return err
	}
	if s.stems == nil || len(s.stems) > maxStemCache {
		s.stems = map[string]bool{}
	}
	n := 0
	for {
		resp, err := s.out.ReadString('\n')
		if err != nil {
			return err
		}
		resp = strings.TrimRight(resp, "\n")
		if resp == "" {
			return nil
		}
		if n < len(words) {
			s.stems[words[n]] = resp[0] == '*' || resp[0] == '+' || resp[0] == '-'
		}
		n++
	}
}

// runeOffset is the byte offset of the n-th character of s, -1 when s
// is shorter.
func runeOffset(s string, n int) int {
	if n < 0 {
		return -1
	}
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return -1
}

// numeralEnding reports whether word, at start in line, is the ending of
// a number written in figures with a hyphen: 1990-шы, 5-ші, 2-сі, 4-інші
// in Kazakh, 5-го, 90-х in Russian. Hunspell sees the letters alone; a
// word of more than four letters after a number (25-летний, 5-қабатты)
// is still spelled.
func numeralEnding(line string, start int, word string) bool {
	return start >= 2 && line[start-1] == '-' && line[start-2] >= '0' && line[start-2] <= '9' &&
		utf8.RuneCountInString(word) <= 4
}

// wanted reports whether word is one Check judges: two letters or more,
// not capitalised, no digits, every letter in the language's script.
func (s *Speller) wanted(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if utf8.RuneCountInString(word) < 2 || unicode.IsUpper(r) || strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return false
	}
	cyr := s.lang != "en"
	return strings.IndexFunc(word, func(r rune) bool {
		return unicode.IsLetter(r) && unicode.Is(unicode.Cyrillic, r) != cyr
	}) < 0
}

// spellable returns line as hunspell is given it: control characters as
// spaces, and the words Check would not report (see wanted) blanked out,
// byte for byte, so that offsets stay. Hunspell works out suggestions
// for every word it does not know, which for a word of another script or
// with odd letters can take it seconds; the names and foreign words of
// news are most of those.
func (s *Speller) spellable(line string) string {
	b := []byte(line)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r < ' ' {
			b[i] = ' '
		}
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		// A word: letters and marks, and an apostrophe between letters
		// (don't, O'Brien). A hyphen parts words (20-летний, Алма-Ата),
		// as wordEnd does.
		j := i + n
		for j < len(b) {
			r, n := utf8.DecodeRune(b[j:])
			if r == '\'' || r == '’' {
				if next, _ := utf8.DecodeRune(b[j+n:]); unicode.IsLetter(next) {
					j += n
					continue
				}
				break
			}
			if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				break
			}
			j += n
		}
		if !s.wanted(string(b[i:j])) {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		i = j
	}
	return string(b)
}
