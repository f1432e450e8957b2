package tm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

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
	c, skipped, err := m.tmxChange(data, file, name, time.Now().UTC())
	if err != nil {
		return ImportReport{}, err
	}
	rel := filepath.Join(Folder, ImportsFolder, name+".tmx")
	if err := os.MkdirAll(filepath.Dir(m.WS.Path(rel)), 0o755); err != nil {
		return ImportReport{}, err
	}
	if err := m.WS.WriteFile(rel, data); err != nil {
		return ImportReport{}, err
	}
	if err := m.Store.Apply(ctx, false, Changes(c)); err != nil {
		return ImportReport{}, err
	}
	return ImportReport{Name: name, Units: len(c.Units), Skipped: skipped}, nil
}

// tmxChange parses a TMX into the units of source tmx/name.
func (m *Memory) tmxChange(data []byte, file, name string, now time.Time) (Change, int, error) {
	doc, err := tmx.Read(bytes.NewReader(data), file)
	if err != nil {
		return Change{}, 0, err
	}
	sum := sha256.Sum256(data)
	src := Source{Name: TMXPrefix + name, Hash: hex.EncodeToString(sum[:]), Time: now}
	units, skipped := m.fromTMX(doc, src)
	src.Units = len(units)
	return Change{Source: src, Units: units}, skipped, nil
}

// fromTMX turns <tu>s into units. A variant's language becomes the
// workspace language it names (EN-US → en), or its base language. A unit
// is confirmed unless its x-status prop says otherwise: an outside memory
// holds translations people made.
func (m *Memory) fromTMX(doc *tmx.TMX, src Source) ([]Unit, int) {
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
	skipped := 0
	for i := range doc.Units {
		tu := &doc.Units[i]
		u := Unit{Source: src.Name, Group: i + 1, Confirmed: true, Time: src.Time, Note: strings.Join(tu.Notes, "\n")}
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
	return units, skipped
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
		c, _, err := m.tmxChange(data, rel, name, t)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// ExportOptions steer [Memory.Export].
type ExportOptions struct {
	Version string    // tilmash's version, for the header
	Date    time.Time // the header's creation date; zero leaves it out
}

// header is the TMX header of what the memory writes.
func (m *Memory) header(opt ExportOptions) tmx.Header {
	src := "en"
	if langs := m.Langs(); len(langs) > 0 {
		src = langs[0]
	}
	if opt.Version == "" {
		opt.Version = "dev"
	}
	h := tmx.Header{
		CreationTool: export.Tool, CreationToolVersion: opt.Version, SegType: "sentence",
		OTMF: export.Tool, AdminLang: "en", SrcLang: src, DataType: "plaintext",
	}
	if !opt.Date.IsZero() {
		h.CreationDate = opt.Date.UTC().Format("20060102T150405Z")
	}
	return h
}

// tmxUnit is a unit as a <tu>: its source, group and status as props.
func tmxUnit(u *Unit) tmx.Unit {
	status := document.Aligned
	if u.Confirmed {
		status = document.Confirmed
	}
	tu := tmx.Unit{
		ID: u.Source + "#" + strconv.Itoa(u.Group),
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
	return tu
}

// Export writes the whole memory as one TMX 1.4b file and returns the
// number of units written.
func (m *Memory) Export(ctx context.Context, w io.Writer, opt ExportOptions) (int, error) {
	doc := &tmx.TMX{Header: m.header(opt)}
	err := m.Store.All(ctx, func(u *Unit) error {
		doc.Units = append(doc.Units, tmxUnit(u))
		return nil
	})
	if err != nil {
		return 0, err
	}
	if _, err := tmx.Write(w, doc); err != nil {
		return 0, err
	}
	return len(doc.Units), nil
}

// WriteMatches writes the best match of every result as a TMX a CAT tool
// loads as a project memory: one <tu> per matched unit (once, however
// many sentences it matches), with the score and the new sentence as
// props.
func (m *Memory) WriteMatches(w io.Writer, results []Result, opt ExportOptions) (int, error) {
	doc := &tmx.TMX{Header: m.header(opt)}
	seen := map[string]bool{}
	for _, r := range results {
		for _, mt := range r.Matches {
			tu := tmxUnit(&mt.Unit)
			if seen[tu.ID] {
				continue
			}
			seen[tu.ID] = true
			tu.Props = append(tu.Props,
				tmx.Prop{Type: MatchProp, Value: strconv.Itoa(mt.Score)},
				tmx.Prop{Type: QueryProp, Value: r.Sentence})
			doc.Units = append(doc.Units, tu)
		}
	}
	if _, err := tmx.Write(w, doc); err != nil {
		return 0, err
	}
	return len(doc.Units), nil
}
