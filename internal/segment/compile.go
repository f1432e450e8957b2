package segment

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/locale"
)

// maxWindow bounds the text a beforebreak or afterbreak pattern is matched
// against, so that the work per candidate position is constant and the
// segmenter stays linear in the input.
const maxWindow = 256

// compiledRule is a Rule ready to run.
type compiledRule struct {
	brk bool
	// before is the beforebreak pattern reversed and anchored at the
	// start, run on the reversed text before the position: Go's regexp
	// has no look-behind, and `(?:before)$` would be tried from every
	// start position of the window.
	before func() *regexp.Regexp
	after  func() *regexp.Regexp // `^(?:after)`; nil when empty
	// beforeProg and afterProg run the same programs without regexp's
	// per-call cost (see prog); regexp is the fallback when they give
	// up, compiled only then.
	beforeProg, afterProg *prog
	abbr                  *abbrevSet
	beforeWin             int // bytes of left context the before pattern can need
	afterWin              int
	// afterFirst says to try the after pattern before the before pattern,
	// because its program is smaller: most positions fail the first one.
	afterFirst bool
	// Prefilters: the runes the before match can end with and the after
	// match can start with. anyLast/anyFirst are set when the pattern can
	// match the empty string, so the neighbouring rune does not matter.
	last, first       runeSet
	anyLast, anyFirst bool
}

// ruleSet is the compiled form of Rules.
type ruleSet struct {
	rules []compiledRule
	// Byte tables for the candidate scan: a position p is a candidate when
	// lastByte[text[p-1]] and firstByte[text[p]] and some break rule's rune
	// prefilters accept the runes around p.
	lastByte, firstByte [256]bool
	breaks              []int // indexes of the break rules
	starters, joiners   map[string]bool
}

// Compile checks and compiles r into a Segmenter. It returns a *RuleError
// when a pattern is not valid RE2 syntax.
func Compile(r *Rules) (*Segmenter, error) {
	rs := &ruleSet{starters: wordSet(r.Starters), joiners: wordSet(r.Joiners)}
	for i, x := range r.Rules {
		place := fmt.Sprintf("%s rule %d", r.Lang, i+1)
		if x.Name != "" {
			place += " (" + x.Name + ")"
		}
		cr, err := compileRule(r, x, place)
		if err != nil {
			return nil, err
		}
		if cr == nil {
			continue
		}
		if cr.brk {
			rs.breaks = append(rs.breaks, len(rs.rules))
			if cr.anyLast {
				for b := range rs.lastByte {
					rs.lastByte[b] = true
				}
			} else {
				cr.last.markLastBytes(&rs.lastByte)
			}
			if cr.anyFirst {
				(&runeSet{all: true}).markFirstBytes(&rs.firstByte)
			} else {
				cr.first.markFirstBytes(&rs.firstByte)
			}
		}
		rs.rules = append(rs.rules, *cr)
	}
	return &Segmenter{rules: rs, lang: r.Lang}, nil
}

// New is like Compile but panics when the rules do not compile. Rules
// returned by DefaultRules, ReadSRX, LoadRules and a successful Apply
// always compile.
func New(r *Rules) *Segmenter {
	s, err := Compile(r)
	if err != nil {
		panic("segment: " + err.Error())
	}
	return s
}

func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func compileRule(r *Rules, x Rule, place string) (*compiledRule, error) {
	cr := &compiledRule{brk: x.Break}
	if x.Abbreviations != nil {
		if len(x.Abbreviations) == 0 {
			return nil, nil // matches nothing
		}
		cr.abbr = newAbbrevSet(x.Abbreviations)
		for _, w := range x.Abbreviations {
			if end, _ := utf8.DecodeLastRuneInString(w); w != "" {
				cr.last.addRange(end, end)
			}
		}
		cr.last.normalize()
	} else if pat := r.expand(x.Before); pat != "" {
		re, tree, p, err := compilePattern(pat, true)
		if err != nil {
			return nil, ruleError(locale.Pos{}, place, "beforebreak", x.Before, err)
		}
		cr.before, cr.beforeProg = re, p
		cr.last, cr.anyLast = edgeRunes(tree, true)
		cr.last.normalize()
		cr.beforeWin = window(tree)
	} else {
		cr.anyLast = true
	}
	if pat := r.expand(x.After); pat != "" {
		re, tree, p, err := compilePattern(pat, false)
		if err != nil {
			return nil, ruleError(locale.Pos{}, place, "afterbreak", x.After, err)
		}
		cr.after, cr.afterProg = re, p
		cr.first, cr.anyFirst = edgeRunes(tree, false)
		cr.first.normalize()
		cr.afterWin = window(tree)
	} else {
		cr.anyFirst = true
	}
	cr.afterFirst = cr.before != nil && progSize(cr.afterProg) <= progSize(cr.beforeProg)
	return cr, nil
}

// progSize measures how much work a pattern is to run: the length of its
// program; 0 for no pattern.
func progSize(p *prog) int {
	if p == nil {
		return 0
	}
	return len(p.inst)
}

// compilePattern parses pat for analysis and compiles it anchored at the
// start as a prog, with the regexp of the same pattern as its fallback,
// compiled on first use; a before pattern is reversed first (see
// reverseTree).
//
// The compiled pattern is kept for the process and shared: the built-in
// rules of every language end with the same common rules (21 distinct
// patterns of 63 in en, ru and kk), and compiling them was a fifth of a
// status with a large glossary. The regexp, the tree and the prog are
// only read once made.
func compilePattern(pat string, before bool) (func() *regexp.Regexp, *syntax.Regexp, *prog, error) {
	key := patternKey{pat, before}
	c, ok := compiledPatterns.Load(key)
	if !ok {
		c, _ = compiledPatterns.LoadOrStore(key, sync.OnceValue(func() *compiledPattern {
			var p compiledPattern
			p.re, p.tree, p.prog, p.err = compilePatternOnce(pat, before)
			return &p
		}))
	}
	p := c.(func() *compiledPattern)()
	return p.re, p.tree, p.prog, p.err
}

// compiledPatterns holds compilePattern's results by patternKey, each a
// func() *compiledPattern.
var compiledPatterns sync.Map

type patternKey struct {
	pat    string
	before bool
}

type compiledPattern struct {
	re   func() *regexp.Regexp
	tree *syntax.Regexp
	prog *prog
	err  error
}

// compilePatternOnce is compilePattern without the cache.
func compilePatternOnce(pat string, before bool) (func() *regexp.Regexp, *syntax.Regexp, *prog, error) {
	tree, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil, nil, nil, err
	}
	tree = tree.Simplify()
	src := tree
	if before {
		src = reverseTree(tree)
	}
	// The tree of `^(?:src)`, anchored at the start, made rather than
	// printed and parsed again (that was half of compiling the rules);
	// the regexp fallback, compiled only when a prog gives up, is
	// compiled from the printed pattern.
	ft := &syntax.Regexp{Op: syntax.OpConcat, Flags: syntax.Perl,
		Sub: []*syntax.Regexp{{Op: syntax.OpBeginText, Flags: syntax.Perl}, src}}
	re := sync.OnceValue(func() *regexp.Regexp {
		full := pat
		if before {
			full = src.String()
		}
		return regexp.MustCompile("^(?:" + full + ")")
	})
	return re, tree, newProg(ft.Simplify()), nil
}

// reverseTree returns a pattern that matches the reversal (rune by rune) of
// every string re matches: concatenations and literals run backwards, and
// the start and end assertions swap.
func reverseTree(re *syntax.Regexp) *syntax.Regexp {
	c := *re
	c.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		c.Sub[i] = reverseTree(sub)
	}
	switch re.Op {
	case syntax.OpConcat:
		slices.Reverse(c.Sub)
	case syntax.OpLiteral:
		c.Rune = slices.Clone(re.Rune)
		slices.Reverse(c.Rune)
	case syntax.OpCharClass:
		c.Rune = slices.Clone(re.Rune)
	case syntax.OpBeginLine:
		c.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		c.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		c.Op = syntax.OpEndText
		c.Flags &^= syntax.WasDollar
	case syntax.OpEndText:
		c.Op = syntax.OpBeginText
	}
	return &c
}

// reverseText writes the runes of s in reverse order into buf (each rune's
// bytes kept in order) and returns it.
func reverseText(buf []byte, s string) []byte {
	n := len(s)
	buf = slices.Grow(buf[:0], n)[:n]
	for i := 0; i < n; {
		if s[i] < utf8.RuneSelf {
			buf[n-1-i] = s[i]
			i++
			continue
		}
		// Two-byte sequences (Cyrillic, accented Latin) are the common
		// case: a lead byte C2–DF and a continuation byte are always one
		// valid rune, so they skip the decoder. Anything else goes through
		// it, which keeps invalid UTF-8 one byte at a time.
		if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < n && s[i+1]&0xC0 == 0x80 {
			buf[n-2-i], buf[n-1-i] = c, s[i+1]
			i += 2
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		copy(buf[n-i-size:], s[i:i+size])
		i += size
	}
	return buf
}

// window returns how many bytes of context a pattern needs: its greatest
// width plus one rune, so that `^` and `\b` can never match at a window
// edge that is not a real paragraph edge; unbounded patterns get
// maxWindow.
func window(tree *syntax.Regexp) int {
	w := maxWidth(tree)
	if w < 0 || w+utf8.UTFMax > maxWindow {
		return maxWindow
	}
	return w + utf8.UTFMax
}

// unit is the stretch of text the rules see: a paragraph, or the part of
// one between title lines.
type unit struct {
	text       string
	start, end int
	rev        []byte   // scratch for a reversed window (the regexp fallback)
	stack      []pstate // scratch for prog.match
}

// matches reports whether the rule matches at position p of the unit; r0
// and r1 are the runes before and after p.
func (cr *compiledRule) matches(u *unit, p int, r0, r1 rune) bool {
	if !cr.anyLast && !cr.last.has(r0) || !cr.anyFirst && !cr.first.has(r1) {
		return false
	}
	if cr.afterFirst {
		return cr.matchAfter(u, p) && cr.matchBefore(u, p)
	}
	return cr.matchBefore(u, p) && cr.matchAfter(u, p)
}

func (cr *compiledRule) matchAfter(u *unit, p int) bool {
	if cr.after == nil {
		return true
	}
	e := min(u.end, p+cr.afterWin)
	for e < u.end && e > p && isContinuation(u.text[e]) {
		e-- // keep the window on a rune boundary
	}
	if cr.afterProg != nil {
		if m, ok := cr.afterProg.match(u.text, p, e, false, &u.stack); ok {
			return m
		}
	}
	return cr.after().MatchString(u.text[p:e])
}

func (cr *compiledRule) matchBefore(u *unit, p int) bool {
	switch {
	case cr.abbr != nil:
		return cr.abbr.endsAt(u.text, u.start, p)
	case cr.before != nil:
		s := max(u.start, p-cr.beforeWin)
		for s > u.start && s < p && isContinuation(u.text[s]) {
			s++
		}
		if cr.beforeProg != nil {
			if m, ok := cr.beforeProg.match(u.text, s, p, true, &u.stack); ok {
				return m
			}
		}
		u.rev = reverseText(u.rev, u.text[s:p])
		return cr.before().Match(u.rev)
	}
	return true
}

// abbrevSet matches a list of abbreviations ending at a position, the fast
// equivalent of AbbreviationPattern.
type abbrevSet struct {
	words map[string]bool
	lens  []int // distinct byte lengths of the words
	// firsts[i] marks the first bytes of the words of length lens[i]:
	// most positions are passed over without hashing a string.
	firsts [][4]uint64
}

func newAbbrevSet(words []string) *abbrevSet {
	a := &abbrevSet{words: make(map[string]bool, len(words))}
	for _, w := range words {
		for _, v := range spellings(w) {
			a.words[v] = true
			i := slices.Index(a.lens, len(v))
			if i < 0 {
				i = len(a.lens)
				a.lens = append(a.lens, len(v))
				a.firsts = append(a.firsts, [4]uint64{})
			}
			a.firsts[i][v[0]>>6] |= 1 << (v[0] & 63)
		}
	}
	return a
}

// spellings returns w with each of its spaces written in every way
// abbrevSpace matches.
func spellings(w string) []string {
	if w == "" {
		return nil
	}
	i := strings.IndexByte(w, ' ')
	if i < 0 {
		return []string{w}
	}
	var out []string
	for _, rest := range spellings(w[i+1:]) {
		for _, sp := range spaceVariants {
			out = append(out, w[:i]+sp+rest)
		}
	}
	return out
}

// endsAt reports whether one of the words ends at p, starting the
// paragraph or following a rune that is not a letter, digit or period.
func (a *abbrevSet) endsAt(text string, start, p int) bool {
	for i, n := range a.lens {
		s := p - n
		if s < start || a.firsts[i][text[s]>>6]&(1<<(text[s]&63)) == 0 || !a.words[text[s:p]] {
			continue
		}
		if s == start {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(text[start:s])
		if r != '.' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return true
		}
	}
	return false
}
