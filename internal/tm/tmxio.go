package tm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Props tilmash writes into the TMX of the memory and of lookup matches.
const (
	SourceProp = "x-source" // the unit's source: doc/ID or tmx/NAME
	GroupProp  = "x-group"  // the group number in its document
	MatchProp  = "x-match"  // a lookup match's score
	QueryProp  = "x-query"  // the new sentence a lookup match is for
)

// ImportReport says what a TMX import added.
type ImportReport struct {
	Name  string
	Units int
	// Skipped counts <tu>s without text.
	Skipped int
	// Derived counts the units of a sentence-level tilmash export (tm
	// export, export --format tmx) that repeat part of the group unit
	// before them (x-cut, x-partial props): they were left out, so that
	// importing tilmash's own export gives the memory its groups once.
	Derived int
	// Held counts the units that are the memory's own coming back (tm
	// export of this workspace): their x-source and x-group name a unit
	// the memory holds from another source, with the same text in every
	// language. They were left out, with the sentence-cut units of their
	// groups; when nothing else is left, the memory is not touched.
	Held int
}

// ImportTMX adds the TMX read from r (named file in errors) to the memory
// as the memory name, replacing an earlier import of that name. The file
// is read whole and parsed before the store is touched: a file over
// [workspace.MaxFileSize], one that is not well-formed XML, declares
// entities (an entity bomb) or is not TMX is refused with its position,
// and the memory is left as it was. A copy is kept under [Folder] for
// [Memory.Rebuild].
func (m *Memory) ImportTMX(ctx context.Context, r io.Reader, file, name string) (ImportReport, error) {
	if !ValidName(name) {
		return ImportReport{}, &NameError{Name: name}
	}
	data, err := workspace.ReadLimited(r, file)
	if err != nil {
		return ImportReport{}, err
	}
	return m.importData(ctx, data, file, name)
}

// ImportTMXFile is [Memory.ImportTMX] for a file a person named: its size
// is checked before a byte is read, so a 1 GB file is refused at once, and
// only a regular file is read (not a pipe or a device).
func (m *Memory) ImportTMXFile(ctx context.Context, path, name string) (ImportReport, error) {
	if !ValidName(name) {
		return ImportReport{}, &NameError{Name: name}
	}
	data, err := workspace.ReadRegular(path, path)
	if err != nil {
		return ImportReport{}, err
	}
	return m.importData(ctx, data, path, name)
}

func (m *Memory) importData(ctx context.Context, data []byte, file, name string) (ImportReport, error) {
	doc, err := tmx.Read(bytes.NewReader(data), file)
	if err != nil {
		return ImportReport{}, err
	}
	rel := filepath.Join(Folder, ImportsFolder, name+".tmx")
	// taken refuses a name of a shared memory that is another machine's:
	// an import of that name whose text is not this workspace's kept copy
	// (none, or another). Replacing it would drop a colleague's work. It
	// is checked on the memory as it is under the update lock, in the
	// transaction that writes the import: two translators importing one
	// name at once are decided one after the other.
	taken := func(srcs []Source) error {
		i := slices.IndexFunc(srcs, func(s Source) bool { return s.Name == TMXPrefix+name })
		if !m.Shared || i < 0 {
			return nil
		}
		kept, err := m.WS.ReadFile(rel)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if sum := sha256.Sum256(kept); err != nil || hex.EncodeToString(sum[:]) != srcs[i].Hash {
			return &TakenError{Name: name}
		}
		return nil
	}
	if m.Shared {
		// Refused at once, before the file is worked on, when the
		// memory as it is has the name already.
		srcs, err := m.Store.Sources(ctx)
		if err == nil {
			err = taken(srcs)
		}
		if err != nil {
			return ImportReport{}, err
		}
	}
	held, err := m.held(ctx, doc, TMXPrefix+name)
	if err != nil {
		return ImportReport{}, err
	}
	if held > 0 {
		// The kept copy holds only what was added, so a rebuild (which
		// reads the documents again) gives the same memory.
		if !slices.ContainsFunc(doc.Units, func(u tmx.Unit) bool { return !cutUnit(&u) }) {
			return ImportReport{Name: name, Held: held}, nil
		}
		keepable(&doc.Header)
		var buf bytes.Buffer
		if _, err := tmx.Write(&buf, doc); err != nil {
			return ImportReport{}, err
		}
		data = buf.Bytes()
	}
	now := m.now().UTC().Truncate(time.Second)
	c, skipped, derived, err := m.tmxChange(data, file, name, now)
	if err != nil {
		return ImportReport{}, err
	}
	if (held > 0 || derived > 0) && len(c.Units) == 0 {
		// The memory's own units, or only the sentence-cut units of
		// groups (a partial file): nothing to add.
		return ImportReport{Name: name, Held: held, Skipped: skipped, Derived: derived}, nil
	}
	err = applyPlanned(ctx, m.Store, func(cur Current) (iter.Seq2[Change, error], error) {
		if err := taken(cur.Sources); err != nil {
			return nil, err
		}
		return func(yield func(Change, error) bool) {
			// The kept copy is written once the name is this
			// workspace's, under the lock when the memory is shared.
			err := os.MkdirAll(filepath.Dir(m.WS.Path(rel)), 0o755)
			if err == nil {
				err = m.WS.WriteFile(rel, data)
			}
			if err == nil {
				// A rebuild dates the copy's units by its modification
				// time: the import's, on the memory's clock.
				err = os.Chtimes(m.WS.Path(rel), now, now)
			}
			if err != nil {
				yield(Change{}, err)
				return
			}
			yield(c, nil)
		}, nil
	})
	if err != nil {
		return ImportReport{}, err
	}
	return ImportReport{Name: name, Units: len(c.Units), Skipped: skipped, Derived: derived, Held: held}, nil
}

// held removes from doc the units that are the memory's own coming back:
// a unit whose x-source names a source the memory holds other than own
// (the import's), whose x-group names a unit of it, and whose text in
// each language is that unit's (a unit edited since it was exported is
// new), with the sentence-cut units (x-cut, x-partial) of that group; and
// the cut units of a group the memory holds whose own unit is not in the
// file (tm export --units partial writes them alone). It returns how many
// groups it removed. The store is read only when
// some unit names a source it holds.
func (m *Memory) held(ctx context.Context, doc *tmx.TMX, own string) (int, error) {
	type key struct {
		source string
		group  int
	}
	origin := func(u *tmx.Unit) (key, bool) {
		src, ok := u.Prop(SourceProp)
		if !ok || src == own {
			return key{}, false
		}
		g, err := strconv.Atoi(strings.TrimSpace(firstProp(u, GroupProp, tmx.CutProp, tmx.PartialProp)))
		return key{src, g}, err == nil
	}
	named := map[string]bool{}
	inFile := map[key]bool{} // groups whose own unit the file has
	for i := range doc.Units {
		if k, ok := origin(&doc.Units[i]); ok {
			named[k.source] = true
			inFile[k] = inFile[k] || !cutUnit(&doc.Units[i])
		}
	}
	if len(named) == 0 {
		return 0, nil
	}
	srcs, err := m.Store.Sources(ctx)
	if err != nil {
		return 0, err
	}
	holds := false
	for _, s := range srcs {
		holds = holds || named[s.Name]
	}
	if !holds {
		return 0, nil
	}
	texts := map[key]map[string]string{}
	err = m.Store.All(ctx, func(u *Unit) error {
		if named[u.Source] {
			t := map[string]string{}
			for _, v := range u.Variants {
				t[v.Lang] = strings.TrimSpace(v.Text)
			}
			texts[key{u.Source, u.Group}] = t
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	lm := langtag.NewMap(m.Langs())
	same := func(u *tmx.Unit, t map[string]string) bool {
		n := 0
		for _, v := range u.Variants {
			text := strings.TrimSpace(v.Text)
			if text == "" {
				continue
			}
			l, _ := lm.Lookup(v.Lang)
			// The sentence cut writes a heading without its Markdown marks.
			if l == "" || t[l] != text && export.SentenceText(t[l]) != text {
				return false
			}
			n++
		}
		return n == len(t)
	}
	dropped := map[key]bool{}
	kept := doc.Units[:0]
	n := 0
	for i := range doc.Units {
		u := &doc.Units[i]
		k, ok := origin(u)
		if ok && cutUnit(u) && dropped[k] {
			continue
		}
		if ok && cutUnit(u) && !inFile[k] {
			if _, found := texts[k]; found {
				dropped[k] = true
				n++
				continue
			}
		}
		if ok && !cutUnit(u) {
			if t, found := texts[k]; found && same(u, t) {
				dropped[k] = true
				n++
				continue
			}
		}
		kept = append(kept, *u)
	}
	doc.Units = kept
	return n, nil
}

// keepable fills in the header attributes [tmx.Write] requires and an
// outside file may lack, so that the kept copy of an import can be
// written: only tilmash reads it again, and it reads none of them.
func keepable(h *tmx.Header) {
	for _, a := range []struct {
		val *string
		def string
	}{
		{&h.CreationTool, "tilmash"}, {&h.CreationToolVersion, "unknown"}, {&h.OTMF, "unknown"},
		{&h.AdminLang, "en"}, {&h.SrcLang, "*all*"}, {&h.DataType, "plaintext"},
	} {
		if strings.TrimSpace(*a.val) == "" {
			*a.val = a.def
		}
	}
	switch h.SegType {
	case "block", "paragraph", "sentence", "phrase":
	default:
		h.SegType = "sentence"
	}
}

// firstProp returns the value of the first of types u has, or "".
func firstProp(u *tmx.Unit, types ...string) string {
	for _, typ := range types {
		if v, ok := u.Prop(typ); ok {
			return v
		}
	}
	return ""
}

// tmxChange parses a TMX into the units of source tmx/name; it also
// returns how many <tu>s were skipped for want of text and how many as
// derived units of the sentence cut.
func (m *Memory) tmxChange(data []byte, file, name string, now time.Time) (Change, int, int, error) {
	doc, err := tmx.Read(bytes.NewReader(data), file)
	if err != nil {
		return Change{}, 0, 0, err
	}
	sum := sha256.Sum256(data)
	src := Source{Name: TMXPrefix + name, Hash: hex.EncodeToString(sum[:]), Time: now}
	units, skipped, derived := m.fromTMX(doc, src)
	src.Units = len(units)
	return Change{Source: src, Units: units}, skipped, derived, nil
}

// fromTMX turns <tu>s into units. A variant's language becomes the
// workspace language it names (EN-US → en), or its base language. A unit
// is confirmed unless its x-status prop says otherwise: an outside memory
// holds translations people made.
//
// The units a sentence-level tilmash export adds after a group's unit
// (x-cut, x-partial props; see [export.CutGroup]) are left out and
// counted: the group's unit before them holds all their text, and the
// memory's fuzzy look-up scores sentences against it already. Keeping them
// would count every multi-sentence group twice or more. A unit keeps its
// position (<tu> number) as its group either way.
func (m *Memory) fromTMX(doc *tmx.TMX, src Source) ([]Unit, int, int) {
	// The one mapping of tags to workspace languages (package langtag);
	// a language the workspace does not keep is kept under its base
	// language, and a tag that names none (und, x-foo) is left out.
	lm := langtag.NewMap(m.Langs())
	langOf := func(code string) string {
		if l, _ := lm.Lookup(code); l != "" {
			return l
		}
		b, _ := langtag.Base(code)
		return b
	}
	var units []Unit
	skipped, derived := 0, 0
	for i := range doc.Units {
		tu := &doc.Units[i]
		if cutUnit(tu) {
			derived++
			continue
		}
		u := Unit{Source: src.Name, Group: i + 1, Confirmed: true, Time: src.Time, Note: strings.Join(tu.Notes, "\n")}
		if t, err := time.Parse(tmx.DateLayout, tu.ChangeDate); err == nil {
			u.Time = t // when the other tool says the unit last changed
		}
		if st, ok := tu.Prop(tmx.StatusProp); ok {
			u.Confirmed = st == string(document.Confirmed)
		}
		for _, v := range tu.Variants {
			text := strings.TrimSpace(v.Text)
			l := langOf(v.Lang)
			if text == "" || l == "" || u.TextIn(l) != "" {
				continue
			}
			u.Variants = append(u.Variants, Variant{Lang: l, Text: text})
		}
		if len(u.Variants) == 0 {
			skipped++
			continue
		}
		units = append(units, u)
	}
	return units, skipped, derived
}

// partialMatch reports a match's <tu> with a variant marked x-partial
// (a translation that also covers the unit's other sentences).
func partialMatch(tu *tmx.Unit) bool {
	return slices.ContainsFunc(tu.Variants, func(v tmx.Variant) bool {
		_, p := v.Prop(tmx.PartialProp)
		return p
	})
}

// cutUnit reports a unit the sentence cut added after a group's unit.
func cutUnit(tu *tmx.Unit) bool {
	_, cut := tu.Prop(tmx.CutProp)
	_, partial := tu.Prop(tmx.PartialProp)
	return cut || partial
}

// keptImports re-reads the copies of imported memories for a rebuild.
func (m *Memory) keptImports() ([]Change, error) {
	dir := m.WS.Path(Folder, ImportsFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".tmx")
		if !ok || !e.Type().IsRegular() || !ValidName(name) {
			continue
		}
		rel := filepath.Join(Folder, ImportsFolder, e.Name())
		data, err := m.WS.ReadFile(rel)
		if err != nil {
			return nil, err
		}
		t := time.Now().UTC()
		if fi, err := e.Info(); err == nil {
			t = fi.ModTime().UTC()
		}
		c, _, _, err := m.tmxChange(data, rel, name, t)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// ExportOptions steer [Memory.Export] and [Memory.WriteMatches].
type ExportOptions struct {
	Version string    // tilmash's version, for the header
	Date    time.Time // the header's creation date; zero leaves it out
	// Dated, with Date zero, writes as the creation date the newest time
	// of the units written (Unit.Time: their document's newest import,
	// or a TMX's tm import): the date of the content, not of the run, so
	// the memory exported again with nothing new gives the same bytes.
	Dated bool
	// Units is how the TMX is cut: export.UnitsSentences (the default
	// when empty) adds the sentence-level units of the document export
	// after every unit of a multi-sentence group, for CAT tools;
	// export.UnitsGroups writes the memory's units alone, as they are.
	Units string
	// Terms, if not nil, lends the glossary's terms to the sentence cut.
	Terms align.TermFinder
	// Langs, when not empty, are the only languages written (a language
	// pair for OmegaT, which takes another language of a unit as the
	// translation when the project's target is missing); a unit left with
	// none of them is not written. Empty writes every language.
	Langs []string
}

// langs are the languages the memory writes with opt.
func (m *Memory) langs(opt ExportOptions) []string {
	if len(opt.Langs) > 0 {
		return opt.Langs
	}
	return m.Langs()
}

// only keeps tu's variants in langs (every one when langs is empty) and
// reports whether any is left.
func only(tu *tmx.Unit, langs []string) bool {
	if len(langs) > 0 {
		tu.Variants = slices.DeleteFunc(tu.Variants, func(v tmx.Variant) bool { return !slices.Contains(langs, v.Lang) })
	}
	return len(tu.Variants) > 0
}

// source is the workspace's source language, the source of the TMX the
// memory writes with opt (the first of opt.Langs when they leave it out).
func (m *Memory) source(opt ExportOptions) string {
	langs := m.langs(opt)
	switch {
	case slices.Contains(langs, m.WS.Config.Source):
		return m.WS.Config.Source
	case len(langs) > 0:
		return langs[0]
	}
	return "en"
}

// header is the TMX header of what the memory writes.
func (m *Memory) header(opt ExportOptions) tmx.Header {
	src := m.source(opt)
	if opt.Version == "" {
		opt.Version = "dev"
	}
	h := tmx.Header{
		CreationTool: export.Tool, CreationToolVersion: opt.Version, SegType: "sentence",
		OTMF: export.Tool, AdminLang: "en", SrcLang: src, DataType: "plaintext",
	}
	if !opt.Date.IsZero() {
		h.CreationDate = opt.Date.UTC().Format(tmx.DateLayout)
	}
	return h
}

// dated writes newest, the newest time of the units written, as h's
// creation date when opt asks for the content's date (Dated, no Date).
func dated(h *tmx.Header, opt ExportOptions, newest time.Time) {
	if opt.Dated && opt.Date.IsZero() && !newest.IsZero() {
		h.CreationDate = newest.UTC().Format(tmx.DateLayout)
	}
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// tmxUnit is a unit as a <tu>: its source, group and status as props;
// the variant in lang first when lang is not "" (Translate Toolkit and
// several CAT tools take the first variant as the source).
func tmxUnit(u *Unit, lang string) tmx.Unit {
	status := document.Aligned
	if u.Confirmed {
		status = document.Confirmed
	}
	tu := tmx.Unit{
		ID:         unitID(u),
		ChangeDate: unitDate(u),
		Props: []tmx.Prop{
			{Type: SourceProp, Value: u.Source},
			{Type: GroupProp, Value: strconv.Itoa(u.Group)},
			{Type: tmx.StatusProp, Value: string(status)},
		},
	}
	if d := u.Document(); d != "" {
		tu.Props = append(tu.Props, tmx.Prop{Type: tmx.DocumentProp, Value: d})
	}
	if u.Note != "" {
		tu.Notes = []string{u.Note}
	}
	for _, v := range u.Variants {
		tu.Variants = append(tu.Variants, tmx.Variant{Lang: v.Lang, Text: v.Text})
	}
	if lang != "" {
		slices.SortStableFunc(tu.Variants, func(a, b tmx.Variant) int {
			return cmpBool(b.Lang == lang, a.Lang == lang)
		})
	}
	return tu
}

// unitID is the id of u's <tu>: its source and group.
func unitID(u *Unit) string { return u.Source + "#" + strconv.Itoa(u.Group) }

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// cutter writes the memory's units in the sentence cut: a unit of a
// document's group is written as the document's TMX export writes the
// group (the text a CAT tool's filter sees, x-sentences), followed by the
// units [export.CutGroup] cuts from it. The group's sentences come from
// the document, read once for all its units; a unit whose text is not
// the group's (the document changed since the memory was updated) or
// that comes from an imported TMX is written as it is.
type cutter struct {
	m      *Memory
	opt    ExportOptions
	source string
	als    map[string]*document.Alignment // by document; nil for none
	ins    map[string]*export.Inline      // the documents' formatting, by document
}

// cutterDocs is the most alignments a cutter keeps: the memory's export
// reads documents one after the other, a look-up's matches come from a
// few.
const cutterDocs = 32

func (m *Memory) newCutter(opt ExportOptions) *cutter {
	if opt.Units == export.UnitsGroups {
		return nil
	}
	return &cutter{m: m, opt: opt, source: m.source(opt), als: map[string]*document.Alignment{}, ins: map[string]*export.Inline{}}
}

// units returns u as a <tu> and, in the sentence cut, the units cut from
// it. A nil cutter writes u alone. The <tu>'s codes are matched to seg,
// the new sentence u is a match of (nil for none; [Result.Segment]).
func (c *cutter) units(u *Unit, seg *export.Coded) ([]tmx.Unit, error) {
	tu := tmxUnit(u, "")
	if c == nil {
		return []tmx.Unit{tu}, nil
	}
	g, err := c.group(u)
	if err != nil || g == nil {
		return []tmx.Unit{tmxUnit(u, c.source)}, err
	}
	in := c.ins[u.Document()]
	tu = tmxUnit(u, c.source)
	for i := range tu.Variants {
		tu.Variants[i] = export.GroupVariant(g, tu.Variants[i].Lang, in.WithSegment(seg))
	}
	out := []tmx.Unit{tu}
	for _, cu := range export.KeepCut(export.CutGroup(g, u.Group, c.source, c.m.langs(c.opt), c.opt.Terms, in), c.opt.Units) {
		cu.ID = u.Source + "#" + cu.ID
		cu.Props = append([]tmx.Prop{{Type: SourceProp, Value: u.Source}, {Type: tmx.DocumentProp, Value: u.Document()}}, cu.Props...)
		out = append(out, cu)
	}
	return out, nil
}

// group returns the document group unit u was made of, or nil when it has
// none or its text is no longer u's.
func (c *cutter) group(u *Unit) (*document.Group, error) {
	id := u.Document()
	if id == "" {
		return nil, nil
	}
	al, ok := c.als[id]
	if !ok {
		if len(c.als) >= cutterDocs {
			clear(c.als)
			clear(c.ins)
		}
		// A document that cannot be read is kept as none: the error is
		// returned once (an export stops at it; a look-up, which reads
		// the groups of many candidates, goes on without them).
		c.als[id] = nil
		d, err := document.Open(c.m.WS, id)
		var missing *document.NotFoundError
		if errors.As(err, &missing) {
			// Another machine's document in a shared memory, which this
			// workspace has not pulled: its units go as they are.
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if al, err = d.Alignment(); err != nil {
			return nil, err
		}
		// The formatting of the document's texts, for the inline codes.
		if c.ins[id], err = export.NewInline(d, c.m.langs(c.opt), c.source); err != nil {
			return nil, err
		}
		c.als[id] = al
	}
	if al == nil || u.Group < 1 || u.Group > len(al.Groups) {
		return nil, nil
	}
	g := al.Groups[u.Group-1]
	for _, v := range u.Variants {
		if g.Text(v.Lang) != v.Text {
			return nil, nil
		}
	}
	return g, nil
}

// Export writes the whole memory as one TMX 1.4b file and returns the
// number of units written (the sentence cut's included).
func (m *Memory) Export(ctx context.Context, w io.Writer, opt ExportOptions) (int, error) {
	doc := &tmx.TMX{Header: m.header(opt)}
	cut := m.newCutter(opt)
	var newest time.Time
	err := m.Store.All(ctx, func(u *Unit) error {
		tus, err := cut.units(u, nil)
		if opt.Units == export.UnitsPartial && len(tus) > 0 {
			tus = tus[1:] // the partial units alone, without the memory's own
		}
		for _, tu := range tus {
			if only(&tu, opt.Langs) {
				doc.Units = append(doc.Units, tu)
				newest = later(newest, u.Time)
			}
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	dated(&doc.Header, opt, newest)
	if _, err := tmx.Write(w, doc); err != nil {
		return 0, err
	}
	return len(doc.Units), nil
}

// WriteMatches writes the best match of every result as a TMX a CAT tool
// loads as a project memory: one <tu> per matched unit (once, however
// many sentences it matches), with the score and the new sentence as
// props, and in the sentence cut the units cut from it after it (see
// [Memory.Export]). In the sentence cut, a match with a sentence of a
// unit ([Match.Part]) is a <tu> of its own, numbered GROUP.PART as the
// cut numbers it; in the group-level file it is its unit.
//
// As in [Memory.Export], the sentence cut leaves out a match whose
// translation in a language written also covers the unit's other
// sentences ([Match.Partial]): a CAT tool fills in an exact match of its
// auto-fill memory (OmegaT's tm/auto/), and the partial translation would
// say the other sentences twice. export.UnitsPartial writes those alone,
// marked x-partial, with the partial units of the matched groups' cut.
// It returns the number of units written and of partial matches left out.
func (m *Memory) WriteMatches(w io.Writer, results []Result, opt ExportOptions) (n, left int, err error) {
	doc := &tmx.TMX{Header: m.header(opt)}
	cut := m.newCutter(opt)
	seen := map[string]bool{}
	var newest time.Time
	for _, r := range results {
		for _, mt := range r.Matches {
			id, u := unitID(&mt.Unit), mt.Unit
			if mt.Part > 0 && cut != nil {
				// A sentence of a unit, in the sentence cut: a <tu> of
				// its own, numbered as the cut numbers it, the
				// translations that hold more than it marked as the cut
				// marks them (its texts are not the group's, so the
				// cutter writes them as they are). In the group-level
				// file the whole unit is written.
				id += "." + strconv.Itoa(mt.Part)
				u.Variants = mt.Sentence
			}
			if r.Segment == nil && seen[id] {
				continue
			}
			tus, err := cut.units(&u, r.Segment)
			if err != nil {
				return 0, 0, err
			}
			tu := &tus[0]
			if mt.Part > 0 && cut != nil {
				tu.ID = id
				cut.partCodes(tu, &mt, r.Segment)
				for i := range tu.Variants {
					if slices.Contains(mt.Partial, tu.Variants[i].Lang) {
						tu.Variants[i].Props = append(tu.Variants[i].Props, tmx.Prop{Type: tmx.PartialProp, Value: strconv.Itoa(mt.Unit.Group)})
					}
				}
			}
			segmentCodes(tu, r.Segment)
			if r.Segment != nil {
				// A unit matching sentences whose tags the new article
				// numbers otherwise is written once for each numbering.
				k := codedID(id, tu)
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			seen[id] = true
			// partial in a language written: a language pair whose
			// target is the sentence's alone is an exact match
			keep := only(tu, opt.Langs)
			if partialMatch(tu) {
				// marked on the unit too, as the cut marks its units
				tu.Props = append(tu.Props, tmx.Prop{Type: tmx.PartialProp, Value: strconv.Itoa(mt.Unit.Group)})
			}
			tu.Props = append(tu.Props,
				tmx.Prop{Type: MatchProp, Value: strconv.Itoa(mt.Score)},
				tmx.Prop{Type: QueryProp, Value: r.Sentence})
			switch {
			case !keep:
			case cut == nil || partialMatch(tu) == (opt.Units == export.UnitsPartial):
				doc.Units = append(doc.Units, *tu)
				newest = later(newest, mt.Unit.Time)
			case opt.Units != export.UnitsPartial:
				left++
			}
			for _, cu := range tus[1:] {
				// a sentence of the group already written as a match
				// is not written again by the group's cut, nor the other way
				if !seen[cu.ID] {
					seen[cu.ID] = true
					if only(&cu, opt.Langs) {
						doc.Units = append(doc.Units, cu)
						newest = later(newest, mt.Unit.Time)
					}
				}
			}
		}
	}
	dated(&doc.Header, opt, newest)
	if _, err := tmx.Write(w, doc); err != nil {
		return 0, 0, err
	}
	return len(doc.Units), left, nil
}

// unitDate is a unit's changedate: its time (the newest import of its
// document or its confirmation, or the import of its TMX), "" when it
// has none.
func unitDate(u *Unit) string {
	if u.Time.IsZero() {
		return ""
	}
	return u.Time.UTC().Format(tmx.DateLayout)
}
