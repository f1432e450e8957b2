package qa

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
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

// The newsroom's words each dictionary lacks (see newswords/), taught to
// hunspell as a workspace's word list is.
var (
	//go:embed newswords/kk.txt
	newsWordsKK string
	//go:embed newswords/ru.txt
	newsWordsRU string
)

// newsWords returns the words of lang's newsroom list (one word or
// word/model a line, blank lines and # comments left out).
func newsWords(lang string) []string {
	text := ""
	switch lang {
	case "kk":
		text = newsWordsKK
	case "ru":
		text = newsWordsRU
	}
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// maxSpellLine is the longest line sent to Hunspell; longer lines (no
// sentence is that long) are not spell-checked.
const maxSpellLine = 16 << 10

// Speller checks spelling through the hunspell program in pipe mode (-a),
// one process per language. It is safe for concurrent use (calls take
// turns); Close ends the process.
//
// Hunspell works out suggestions for every word it does not know, and for
// Kazakh that takes tens of milliseconds a word: most of what Check asks
// (every inflected Kazakh word, which the dictionary lists by its stem,
// and the stems tried for it) needs a verdict, not suggestions. So the
// verdicts come from a process over a copy of the dictionary whose affix
// file has no suggestion tables (see quickDictionary): the same words are
// known, and an unknown one is answered at once. Suggestions are asked of
// a second process, over a copy with n-gram suggestions off (see
// suggestDictionary), started when a word is first reported, once for each
// word.
type Speller struct {
	lang string
	mu   sync.Mutex
	// verdicts answers whether words are known: the quick dictionary's
	// process, or full's when no copy could be made.
	verdicts *hunspell
	// full is the process suggestions come from (see startFull); nil
	// until first needed.
	full *hunspell
	// path and dict start full; known are the session words both learn.
	path, dict string
	known      []string
	// quickDir holds the quick dictionary when it is a temporary folder,
	// removed by Close; "" when there is none or it is kept in cache.
	// suggestDir is the same for the suggestion dictionary.
	quickDir, suggestDir string
	// cache is the folder quick dictionaries are kept in ("": none).
	cache string
	// dicpath is the invocation's $DICPATH (see dictionaryFolders).
	dicpath string
	// suggestions caches full's suggestions for reported words.
	suggestions map[string][]string
	// stems caches hunspell's verdict on the stems of flagged Kazakh
	// words (see kazakhStems).
	stems map[string]bool
	// bareStems switches dropInflected off (the evaluation's "before").
	bareStems bool
	// ru judges the Kazakh words of Russian spelling (see dropLoanwords),
	// started when first needed; nil when it cannot be.
	ru      *Speller
	ruTried bool
	// key is what the speller answers by, for [Spellers] to give it to
	// a later check ("": it is not kept); failed is set when hunspell
	// did not answer, and such a speller is not kept either.
	key    string
	failed bool
}

// hunspell is one hunspell -a process.
type hunspell struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// startHunspell starts hunspell (at path) in pipe mode with dictionary dict
// (a name hunspell finds, on dicpath first, or a path without .aff/.dic)
// and teaches it the session words known.
func startHunspell(path, dict, dicpath string, known []string) (*hunspell, error) {
	cmd := exec.Command(path, "-a", "-i", "utf-8", "-d", dict)
	cmd.Env = hunspellEnv(os.Environ(), dicpath)
	in, err1 := cmd.StdinPipe()
	outp, err2 := cmd.StdoutPipe()
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	h := &hunspell{cmd: cmd, in: in, out: bufio.NewReaderSize(outp, 64<<10)}
	banner, err := h.out.ReadString('\n')
	if err != nil || !strings.HasPrefix(banner, "@(#)") {
		h.close()
		return nil, errNoDictionary
	}
	// Session words: "@word" accepts word until the process ends; hunspell
	// answers nothing to them and reads them as they come. "@word/model"
	// gives word the endings of the dictionary's model.
	var b strings.Builder
	for _, w := range known {
		if w == "" || strings.ContainsAny(w, "\n\r ") {
			continue
		}
		b.WriteString("@")
		b.WriteString(w)
		b.WriteString("\n")
	}
	if _, err := io.WriteString(h.in, b.String()); err != nil {
		h.close()
		return nil, err
	}
	return h, nil
}

// errNoDictionary: hunspell started but did not answer as a pipe does,
// which is what it does without the dictionary.
var errNoDictionary = errors.New("hunspell: no dictionary")

// close ends the process.
func (h *hunspell) close() error {
	if h == nil {
		return nil
	}
	h.in.Close()
	return h.cmd.Wait()
}

// hunspellEnv is environ with DICPATH set to dicpath (removed when ""):
// hunspell looks for a dictionary named without a path in the folders of
// the invocation's $DICPATH, as [dictionaryFolders] does, not the
// process's.
func hunspellEnv(environ []string, dicpath string) []string {
	environ = slices.DeleteFunc(environ, func(kv string) bool { return strings.HasPrefix(kv, "DICPATH=") })
	if dicpath != "" {
		environ = append(environ, "DICPATH="+dicpath)
	}
	return environ
}

// dictionaryDirs are where hunspell looks for a dictionary named without a
// path, after the folders of $DICPATH: Debian installs them in the first.
var dictionaryDirs = [...]string{"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell"}

// dictionaryFolders are the folders hunspell looks for a dictionary in, in
// its order: those of dicpath, the invocation's $DICPATH (a list like
// $PATH's), then dictionaryDirs.
func dictionaryFolders(dicpath string) []string {
	var dirs []string
	if dicpath != "" {
		dirs = filepath.SplitList(dicpath)
	}
	return append(dirs, dictionaryDirs[:]...)
}

// quickDictionary makes a copy of dictionary dict that hunspell answers
// quickly: its .dic linked, its .aff without the tables suggestions are
// made from (TRY, KEY, REP, MAP, PHONE) and with n-gram and compound
// suggestions off. Whether a word is known does not depend on them.
//
// With a cache folder, the copy is kept there (see [cachedQuick]) and
// used again by later checks; else, or when the cache cannot be written,
// it goes into a new temporary folder, returned as temp for the caller to
// remove. It returns the copy's path for -d; ok is false when the
// dictionary's files are not where hunspell would look, or cannot be
// copied.
func quickDictionary(dict, cache, dicpath string) (temp, path string, ok bool) {
	return derivedDictionary(dict, cache, dicpath, quickAffix)
}

// suggestDictionary makes a copy of dictionary dict for suggestions: its
// .dic linked, its .aff with n-gram suggestions off (see suggestAffix). It
// is kept in cache's folder "suggest" when cache is not "", as
// quickDictionary keeps its copy.
func suggestDictionary(dict, cache, dicpath string) (temp, path string, ok bool) {
	if cache != "" {
		cache = filepath.Join(cache, "suggest")
	}
	return derivedDictionary(dict, cache, dicpath, suggestAffix)
}

// derivedDictionary makes a copy of dictionary dict whose affix file is
// derive of the installed one (see quickDictionary), the first found in
// dictionaryFolders(dicpath).
func derivedDictionary(dict, cache, dicpath string, derive func(aff []byte) []byte) (temp, path string, ok bool) {
	for _, d := range dictionaryFolders(dicpath) {
		aff, err := os.ReadFile(filepath.Join(d, dict+".aff"))
		if err != nil {
			continue
		}
		dic, err := filepath.Abs(filepath.Join(d, dict+".dic"))
		if err != nil {
			return "", "", false
		}
		if _, err := os.Stat(dic); err != nil {
			continue
		}
		quick := derive(aff)
		if cache != "" {
			if p, ok := cachedQuick(cache, dict, aff, quick, dic); ok {
				return "", p, true
			}
		}
		tmp, err := os.MkdirTemp("", "tilmash-hunspell-")
		if err != nil {
			return "", "", false
		}
		base := filepath.Join(tmp, dict)
		if os.WriteFile(base+".aff", quick, 0o600) != nil || os.Symlink(dic, base+".dic") != nil {
			os.RemoveAll(tmp)
			return "", "", false
		}
		return tmp, base, true
	}
	return "", "", false
}

// cachedQuick returns the path for -d of the quick dictionary of dict
// kept in folder cache: cache/DICT-KEY/DICT.aff (quick, the affix file
// without its suggestion tables) and DICT.dic (a link to dic, the
// installed word list). KEY is a digest of the installed dictionary (its
// affix file, and the word list's path, size and time), so an upgraded
// dictionary gets a new copy and the old one is removed. A copy is made
// in a temporary folder beside it, synced and renamed into place, so a
// check stopped at any point (kill -9) leaves a whole copy or none; one
// whose files are not what they should be is made again. ok is false when
// the cache cannot be written (a read-only workspace).
func cachedQuick(cache, dict string, aff, quick []byte, dic string) (path string, ok bool) {
	st, err := os.Stat(dic)
	if err != nil {
		return "", false
	}
	h := sha256.New()
	h.Write(aff)
	fmt.Fprintf(h, "\x00%s\x00%d\x00%d", dic, st.Size(), st.ModTime().UnixNano())
	name := dict + "-" + hex.EncodeToString(h.Sum(nil))[:16]
	dir := filepath.Join(cache, name)
	valid := func(dir string) bool {
		got, err := os.ReadFile(filepath.Join(dir, dict+".aff"))
		if err != nil || !bytes.Equal(got, quick) {
			return false
		}
		link, err := os.Readlink(filepath.Join(dir, dict+".dic"))
		return err == nil && link == dic
	}
	if valid(dir) {
		return filepath.Join(dir, dict), true
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", false
	}
	tmp, err := os.MkdirTemp(cache, ".tmp-"+dict+"-")
	if err != nil {
		return "", false
	}
	defer os.RemoveAll(tmp) // nothing left when the rename has moved it
	if writeSynced(filepath.Join(tmp, dict+".aff"), quick) != nil || os.Symlink(dic, filepath.Join(tmp, dict+".dic")) != nil {
		return "", false
	}
	if err := os.Rename(tmp, dir); err != nil && !valid(dir) {
		// A copy that is not what it should be is replaced (one that is
		// may have been put there by another check just now: it does as
		// well).
		if os.RemoveAll(dir) != nil || os.Rename(tmp, dir) != nil {
			return "", false
		}
	}
	// The copies of earlier versions of the dictionary, and the
	// temporary folders of checks that were stopped while making one.
	if entries, err := os.ReadDir(cache); err == nil {
		for _, e := range entries {
			n := e.Name()
			stale := strings.HasPrefix(n, dict+"-") && n != name
			if strings.HasPrefix(n, ".tmp-"+dict+"-") {
				info, err := e.Info()
				stale = err == nil && time.Since(info.ModTime()) > time.Hour
			}
			if stale {
				os.RemoveAll(filepath.Join(cache, n))
			}
		}
	}
	return filepath.Join(dir, dict), true
}

// writeSynced writes data to a new file at path and syncs it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Sync(), f.Close())
}

// quickAffix is aff without the suggestion tables (see quickDictionary).
func quickAffix(aff []byte) []byte {
	return append(affixWithout(aff, suggestionTables[:]...), "MAXNGRAMSUGS 0\nMAXCPDSUGS 0\nNOSPLITSUGS\n"...)
}

// affixWithout is aff without the lines whose first word is one of names,
// its last line ended.
func affixWithout(aff []byte, names ...string) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(aff, []byte("\n")) {
		fields := bytes.Fields(bytes.TrimPrefix(line, []byte("\ufeff")))
		if len(fields) > 0 && slices.Contains(names, string(fields[0])) {
			continue
		}
		out.Write(line)
	}
	if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// suggestAffix is aff with n-gram suggestions off (MAXNGRAMSUGS 0). For a
// word a letter or two away from a dictionary word, hunspell's other ways
// (TRY, KEY, REP, MAP) find it, and the n-gram search gave the same first
// suggestion on every word both gave one for (113 of 206 words flagged in
// 600 NTREX lines, kk and ru). What only the n-gram search proposes is a
// word that merely looks alike, for a correct word the dictionary lacks
// (банкоматты: военкоматты, веганов: органонов), and it took 6 to 9 times
// the time: 4.0 s against 0.64 s for 169 Kazakh words, 2.5 s against
// 0.28 s for 37 Russian ones.
func suggestAffix(aff []byte) []byte {
	return append(affixWithout(aff, "MAXNGRAMSUGS"), "MAXNGRAMSUGS 0\n"...)
}

// suggestionTables are the first words of the affix file's lines that
// quickAffix leaves out.
var suggestionTables = [...]string{"TRY", "KEY", "REP", "MAP", "PHONE", "MAXNGRAMSUGS", "MAXCPDSUGS", "NOSPLITSUGS"}

// maxStemCache bounds the cache of stems; it starts over when full.
const maxStemCache = 1 << 16

// NewSpeller starts hunspell for lang with the dictionary Debian names for
// it, and teaches it known (glossary terms and their generated forms, see
// glossary.Glossary.KnownWords) for this session. When hunspell or the
// dictionary is missing it returns a nil Speller and a Note the caller can
// print once; the check is then skipped, which is not an error.
func NewSpeller(lang string, known []string) (*Speller, *Note) {
	return NewSpellerCached(lang, known, "", "")
}

// NewSpellerCached is [NewSpeller] with the quick dictionary (see
// quickDictionary) kept in folder cache, a workspace's local folder, and
// used again by later checks, instead of a temporary folder each check
// makes and removes (and a check that is killed leaves behind). "" is no
// cache. dicpath is the invocation's $DICPATH: the folders the dictionary
// is looked for in before the installed ones ("": none).
func NewSpellerCached(lang string, known []string, cache, dicpath string) (*Speller, *Note) {
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
	if l == "kk" {
		known = append(known[:len(known):len(known)], kazakhAbbreviations[:]...)
	}
	known = append(known[:len(known):len(known)], newsWords(l)...)
	s := &Speller{lang: l, path: path, dict: dict, known: known, cache: cache, dicpath: dicpath}
	quick := dict
	hasQuick := false
	if dir, p, ok := quickDictionary(dict, cache, dicpath); ok {
		s.quickDir, quick, hasQuick = dir, p, true
	}
	s.verdicts, err = startHunspell(path, quick, dicpath, known)
	if err != nil && hasQuick {
		// The copy would not do: the dictionary as installed, for
		// verdicts and suggestions both.
		if s.quickDir != "" {
			os.RemoveAll(s.quickDir)
		}
		s.quickDir, hasQuick = "", false
		s.verdicts, err = startHunspell(path, dict, dicpath, known)
	}
	if err != nil {
		if errors.Is(err, errNoDictionary) {
			return nil, unavailable("qa.spelling.no-dictionary")
		}
		return nil, unavailable("qa.spelling.no-hunspell")
	}
	if !hasQuick {
		s.full = s.verdicts
	}
	return s, nil
}

// Close ends the hunspell processes and removes the quick dictionary.
func (s *Speller) Close() error {
	if s == nil {
		return nil
	}
	err := s.verdicts.close()
	if s.full != s.verdicts {
		err = errors.Join(err, s.full.close())
	}
	for _, dir := range []string{s.quickDir, s.suggestDir} {
		if dir != "" {
			err = errors.Join(err, os.RemoveAll(dir))
		}
	}
	if s.ru != nil {
		err = errors.Join(err, s.ru.Close())
	}
	return err
}

// startFull starts the process suggestions come from: over the suggestion
// dictionary (see suggestDictionary), or the dictionary as installed when
// no copy can be made or started.
func (s *Speller) startFull() (*hunspell, error) {
	if dir, p, ok := suggestDictionary(s.dict, s.cache, s.dicpath); ok {
		if h, err := startHunspell(s.path, p, s.dicpath, s.known); err == nil {
			s.suggestDir = dir
			return h, nil
		}
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	return startHunspell(s.path, s.dict, s.dicpath, s.known)
}

// suggest returns hunspell's suggestions for word, at most five, from the
// full dictionary's process (started on first use) or the cache.
func (s *Speller) suggest(word string) ([]string, error) {
	if sugg, ok := s.suggestions[word]; ok {
		return sugg, nil
	}
	if s.full == nil {
		full, err := s.startFull()
		if err != nil {
			return nil, err
		}
		s.full = full
	}
	if _, err := io.WriteString(s.full.in, "^"+word+"\n"); err != nil {
		return nil, err
	}
	var sugg []string
	for {
		resp, err := s.full.out.ReadString('\n')
		if err != nil {
			return nil, err
		}
		resp = strings.TrimRight(resp, "\n")
		if resp == "" {
			break
		}
		if resp[0] == '&' {
			if i := strings.Index(resp, ": "); i >= 0 {
				sugg = strings.Split(resp[i+2:], ", ")
				if len(sugg) > 5 {
					sugg = sugg[:5]
				}
			}
		}
	}
	if s.suggestions == nil || len(s.suggestions) > maxStemCache {
		s.suggestions = map[string][]string{}
	}
	s.suggestions[word] = sugg
	return sugg, nil
}

// Check returns a finding for each word of text that the dictionary does
// not know. Words starting with a capital (names), single letters, words
// with digits and words in another script than the language's are left alone.
func (s *Speller) Check(text string) (out []Finding, err error) {
	if s == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		if err != nil {
			s.failed = true
		}
	}()
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		base := off
		off += len(line)
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || len(line) > maxSpellLine || !utf8.ValidString(line) {
			continue
		}
		clean := s.spellable(line)
		if _, err := io.WriteString(s.verdicts.in, "^"+clean+"\n"); err != nil {
			return out, err
		}
		cursor := 0
		var flagged []Finding
		for {
			resp, err := s.verdicts.out.ReadString('\n')
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
			flagged = append(flagged, Finding{Kind: Spelling, Severity: Warning, Lang: s.lang, Source: NoSpan,
				Target: Span{base + start, base + start + len(word)}, Message: "qa.spelling.unknown",
				Data: map[string]any{"Text": word, "Lang": s.lang}})
		}
		if s.lang == "kk" && !s.bareStems && len(flagged) > 0 {
			var err error
			if flagged, err = s.dropInflected(flagged); err != nil {
				return out, err
			}
			if flagged, err = s.dropDerived(flagged); err != nil {
				return out, err
			}
			if flagged, err = s.dropLoanwords(flagged); err != nil {
				return out, err
			}
		}
		if !s.bareStems && len(flagged) > 0 {
			var err error
			if flagged, err = s.dropComposed(flagged); err != nil {
				return out, err
			}
		}
		// Suggestions only for the words reported.
		for i := range flagged {
			f := &flagged[i]
			sugg, err := s.suggest(f.Data["Text"].(string))
			if err != nil {
				return out, err
			}
			f.Data["Suggestions"] = strings.Join(sugg, ", ")
			if len(sugg) > 0 {
				f.Fix = sugg[0]
			} else {
				f.Message = "qa.spelling.unknown-no-suggestion"
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

// dropDerived removes from fs the Kazakh words that are a stem hunspell
// knows under -лық, -сыз, the comparative or a 1st or 2nd person
// possessive, then endings ([morph.KazakhDerivedBases]: дәріханалық,
// үлкенірек, клиенттерімізге). It comes after dropInflected, for the few
// words that leaves: every base that is no word costs hunspell its
// suggestions.
func (s *Speller) dropDerived(fs []Finding) ([]Finding, error) {
	bases := make([][]string, len(fs))
	var ask []string
	for i, f := range fs {
		bases[i] = morph.KazakhDerivedBases(strings.ToLower(f.Data["Text"].(string)))
		for _, b := range bases[i] {
			if _, ok := s.stems[b]; !ok && !slices.Contains(ask, b) {
				ask = append(ask, b)
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
		if !slices.ContainsFunc(bases[i], func(b string) bool { return s.stems[b] }) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// dropLoanwords removes from fs the Kazakh words that are Russian words,
// or such a word with a Kazakh ending (компаниясы, цунамиден, дюймға), as
// the Russian dictionary knows them: Kazakh writes the words it takes
// from or through Russian as Russian does (интеллект, миля, км), and
// Debian's Kazakh dictionary lacks most of them. A word or stem with a
// letter of Kazakh alone (ә ғ қ ң ө ұ ү һ і) is no Russian word, though
// its ending may have one (компанияның), nor is a stem of fewer than four
// letters (a Kazakh verb root such as жаз is no loanword).
// Without the Russian dictionary fs is returned as it is.
func (s *Speller) dropLoanwords(fs []Finding) ([]Finding, error) {
	russian := func(w string) bool {
		return w != "" && !strings.ContainsAny(w, "әғқңөұүһі") && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	words := make([][]string, len(fs))
	some := false
	for i, f := range fs {
		w := strings.ToLower(f.Data["Text"].(string))
		if russian(w) {
			words[i] = []string{w}
		}
		// The ending may have a letter of Kazakh alone (компанияның,
		// дюймға); the stem is the Russian word.
		for _, st := range append(kazakhStems(w), morph.KazakhDerivedBases(w)...) {
			if utf8.RuneCountInString(st) >= 4 && russian(st) && !slices.Contains(words[i], st) {
				words[i] = append(words[i], st)
			}
		}
		some = some || len(words[i]) > 0
	}
	if !some {
		return fs, nil // no Russian dictionary started for words that cannot be Russian
	}
	if !s.ruTried {
		s.ruTried = true
		s.ru, _ = NewSpellerCached("ru", nil, s.cache, s.dicpath)
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
	if _, err := io.WriteString(s.verdicts.in, "^"+strings.Join(words, " ")+"\n"); err != nil {
		return err
	}
	if s.stems == nil || len(s.stems) > maxStemCache {
		s.stems = map[string]bool{}
	}
	n := 0
	for {
		resp, err := s.verdicts.out.ReadString('\n')
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
	nameEnd := -1       // where the last name ends
	inSentence := false // a word came since the line or the last sentence began
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r < ' ' {
			b[i] = ' '
		}
		if !unicode.IsLetter(r) {
			if r == '.' || r == '!' || r == '?' || r == '…' {
				inSentence = false
			}
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
		// The word after a name and a hyphen is part of the name
		// (Джон-стрит, Бествуд-стрит), whatever its case. A capital
		// that starts a sentence is no name: Вице-министр is spelled.
		afterName := i > 0 && b[i-1] == '-' && i-1 == nameEnd
		if afterName || unicode.IsUpper(r) && inSentence {
			nameEnd = j
		}
		inSentence = true
		if afterName || !s.wanted(string(b[i:j])) {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		i = j
	}
	return string(b)
}
