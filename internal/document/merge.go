package document

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/textenc"
)

// derivedValue matches what tilmash works out from the texts on a line of
// alignment.yaml or meta.yaml: a span (at: START-END), a sha256 sum (the
// sources of an alignment, a version's sha256), a size (bytes:), and a
// group's score, which align works out again for every group it aligns
// (from what it learned of the confirmed groups): a publish or align on
// one side and a note on the other moved the score line beside the note
// and stopped the merge.
var derivedValue = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`at: \d+-\d+|: [0-9a-f]{64}$|^(\s*(?:bytes|score): )[0-9.]+$`)
}}

// langKey matches the line that opens a language: "    ru:" or
// "    ru: []" in a group, "  ru:" in meta.yaml, "  ru: SUM" in sources.
var langKey = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^ {2,4}([a-z]{2,3}(?:-[A-Za-z0-9]+)*):(?: |$)`)
}}

// sentencePrefix begins a sentence line of an alignment.
const sentencePrefix = "      - {at: "

// ResolveDerived finishes a git merge of data, an alignment.yaml or
// meta.yaml holding conflict markers, when every conflict is only in what
// tilmash derives from the texts. Two corrections of one document's texts,
// even far apart, change the offsets of every later sentence of their
// language and the sums of the text, so git stops on those lines though
// it merged the texts themselves. A conflict is resolved when its two
// sides have as many lines and each pair of lines is equal but for spans,
// sums and sizes (either side will do: align works them out again from
// texts), or is a sentence whose text copy one side corrected: the side
// whose copy is in the merged text of its language (texts, by language)
// and the other's is not. A conflict written with its base (git's diff3
// style) is merged as [MergeDerived] does. It returns the resolved file
// and true, or nil and false when some conflict is more than that (two
// statuses, two notes, two titles, lines added on one side): a person
// resolves it.
func ResolveDerived(data []byte, texts map[string]string) ([]byte, bool) {
	if textenc.ConflictMarker(data) < 0 {
		return nil, false
	}
	res, left := resolveConflicts(data, texts)
	if left > 0 || textenc.ConflictMarker(res) >= 0 {
		return nil, false
	}
	return res, true
}

// MergeDerived resolves the conflicts of data, git's three-way text merge
// of an alignment.yaml or meta.yaml written with the base of each
// conflict (git merge-file --diff3), that need no person: within a
// conflict, lines are compared with their spans, sums, sizes and scores masked
// out, and a stretch only one side changed is that side's, a stretch both
// changed alike is either's (spans, sums, sizes and scores: the side that changed
// them, else ours; align works them out again from the texts), and two
// dates of one group's confirmation (both sides confirmed it) give the
// later. Two changes of one thing (two statuses or notes of one group, two
// corrections of one sentence, two titles) stay a conflict, with its
// markers and base as git wrote them. It returns the file and how many
// conflicts are left in it.
func MergeDerived(data []byte) ([]byte, int) {
	if textenc.ConflictMarker(data) < 0 {
		return data, 0
	}
	return resolveConflicts(data, nil)
}

// resolveConflicts resolves what it can of the conflicts of data (see
// [ResolveDerived] and [MergeDerived]) and returns the file, with the
// conflicts it left as they were, and how many it left.
func resolveConflicts(data []byte, texts map[string]string) ([]byte, int) {
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	left := 0
	lang := ""
	emit := func(ls ...string) {
		for _, l := range ls {
			if m := langKey.Get().FindStringSubmatch(strings.TrimRight(l, "\r\n")); m != nil {
				lang = m[1]
			}
			out.WriteString(l)
		}
	}
	for i := 0; i < len(lines); i++ {
		if !marker(lines[i], '<') {
			emit(lines[i])
			continue
		}
		// ours up to ||||||| or =======, the base (diff3) up to =======,
		// theirs up to >>>>>>>.
		var h hunk
		j := i + 1
		for ; j < len(lines) && !marker(lines[j], '|') && strings.TrimRight(lines[j], "\r\n") != "======="; j++ {
			h.ours = append(h.ours, lines[j])
		}
		if j < len(lines) && marker(lines[j], '|') {
			h.hasBase = true
			for j++; j < len(lines) && strings.TrimRight(lines[j], "\r\n") != "======="; j++ {
				h.base = append(h.base, lines[j])
			}
		}
		for j++; j < len(lines) && !marker(lines[j], '>'); j++ {
			h.theirs = append(h.theirs, lines[j])
		}
		if j >= len(lines) { // no end marker: not git's conflict
			left++
			out.WriteString(strings.Join(lines[i:], ""))
			break
		}
		if res, ok := h.resolve(lang, texts); ok {
			emit(res...)
		} else {
			left++
			out.WriteString(strings.Join(lines[i:j+1], ""))
		}
		i = j
	}
	return []byte(out.String()), left
}

// hunk is one conflict git left: the lines of each side, and of the base
// when git wrote it (diff3 style).
type hunk struct {
	ours, base, theirs []string
	hasBase            bool
}

// resolve returns the lines that replace the conflict, in the language
// lang at its start, or false when a person must decide. Without the base
// the two sides are compared line by line (see [ResolveDerived]).
func (h hunk) resolve(lang string, texts map[string]string) ([]string, bool) {
	if h.hasBase {
		return h.threeWay(lang, texts)
	}
	return pickLines(h.ours, h.theirs, lang, texts)
}

// pickLines resolves a conflict between ours and theirs line by line with
// pick, following the language through the lines.
func pickLines(ours, theirs []string, lang string, texts map[string]string) ([]string, bool) {
	if len(ours) != len(theirs) {
		return nil, false
	}
	out := make([]string, len(ours))
	for k := range ours {
		if m := langKey.Get().FindStringSubmatch(strings.TrimRight(ours[k], "\r\n")); m != nil {
			lang = m[1]
		}
		keep, ok := pick(ours[k], theirs[k], texts[lang])
		if !ok {
			return nil, false
		}
		out[k] = keep
	}
	return out, true
}

// threeWay merges the conflict again with its base, comparing lines with
// their derived values masked out (see [MergeDerived]); lines git could
// not merge only because a span, sum or size beside them changed are
// merged so. Where both sides changed a stretch differently, the
// sentences one side corrected are resolved as [ResolveDerived] does,
// when the merged texts are known.
func (h hunk) threeWay(lang string, texts map[string]string) ([]string, bool) {
	o, b, t := maskAll(h.ours), maskAll(h.base), maskAll(h.theirs)
	bo, ok1 := lcs(len(b), len(o), func(i, j int) bool { return b[i] == o[j] })
	bt, ok2 := lcs(len(b), len(t), func(i, j int) bool { return b[i] == t[j] })
	if !ok1 || !ok2 {
		return nil, false
	}
	// The base lines both sides kept (masked) anchor the merge; the
	// stretches between anchors are merged whole.
	inO := make(map[int]int, len(bo))
	for _, p := range bo {
		inO[p[0]] = p[1]
	}
	var out []string
	bi, oi, ti := 0, 0, 0
	chunk := func(b1, o1, t1 int) bool {
		mb, mo, mt := b[bi:b1], o[oi:o1], t[ti:t1]
		ours, theirs := h.ours[oi:o1], h.theirs[ti:t1]
		switch {
		case slices.Equal(mo, mt): // changed alike by both
			out = append(out, ours...)
		case slices.Equal(mo, mb):
			out = append(out, theirs...)
		case slices.Equal(mt, mb):
			out = append(out, ours...)
		default:
			res, ok := pickLines(ours, theirs, langAt(out, lang), texts)
			if !ok {
				return false
			}
			out = append(out, res...)
		}
		bi, oi, ti = b1, o1, t1
		return true
	}
	for _, p := range bt {
		j, ok := inO[p[0]]
		if !ok || j < oi || p[1] < ti {
			continue
		}
		if !chunk(p[0], j, p[1]) {
			return nil, false
		}
		out = append(out, line3(h.ours[j], h.base[p[0]], h.theirs[p[1]]))
		bi, oi, ti = p[0]+1, j+1, p[1]+1
	}
	if !chunk(len(b), len(o), len(t)) {
		return nil, false
	}
	return out, true
}

// line3 merges three versions of a line equal but for derived values: the
// side that changed it, else ours.
func line3(ours, base, theirs string) string {
	if ours == base {
		return theirs
	}
	return ours
}

// langAt is the language of the lines after out, which follow a line of
// lang.
func langAt(out []string, lang string) string {
	for k := len(out) - 1; k >= 0; k-- {
		if m := langKey.Get().FindStringSubmatch(strings.TrimRight(out[k], "\r\n")); m != nil {
			return m[1]
		}
	}
	return lang
}

// maskAll returns lines with their derived values masked out.
func maskAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = mask(l)
	}
	return out
}

// mask is line without its line end, with its span, sum or size masked
// out.
func mask(line string) string {
	return derivedValue.Get().ReplaceAllString(strings.TrimRight(line, "\r\n"), "${1}#")
}

// pick chooses between two lines of a conflict, ours and theirs, in the
// language whose merged text is text; ok is false when the two differ in
// more than derived values.
func pick(ours, theirs, text string) (string, bool) {
	if ours == theirs {
		return ours, true
	}
	if strings.HasPrefix(ours, sentencePrefix) && strings.HasPrefix(theirs, sentencePrefix) {
		o, ok1 := parseSentenceLine(strings.TrimRight(ours, "\r\n")[len(sentencePrefix):])
		t, ok2 := parseSentenceLine(strings.TrimRight(theirs, "\r\n")[len(sentencePrefix):])
		if !ok1 || !ok2 {
			return "", false
		}
		if o.Text == t.Text {
			return ours, true
		}
		inO, inT := strings.Contains(text, o.Text), strings.Contains(text, t.Text)
		switch {
		case inO && !inT:
			return ours, true
		case inT && !inO:
			return theirs, true
		}
		return "", false
	}
	if o, ok := confirmedLine(ours); ok {
		if t, ok := confirmedLine(theirs); ok {
			// Both sides confirmed the group: the later confirmation.
			if t.After(o) {
				return theirs, true
			}
			return ours, true
		}
	}
	if mask(ours) == mask(theirs) {
		return ours, true
	}
	return "", false
}

// confirmedLine reads the date of a group's "confirmed:" line.
func confirmedLine(line string) (time.Time, bool) {
	v, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "    confirmed: ")
	if !ok {
		return time.Time{}, false
	}
	return parseConfirmed(strings.Trim(v, `'"`))
}

// marker reports whether line is a conflict marker line of seven c.
func marker(line string, c byte) bool {
	line = strings.TrimRight(line, "\r\n")
	if len(line) < 7 || len(line) > 7 && line[7] != ' ' {
		return false
	}
	return strings.Count(line[:7], string(c)) == 7
}

// reanchor sets the spans of every sentence of a, in document order, to
// where its text copy is next found in the text of its language, and the
// language's source sum to that text's, when every sentence of the
// language is found in order; a language where one is not keeps its
// spans and sum, and align aligns it again. After [ResolveDerived] the
// spans are one side's, which the other side's corrections moved.
func (a *Alignment) reanchor(texts map[string]string) {
	for _, l := range a.Languages {
		text, ok := texts[l]
		if !ok {
			continue
		}
		type span struct{ g, i, start int }
		var found []span
		pos, all := 0, true
		for gi, g := range a.Groups {
			for si, s := range g.Sents[l] {
				k := strings.Index(text[pos:], s.Text)
				if k < 0 || s.Text == "" {
					all = false
					break
				}
				found = append(found, span{gi, si, pos + k})
				pos += k + len(s.Text)
			}
			if !all {
				break
			}
		}
		if !all {
			continue
		}
		for _, f := range found {
			s := &a.Groups[f.g].Sents[l][f.i]
			s.Start, s.End = f.start, f.start+len(s.Text)
		}
		a.Sources[l] = Hash(text)
	}
}
