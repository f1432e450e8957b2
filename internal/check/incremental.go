package check

import (
	"encoding/binary"
	"reflect"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
)

// Checked is the check of one state of a document by a [Suite], kept so
// that the next state can be checked again where it changed only
// ([Suite.Recheck]): an edit of one group of a long document changes one
// unit's texts, and the findings of a unit depend on its texts alone.
type Checked struct {
	// Report is the check's report, its findings in the order of the
	// units they are in (as [Suite.Document] gives them).
	Report *Report
	// Rechecked counts the units checked anew; the others kept their
	// findings from the earlier check.
	Rechecked int

	langs []string // the languages of the units' texts, in key order
	// keys holds each unit's texts (see unitKey), one after another:
	// unit i's are keys[ends[i-1]:ends[i]]. Copies, so that what is kept
	// holds no alignment.
	keys string
	ends []int
	// starts[i] is the index in Report.Findings of unit i's first
	// finding; starts[len(units)] is len(Report.Findings).
	starts []int
	// what the findings depend on besides the texts
	terms  *Checker
	cfg    Config
	source string
	spell  []string
}

// key returns unit i's texts as kept.
func (c *Checked) key(i int) string {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.keys[start:c.ends[i]]
}

// appendKey appends the texts of u in langs to b, each after its length,
// so that two units have one key only when every text is the same.
func appendKey(b []byte, u *Unit, langs []string) []byte {
	for _, l := range langs {
		t, ok := u.Texts[l]
		if !ok {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	return b
}

// Recheck is [Suite.Document] for a document whose earlier state prev
// checked (nil for none): the units whose texts are the same as in prev,
// before and after the units that changed, keep their findings, numbered
// and placed anew; only the units between are checked. The findings are
// those Document would give, in the same order, their texts copies of
// their own (a kept check holds no alignment). Consistency, which
// compares every unit with every other, is collected from every unit
// as Document collects it, the units whose texts did not change without
// running their other checks. prev is used only when this suite was made
// as the one that checked it (the same glossary checker, checks,
// severities, languages) and the document is cut into units the same way
// (by aligned group, by paragraph or whole text, in the same languages);
// otherwise every unit is checked.
func (s *Suite) Recheck(input int, d *document.Document, a *document.Alignment, prev *Checked) (*Checked, error) {
	r, units, err := documentUnits(d, a, s.Source)
	if err != nil {
		return nil, err
	}
	c := &Checked{Report: r, terms: s.Terms, cfg: s.cfg, source: s.Source, spell: s.langs,
		ends: make([]int, len(units)), starts: make([]int, len(units)+1)}
	if a != nil && r.Scope == ScopeGroup {
		c.langs = a.Languages
	} else {
		c.langs = d.Languages()
	}
	// The keys are as long as the texts: written once, at their size.
	size := 0
	for i := range units {
		for _, l := range c.langs {
			size += 1 + binary.MaxVarintLen64 + len(units[i].Texts[l])
		}
	}
	var keys strings.Builder
	keys.Grow(size)
	var buf []byte
	for i := range units {
		buf = appendKey(buf[:0], &units[i], c.langs)
		keys.Write(buf)
		c.ends[i] = keys.Len()
	}
	c.keys = keys.String()

	// The units kept from prev: the first `head` and the last `tail`.
	head, tail := 0, 0
	if s.reuses(prev, r, c) {
		n, m := len(units), len(prev.ends)
		for head < min(n, m) && c.key(head) == prev.key(head) {
			head++
		}
		for tail < min(n, m)-head && c.key(n-1-tail) == prev.key(m-1-tail) {
			tail++
		}
	}
	// The findings of the units checked now get copies of their texts:
	// a text read from an alignment shares the memory of the whole file,
	// and findings kept from check to check, each from the file of its
	// own state, would hold every state of a long document edited.
	owned := map[string]string{}
	own := func(t string) string {
		if t == "" {
			return t
		}
		c, ok := owned[t]
		if !ok {
			c = strings.Clone(t)
			owned[t] = c
		}
		return c
	}
	var out []Finding
	if head+tail > 0 {
		// Findings are large: the kept ones are not copied again and
		// again as the slice grows.
		out = make([]Finding, 0, len(prev.Report.Findings)+8)
	}
	for i := range units {
		u := &units[i]
		c.starts[i] = len(out)
		if i < head || i >= len(units)-tail {
			j := i
			if i >= head {
				j = i - len(units) + len(prev.ends)
			}
			for _, f := range prev.Report.Findings[prev.starts[j]:prev.starts[j+1]] {
				out = append(out, moved(f, u))
			}
			if !isBlank(u.Texts[s.Source]) {
				s.addConsistency(input, d.ID, s.Source, r.Scope, u)
			}
			continue
		}
		start := len(out)
		out = s.Unit(out, input, d.ID, s.Source, r.Scope, u)
		for k := start; k < len(out); k++ {
			out[k].keep(own)
		}
		c.Rechecked++
	}
	c.starts[len(units)] = len(out)
	if len(out) == 0 {
		out = nil // as Document has none
	}
	r.Findings = out
	return c, nil
}

// reuses reports whether the findings of prev hold for the units of c
// whose texts are the same: the same suite and the same kind of units.
func (s *Suite) reuses(prev *Checked, r *Report, c *Checked) bool {
	if prev == nil || prev.Report == nil {
		return false
	}
	p := prev.Report
	return p.Name == r.Name && p.Scope == r.Scope && p.Source == r.Source &&
		prev.terms == s.Terms && prev.source == s.Source && slices.Equal(prev.spell, s.langs) &&
		slices.Equal(prev.langs, c.langs) && reflect.DeepEqual(prev.cfg, s.cfg)
}

// moved is finding f of a unit whose texts did not change, in that unit
// as it is now, u: its number and its place in the files (the texts
// before it may have changed). Every check places a finding at its Start
// in the source text when InSource, in the text of Lang otherwise.
func moved(f Finding, u *Unit) Finding {
	f.Group = u.Number
	lang := f.Lang
	if f.InSource {
		lang = f.SrcLang
	}
	f.Position = u.position(lang, f.Start)
	return f
}
