package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// idPattern is what an entry id may look like: lower-case ASCII letters and
// digits in groups joined by single "-", "_" or ".", so ids are safe in
// file names, URLs and command lines.
var idPattern = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`) }}

// ValidID reports whether id is a valid entry id.
func ValidID(id string) bool { return idPattern.Get().MatchString(id) }

// inflectHints lists the inflect values language lang knows (for any
// other language, those of ""). "" and "auto" let the rules decide;
// "none" keeps the form exactly as written.
func inflectHints(lang string) []string {
	switch lang {
	case "ru":
		return []string{"auto", "none", "surname", "plural"}
	case "kk":
		return []string{"auto", "none", "possessive", "stem", "back", "front"}
	}
	return []string{"auto", "none"}
}

func validInflect(lang, hint string) (bool, []string) {
	allowed := inflectHints(baseLang(lang))
	if hint == "" {
		return true, allowed
	}
	for _, a := range allowed {
		if hint == a {
			return true, allowed
		}
	}
	return false, allowed
}

// Load reads every *.yaml file of dir (in name order) as a glossary for the
// workspace languages langs. It returns the entries that could be read and
// every lint problem found, sorted by file and position: malformed YAML,
// unknown or repeated fields, fields of the wrong shape, missing or invalid
// or duplicate ids, invalid kinds and inflect hints, entries without a form
// in one of langs, empty forms, and forms that one entry accepts and the
// same or another entry forbids. When langs is empty any language code is
// accepted and none is required. The error is only for I/O: a directory or
// file that cannot be read, or one that is not a regular file inside dir
// (a *workspace.ReadError: a link out of the folder is not followed).
func Load(dir string, langs []string) (*Glossary, []Problem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, nil, fmt.Errorf("glossary: list %s: %w", dir, err)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("glossary: %w", err)
	}
	sort.Strings(files)
	read := make([]File, len(files))
	for i, f := range files {
		data, err := workspace.ReadFileIn(dir, filepath.Base(f))
		if re := (*workspace.ReadError)(nil); errors.As(err, &re) {
			re.Path = f
			return nil, nil, err
		}
		if err != nil {
			return nil, nil, fmt.Errorf("glossary: %w", err)
		}
		read[i] = File{Name: f, Data: data}
	}
	g, probs := LoadFiles(read, langs)
	return g, probs, nil
}

// File is a glossary file's name (as problems and entries give it) and
// content.
type File struct {
	Name string
	Data []byte
}

// LoadFiles is [Load] for files already read, in the order given: for a
// caller that also hashes their content (the compiled glossary cache).
func LoadFiles(files []File, langs []string) (*Glossary, []Problem) {
	l := newLinter(langs)
	for _, f := range files {
		l.file(f.Name, f.Data)
	}
	g, probs, _ := l.finish()
	return g, probs
}

// Parse reads one glossary file's content, named name in problems. It is
// [Load] for a single file, for tools that read glossaries from elsewhere.
func Parse(name string, data []byte, langs []string) (*Glossary, []Problem) {
	l := newLinter(langs)
	l.file(name, data)
	g, probs, _ := l.finish()
	return g, probs
}

// formRef remembers where a form was written, for the conflict checks.
type formRef struct {
	entry     *Entry
	lang      string
	form      string
	key       string
	forbidden bool
	term      bool // the preferred form (term:), for the shared-term warning
	line, col int
}

type linter struct {
	langs   []string
	isLang  map[string]bool
	g       *Glossary
	probs   []Problem
	refs    []formRef
	idPos   map[string]string
	curFile string
	// pendingRefs are the forms of the entry being read, kept apart until
	// the entry is known to be kept (a duplicate id is dropped).
	pendingRefs []formRef
}

func newLinter(langs []string) *linter {
	l := &linter{langs: langs, isLang: map[string]bool{}, g: New(langs), idPos: map[string]string{}}
	for _, lang := range langs {
		l.isLang[lang] = true
	}
	return l
}

func (l *linter) report(n *yaml.Node, p Problem) {
	p.File = l.curFile
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	if p.Line == 0 {
		p.Line, p.Column = 1, 1
	}
	l.probs = append(l.probs, p)
}

func (l *linter) pos(n *yaml.Node) string {
	return l.curFile + ":" + strconv.Itoa(n.Line) + ":" + strconv.Itoa(n.Column)
}

// unclosedQuote finds, for a file the YAML parser gave up on at its end
// (detail "found unexpected end of stream"), the quotation mark that opened
// the quoted text it was still reading: its 1-based line and column (in
// characters) and the mark. yaml.v3 names the end of the file, which may
// be hundreds of lines below the mark an editor left unclosed. The mark is
// found by a scan of the lines (a " or ' that starts a value: at the start
// of a line, or after ": ", "- ", "[", "{" or ","; comments, escapes and a
// doubled single quote skipped) and confirmed by the parser: the lines
// before the mark's parse, the lines up to it end in the same error.
func unclosedQuote(data []byte, detail string) (line, col int, quote byte, ok bool) {
	if detail != "found unexpected end of stream" {
		return 0, 0, 0, false
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	var open byte
	var at, atByte int
	for i, ln := range lines {
		start := true // only blanks since the last value indicator
		for j := 0; j < len(ln); j++ {
			c := ln[j]
			switch open {
			case '"':
				if c == '\\' {
					j++
				} else if c == '"' {
					open, start = 0, false
				}
				continue
			case '\'':
				if c == '\'' && j+1 < len(ln) && ln[j+1] == '\'' {
					j++
				} else if c == '\'' {
					open, start = 0, false
				}
				continue
			}
			blankAfter := j+1 == len(ln) || ln[j+1] == ' ' || ln[j+1] == '\t' || ln[j+1] == '\n' || ln[j+1] == '\r'
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			case c == '#' && (j == 0 || ln[j-1] == ' ' || ln[j-1] == '\t'):
				j = len(ln) // a comment
			case (c == '"' || c == '\'') && start:
				open, at, atByte = c, i, j
			case c == '[' || c == '{' || c == ',':
				start = true
			case (c == ':' || c == '-' || c == '?') && blankAfter:
				start = true
			default:
				start = false
			}
		}
	}
	if open == 0 {
		return 0, 0, 0, false
	}
	if yamlDocsError(bytes.Join(lines[:at], nil)) != nil {
		return 0, 0, 0, false
	}
	if err := yamlDocsError(bytes.Join(lines[:at+1], nil)); err == nil || !strings.HasSuffix(err.Error(), detail) {
		return 0, 0, 0, false
	}
	return at + 1, utf8.RuneCount(lines[at][:atByte]) + 1, open, true
}

// yamlDocsError is the parser's error on the documents of data, if any
// (aliases are not expanded: a yaml.Node keeps them).
func yamlDocsError(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// file lints one file. Each document is checked against the YAML limits
// before the linter walks it (it follows aliases and merge keys): a file
// over them is one problem, and nothing of it is read.
func (l *linter) file(name string, data []byte) {
	l.curFile = name
	if err := yamlx.CheckSize(name, data); err != nil {
		l.limit(err)
		return
	}
	if err := yamlx.CheckConflict(name, data); err != nil {
		l.limit(err) // a merge left unfinished, at its first marker
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if te := yamlx.ReaderError(name, data, err); te != nil {
				l.limit(te) // a byte that is not text, at its position
				return
			}
			p := Problem{Code: CodeMalformedYAML, Column: 1}
			p.Line, p.Detail = workspace.YAMLError(err)
			if se := yamlx.LocateSyntax(name, data, err); se != nil {
				p.Line, p.Column, p.Detail = se.Line, se.Column, se.Problem
			}
			if line, col, quote, ok := unclosedQuote(data, p.Detail); ok {
				p = Problem{Code: CodeUnclosedQuote, Line: line, Column: col, Value: string(quote)}
			}
			l.report(nil, p)
			return
		}
		if err := yamlx.Check(name, &doc); err != nil {
			l.limit(err)
			return
		}
		if len(doc.Content) == 0 {
			continue
		}
		l.root(doc.Content[0])
	}
}

// limit reports a file over the YAML limits. Its code is yamlx's, whose
// messages live in the cli catalogue.
func (l *linter) limit(err error) {
	var le *yamlx.LimitError
	if !errors.As(err, &le) {
		return
	}
	l.probs = append(l.probs, Problem{File: le.File, Line: le.Line, Column: le.Column, Code: le.Code, Value: le.Anchor, Limit: le.Limit})
}

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// fields walks a mapping node, reporting repeated keys, and calls f for each
// key and value. It reports a non-mapping as wantCode.
func (l *linter) fields(n *yaml.Node, what string, f func(key, val *yaml.Node)) bool {
	n = resolve(n)
	if isNull(n) {
		return true
	}
	if n.Kind != yaml.MappingNode {
		l.report(n, Problem{Code: CodeWantMapping, Field: what})
		return false
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && k.Value == "<<" {
			// A merge key copies another mapping's fields; walk them too.
			l.fields(v, what, f)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.report(k, Problem{Code: CodeDuplicateField, Field: k.Value, Other: l.pos(first)})
			continue
		}
		seen[k.Value] = k
		f(k, v)
	}
	return true
}

func (l *linter) text(n *yaml.Node, field string) (string, bool) {
	if isNull(n) {
		return "", true
	}
	if n.Kind != yaml.ScalarNode {
		l.report(n, Problem{Code: CodeWantText, Field: field})
		return "", false
	}
	return n.Value, true
}

func (l *linter) root(n *yaml.Node) {
	l.fields(n, "glossary", func(k, v *yaml.Node) {
		if k.Value != "terms" {
			l.report(k, Problem{Code: CodeUnknownField, Field: k.Value})
			return
		}
		if isNull(v) {
			return
		}
		if v.Kind != yaml.SequenceNode {
			l.report(v, Problem{Code: CodeWantList, Field: "terms"})
			return
		}
		for _, item := range v.Content {
			l.entry(resolve(item))
		}
	})
}

func (l *linter) entry(n *yaml.Node) {
	e := &Entry{Kind: Other, Langs: map[string]*Form{}, File: l.curFile, Line: n.Line, Column: n.Column}
	first := len(l.probs)
	l.pendingRefs = l.pendingRefs[:0]
	var idNode, kindNode *yaml.Node
	formNodes := map[string]*yaml.Node{}
	ok := l.fields(n, "entry", func(k, v *yaml.Node) {
		switch {
		case k.Value == "id":
			idNode = v
			e.ID, _ = l.text(v, "id")
		case k.Value == "kind":
			kindNode = v
			s, _ := l.text(v, "kind")
			if s != "" {
				e.Kind = Kind(s)
			}
		case k.Value == "note":
			e.Note, _ = l.text(v, "note")
		case l.isLang[k.Value] || len(l.langs) == 0 && looksLikeLang(k.Value):
			formNodes[k.Value] = v
			if f := l.form(k.Value, v); f != nil {
				e.Langs[k.Value] = f
			}
		default:
			l.report(k, Problem{Code: CodeUnknownField, Field: k.Value})
		}
	})
	if !ok {
		return
	}
	switch {
	case idNode == nil || e.ID == "":
		l.report(n, Problem{Code: CodeMissingID})
	case !ValidID(e.ID):
		l.report(idNode, Problem{Code: CodeInvalidID, Value: e.ID})
	}
	if !e.Kind.Valid() {
		l.report(kindNode, Problem{Code: CodeInvalidKind, Value: string(e.Kind), Allowed: KindList()})
	}
	for _, lang := range l.langs {
		if _, has := formNodes[lang]; !has {
			l.report(n, Problem{Code: CodeMissingLanguage, Lang: lang})
		}
	}
	// Problems found while reading the forms did not know the id yet. An
	// entry without one is named by its first term, so the message still
	// tells which entry it is.
	name := e.ID
	for _, lang := range sortedLangs(e.Langs) {
		if name == "" && e.Langs[lang].Term != "" {
			name = e.Langs[lang].Term
		}
	}
	for i := first; i < len(l.probs); i++ {
		if l.probs[i].ID == "" {
			l.probs[i].ID = name
		}
	}
	if e.ID == "" {
		return
	}
	if first, dup := l.idPos[e.ID]; dup {
		l.report(idNode, Problem{Code: CodeDuplicateID, ID: e.ID, Other: first})
		return
	}
	l.idPos[e.ID] = l.pos(idNode)
	for i := range l.pendingRefs {
		l.pendingRefs[i].entry = e
	}
	l.refs = append(l.refs, l.pendingRefs...)
	l.pendingRefs = l.pendingRefs[:0]
	l.g.add(e)
}

// KindList names the valid kinds, comma-separated, for messages and help.
func KindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// looksLikeLang accepts a BCP 47 tag written in lower case ("kk", "en-gb"),
// for glossaries loaded without a list of workspace languages.
func looksLikeLang(s string) bool {
	if s != strings.ToLower(s) {
		return false
	}
	_, err := language.Parse(s)
	return err == nil
}

func (l *linter) form(lang string, n *yaml.Node) *Form {
	f := &Form{}
	var termNode *yaml.Node
	ok := l.fields(n, lang, func(k, v *yaml.Node) {
		field := lang + "." + k.Value
		switch k.Value {
		case "term":
			termNode = v
			f.Term, _ = l.text(v, field)
		case "variants":
			f.Variants = l.list(lang, field, v, false)
		case "forbidden":
			f.Forbidden = l.list(lang, field, v, true)
		case "forms":
			f.Forms = l.list(lang, field, v, false)
		case "inflect":
			s, _ := l.text(v, field)
			if ok, allowed := validInflect(lang, s); !ok {
				l.report(v, Problem{Code: CodeInvalidInflect, Lang: lang, Value: s, Allowed: strings.Join(allowed, ", ")})
			} else {
				f.Inflect = s
			}
		default:
			l.report(k, Problem{Code: CodeUnknownField, Field: field})
		}
	})
	if !ok {
		return nil
	}
	if termNode == nil || strings.TrimSpace(f.Term) == "" {
		at := termNode
		if at == nil {
			at = n
		}
		l.report(at, Problem{Code: CodeMissingTerm, Lang: lang})
		f.Term = ""
	} else if l.formRef(lang, f.Term, termNode, false) == "" {
		l.report(termNode, Problem{Code: CodeEmptyForm, Lang: lang, Field: lang + ".term"})
	} else {
		l.pendingRefs[len(l.pendingRefs)-1].term = true
		l.lookAlike(lang, f.Term, termNode)
	}
	return f
}

// lookAlike reports an accepted form with a word that mixes Latin and
// Cyrillic letters ("Toқaев" with Latin T, o and a): the glossary is the
// house spelling that check suggests and the term-base exports hand to
// CAT tools, so it must not carry a look-alike itself. A forbidden form
// is left alone: the matcher reads look-alikes as their twins anyway.
func (l *linter) lookAlike(lang, form string, n *yaml.Node) {
	found := Homoglyphs(lang, form)
	if len(found) == 0 {
		return
	}
	var b strings.Builder
	at := 0
	for _, h := range found {
		if h.Expected == "" {
			l.report(n, Problem{Code: CodeLookAlikeUnfixable, Lang: lang, Form: form})
			return
		}
		b.WriteString(form[at:h.Start])
		b.WriteString(h.Expected)
		at = h.End
	}
	b.WriteString(form[at:])
	l.report(n, Problem{Code: CodeLookAlike, Lang: lang, Form: form, Value: b.String()})
}

// list reads a list of forms, reporting items that are empty or have no
// word, and records each form for the conflict checks.
func (l *linter) list(lang, field string, n *yaml.Node, forbidden bool) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.report(n, Problem{Code: CodeWantList, Field: field})
		return nil
	}
	var out []string
	for _, item := range n.Content {
		item = resolve(item)
		s, ok := l.text(item, field)
		if !ok {
			continue
		}
		if l.formRef(lang, s, item, forbidden) == "" {
			l.report(item, Problem{Code: CodeEmptyForm, Lang: lang, Field: field})
			continue
		}
		if !forbidden {
			l.lookAlike(lang, s, item)
		}
		out = append(out, s)
	}
	return out
}

func (l *linter) formRef(lang, form string, n *yaml.Node, forbidden bool) string {
	if !strings.ContainsFunc(form, isWordRune) {
		return "" // no word: "", "---"
	}
	key := keyOf(lang, form)
	if key != "" {
		l.pendingRefs = append(l.pendingRefs, formRef{lang: lang, form: form, key: key, forbidden: forbidden, line: n.Line, col: n.Column})
	}
	return key
}

// finish runs the checks that need every file: forms accepted by one entry
// and forbidden by the same or another, and preferred forms two entries
// share (a warning, see [Problem.Warning]).
func (l *linter) finish() (*Glossary, []Problem, error) {
	type langKey struct{ lang, key string }
	accepted := map[langKey][]formRef{}
	firstTerm := map[langKey]formRef{}
	for _, r := range l.refs {
		if !r.forbidden {
			k := langKey{r.lang, r.key}
			accepted[k] = append(accepted[k], r)
		}
		if !r.term {
			continue
		}
		// Every later entry is named with the first one, so that each
		// pair is reported once and every entry of the set is named.
		k := langKey{r.lang, r.key}
		if first, ok := firstTerm[k]; !ok {
			firstTerm[k] = r
		} else if first.entry != r.entry {
			l.probs = append(l.probs, Problem{
				Code: CodeSharedTerm, File: r.entry.File, Line: r.line, Column: r.col, ID: r.entry.ID, Lang: r.lang, Form: r.form,
				Other: first.entry.File + ":" + strconv.Itoa(first.line) + ":" + strconv.Itoa(first.col), OtherID: first.entry.ID,
			})
		}
	}
	for _, r := range l.refs {
		if !r.forbidden {
			continue
		}
		for _, a := range accepted[langKey{r.lang, r.key}] {
			p := Problem{
				File: r.entry.File, Line: r.line, Column: r.col, ID: r.entry.ID, Lang: r.lang, Form: r.form,
				Other: a.entry.File + ":" + strconv.Itoa(a.line) + ":" + strconv.Itoa(a.col),
			}
			if a.entry == r.entry {
				p.Code = CodeSelfConflict
			} else {
				p.Code, p.OtherID = CodeFormConflict, a.entry.ID
			}
			l.probs = append(l.probs, p)
		}
	}
	sort.SliceStable(l.probs, func(i, j int) bool {
		a, b := l.probs[i], l.probs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return l.g, l.probs, nil
}
