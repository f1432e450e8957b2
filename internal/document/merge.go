package document

import (
	"regexp"
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/textenc"
)

// derivedValue matches what tilmash works out from the texts on a line of
// alignment.yaml or meta.yaml: a span (at: START-END), a sha256 sum (the
// sources of an alignment, a version's sha256) and a size (bytes:).
var derivedValue = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`at: \d+-\d+|: [0-9a-f]{64}$|^(\s*bytes: )\d+$`)
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
// and the other's is not. It returns the resolved file and true, or nil
// and false when some conflict is more than that (two statuses, two
// notes, two titles, lines added on one side): a person resolves it.
func ResolveDerived(data []byte, texts map[string]string) ([]byte, bool) {
	if textenc.ConflictMarker(data) < 0 {
		return nil, false
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	lang := ""
	setLang := func(l string) {
		if m := langKey.Get().FindStringSubmatch(strings.TrimRight(l, "\r\n")); m != nil {
			lang = m[1]
		}
	}
	for i := 0; i < len(lines); i++ {
		if !marker(lines[i], '<') {
			setLang(lines[i])
			out.WriteString(lines[i])
			continue
		}
		// ours up to ||||||| or =======, the base (diff3) up to =======,
		// theirs up to >>>>>>>.
		var ours, theirs []string
		j := i + 1
		for ; j < len(lines) && !marker(lines[j], '|') && strings.TrimRight(lines[j], "\r\n") != "======="; j++ {
			ours = append(ours, lines[j])
		}
		for ; j < len(lines) && strings.TrimRight(lines[j], "\r\n") != "======="; j++ {
		}
		for j++; j < len(lines) && !marker(lines[j], '>'); j++ {
			theirs = append(theirs, lines[j])
		}
		if j >= len(lines) || len(ours) != len(theirs) {
			return nil, false
		}
		for k := range ours {
			setLang(ours[k])
			keep, ok := pick(ours[k], theirs[k], texts[lang])
			if !ok {
				return nil, false
			}
			out.WriteString(keep)
		}
		i = j
	}
	res := []byte(out.String())
	if textenc.ConflictMarker(res) >= 0 {
		return nil, false
	}
	return res, true
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
	mask := func(l string) string {
		return derivedValue.Get().ReplaceAllString(strings.TrimRight(l, "\r\n"), "${1}#")
	}
	if mask(ours) == mask(theirs) {
		return ours, true
	}
	return "", false
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
