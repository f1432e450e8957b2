package document

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// Journal returns the undo journal of document id (which need not exist
// yet): documents/ID/journal. A step may write the alignment, meta.yaml
// the text of a workspace language and its formatting (LANG.format.yaml),
// nothing else.
func Journal(ws *workspace.Workspace, id string) *journal.Journal {
	return &journal.Journal{WS: ws, Dir: filepath.Join(Folder, id), Name: id, BeforeWrite: ws.BeforeWrite, Valid: func(name string) bool {
		if name == AlignmentName || name == metaName {
			return true
		}
		lang, ok := strings.CutSuffix(name, ".format.yaml")
		if !ok {
			lang, ok = strings.CutSuffix(name, ".txt")
		}
		return ok && ws.HasLanguage(lang) && workspace.ValidLanguage(lang)
	}}
}

// Journal returns the document's undo journal.
func (d *Document) Journal() *journal.Journal { return Journal(d.WS, d.ID) }

const metaName = "meta.yaml"

// Change is one journaled change of a document's files: every command
// that writes them (import, import-tmx, align, publish, the review edits)
// stages the new files in a Change and commits it, so that undo can take
// the change back byte for byte and a crash halfway is rolled back.
//
// Reads through a Change see what is staged: an import of two languages
// in one Change sees the first in the second.
type Change struct {
	WS *workspace.Workspace
	ID string
	// Recovered is a change a crash had interrupted, rolled back by Begin.
	Recovered *journal.Entry
	// LostFormatting are the spans of formatting SetText dropped because
	// the words under them were rewritten (see [Rebase]), for the caller
	// to tell the person.
	LostFormatting []LostSpan
	tx             *journal.Tx
}

// LostSpan is a span of formatting an edit of the Lang text dropped; its
// Text is the text it covered before the edit.
type LostSpan struct {
	Lang string
	docformat.Span
	// Outside says why: the text was changed outside tilmash (by hand, by
	// a merge) and its words are no longer found in it (see
	// [Formatting.For]), rather than rewritten by the edit.
	Outside bool
}

// LostIn returns the spans of lost that are of language lang.
func LostIn(lost []LostSpan, lang string) []LostSpan {
	var out []LostSpan
	for _, s := range lost {
		if s.Lang == lang {
			out = append(out, s)
		}
	}
	return out
}

// Begin starts a change of document id, which need not exist yet. It
// first rolls back a change a crash interrupted. The caller holds the
// workspace lock until Commit returns.
func Begin(ws *workspace.Workspace, id string) (*Change, error) {
	if err := ValidID(id); err != nil {
		return nil, err
	}
	if ReservedID(id) {
		// A document made before this rule keeps working; a new one may
		// not take the name.
		if _, err := os.Lstat(ws.Path(Folder, id)); errors.Is(err, fs.ErrNotExist) {
			return nil, locale.NewError("document.reserved-id", map[string]any{"ID": id}).WithHint("document.reserved-id.hint")
		}
	}
	tx, err := Journal(ws, id).Begin()
	if err != nil {
		return nil, err
	}
	return &Change{WS: ws, ID: id, Recovered: tx.Recovered, tx: tx}, nil
}

// Document returns the document as the change would leave it; a
// *NotFoundError when it has no meta.yaml yet.
func (c *Change) Document() (*Document, error) {
	data, ok, err := c.read(metaName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &NotFoundError{ID: c.ID}
	}
	d := &Document{WS: c.WS, ID: c.ID}
	return d, d.parseMeta(data)
}

// read reads a file of the document as the change would leave it,
// refusing one a merge left unfinished ([Unmerged]).
func (c *Change) read(name string) ([]byte, bool, error) {
	data, ok, err := c.tx.Read(name)
	if err == nil && ok {
		err = Unmerged(c.ID, c.rel(name), data)
	}
	return textLF(name, data), ok, err
}

// FinishMerge resolves, in meta.yaml and alignment.yaml as the change
// would leave them, a git merge that stopped only on what tilmash derives
// from the texts ([ResolveDerived]); the texts themselves must be merged
// (a text with conflict markers is refused). It stages the resolved files
// and returns their names. A file with a conflict of another kind is left
// as it is: the next read of it names the conflict.
func (c *Change) FinishMerge() ([]string, error) {
	var done []string
	for _, name := range []string{metaName, AlignmentName} {
		data, ok, err := c.tx.Read(name)
		if err != nil {
			return done, err
		}
		if !ok || textenc.ConflictMarker(data) < 0 {
			continue
		}
		texts := map[string]string{}
		for _, l := range c.WS.Config.Languages {
			t, ok, err := c.read(l + ".txt")
			if err != nil {
				return done, err
			}
			if ok {
				texts[l] = string(t)
			}
		}
		out, ok := ResolveDerived(data, texts)
		if !ok {
			continue
		}
		if name == AlignmentName {
			// The spans are one side's: find the sentences again.
			if a, err := ParseAlignment(c.rel(name), out); err == nil {
				a.reanchor(texts)
				if b, err := a.Marshal(); err == nil {
					out = b
				}
			}
		}
		c.tx.Write(name, out)
		done = append(done, name)
	}
	return done, nil
}

// Text returns the text of lang as the change would leave it.
func (c *Change) Text(lang string) (string, error) {
	if !c.WS.HasLanguage(lang) {
		return "", BadLanguage(lang, c.WS.Config.Languages)
	}
	data, ok, err := c.read(lang + ".txt")
	if err == nil && !ok {
		err = MissingLanguage(c.ID, lang)
	}
	return string(data), err
}

// Texts returns the text of every language d records, as the change would
// leave them.
func (c *Change) Texts(d *Document) (map[string]string, error) {
	out := map[string]string{}
	for _, l := range d.Languages() {
		t, err := c.Text(l)
		if err != nil {
			return nil, err
		}
		out[l] = t
	}
	return out, nil
}

// Raw returns a file of the document as the change would leave it, with
// fs.ErrNotExist when there is none.
func (c *Change) Raw(name string) ([]byte, error) {
	data, ok, err := c.read(name)
	if err == nil && !ok {
		err = fs.ErrNotExist
	}
	return data, err
}

// Alignment returns the alignment as the change would leave it, nil when
// there is none.
func (c *Change) Alignment() (*Alignment, error) {
	data, err := c.Raw(AlignmentName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseAlignment(filepath.Join(Folder, c.ID, AlignmentName), data)
}

// SetAlignment stages a new alignment.
func (c *Change) SetAlignment(a *Alignment) error {
	data, err := a.Marshal()
	if err != nil {
		return err
	}
	return c.writeYAML(AlignmentName, data)
}

// SetMeta stages a new meta.yaml.
func (c *Change) SetMeta(m *Meta) error {
	data, err := m.Marshal()
	if err != nil {
		return err
	}
	return c.writeYAML(metaName, data)
}

// writeYAML stages data, the new content of the YAML file name, unless it
// would drop a comment a person wrote in the file (see [LostComment]).
func (c *Change) writeYAML(name string, data []byte) error {
	old, ok, err := c.read(name)
	if err != nil {
		return err
	}
	if ok {
		if err := LostComment(c.ID, c.rel(name), old, data); err != nil {
			return err
		}
	}
	c.tx.Write(name, data)
	return nil
}

// LostComment refuses to replace old, the content of file (a YAML file of
// document id that tilmash writes itself), with new when a comment line of
// old is not in new: a note a person added by hand ("# checked with the
// desk on Friday") was dropped without a word by the next edit, since
// tilmash writes these files whole and keeps no comments. The error names
// the comment's line and says where such a note can live.
func LostComment(id, file string, old, new []byte) error {
	var kept map[string]bool
	return eachComment(old, func(line string, at, col int) error {
		if kept == nil {
			kept = map[string]bool{}
			_ = eachComment(new, func(l string, _, _ int) error { kept[l] = true; return nil })
		}
		if kept[line] || strings.Contains(alignmentHeader, line+"\n") {
			// Kept, or a line of tilmash's own header (a new wording of
			// the header must list the old lines here too, or every
			// workspace written before would refuse its edits).
			return nil
		}
		return locale.NewError("document.comment-lost", map[string]any{"ID": id, "Comment": line}).
			WithHint("document.comment-lost.hint").At(locale.Pos{File: file, Line: at, Column: col})
	})
}

// eachComment calls fn with each comment of data, trimmed, and the
// number of its line and column (in characters), and stops at the first
// error: a line whose first
// character that is not a space is #, and the end of a line after a # that
// follows a space outside quotes ("status: confirmed  # ask the desk",
// which the next write dropped without a word when only whole comment
// lines were looked at).
func eachComment(data []byte, fn func(line string, n, col int) error) error {
	for off, n := 0, 1; off < len(data); n++ {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := data[off:end]
		off = end + 1
		if c, at, ok := commentOf(line); ok {
			if err := fn(string(c), n, utf8.RuneCount(line[:at])+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// commentOf returns the comment of one YAML line, trimmed, and its byte
// offset in the line: from a # at
// the start of the line or after a space or tab, outside single- and
// double-quoted scalars (a quote opens one only where a scalar may start:
// after a space or flow indicator that follows ':', '-', '?', '{', '[' or
// ',', or at the start of the line), to the end of the line. A quoted
// scalar left open at the end of the line hides the rest.
func commentOf(line []byte) ([]byte, int, bool) {
	if bytes.IndexByte(line, '#') < 0 {
		return nil, 0, false // the common case
	}
	var quote byte
	prev := byte(0) // the last character outside quotes that is not a space
	for j := 0; j < len(line); j++ {
		c := line[j]
		switch {
		case quote == '\'':
			if c == '\'' {
				if j+1 < len(line) && line[j+1] == '\'' {
					j++ // '' is a quote inside
				} else {
					quote = 0
				}
			}
			continue
		case quote == '"':
			if c == '\\' {
				j++
			} else if c == '"' {
				quote = 0
			}
			continue
		case c == '#' && (j == 0 || line[j-1] == ' ' || line[j-1] == '\t'):
			return bytes.TrimSpace(line[j:]), j, true
		case (c == '\'' || c == '"') && (prev == 0 || strings.IndexByte(":-?{[,", prev) >= 0) &&
			(j == 0 || strings.IndexByte(" \t{[,", line[j-1]) >= 0):
			quote = c
		}
		if c != ' ' && c != '\t' {
			prev = c
		}
	}
	return nil, 0, false
}

// SetText stages the stored text of lang, which must be normalized. The
// language's formatting, if it has one, follows the text: its spans move
// with their words (see [Rebase]). A formatting file damaged as written
// is an error.
func (c *Change) SetText(lang, text string) error {
	if !c.WS.HasLanguage(lang) {
		return BadLanguage(lang, c.WS.Config.Languages)
	}
	f, err := c.Formatting(lang)
	if err != nil {
		return err
	}
	if f != nil {
		old, ok, err := c.read(lang + ".txt")
		if err != nil {
			return err
		}
		if ok && string(old) != text {
			// The spans for the old text (found again by their words
			// when it was edited outside tilmash), then moved with
			// the edit.
			spans, gone, err := f.For(string(old))
			if err != nil {
				return err
			}
			// Those a change outside tilmash left without their words
			// go now, with the file written for the new text: said
			// once, here.
			for _, s := range gone {
				c.LostFormatting = append(c.LostFormatting, LostSpan{Lang: lang, Span: s, Outside: true})
			}
			var lost []docformat.Span
			f.Spans, lost = Rebase(spans, string(old), text)
			for _, s := range lost {
				if s.Start >= 0 && s.Start <= s.End && s.End <= len(old) {
					s.Text = string(old[s.Start:s.End])
				}
				c.LostFormatting = append(c.LostFormatting, LostSpan{Lang: lang, Span: s})
			}
			c.SetFormatting(lang, text, f)
		}
	}
	c.tx.WriteString(lang+".txt", text)
	return nil
}

func (c *Change) rel(name string) string { return filepath.Join(Folder, c.ID, name) }

// Commit writes the change as one journal step and returns its number, 0
// when no byte changed (nothing is written then). message is the
// catalogue id that describes the step in the journal, data its values;
// now is the time to record, zero meaning time.Now.
func (c *Change) Commit(message string, data map[string]any, now time.Time) (int, error) {
	return c.tx.Commit(message, data, now)
}

// parseMeta reads meta.yaml into d.
func (d *Document) parseMeta(data []byte) error {
	if err := yamlx.Decode(d.rel(metaName), data, &d.Meta, false); err != nil {
		if yamlx.IsLimit(err) {
			return err
		}
		line, col, detail := workspace.YAMLProblem(d.rel(metaName), data, err)
		return fileError(d.rel(metaName), line, col, "document.bad-meta.hint", "document.file.yaml", map[string]any{"Detail": detail}) // removing it hides the document
	}
	if d.Meta.Versions == nil {
		d.Meta.Versions = map[string]*Version{}
	}
	for l, v := range d.Meta.Versions {
		if v == nil {
			// The meta.yaml hint: the alignment's says to remove the file.
			return fileError(d.rel(metaName), 1, 1, "document.bad-meta.hint", "document.meta.empty-version", map[string]any{"Lang": l})
		}
	}
	d.Meta.ID = d.ID
	return nil
}
