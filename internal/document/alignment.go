package document

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// AlignmentName is the file name of a document's alignment.
const AlignmentName = "alignment.yaml"

// Status is the review state of a group.
type Status string

// The states a group can be in. Only a person confirms; the aligner writes
// aligned or flagged.
const (
	Aligned   Status = "aligned"   // made by the aligner, not yet reviewed
	Flagged   Status = "flagged"   // made by the aligner with low confidence: review first
	Confirmed Status = "confirmed" // checked by a person; re-alignment never changes it
)

func (s Status) valid() bool { return s == Aligned || s == Flagged || s == Confirmed }

// Sentence is one sentence of a group: its byte span in the stored text of
// its language and a copy of that text. The copy makes the file readable and
// diffable, and lets tilmash notice a text that changed under the alignment.
type Sentence struct {
	Start, End int
	Text       string
	Line       int `yaml:"-"` // line in alignment.yaml, for messages; 0 when not read from a file
}

// Group is a set of sentences, per language, that translate each other.
type Group struct {
	Status Status
	Score  float64 // the aligner's confidence, 0..1
	Note   string
	// Detached marks a group that lost sentences when its text changed
	// (re-import, or an edit behind tilmash's back). It keeps the group,
	// and what the aligner makes of its stretch, flagged until a person
	// confirms it. Written as "detached: true"; never on confirmed groups.
	Detached bool
	// Was holds, by language, the text of the sentences a detached group
	// lost when its text changed: what the previous version said there,
	// for show and review to put beside what it says now. Written as
	// "was:" with the text of each sentence, only with "detached: true".
	Was map[string][]string
	// Reshaped marks a group whose sentences a person regrouped (merge,
	// split, move) and has not confirmed yet. align keeps it as it is, as
	// it keeps confirmed groups, so a re-run does not undo a person's
	// work; a changed text that takes sentences from it ends the mark.
	// Written as "reshaped: true"; never on confirmed groups.
	Reshaped bool
	// ConfirmedAt is when a person confirmed the group, or last changed
	// its text while it stayed confirmed (UTC, to the second): the
	// date exports and the memory give the group's translation. Zero
	// when unknown (a group confirmed before tilmash kept it) and on
	// groups that are not confirmed. Written as "confirmed: DATE".
	ConfirmedAt time.Time
	Sents       map[string][]Sentence
	Line        int // line in alignment.yaml, for messages
}

// hasWas reports whether g keeps text it lost in one of langs, which the
// file writes only on a detached group.
func (g *Group) hasWas(langs []string) bool { return len(g.Before(langs)) > 0 }

// Before is the text a changed group had in one language before a new
// version of that text took it (Group.Was), its sentences joined with
// spaces as Text joins the group's.
type Before struct{ Lang, Text string }

// Before lists, in the order of langs, the text g had before a new version
// of it: what show, review, serve and the side-by-side HTML export put
// under a changed group, so that a reviewer sees what the desk changed.
// Nothing for a group that is not detached or is confirmed (the file keeps
// the text only on a detached group, and confirming ends it).
func (g *Group) Before(langs []string) []Before {
	if !g.Detached || g.Status == Confirmed {
		return nil
	}
	var out []Before
	for _, l := range langs {
		if len(g.Was[l]) > 0 {
			out = append(out, Before{Lang: l, Text: strings.Join(g.Was[l], " ")})
		}
	}
	return out
}

// AddWas adds was, text a group lost by language, to what g already lost,
// each text once: the two parts of a split group both keep what it lost,
// and merged again they keep it once.
func (g *Group) AddWas(was map[string][]string) {
	for l, ts := range was {
		for _, t := range ts {
			if slices.Contains(g.Was[l], t) {
				continue
			}
			if g.Was == nil {
				g.Was = map[string][]string{}
			}
			g.Was[l] = append(g.Was[l], t)
		}
	}
}

// dated reports whether the file records when the group was confirmed:
// only a confirmed group has the date.
func (g *Group) dated() bool { return g.Status == Confirmed && !g.ConfirmedAt.IsZero() }

// parseConfirmed reads the date of a group's confirmed key: RFC 3339 in
// UTC, to the second, as tilmash writes it.
func parseConfirmed(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || !strings.HasSuffix(s, "Z") || t.Nanosecond() != 0 {
		return time.Time{}, false
	}
	return t, true
}

// Text joins the group's sentences in lang with spaces.
func (g *Group) Text(lang string) string {
	var parts []string
	for _, s := range g.Sents[lang] {
		parts = append(parts, s.Text)
	}
	return strings.Join(parts, " ")
}

// Empty reports whether g has no sentence in any language: a group a new
// version emptied, kept flagged with the text it had (Was) until a person
// confirms that the text is gone. Its score, the aligner's of what it
// held, says nothing of it any more, and views show none.
func (g *Group) Empty() bool {
	for _, s := range g.Sents {
		if len(s) > 0 {
			return false
		}
	}
	return true
}

// Kind describes the group's shape in languages, such as "1-1-2" or "1-0-1".
func (g *Group) Kind(langs []string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = strconv.Itoa(len(g.Sents[l]))
	}
	return strings.Join(parts, "-")
}

// Alignment is the content of alignment.yaml.
//
// The file lists groups in document order. Each group carries its status,
// score, an optional note, and for each language a list of sentences written
// as {at: START-END, text: …}. Group numbers are positions (1 is the first),
// so they are not stored: a merge would otherwise renumber, and rewrite,
// every later line of the file.
type Alignment struct {
	Document  string
	Pivot     string
	Languages []string
	Sources   map[string]string // sha256 of each language text the groups refer to
	Groups    []*Group
}

// Counts returns the number of groups and of confirmed and flagged groups.
func (a *Alignment) Counts() (groups, confirmed, flagged int) {
	for _, g := range a.Groups {
		switch g.Status {
		case Confirmed:
			confirmed++
		case Flagged:
			flagged++
		}
	}
	return len(a.Groups), confirmed, flagged
}

const alignmentHeader = "# tilmash alignment: groups of sentences that translate each other, in document order.\n" +
	"# Change it with `tilmash group …` and `tilmash review`; hand edits are checked when the file is read.\n"

// marshalYAML renders the alignment file through yaml.v3. It is the
// reference for the bytes of the file: Marshal writes the same bytes
// itself, and falls back to this for what it does not handle.
func (a *Alignment) marshalYAML() ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	add(root, "document", str(a.Document))
	add(root, "pivot", str(a.Pivot))
	langs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range a.Languages {
		langs.Content = append(langs.Content, str(l))
	}
	add(root, "languages", langs)
	src := &yaml.Node{Kind: yaml.MappingNode}
	for _, l := range a.Languages {
		if h, ok := a.Sources[l]; ok {
			add(src, l, str(h))
		}
	}
	add(root, "sources", src)
	groups := &yaml.Node{Kind: yaml.SequenceNode}
	for _, g := range a.Groups {
		groups.Content = append(groups.Content, groupNode(g, a.Languages))
	}
	add(root, "groups", groups)
	return yamlx.Marshal(alignmentHeader, root)
}

// groupNode is the YAML node of one group.
func groupNode(g *Group, langs []string) *yaml.Node {
	gm := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	add(gm, "status", str(string(g.Status)))
	add(gm, "score", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(g.Score, 'f', 3, 64)})
	if g.dated() {
		add(gm, "confirmed", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: g.ConfirmedAt.UTC().Format(time.RFC3339)})
	}
	if g.Note != "" {
		add(gm, "note", str(g.Note))
	}
	if g.Detached && g.Status != Confirmed {
		add(gm, "detached", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		if g.hasWas(langs) {
			wm := &yaml.Node{Kind: yaml.MappingNode}
			for _, l := range langs {
				if len(g.Was[l]) == 0 {
					continue
				}
				seq := &yaml.Node{Kind: yaml.SequenceNode}
				for _, t := range g.Was[l] {
					seq.Content = append(seq.Content, str(t))
				}
				add(wm, l, seq)
			}
			add(gm, "was", wm)
		}
	}
	if g.Reshaped && g.Status != Confirmed {
		add(gm, "reshaped", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	for _, l := range langs {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		if len(g.Sents[l]) == 0 {
			seq.Style = yaml.FlowStyle
		}
		for _, s := range g.Sents[l] {
			sm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			add(sm, "at", str(fmt.Sprintf("%d-%d", s.Start, s.End)))
			add(sm, "text", str(s.Text))
			seq.Content = append(seq.Content, sm)
		}
		add(gm, l, seq)
	}
	return gm
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// parseAlignmentYAML reads an alignment file through yaml.v3 and the
// limits of yamlx: any YAML that means the same alignment, hand-edited
// files included. It is the reference for what a file means:
// ParseAlignment reads the form tilmash writes itself and falls back to
// this for everything else.
func parseAlignmentYAML(file string, data []byte) (*Alignment, error) {
	root, err := yamlx.Parse(file, data)
	if err != nil {
		if yamlx.IsLimit(err) {
			return nil, err
		}
		line, col, detail := workspace.YAMLProblem(file, data, err)
		return nil, formatError(file, line, col, "document.file.yaml", map[string]any{"Detail": detail})
	}
	bad := func(n *yaml.Node, id string, data map[string]any) error {
		return formatError(file, n.Line, n.Column, id, data)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, formatError(file, 1, 1, "document.alignment.not-mapping", nil)
	}
	a := &Alignment{Sources: map[string]string{}}
	var groupsNode *yaml.Node
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if err := duplicateKey(file, m, i); err != nil {
			return nil, err
		}
		var err error
		switch k.Value {
		case "document":
			err = v.Decode(&a.Document)
		case "pivot":
			err = v.Decode(&a.Pivot)
		case "languages":
			err = v.Decode(&a.Languages)
		case "sources":
			err = v.Decode(&a.Sources)
		case "groups":
			groupsNode = v
		default:
			return nil, bad(k, "document.alignment.unknown-key", map[string]any{"Key": k.Value})
		}
		if err != nil {
			return nil, bad(v, "document.alignment.bad-value", map[string]any{"Key": k.Value, "Detail": err.Error()})
		}
	}
	if len(a.Languages) == 0 {
		return nil, bad(m, "document.alignment.no-languages", nil)
	}
	for _, l := range a.Languages {
		if !workspace.ValidLanguage(l) {
			return nil, bad(m, "document.alignment.bad-language", map[string]any{"Lang": l})
		}
	}
	isLang := map[string]bool{}
	for _, l := range a.Languages {
		isLang[l] = true
	}
	if groupsNode == nil {
		return a, nil
	}
	if groupsNode.Kind != yaml.SequenceNode {
		return nil, bad(groupsNode, "document.alignment.groups-not-list", nil)
	}
	for _, gn := range groupsNode.Content {
		if gn.Kind != yaml.MappingNode {
			return nil, bad(gn, "document.alignment.group-not-mapping", nil)
		}
		g := &Group{Sents: map[string][]Sentence{}, Line: gn.Line}
		for i := 0; i+1 < len(gn.Content); i += 2 {
			k, v := gn.Content[i], gn.Content[i+1]
			if err := duplicateKey(file, gn, i); err != nil {
				return nil, err
			}
			switch {
			case k.Value == "status":
				g.Status = Status(v.Value)
				if !g.Status.valid() {
					return nil, bad(v, "document.alignment.bad-status", map[string]any{"Status": v.Value})
				}
			case k.Value == "score":
				f, err := strconv.ParseFloat(v.Value, 64)
				if err != nil || !(f >= 0 && f <= 1) { // NaN too
					return nil, bad(v, "document.alignment.bad-score", nil)
				}
				g.Score = f
			case k.Value == "confirmed":
				t, ok := parseConfirmed(v.Value)
				if !ok || v.Kind != yaml.ScalarNode {
					return nil, bad(v, "document.alignment.bad-confirmed", nil)
				}
				g.ConfirmedAt = t
			case k.Value == "note":
				g.Note = v.Value
			case k.Value == "detached":
				if v.Value != "true" && v.Value != "false" {
					return nil, bad(v, "document.alignment.not-bool", map[string]any{"Key": "detached"})
				}
				g.Detached = v.Value == "true"
			case k.Value == "was":
				if v.Kind != yaml.MappingNode {
					return nil, bad(v, "document.alignment.bad-was", nil)
				}
				g.Was = map[string][]string{}
				for j := 0; j+1 < len(v.Content); j += 2 {
					wk, wv := v.Content[j], v.Content[j+1]
					if err := duplicateKey(file, v, j); err != nil {
						return nil, err
					}
					if !isLang[wk.Value] || wv.Kind != yaml.SequenceNode {
						return nil, bad(wk, "document.alignment.bad-was", nil)
					}
					for _, t := range wv.Content {
						if t.Kind != yaml.ScalarNode {
							return nil, bad(t, "document.alignment.bad-was", nil)
						}
						g.Was[wk.Value] = append(g.Was[wk.Value], t.Value)
					}
				}
			case k.Value == "reshaped":
				if v.Value != "true" && v.Value != "false" {
					return nil, bad(v, "document.alignment.not-bool", map[string]any{"Key": "reshaped"})
				}
				g.Reshaped = v.Value == "true"
			case isLang[k.Value]:
				if v.Kind != yaml.SequenceNode {
					return nil, bad(v, "document.alignment.not-sentences", map[string]any{"Lang": k.Value})
				}
				for _, sn := range v.Content {
					s, id, data := parseSentence(sn)
					if id != "" {
						return nil, bad(sn, id, data)
					}
					g.Sents[k.Value] = append(g.Sents[k.Value], s)
				}
			default:
				return nil, bad(k, "document.alignment.unknown-group-key", map[string]any{"Key": k.Value})
			}
		}
		if g.Status == "" {
			return nil, bad(gn, "document.alignment.no-status", nil)
		}
		a.Groups = append(a.Groups, g)
	}
	return a, nil
}

// duplicateKey refuses the key at m.Content[i] when an earlier key of the
// mapping m has its name: yaml.v3's node tree keeps both, and the walk
// above would take the last value (or both languages' sentences), so a
// merge resolved by keeping both sides' lines (two notes of one group)
// silently lost one.
func duplicateKey(file string, m *yaml.Node, i int) error {
	k := m.Content[i]
	for j := 0; j < i; j += 2 {
		if m.Content[j].Value == k.Value {
			return formatError(file, k.Line, k.Column, "document.alignment.duplicate-key",
				map[string]any{"Key": k.Value, "First": m.Content[j].Line})
		}
	}
	return nil
}

// parseSentence reads a sentence of a group; when it cannot, id names the
// catalogue message that says why, with its values.
func parseSentence(n *yaml.Node) (s Sentence, id string, data map[string]any) {
	s = Sentence{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		return s, "document.alignment.sentence-not-mapping", nil
	}
	var at string
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "at":
			at = n.Content[i+1].Value
		case "text":
			s.Text = n.Content[i+1].Value
		default:
			return s, "document.alignment.unknown-sentence-key", map[string]any{"Key": n.Content[i].Value}
		}
	}
	a, b, ok := strings.Cut(at, "-")
	var err1, err2 error
	s.Start, err1 = strconv.Atoi(a)
	s.End, err2 = strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || s.Start < 0 || s.End < s.Start {
		return s, "document.alignment.bad-span", map[string]any{"Span": at}
	}
	return s, "", nil
}

// confirmedLost is how many confirmed groups would lose sentences if the
// lang sentences were moved onto text, as align does ([Alignment.Rebase]),
// without changing a.
func (a *Alignment) confirmedLost(lang, text string) int {
	c := &Alignment{Groups: make([]*Group, len(a.Groups))}
	for i, g := range a.Groups {
		cg := *g
		cg.Sents = maps.Clone(g.Sents)
		cg.Sents[lang] = slices.Clone(g.Sents[lang])
		c.Groups[i] = &cg
	}
	_, confirmed := c.Rebase(lang, text)
	return confirmed
}

// Verify checks the alignment against the stored texts: every span lies
// inside its text and holds the text the file shows, spans do not overlap
// and keep document order within each language. It returns one problem per
// bad sentence; an alignment that verifies cleanly can be edited safely.
//
// Each problem says what to do, the same wherever it is shown (show, the
// group commands, align, export): a text that is no longer the one the
// alignment was made from (its hash is not in sources) changed behind
// tilmash's back, and align is the way to align it again; a text that is
// the same means the alignment file itself was edited by hand, and only
// putting it back helps (align refuses such a file, and removing it loses
// the confirmed groups).
func (a *Alignment) Verify(file string, texts map[string]string) []error {
	var errs []error
	for _, l := range a.Languages {
		text, ok := texts[l]
		hint := "document.verify.edited.hint"
		switch {
		case !ok:
			hint = "document.verify.no-text.hint"
		case a.Sources[l] != Hash(text):
			hint = "document.verify.text-changed.hint"
			if a.confirmedLost(l, text) > 0 {
				// align would refuse: the routes that keep them.
				hint = "document.verify.text-changed-confirmed.hint"
			}
		}
		problem := func(s Sentence, id string, data map[string]any) {
			data["Lang"], data["Start"], data["End"], data["ID"] = l, s.Start, s.End, a.Document
			errs = append(errs, locale.NewError(id, data).WithHint(hint).At(locale.Pos{File: file, Line: s.Line, Column: 1}))
		}
		last := 0
		for _, g := range a.Groups {
			for _, s := range g.Sents[l] {
				switch {
				case !ok:
					problem(s, "document.verify.no-text", map[string]any{})
				case s.End > len(text):
					problem(s, "document.verify.past-end", map[string]any{"Size": len(text)})
				case text[s.Start:s.End] != s.Text:
					problem(s, "document.verify.changed", map[string]any{})
				case s.Start < last:
					problem(s, "document.verify.order", map[string]any{})
				}
				if s.End > last {
					last = s.End
				}
			}
		}
	}
	return errs
}

// Alignment reads the document's alignment, or returns nil, nil when the
// document has not been aligned yet.
func (d *Document) Alignment() (*Alignment, error) {
	data, err := d.ReadFile(AlignmentName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseAlignment(d.rel(AlignmentName), data)
}

// SaveAlignment writes the alignment atomically. The caller holds the
// workspace lock.
func (d *Document) SaveAlignment(a *Alignment) error {
	data, err := a.Marshal()
	if err != nil {
		return err
	}
	return d.WS.WriteFile(d.rel(AlignmentName), data)
}
