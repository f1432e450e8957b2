package termbase

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// readError is the error for a term base file that cannot be read, at the
// place of the problem; reason is a locale.Msg, or a string in English
// where no message says it.
func readError(file string, line, col int, reason any) error {
	return locale.NewError("glossary-import.bad-file", map[string]any{"Reason": reason}).
		WithHint("glossary-import.bad-file.hint").At(locale.Pos{File: file, Line: line, Column: col})
}

// needLangs is the error for a CSV or TSV file without a header naming its
// languages, read without languages given.
func needLangs(file string) error {
	return locale.NewError("glossary-import.need-langs", map[string]any{"File": file}).WithHint("glossary-import.need-langs.hint")
}

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
		return nil, badFormat(format)
	}
	if err != nil {
		return nil, err
	}
	uniqueIDs(entries, langs)
	return entries, nil
}

// --- TBX ---

type tbxReader struct {
	dec   *xmlx.Decoder
	name  string
	langs *langtag.Map // nil: every language is kept
}

func (p *tbxReader) fail(id string, data map[string]any) error {
	line, col := p.dec.At(p.dec.Start())
	return readError(p.name, line, col, locale.Msg{ID: id, Data: data})
}

// located turns the XML scanner's error into a readError.
func located(name string, err error) error {
	var xe *xmlx.Error
	if errors.As(err, &xe) {
		return readError(name, xe.Line, xe.Column, xe.Reason())
	}
	return err
}

func readTBX(data []byte, name string, langs []string) ([]*glossary.Entry, error) {
	dec, err := xmlx.NewDecoder(data)
	if err != nil {
		return nil, located(name, err)
	}
	p := &tbxReader{dec: dec, name: name}
	if len(langs) > 0 {
		p.langs = langtag.NewMap(langs)
	}
	root, err := dec.Root()
	if err != nil {
		var xe *xmlx.Error
		if errors.As(err, &xe) && xe.Code == xmlx.CodeNoRoot {
			return nil, readError(name, 1, 1, locale.Msg{ID: "glossary-import.no-tbx-root"})
		}
		return nil, located(name, err)
	}
	if root.Name.Local != "martif" && root.Name.Local != "tbx" {
		return nil, p.fail("glossary-import.not-tbx", map[string]any{"Value": root.Name.Local})
	}
	var out []*glossary.Entry
	for {
		t, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, located(name, err)
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local == "termEntry" || se.Name.Local == "conceptEntry" {
			e, err := p.entry(se)
			if err != nil {
				return nil, located(name, err)
			}
			if len(e.Langs) > 0 {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// text reads the character data of the element just opened, including
// that of inline children such as <hi>.
func (p *tbxReader) text() (string, error) {
	s, _, _, err := p.dec.Content(nil)
	return strings.TrimSpace(norm.NFC.String(s)), err
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// wsLang returns the workspace language of a TBX language code, "" for
// one to leave out; without workspace languages, its base language.
func (p *tbxReader) wsLang(code string) string {
	if p.langs == nil {
		b, _ := langtag.Base(code)
		return b
	}
	l, _ := p.langs.Lookup(code)
	return l
}

// entry reads a termEntry (TBX 2) or conceptEntry (TBX 3).
func (p *tbxReader) entry(se xml.StartElement) (*glossary.Entry, error) {
	line, col := p.dec.At(p.dec.Start())
	e := &glossary.Entry{ID: strings.TrimPrefix(attr(se, "id"), "_"), Kind: glossary.Other, Langs: map[string]*glossary.Form{}, Line: line, Column: col}
	var notes, defs []string
	err := p.dec.Children(func(c xml.StartElement) error {
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
	return p.dec.Children(func(c xml.StartElement) error {
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
			return p.dec.Children(walk)
		}
		return p.dec.Skip()
	}
	if err := p.dec.Children(walk); err != nil {
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

// readTable reads a glossary table: CSV as encoding/csv reads it
// (sheet.CSV), TSV as OmegaT writes its glossaries, cells split at tabs
// with no quoting (sheet.PlainTSV).
// csvSemicolons reports a CSV file whose cells are parted by semicolons,
// as Excel and LibreOffice save "CSV" in a Russian or Kazakh locale. Over
// its first lines (ten at most, quotes respected): semicolons when they
// part every line into two cells or more and commas do not; when both do,
// the one that parts every line into as many cells (Excel writes every
// column), else the one that makes more. A comma file's cells may hold
// semicolons (lists are written "a; b"), a semicolon file's commas; ties
// are commas.
func csvSemicolons(data []byte) bool {
	var commas, semis []int
	c, s := 1, 1
	quoted := false
	for i := 0; i < len(data) && len(commas) < 10; i++ {
		switch b := data[i]; {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if i > 0 && data[i-1] != '\n' && (i < 2 || data[i-1] != '\r' || data[i-2] != '\n') {
				commas, semis = append(commas, c), append(semis, s)
			}
			c, s = 1, 1
		case b == ',':
			c++
		case b == ';':
			s++
		}
	}
	if c > 1 || s > 1 {
		commas, semis = append(commas, c), append(semis, s)
	}
	every := func(n []int) bool { // two cells or more on every line
		for _, v := range n {
			if v < 2 {
				return false
			}
		}
		return len(n) > 0
	}
	same := func(n []int) bool { return len(n) > 0 && slices.Min(n) == slices.Max(n) }
	switch {
	case !every(semis):
		return false
	case !every(commas):
		return true
	case same(semis) != same(commas):
		return same(semis)
	}
	sum := func(n []int) (t int) {
		for _, v := range n {
			t += v
		}
		return t
	}
	return sum(semis) > sum(commas)
}

func readTable(data []byte, name, format string, langs []string) ([]*glossary.Entry, error) {
	dialect := sheet.CSV
	if format == "tsv" {
		dialect = sheet.PlainTSV
	} else if csvSemicolons(data) {
		// Excel and LibreOffice in a Russian or Kazakh locale save
		// "CSV" with semicolons.
		dialect.Comma = ';'
	}
	t, err := sheet.ReadTable(data, dialect)
	if err != nil {
		var re *sheet.ReadError
		if errors.As(err, &re) {
			var reason any = re.Detail
			switch {
			case re.Code == "control":
				reason = locale.Msg{ID: "glossary-import.control", Data: map[string]any{"Char": re.Value, "Offset": re.Offset}}
			case re.Code == "bad-utf8":
				reason = locale.Msg{ID: "formats.xml.bad-byte", Data: map[string]any{"Byte": re.Value}}
			case re.Code == "malformed" && re.Detail == csv.ErrQuote.Error():
				reason = locale.Msg{ID: "glossary-import.quote"}
			}
			return nil, readError(name, re.Line, re.Column, reason)
		}
		return nil, err
	}
	recs := make([]record, 0, len(t.Rows))
	for _, row := range t.Rows {
		r := record{line: row.Line}
		for _, c := range row.Cells {
			r.fields = append(r.fields, c.Text)
		}
		recs = append(recs, r)
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
			return nil, needLangs(name)
		}
		head = []string{langs[0], langs[1], "comment"}
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	src, trg := baseLanguage(head[0]), baseLanguage(head[1])
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

// baseLanguage returns the base language of a column's code (package
// langtag), or the code in lower case when it names none.
func baseLanguage(code string) string {
	if b, _ := langtag.Base(code); b != "" {
		return b
	}
	return strings.ToLower(strings.TrimSpace(code))
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
				base = document.Slug(f.Term, 48)
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
