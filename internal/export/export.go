// Package export writes a document's aligned groups in the formats other
// translation tools open (TMX, XLIFF 2.0 and 1.2), in formats people read
// (a side-by-side HTML page, a Markdown table) and in data formats (CSV,
// TSV, JSON Lines); and it writes one language version of an article, ready
// to publish ([Localized]).
//
// Every writer is a pure function of the document, its alignment and
// [Options]: it does not print, decide policy or touch the workspace. The
// export command and publish decide what to export and where; the
// consistency gate's verdict arrives here only as Options.Forced, which the
// writers record in the output where the format has a place for it
// ([Records]: not in CSV, TSV and plain text, whose first line or every
// line is data).
//
// # Safety
//
// Every text is escaped for the format it lands in (XML, HTML, Markdown,
// CSV quoting, JSON). In XML and HTML every value placed in an attribute
// goes through [xmlx.Attr], language codes and statuses too: they come
// from alignment.yaml, which a person may edit. Characters that XML 1.0 cannot carry (U+0000–U+001F
// other than tab, LF and CR) are replaced by U+FFFD in every format, so
// all exports of a document show the same text; [Replaced] counts them so
// the caller can say so.
package export

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Formats lists the formats of [Write], in the order help shows them.
var Formats = []string{"tmx", "xliff", "xliff12", "html", "md", "csv", "tsv", "jsonl"}

// LocalizedFormats lists the formats of [Localized].
var LocalizedFormats = []string{"md", "html", "txt"}

// Extension returns the extension of the files of a format, "" for no
// format. XLIFF 2.0 and 1.2 get different extensions (both are in common
// use) so that a folder can hold both.
func Extension(format string) string {
	switch format {
	case "tmx", "html", "md", "csv", "tsv", "jsonl", "txt", "docx":
		return "." + format
	case "xliff":
		return ".xlf"
	case "xliff12":
		return ".xliff"
	}
	return ""
}

// PairFormat reports the formats that hold one language pair per file.
func PairFormat(format string) bool { return format == "xliff" || format == "xliff12" }

// Tool is the creationtool / tool-name written into exchange formats.
const Tool = "tilmash"

// Options tune [Write] and [Localized].
type Options struct {
	// Langs are the languages to export, in column order. Empty means the
	// languages of the alignment that the document has, in workspace order.
	Langs []string
	// Source is the source language of TMX and XLIFF. Empty means the
	// workspace source language when it is in Langs, else Langs[0].
	Source string
	// Target is the XLIFF target language. Empty is allowed when Langs
	// holds exactly one language besides Source.
	Target string
	// Version is the tilmash version, written as creationtoolversion.
	Version string
	// Date, when not zero, is written as the creation date of TMX and
	// XLIFF 1.2 files. Tests leave it zero so golden files stay stable.
	Date time.Time
	// Dated, with Date zero, writes as that date the newest import of the
	// languages the file carries (meta.yaml's imported) or confirmation of
	// its groups (alignment.yaml's confirmed): the date of the texts it
	// describes, not of the run, so a document exported again
	// with nothing new (after align, in publish's next run, on another
	// machine) gives the same bytes. No date is written when meta.yaml
	// records none.
	Dated bool
	// Forced lists what the consistency gate found when the export was
	// forced past it. Non-empty, it is recorded in the output.
	Forced []Blocker
	// Marks are highlights for the HTML page: glossary terms and findings.
	Marks []Mark
	// Units is how TMX export cuts the document into units: UnitsSentences
	// (the default when empty) or UnitsGroups.
	Units string
	// Terms, if not nil, lends the glossary's terms to the aligner that
	// cuts groups into sentence-level units (UnitsSentences).
	Terms align.TermFinder
	// Cuts, if not nil, keeps that cut between the TMX exports of one
	// document, alignment and Terms (see [Cuts]).
	Cuts *Cuts
	// Labels renders the words of the HTML page (headings, status names,
	// flag reasons, the forced-export banner) from a catalogue id
	// (locales/export.*.yaml, locales/align.*.yaml), so the page can be in
	// the reader's language. Nil means the English catalogue.
	Labels func(id string, data map[string]any) string
	// FlagNotes, if not nil, says why group i of an alignment is flagged as a person reads it
	// everywhere else (app.FlagNotesAt: a part a new version changed, the aligner's reasons with
	// those that say the same of two languages said once). Nil means the aligner's reasons alone.
	FlagNotes func(a *document.Alignment, i int) []locale.Message
}

// Blocker is one thing the consistency gate refuses an export for: a
// flagged group, or a glossary finding in a group.
type Blocker struct {
	Group int    // 1-based group number
	Lang  string // the language of a finding; empty for a flagged group
	// Kind is "flagged" or a finding kind: "missing", "forbidden",
	// "homoglyph".
	Kind     string
	EntryID  string // the glossary entry of a finding
	Text     string // the offending text of a finding
	Expected string // what the glossary expects instead
	Note     string // the group's note, for a flagged group
}

// Records reports whether files of format record a forced export
// (Options.Forced): TMX and XLIFF in a header property or note, HTML in a
// banner and a meta element, Markdown in an HTML comment, JSON Lines in a
// "forced" field on every line.
//
// CSV, TSV and plain text do not. RFC 4180 has no comments, and the tools
// these files are for read the first line as the header of language codes
// (OmegaT, Translate Toolkit) or column names (pandas, spreadsheets), so a
// "# forced" line there would turn into a language or a row of data. A
// sidecar file (CSVW's FILE-metadata.json) cannot go with standard output
// and no such tool reads it. Plain text is published as it is. For these
// formats the caller must say on stderr that the file does not show it.
func Records(format string) bool { return format != "csv" && format != "tsv" && format != "txt" }

// KindFlagged is the Blocker kind of a flagged group.
const KindFlagged = "flagged"

// Flagged returns a blocker for each flagged group of a.
func Flagged(a *document.Alignment) []Blocker {
	var out []Blocker
	if a == nil {
		return nil
	}
	for i, g := range a.Groups {
		if g.Status == document.Flagged {
			out = append(out, Blocker{Group: i + 1, Kind: KindFlagged, Note: g.Note})
		}
	}
	return out
}

// Summary describes blockers in one English line for the record a forced
// export carries: "forced past 2 flagged groups (4, 9) and 3 findings:
// numbers 2, missing 1 (groups 2, 5)", the kinds named as the English
// catalogue names them (check.kind.*). File contents are data, not
// interface, so this is not localized.
func Summary(bs []Blocker) string {
	var flagged, finds []int
	nFind := 0
	var kinds []string
	perKind := map[string]int{}
	for _, b := range bs {
		if b.Kind == KindFlagged {
			flagged = append(flagged, b.Group)
		} else {
			nFind++
			if perKind[b.Kind] == 0 {
				kinds = append(kinds, b.Kind)
			}
			perKind[b.Kind]++
			if b.Group > 0 { // 0: a finding in a text that is not aligned
				finds = append(finds, b.Group)
			}
		}
	}
	var parts []string
	if len(flagged) > 0 {
		parts = append(parts, plural(len(flagged), "flagged group", "flagged groups")+" ("+numbers(flagged)+")")
	}
	if nFind > 0 {
		p := plural(nFind, "finding", "findings") + ":"
		for i, k := range kinds {
			if i > 0 {
				p += ","
			}
			p += " " + englishLabel("check.kind."+k) + " " + strconv.Itoa(perKind[k])
		}
		switch distinct(finds) {
		case 0:
		case 1:
			p += " (group " + numbers(finds) + ")"
		default:
			p += " (groups " + numbers(finds) + ")"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "forced export"
	}
	return "forced past " + strings.Join(parts, " and ")
}

func plural(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}

func distinct(ns []int) int {
	seen := map[int]bool{}
	for _, n := range ns {
		seen[n] = true
	}
	return len(seen)
}

// numbers lists distinct numbers in order, at most 20.
func numbers(ns []int) string {
	ns = append([]int(nil), ns...)
	sort.Ints(ns)
	var parts []string
	last := -1
	for _, n := range ns {
		if n == last {
			continue
		}
		last = n
		if len(parts) == 20 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, ", ")
}

// Mark highlights a span of a group's text on the HTML page.
type Mark struct {
	Group      int    // 1-based group number
	Lang       string // language of the text
	Start, End int    // byte offsets into the group's text as Group.Text joins it
	// Class is MarkTerm for a glossary term, MarkFinding for a glossary
	// finding. Findings win where the two overlap.
	Class string
	Title string // shown on hover, and after the text in print
}

// Mark classes.
const (
	MarkTerm    = "term"
	MarkFinding = "finding"
)

// badFormat is the error for an unknown format name; formats lists the
// known ones.
func badFormat(format string, formats []string) error {
	return locale.NewError("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(formats, ", ")})
}

// NotAligned is the error for document id without aligned groups: every
// format but the localized one is made of groups.
func NotAligned(id string) error {
	return locale.NewError("export.not-aligned", map[string]any{"ID": id}).WithHint("export.not-aligned.hint")
}

// BadLang is the error for a language that cannot be exported: not in the
// alignment (reason "unknown"), given twice ("repeated"), or, for XLIFF, a
// pair that is missing ("pair") or not a pair ("same"). known lists the
// languages that can be.
func BadLang(lang, reason string, known []string) error {
	e := locale.NewError("export.bad-lang."+reason, map[string]any{"Lang": lang, "Known": strings.Join(known, ", ")})
	if reason == "unknown" {
		return document.WithMeant(e, lang, known)
	}
	return e
}

var langCode = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`) }}

// FileName returns the file name of an export: DOC.EXT for formats holding
// every language, DOC.SRC-TRG.EXT for XLIFF and a pair's TMX (give the
// pair), DOC.LANG.EXT for a localized version (give the language). The
// name is built only from a validated document id and language codes, so
// it can never name a path elsewhere.
func FileName(docID, format string, langs ...string) (string, error) {
	if err := document.ValidID(docID); err != nil {
		return "", err
	}
	ext := Extension(format)
	ok := ext != ""
	if !ok {
		return "", badFormat(format, append(append([]string(nil), Formats...), "txt"))
	}
	for _, l := range langs {
		if !langCode.Get().MatchString(l) {
			return "", BadLang(l, "unknown", nil)
		}
	}
	switch {
	case len(langs) == 0:
		return docID + ext, nil
	case len(langs) == 2 && (PairFormat(format) || format == "tmx"):
		return docID + "." + langs[0] + "-" + langs[1] + ext, nil
	case len(langs) == 1:
		return docID + "." + langs[0] + ext, nil
	}
	return "", fmt.Errorf("export: %d languages do not name a %s file", len(langs), format)
}

// Replaced counts the characters of the exported languages' group texts
// that every format replaces by U+FFFD.
func Replaced(a *document.Alignment, langs []string) int {
	n := 0
	for _, g := range a.Groups {
		for _, l := range langs {
			n += xmlx.Invalid(g.Text(l))
		}
	}
	return n
}

// plan is what every writer needs, worked out once.
type plan struct {
	doc    *document.Document
	a      *document.Alignment
	opt    Options
	langs  []string // export order; for TMX and XLIFF the source comes first
	source string
	target string // XLIFF only
	texts  map[string]string
	title  string
	// part: the languages are some of the aligned ones, as in a pair's
	// memory (DOC.en-kk.tmx) beside the TMX of every language
	part bool
}

// date is the creation date of a TMX or XLIFF 1.2 file (see
// Options.Dated); zero for none.
func (p *plan) date() time.Time {
	if !p.opt.Date.IsZero() || !p.opt.Dated {
		return p.opt.Date
	}
	var t time.Time
	for _, l := range p.langs {
		if v := p.doc.Meta.Versions[l]; v != nil && v.Imported.After(t) {
			t = v.Imported
		}
	}
	for _, g := range p.a.Groups {
		if g.Status == document.Confirmed && g.ConfirmedAt.After(t) {
			t = g.ConfirmedAt
		}
	}
	return t
}

// Write writes the document's aligned groups in format to w. The caller
// has already applied the consistency gate.
func Write(w io.Writer, format string, d *document.Document, a *document.Alignment, opt Options) error {
	write, ok := writer(format)
	if !ok {
		return badFormat(format, Formats)
	}
	p, err := newPlan(format, d, a, opt)
	if err != nil {
		return err
	}
	return write(w, p)
}

// writer returns the writer of a format, and false for a format that has
// none.
func writer(format string) (func(io.Writer, *plan) error, bool) {
	switch format {
	case "tmx":
		return writeTMX, true
	case "xliff":
		return writeXLIFF2, true
	case "xliff12":
		return writeXLIFF12, true
	case "html":
		return writeHTML, true
	case "md":
		return writeMarkdown, true
	case "csv":
		return writeCSV, true
	case "tsv":
		return writeTSV, true
	case "jsonl":
		return writeJSONL, true
	}
	return nil, false
}

func newPlan(format string, d *document.Document, a *document.Alignment, opt Options) (*plan, error) {
	if a == nil || len(a.Groups) == 0 {
		return nil, NotAligned(d.ID)
	}
	known := alignedLangs(d, a)
	langs := opt.Langs
	if len(langs) == 0 {
		langs = known
	}
	seen := map[string]bool{}
	for _, l := range langs {
		if !slices.Contains(known, l) {
			return nil, BadLang(l, "unknown", known)
		}
		if seen[l] {
			return nil, BadLang(l, "repeated", known)
		}
		seen[l] = true
	}
	if len(langs) == 0 {
		return nil, NotAligned(d.ID)
	}
	p := &plan{doc: d, a: a, opt: opt, source: opt.Source, part: len(langs) < len(known)}
	if p.source == "" {
		p.source = langs[0]
		if slices.Contains(langs, d.WS.Config.Source) {
			p.source = d.WS.Config.Source
		}
	} else if !slices.Contains(langs, p.source) {
		return nil, BadLang(p.source, "unknown", langs)
	}
	// Source first: Translate Toolkit and several CAT tools take the
	// first variant of a unit as its source.
	p.langs = append(p.langs, p.source)
	for _, l := range langs {
		if l != p.source {
			p.langs = append(p.langs, l)
		}
	}
	if format == "html" || format == "md" || format == "csv" || format == "tsv" || format == "jsonl" {
		p.langs = langs // people and data keep the order asked for
	}
	if PairFormat(format) {
		others := p.langs[1:]
		switch {
		case opt.Target == p.source:
			return nil, BadLang(opt.Target, "same", others)
		case opt.Target != "":
			if !slices.Contains(others, opt.Target) {
				return nil, BadLang(opt.Target, "unknown", others)
			}
			p.target = opt.Target
		case len(others) == 1:
			p.target = others[0]
		default:
			return nil, BadLang("", "pair", others)
		}
		p.langs = []string{p.source, p.target}
	}
	p.texts = map[string]string{}
	for _, l := range p.langs {
		if t, err := d.Text(l); err == nil {
			p.texts[l] = t
		}
	}
	if v := d.Meta.Versions[p.langs[0]]; v != nil {
		p.title = v.Title
	}
	if p.opt.Version == "" {
		p.opt.Version = "dev"
	}
	return p, nil
}

// alignedLangs returns the alignment's languages that the document has, in
// workspace order.
func alignedLangs(d *document.Document, a *document.Alignment) []string {
	var out []string
	for _, l := range d.WS.Config.Languages {
		if slices.Contains(a.Languages, l) {
			out = append(out, l)
		}
	}
	for _, l := range a.Languages { // languages the workspace no longer lists
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// level is the heading level of sentence s of lang, 0 for none: the
// marks open the sentence (the segmenter's sentences) or stand before it
// on its line of the stored text (a text import-tmx made).
func (p *plan) level(lang string, s document.Sentence) int {
	if level, _ := document.Heading(s.Text); level > 0 {
		return level
	}
	text := p.texts[lang]
	if s.Start <= 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
		return 0
	}
	lineStart := strings.LastIndexByte(text[:s.Start], '\n') + 1
	prefix := strings.TrimRight(text[lineStart:s.Start], " \t")
	if n := len(prefix); n >= 1 && n <= 6 && n < s.Start-lineStart && strings.Trim(prefix, "#") == "" {
		return n
	}
	return 0
}

// paragraphStarts works out, for lang, which groups begin a paragraph or
// a heading in the stored text: the first sentence of the group follows a
// line break (or starts the text). It returns "p", "h1"…"h6" or "" per
// group. Without a text, or with spans that no longer fit it, it returns
// nil: the marks are a courtesy to importers, not worth a failed export.
func paragraphStarts(a *document.Alignment, lang, text string) []string {
	if text == "" {
		return nil
	}
	out := make([]string, len(a.Groups))
	prevEnd := 0
	for i, g := range a.Groups {
		ss := g.Sents[lang]
		if len(ss) == 0 {
			continue
		}
		s := ss[0]
		if s.Start < prevEnd || s.End > len(text) || text[s.Start:s.End] != s.Text {
			return nil
		}
		if prevEnd == 0 || strings.Contains(text[prevEnd:s.Start], "\n") {
			lineStart := strings.LastIndexByte(text[:s.Start], '\n') + 1
			out[i] = "p"
			// The heading marks stand before the sentence (a text
			// import-tmx made) or open it (the segmenter's sentences).
			prefix := strings.TrimSpace(text[lineStart:s.Start])
			if level, _ := document.Heading(s.Text); prefix == "" && level > 0 {
				out[i] = "h" + strconv.Itoa(level)
			} else if n := len(prefix); n >= 1 && n <= 6 && strings.Trim(prefix, "#") == "" {
				out[i] = "h" + strconv.Itoa(n)
			}
		}
		prevEnd = ss[len(ss)-1].End
	}
	return out
}
