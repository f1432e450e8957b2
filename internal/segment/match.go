package segment

import (
	"regexp/syntax"
	"unicode/utf8"
)

// prog runs a rule pattern at one position without Go's regexp machinery,
// whose set-up per call (a pooled backtracker, its visited bitmap cleared
// for every call) cost more than the match itself on the short windows the
// rules look at. It executes the very program regexp would compile from
// the same pattern (syntax.Compile of the simplified tree), depth first,
// and only asks whether some match exists, which is all the rules need.
//
// A before pattern is run backwards on the text itself: its program is
// compiled from the reversed tree (see reverseTree), and reading runes
// from the position towards the start of the window gives it the reversed
// text without copying it.
//
// A depth-first search may take exponential time on a pathological
// pattern (nested repetitions), so it gives up after budget steps and the
// caller falls back to regexp, which is linear: the answer is the same
// either way, only its cost differs.
type prog struct {
	inst   []pinst
	start  int
	budget int // steps after which a search gives up
}

// pinst is a syntax.Inst with its ASCII rune test precomputed.
type pinst struct {
	op       syntax.InstOp
	out, arg int
	empty    syntax.EmptyOp
	ascii    [2]uint64 // runes below 0x80 the instruction accepts
	// two marks the runes of two-byte UTF-8 (U+0080-U+07FF: Cyrillic,
	// accented Latin) that a character class accepts, so that \p{Lu}
	// is one lookup there rather than a search of its ranges; nil for
	// other instructions.
	two      *[twoBytes / 64]uint64
	inst     *syntax.Inst
	anyRune  bool // InstRuneAny
	notNL    bool // InstRuneAnyNotNL
	runeInst bool
}

const twoBytes = 0x800

// maxStack bounds the backtracking stack; a search that needs more gives
// up like one that runs out of steps. An alternation of n words (such as
// %{starters}) needs n entries.
const maxStack = 4096

// newProg compiles the simplified tree of a full pattern (with its ^
// anchor) as regexp would.
func newProg(tree *syntax.Regexp) *prog {
	p, err := syntax.Compile(tree)
	if err != nil {
		return nil
	}
	// A search visits each instruction a few times on the short windows
	// of the rules; many times more is a pattern that backtracks badly.
	fp := &prog{inst: make([]pinst, len(p.Inst)), start: p.Start, budget: 1000 + 16*len(p.Inst)}
	for i := range p.Inst {
		in := &p.Inst[i]
		pi := &fp.inst[i]
		pi.op, pi.out, pi.arg, pi.inst = in.Op, int(in.Out), int(in.Arg), in
		// Nop and Capture do nothing: jump over them.
		pi.out = skipNop(p, pi.out)
		if in.Op == syntax.InstAlt || in.Op == syntax.InstAltMatch {
			pi.arg = skipNop(p, pi.arg)
		}
		switch in.Op {
		case syntax.InstEmptyWidth:
			pi.empty = syntax.EmptyOp(in.Arg)
		case syntax.InstRune, syntax.InstRune1:
			pi.runeInst = true
			for r := rune(0); r < utf8.RuneSelf; r++ {
				if in.MatchRune(r) {
					pi.ascii[r>>6] |= 1 << (r & 63)
				}
			}
			if in.Op == syntax.InstRune && len(in.Rune) > 2 { // ranges: MatchRunePos ignores FoldCase for them
				pi.two = new([twoBytes / 64]uint64)
				for j := 0; j+1 < len(in.Rune); j += 2 {
					for r := max(in.Rune[j], utf8.RuneSelf); r <= min(in.Rune[j+1], twoBytes-1); r++ {
						pi.two[r>>6] |= 1 << (r & 63)
					}
				}
			}
		case syntax.InstRuneAny:
			pi.runeInst, pi.anyRune = true, true
		case syntax.InstRuneAnyNotNL:
			pi.runeInst, pi.notNL = true, true
		}
	}
	fp.start = skipNop(p, fp.start)
	return fp
}

// skipNop follows pc past Nop and Capture instructions.
func skipNop(p *syntax.Prog, pc int) int {
	for range p.Inst {
		if op := p.Inst[pc].Op; op != syntax.InstNop && op != syntax.InstCapture {
			break
		}
		pc = int(p.Inst[pc].Out)
	}
	return pc
}

func (pi *pinst) matchRune(r rune) bool {
	switch {
	case pi.anyRune:
		return true
	case pi.notNL:
		return r != '\n'
	case r < utf8.RuneSelf:
		return pi.ascii[r>>6]&(1<<(r&63)) != 0
	case r < twoBytes && pi.two != nil:
		return pi.two[r>>6]&(1<<(r&63)) != 0
	}
	return pi.inst.MatchRune(r)
}

type pstate struct{ pc, pos int }

// match reports whether the program matches text[lo:hi] from its start
// (forward) or, with back set, the reversal of text[lo:hi] from its start,
// read from hi down to lo. ok is false when the search gave up. stack is
// scratch space, kept by the caller between calls.
func (fp *prog) match(text string, lo, hi int, back bool, stack *[]pstate) (matched, ok bool) {
	st := (*stack)[:0]
	pc, pos := fp.start, lo
	if back {
		pos = hi
	}
	for steps := 0; steps <= fp.budget; steps++ {
		in := &fp.inst[pc]
		switch in.op {
		case syntax.InstMatch:
			*stack = st
			return true, true
		case syntax.InstAlt, syntax.InstAltMatch:
			// A branch that starts with a rune the text does not have
			// is not worth a place on the stack: in an alternation of
			// words most fail on their first letter.
			o, a := &fp.inst[in.out], &fp.inst[in.arg]
			if o.runeInst || a.runeInst {
				r, _ := next(text, lo, hi, pos, back)
				if a.runeInst && (r < 0 || !a.matchRune(r)) {
					pc = in.out
					continue
				}
				if o.runeInst && (r < 0 || !o.matchRune(r)) {
					pc = in.arg
					continue
				}
			}
			if len(st) == maxStack {
				*stack = st
				return false, false
			}
			st = append(st, pstate{in.arg, pos})
			pc = in.out
			continue
		case syntax.InstCapture, syntax.InstNop:
			pc = in.out
			continue
		case syntax.InstEmptyWidth:
			if in.empty&^context(text, lo, hi, pos, back) == 0 {
				pc = in.out
				continue
			}
		case syntax.InstFail:
		default: // rune instructions
			if r, n := next(text, lo, hi, pos, back); r >= 0 && in.matchRune(r) {
				if back {
					pos -= n
				} else {
					pos += n
				}
				pc = in.out
				continue
			}
		}
		// This path failed: take the latest branch not yet tried.
		if len(st) == 0 {
			*stack = st
			return false, true
		}
		top := st[len(st)-1]
		st = st[:len(st)-1]
		pc, pos = top.pc, top.pos
	}
	*stack = st
	return false, false
}

// next returns the rune the program reads at pos and its size, or -1 at
// the end of what it reads.
func next(text string, lo, hi, pos int, back bool) (rune, int) {
	if back {
		if pos <= lo {
			return -1, 0
		}
		if c := text[pos-1]; c < utf8.RuneSelf {
			return rune(c), 1
		}
		return utf8.DecodeLastRuneInString(text[lo:pos])
	}
	if pos >= hi {
		return -1, 0
	}
	if c := text[pos]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[pos:hi])
}

// context returns the empty-width assertions that hold at pos, as regexp
// sees them in the text it is given: text[lo:hi], or its reversal.
func context(text string, lo, hi, pos int, back bool) syntax.EmptyOp {
	before, after := rune(-1), rune(-1)
	if pos > lo {
		before, _ = utf8.DecodeLastRuneInString(text[lo:pos])
	}
	if pos < hi {
		after, _ = utf8.DecodeRuneInString(text[pos:hi])
	}
	if back {
		before, after = after, before
	}
	return syntax.EmptyOpContext(before, after)
}
