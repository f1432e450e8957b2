package termbase

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/tmx"
)

// ReadError is a term base that cannot be read, with the position of the
// problem.
type ReadError struct {
	File         string
	Line, Column int
	Reason       string
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Reason)
}

// MessageID names the localized message for e.
func (e *ReadError) MessageID() string { return "glossary-import.bad-file" }

// TemplateData gives the values of the localized message.
func (e *ReadError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Line": e.Line, "Column": e.Column, "Reason": e.Reason}
}

// Hint suggests a fix.
func (e *ReadError) Hint() string { return "glossary-import.bad-file.hint" }

// NeedLangsError is a CSV or TSV without a header naming its languages,
// read without languages given.
type NeedLangsError struct{ File string }

func (e *NeedLangsError) Error() string {
	return e.File + ": the columns' languages are not named in the file; give them as source,target"
}

// MessageID names the localized message for e.
func (e *NeedLangsError) MessageID() string { return "glossary-import.need-langs" }

// TemplateData gives the values of the localized message.
func (e *NeedLangsError) TemplateData() map[string]any { return map[string]any{"File": e.File} }

// Hint suggests a fix.
func (e *NeedLangsError) Hint() string { return "glossary-import.need-langs.hint" }

// Read reads a term base in format (see [Detect]) into glossary entries.
// langs are the workspace languages: TBX language codes are matched to
// them ignoring case and region (EN-US is en), and other languages are
// left out. For a CSV or TSV without tilmash's header line, langs[0] and
// langs[1] name the source and target columns. Entries get their ids from
// the file when they are valid glossary ids, otherwise one is made from
// the source term; ids are unique in the result.
func Read(r io.Reader, name, format string, langs []string) ([]*glossary.Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var entries []*glossary.Entry
	switch format {
	case "tbx", "tbx2":
		entries, err = readTBX(data, name, langs)
	case "csv", "tsv":
		entries, err = readTable(data, name, format, langs)
	default:
		return nil, &FormatError{Format: format}
	}
	if err != nil {
		return nil, err
	}
	uniqueIDs(entries, langs)
	return entries, nil
}

// --- TBX ---

type tbxReader struct {
	dec   *xml.Decoder
	name  string
	langs []string
}

func (p *tbxReader) fail(format string, args ...any) *ReadError {
	line, col := p.dec.InputPos()
	return &ReadError{File: p.name, Line: line, Column: col, Reason: fmt.Sprintf(format, args...)}
}

func readTBX(data []byte, name string, langs []string) ([]*glossary.Entry, error) {
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})))
	dec.Strict = true
	p := &tbxReader{dec: dec, name: name, langs: langs}
	var out []*glossary.Entry
	sawRoot := false
	for {
		t, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, p.syntax(err)
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if !sawRoot {
			sawRoot = true
			if se.Name.Local != "martif" && se.Name.Local != "tbx" {
				return nil, p.fail("the root element is <%s>, not <martif> or <tbx>: this is not a TBX file", se.Name.Local)
			}
			continue
		}
		if se.Name.Local == "termEntry" || se.Name.Local == "conceptEntry" {
			e, err := p.entry(se)
			if err != nil {
				return nil, err
			}
			if len(e.Langs) > 0 {
				out = append(out, e)
			}
		}
	}
	if !sawRoot {
		return nil, &ReadError{File: name, Line: 1, Column: 1, Reason: "no XML element: this is not a TBX file"}
	}
	return out, nil
}

func (p *tbxReader) syntax(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		e := p.fail("%s", se.Msg)
		e.Line = se.Line
		return e
	}
	var re *ReadError
	if errors.As(err, &re) {
		return re
	}
	return p.fail("%v", err)
}

func (p *tbxReader) token() (xml.Token, error) {
	t, err := p.dec.Token()
	if err == io.EOF {
		return nil, p.fail("unexpected end of file")
	}
	if err != nil {
		return nil, p.syntax(err)
	}
	return t, nil
}

// children calls f for every child element of the element just opened.
func (p *tbxReader) children(f func(xml.StartElement) error) error {
	for {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text reads the character data of the element just opened, including
// that of inline children such as <hi>.
func (p *tbxReader) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		t, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return strings.TrimSpace(norm.NFC.String(b.String())), nil
			}
			depth--
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (p *tbxReader) wsLang(code string) string {
	for _, l := range p.langs {
		if tmx.SameLanguage(code, l) {
			return l
		}
	}
	if len(p.langs) == 0 {
		return tmx.BaseLanguage(code)
	}
	return ""
}

// entry reads a termEntry (TBX 2) or conceptEntry (TBX 3).
func (p *tbxReader) entry(se xml.StartElement) (*glossary.Entry, error) {
	line, col := p.dec.InputPos()
	e := &glossary.Entry{ID: strings.TrimPrefix(attr(se, "id"), "_"), Kind: glossary.Other, Langs: map[string]*glossary.Form{}, Line: line, Column: col}
	var notes, defs []string
	err := p.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "note":
			s, err := p.text()
			if err != nil {
				return err
			}
			if v, ok := tilmashField(s, "kind"); ok {
				e.Kind = glossary.Kind(v)
			} else if s != "" {
				notes = append(notes, s)
			}
			return nil
		case "descrip":
			s, err := p.text()
			if err == nil && s != "" && attr(c, "type") == "definition" {
				defs = append(defs, s)
			}
			return err
		case "langSet", "langSec":
			return p.langSet(c, e)
		}
		return p.dec.Skip()
	})
	if err != nil {
		return nil, err
	}
	if len(notes) == 0 {
		notes = defs
	}
	e.Note = strings.Join(notes, "; ")
	for _, f := range e.Langs {
		if f.Term == "" && len(f.Variants) > 0 {
			f.Term, f.Variants = f.Variants[0], f.Variants[1:]
		}
	}
	return e, nil
}

// tilmashField parses "tilmash: key=value".
func tilmashField(note, key string) (string, bool) {
	rest, ok := strings.CutPrefix(note, tilmashNote)
	if !ok {
		return "", false
	}
	v, ok := strings.CutPrefix(strings.TrimSpace(rest), key+"=")
	return strings.TrimSpace(v), ok
}

func (p *tbxReader) langSet(se xml.StartElement, e *glossary.Entry) error {
	lang := p.wsLang(attr(se, "lang"))
	if lang == "" {
		return p.dec.Skip()
	}
	f := e.Langs[lang]
	if f == nil {
		f = &glossary.Form{}
		e.Langs[lang] = f
	}
	return p.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "descrip":
			s, err := p.text()
			if err == nil && s != "" && attr(c, "type") == "forbidden" {
				f.Forbidden = append(f.Forbidden, s)
			}
			return err
		case "tig", "ntig", "termSec":
			return p.term(f)
		}
		return p.dec.Skip()
	})
}

// term reads a tig, ntig or termSec and files its term by status.
func (p *tbxReader) term(f *glossary.Form) error {
	var text, status, inflect string
	form := false
	var walk func(xml.StartElement) error
	walk = func(c xml.StartElement) error {
		switch c.Name.Local {
		case "term":
			s, err := p.text()
			text = s
			return err
		case "termNote":
			s, err := p.text()
			if attr(c, "type") == "administrativeStatus" {
				status = s
			}
			return err
		case "note":
			s, err := p.text()
			if v, ok := tilmashField(s, "inflect"); ok {
				inflect = v
			} else if strings.TrimSpace(strings.TrimPrefix(s, tilmashNote)) == "form" && strings.HasPrefix(s, tilmashNote) {
				form = true
			}
			return err
		case "termGrp", "termNoteGrp":
			return p.children(walk)
		}
		return p.dec.Skip()
	}
	if err := p.children(walk); err != nil {
		return err
	}
	if text == "" {
		return nil
	}
	switch {
	case status == statusDeprecated || status == statusSuperseded:
		f.Forbidden = append(f.Forbidden, text)
	case form:
		f.Forms = append(f.Forms, text)
	case status == statusPreferred && f.Term == "":
		f.Term = text
		f.Inflect = inflect
	case status == "" && f.Term == "":
		f.Term = text
		f.Inflect = inflect
	default:
		f.Variants = append(f.Variants, text)
	}
	return nil
}

// --- CSV and TSV ---

// record is a row of a table with the line it starts on.
type record struct {
	fields []string
	line   int
}

func readTable(data []byte, name, format string, langs []string) ([]*glossary.Entry, error) {
	if !utf8.Valid(data) {
		return nil, &ReadError{File: name, Line: 1, Column: 1, Reason: "the file is not UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var recs []record
	if format == "tsv" {
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			recs = append(recs, record{restore(strings.Split(line, "\t")), i + 1})
		}
	} else {
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		for {
			f, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return nil, &ReadError{File: name, Line: pe.Line, Column: pe.Column, Reason: pe.Err.Error()}
				}
				return nil, err
			}
			line, _ := r.FieldPos(0)
			recs = append(recs, record{restore(f), line})
		}
	}
	// A first line starting with "#" may name the columns.
	var head []string
	if len(recs) > 0 && strings.HasPrefix(recs[0].fields[0], "#") {
		h := append([]string(nil), recs[0].fields...)
		h[0] = strings.TrimSpace(strings.TrimPrefix(h[0], "#"))
		if len(h) >= 2 && looksLikeLang(h[0]) && looksLikeLang(h[1]) {
			head = h
		}
	}
	if head == nil {
		if len(langs) < 2 {
			return nil, &NeedLangsError{File: name}
		}
		head = []string{langs[0], langs[1], "comment"}
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	src, trg := tmx.BaseLanguage(head[0]), tmx.BaseLanguage(head[1])
	get := func(r record, name string) string {
		i, ok := col[name]
		if !ok || i >= len(r.fields) {
			return ""
		}
		return strings.TrimSpace(norm.NFC.String(r.fields[i]))
	}
	split := func(s string) []string {
		var out []string
		for _, it := range strings.Split(s, strings.TrimSpace(listSep)) {
			if it = strings.TrimSpace(it); it != "" {
				out = append(out, it)
			}
		}
		return out
	}
	var out []*glossary.Entry
	bySource := map[string]*glossary.Entry{}
	for _, r := range recs {
		if strings.HasPrefix(r.fields[0], "#") {
			continue // OmegaT's comment lines, the header among them
		}
		st, tt := get(r, strings.ToLower(head[0])), get(r, strings.ToLower(head[1]))
		if st == "" {
			continue // OmegaT skips rows without a source term too
		}
		if prev := bySource[st]; prev != nil && get(r, "id") == "" {
			// OmegaT lists each translation of a term on its own row.
			if f := prev.Langs[trg]; f != nil && tt != "" && tt != f.Term {
				f.Variants = append(f.Variants, tt)
			}
			continue
		}
		e := &glossary.Entry{ID: get(r, "id"), Kind: glossary.Kind(get(r, "kind")), Note: get(r, "comment"),
			Langs: map[string]*glossary.Form{}, Line: r.line, Column: 1}
		if e.Kind == "" {
			e.Kind = glossary.Other
		}
		for _, lt := range []struct{ lang, term, key string }{{src, st, head[0]}, {trg, tt, head[1]}} {
			if lt.term == "" && get(r, lt.key+":variants") == "" {
				continue
			}
			e.Langs[lt.lang] = &glossary.Form{
				Term:      lt.term,
				Variants:  split(get(r, lt.key+":variants")),
				Forbidden: split(get(r, lt.key+":forbidden")),
				Forms:     split(get(r, lt.key+":forms")),
				Inflect:   get(r, lt.key+":inflect"),
			}
		}
		bySource[st] = e
		out = append(out, e)
	}
	return out, nil
}

// restore gives back the cells tilmash neutralised against spreadsheet
// formulas when it wrote them (sheet.Restore): "'=x" is read as "=x".
func restore(fields []string) []string {
	for i, f := range fields {
		fields[i] = sheet.Restore(f)
	}
	return fields
}

func looksLikeLang(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 || len(s) > 12 {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || i >= 2 && (r == '-' || r == '_' || r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

// --- ids ---

// uniqueIDs gives every entry a valid id, unique in the list: its own when
// valid and not taken, else one made from its first term (in the order of
// langs), with -2, -3 … added on a clash.
func uniqueIDs(entries []*glossary.Entry, langs []string) {
	taken := map[string]bool{}
	for _, e := range entries {
		if glossary.ValidID(e.ID) && !taken[e.ID] {
			taken[e.ID] = true
			continue
		}
		e.ID = "" // assigned below, after every valid id is reserved
	}
	for i, e := range entries {
		if e.ID != "" {
			continue
		}
		base := ""
		for _, l := range append(append([]string(nil), langs...), sortedKeys(e.Langs)...) {
			if f := e.Langs[l]; f != nil && f.Term != "" {
				base = slug(f.Term)
				break
			}
		}
		if base == "" {
			base = "term-" + strconv.Itoa(i+1)
		}
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		taken[id] = true
		e.ID = id
	}
}

func sortedKeys(m map[string]*glossary.Form) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// translit spells Russian and Kazakh letters in Latin for ids.
var translit = map[rune]string{
	'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d", 'е': "e", 'ё': "yo",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'і': "i", 'к': "k", 'қ': "q", 'л': "l", 'м': "m",
	'н': "n", 'ң': "ng", 'о': "o", 'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ұ': "u", 'ү': "u", 'ф': "f", 'х': "kh", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya",
}

// slug makes an id from a term: lower case, Cyrillic spelt in Latin,
// every other run of characters a hyphen, at most 48 bytes.
func slug(term string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(term) {
		s := ""
		switch {
		case r == 'ъ' || r == 'ь':
			continue // signs with no sound of their own
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			s = string(r)
		default:
			s = translit[r]
		}
		if s == "" {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > 48 {
		out = strings.TrimRight(out[:48], "-")
	}
	return out
}
