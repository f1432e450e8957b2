package document

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/workspace"
)

// ImportOptions tune Import.
type ImportOptions struct {
	Title  string    // defaults to the first heading or line of the text
	Source string    // where the text came from: a file name, a URL
	Force  bool      // go ahead even when aligned groups would lose sentences
	Now    time.Time // the import time to record; zero means time.Now
	// Formatting, when not nil, is the formatting of the new text (read
	// from Markdown, HTML or DOCX), stored as LANG.format.yaml; it
	// replaces the old. A plain-text import (nil) keeps the old
	// formatting of the bytes that did not change.
	Formatting *Formatting
	// Stored says the caller built the text of ImportText in the stored
	// form (package docformat's readers do, and their tests hold them to
	// it), so it is not checked again: a pass over every byte of a long
	// article.
	Stored bool
}

// ImportResult says what Import did.
type ImportResult struct {
	Doc     *Document
	Created bool // the document did not exist before
	// Near, for a created document, is an existing one whose id is close
	// (see [Near]): the new id may be a typo of it.
	Near      string
	Unchanged bool // the same text was already stored; nothing was written
	// Lost lists the 1-based numbers of groups whose sentences in this
	// language are no longer in the new text. With Force they are kept,
	// without those sentences, and flagged for review.
	Lost          []int
	LostConfirmed int
	// Empty says the text has nothing to translate or publish: it is empty
	// or holds only white space and invisible characters (see [Blank]).
	// It is stored all the same; the command warns, and publish holds the
	// document back.
	Empty bool
	// Step is the journal step of the import, 0 when nothing was written.
	Step int
	// Recovered is a change a crash had interrupted, rolled back first.
	Recovered *journal.Entry
	// LostFormatting are the spans of the old formatting the new text
	// dropped (the words under them were rewritten); empty when the
	// import brought its own formatting.
	LostFormatting []LostSpan
}

// Import stores data as the lang version of document id, creating the
// document if needed, as one journaled step (undo takes it back). name is
// the input's name for messages ("-" for stdin). The caller holds the
// workspace lock.
//
// Nothing is written when the input is bad, when the text is unchanged, or
// when the new text would detach aligned groups and opt.Force is false. When
// the text changes, the alignment is rebased onto it: sentences found again
// keep their groups (and confirmations); groups that lost sentences are
// flagged, so a person sees them, and align fills in the new text.
func Import(ws *workspace.Workspace, id, lang string, data []byte, name string, opt ImportOptions) (*ImportResult, error) {
	return importStep(ws, id, lang, name, opt, func(c *Change) (*ImportResult, error) { return c.Import(lang, data, name, opt) }, func() error {
		return NotImported(Check(name, data))
	})
}

// ImportText is Import of a text already converted to the stored form
// (package docformat's readers return it): it is taken as it is, without
// the copies Normalize would make of a text of tens of megabytes, when it
// is in that form, and normalized otherwise.
func ImportText(ws *workspace.Workspace, id, lang, text, name string, opt ImportOptions) (*ImportResult, error) {
	if !opt.Stored && !Stored(text) {
		return Import(ws, id, lang, []byte(text), name, opt)
	}
	return importStep(ws, id, lang, name, opt, func(c *Change) (*ImportResult, error) { return c.importText(lang, text, opt) }, nil)
}

// Stored reports whether text is in the stored form Normalize gives:
// valid UTF-8 in NFC, without NUL, CR or a byte-order mark, ending in
// one line end (or empty).
func Stored(text string) bool {
	if text == "" {
		return true
	}
	if !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") || strings.IndexByte(text, 0) >= 0 || strings.IndexByte(text, '\r') >= 0 || strings.Contains(text, "\uFEFF") {
		return false
	}
	return textenc.ValidNFC(text)
}

func importStep(ws *workspace.Workspace, id, lang, name string, opt ImportOptions, stage func(*Change) (*ImportResult, error), check func() error) (*ImportResult, error) {
	if err := ValidID(id); err != nil {
		return nil, err
	}
	if !ws.HasLanguage(lang) {
		return nil, BadLanguage(lang, ws.Config.Languages)
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	c, err := Begin(ws, id)
	if err != nil {
		return nil, err
	}
	res, err := stage(c)
	if err != nil {
		return nil, err
	}
	res.Recovered = c.Recovered
	if res.Unchanged {
		return res, nil
	}
	res.Step, err = c.Commit("review.done.import", map[string]any{"Lang": lang}, opt.Now)
	return res, err
}

// Import stages data as the lang version of the document, creating it if
// needed; see the function Import.
func (c *Change) Import(lang string, data []byte, name string, opt ImportOptions) (*ImportResult, error) {
	if !c.WS.HasLanguage(lang) {
		return nil, BadLanguage(lang, c.WS.Config.Languages)
	}
	raw, err := Normalize(name, data)
	if err != nil {
		return nil, NotImported(err)
	}
	return c.importText(lang, string(raw), opt)
}

// importText stages text, in stored form, as the lang version.
func (c *Change) importText(lang, text string, opt ImportOptions) (*ImportResult, error) {
	if !c.WS.HasLanguage(lang) {
		return nil, BadLanguage(lang, c.WS.Config.Languages)
	}
	hash := Hash(text)
	res := &ImportResult{Empty: Blank(text)}
	d, err := c.Document()
	if _, missing := err.(*NotFoundError); missing {
		d = &Document{WS: c.WS, ID: c.ID, Meta: Meta{ID: c.ID, Versions: map[string]*Version{}}}
		res.Created, res.Near = true, nearTypo(c.WS, c.ID)
	} else if err != nil {
		return nil, err
	}
	res.Doc = d
	old := d.Meta.Versions[lang]
	if old != nil && old.SHA256 == hash {
		if cur, err := c.Text(lang); err == nil && cur == text {
			if f := opt.Formatting; f != nil {
				// The same words with other formatting: only the
				// formatting changes.
				prev, err := c.Formatting(lang)
				if err != nil {
					return nil, err
				}
				spans := f.Valid(cur)
				if (prev != nil || len(spans) > 0) && (prev == nil || !slices.Equal(prev.Valid(cur), spans) || prev.From != f.From) {
					c.SetFormatting(lang, cur, &Formatting{From: f.From, Spans: spans})
					return res, nil
				}
			}
			res.Unchanged = true
			return res, nil
		}
	}
	al, err := c.Alignment()
	if err != nil {
		return nil, err
	}
	if al != nil && old != nil {
		// Unread, the old text is "": its marks are left as they are.
		prev, _ := c.Text(lang)
		lost, confirmed := al.RebaseFrom(lang, prev, text)
		res.Lost, res.LostConfirmed = lost, confirmed
		if len(lost) > 0 && !opt.Force {
			return nil, wouldLose(c.ID, lang, lost, confirmed)
		}
		al.Sources[lang] = hash
	}
	title := opt.Title
	if title == "" {
		title = Title(text)
		// A title given with --title stays through a re-import without
		// one (a corrected text); only a title the old text's first line
		// made follows the new text's.
		if old != nil && old.Title != "" {
			if cur, err := c.Text(lang); err == nil && old.Title != Title(cur) {
				title = old.Title
			}
		}
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if err := c.SetText(lang, text); err != nil {
		return nil, err
	}
	if f := opt.Formatting; f != nil {
		if old, err := c.Formatting(lang); err != nil {
			return nil, err
		} else if len(f.Spans) > 0 || old != nil {
			c.setFormatting(lang, hash, &Formatting{From: f.From, Spans: f.Valid(text)})
		}
	} else {
		res.LostFormatting = LostIn(c.LostFormatting, lang)
	}
	if al != nil && old != nil {
		if err := c.SetAlignment(al); err != nil {
			return nil, err
		}
	}
	d.Meta.Versions[lang] = &Version{Title: title, Source: opt.Source, Imported: now.UTC().Truncate(time.Second), SHA256: hash, Bytes: len(text)}
	return res, c.SetMeta(&d.Meta)
}

// Blank reports whether text has nothing a reader would see: it is empty,
// or holds only white space (Unicode's, no-break spaces among it) and
// invisible characters (zero-width spaces and joiners, word joiner, soft
// hyphen, byte-order mark). Such a text has no sentence to align.
func Blank(text string) bool {
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
		case r >= '\u200b' && r <= '\u200d', r == '\u2060', r == '\u00ad', r == '\ufeff':
		default:
			return false
		}
	}
	return true
}

// Hash returns the hex sha256 of text, as meta.yaml and alignment.yaml
// record it.
func Hash(text string) string {
	// In pieces through one small buffer: []byte(text) would copy the
	// whole text, 35 MB for the alignment of a long document.
	h := sha256.New()
	var buf [64 << 10]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Rebase moves the lang sentences of every group onto text, a new version
// of the language's text. Each sentence is looked for again, in order, after
// the previous one; when found its span is updated. A group with a sentence
// that is gone loses that sentence and is flagged and marked Detached, so
// it stays flagged, through re-alignment, until a person confirms it; it
// is no longer Reshaped. The text of the sentence is kept in Was, for the
// translator to see what the previous version said. A heading's marks ("# ") belong to the layout, not
// to the sentence: a heading that lost them is the same sentence, and its
// text drops them. Rebase returns the 1-based numbers of the groups that
// lost sentences and how many of them had been confirmed.
func (a *Alignment) Rebase(lang, text string) (lost []int, confirmed int) {
	return a.RebaseFrom(lang, "", text)
}

// RebaseFrom is Rebase knowing old, the text the sentences' spans are in
// now. A heading that gained marks old did not have (a plain text imported
// again as Markdown, HTML or DOCX) is the same sentence too, and its text
// takes them, as a fresh import would cut it: they are not left over, for
// align to put in a group of their own. Marks old had outside a sentence
// stay outside it.
func (a *Alignment) RebaseFrom(lang, old, text string) (lost []int, confirmed int) {
	pos := 0
	for i, g := range a.Groups {
		var kept []Sentence
		dropped := false
		for _, s := range g.Sents[lang] {
			newMarks := old != "" && !marksOutside(old, s)
			k := strings.Index(text[pos:], s.Text)
			if k < 0 && s.Text != "" {
				if bare := StripHeading(s.Text); bare != s.Text {
					if k = strings.Index(text[pos:], bare); k >= 0 {
						s.Text = bare
					}
				}
			}
			if s.Text == "" || k < 0 {
				dropped = true
				if s.Text != "" {
					g.AddWas(map[string][]string{lang: {s.Text}})
				}
				continue
			}
			s.Start = pos + k
			s.End = s.Start + len(s.Text)
			if line := strings.LastIndexByte(text[:s.Start], '\n') + 1; newMarks && line >= pos && line < s.Start {
				// The sentence starts inside or just after the marks of a
				// heading: "Title" or "# Title" in "## Title".
				if _, marks := Heading(text[line:s.End]); marks > 0 && s.Start <= line+marks && text[line+marks:s.End] == StripHeading(s.Text) {
					s.Start = line
					s.Text = text[line:s.End]
				}
			}
			pos = s.End
			kept = append(kept, s)
		}
		if !dropped {
			g.Sents[lang] = kept
			continue
		}
		g.Sents[lang] = kept
		lost = append(lost, i+1)
		if g.Status == Confirmed {
			confirmed++
		}
		g.Status = Flagged
		g.Detached = true
		// The shape a person gave it is gone with the sentence: the
		// aligner may regroup its stretch (flagged, as Detached says).
		g.Reshaped = false
	}
	return lost, confirmed
}

// marksOutside reports whether heading marks stand before sentence s in
// old, the text its span is in, on its line and outside it; also when s is
// not where its span says, for then nothing is known of them.
func marksOutside(old string, s Sentence) bool {
	if s.Start < 0 || s.Start > s.End || s.End > len(old) || old[s.Start:s.End] != s.Text {
		return true
	}
	line := strings.LastIndexByte(old[:s.Start], '\n') + 1
	_, marks := Heading(old[line:s.End])
	return marks > 0 && marks == s.Start-line
}
