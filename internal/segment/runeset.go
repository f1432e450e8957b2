package segment

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// runeSet is a set of runes used as a cheap prefilter: the runes a pattern
// can end with (for beforebreak) or start with (for afterbreak). A rule is
// only run at a position whose neighbouring runes are in its sets.
type runeSet struct {
	ascii  [2]uint64
	ranges []rune // sorted, non-overlapping [lo, hi] pairs above 0x7F
	all    bool
}

func (s *runeSet) addRange(lo, hi rune) {
	if s.all {
		return
	}
	for ; lo <= hi && lo < utf8.RuneSelf; lo++ {
		s.ascii[lo>>6] |= 1 << (lo & 63)
	}
	if lo <= hi {
		s.ranges = append(s.ranges, lo, hi)
	}
}

// addFold adds r and every rune that case-folds to it.
func (s *runeSet) addFold(r rune) {
	s.addRange(r, r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		s.addRange(f, f)
	}
}

func (s *runeSet) union(o *runeSet) {
	if o.all {
		s.all = true
	}
	if s.all {
		return
	}
	s.ascii[0] |= o.ascii[0]
	s.ascii[1] |= o.ascii[1]
	s.ranges = append(s.ranges, o.ranges...)
}

// normalize sorts and merges the ranges so that has can search them.
func (s *runeSet) normalize() {
	if len(s.ranges) == 0 {
		return
	}
	type pair struct{ lo, hi rune }
	ps := make([]pair, 0, len(s.ranges)/2)
	for i := 0; i < len(s.ranges); i += 2 {
		ps = append(ps, pair{s.ranges[i], s.ranges[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.lo - b.lo) })
	out := s.ranges[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && p.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], p.hi)
			continue
		}
		out = append(out, p.lo, p.hi)
	}
	s.ranges = out
}

func (s *runeSet) has(r rune) bool {
	if s.all {
		return true
	}
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r>>6]&(1<<(r&63)) != 0
	}
	// Binary search over the pairs.
	lo, hi := 0, len(s.ranges)/2
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < s.ranges[2*m]:
			hi = m
		case r > s.ranges[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// markLastBytes sets t[b] for every byte that can be the last byte of the
// UTF-8 encoding of a rune in s.
func (s *runeSet) markLastBytes(t *[256]bool) {
	if s.all {
		for i := range t {
			t[i] = true
		}
		return
	}
	s.markASCII(t)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s.ranges); i += 2 {
		lo, hi := s.ranges[i], s.ranges[i+1]
		if hi-lo >= 64 { // covers every continuation byte
			for b := 0x80; b < 0xC0; b++ {
				t[b] = true
			}
			continue
		}
		for r := lo; r <= hi; r++ {
			n := utf8.EncodeRune(buf[:], r)
			t[buf[n-1]] = true
		}
	}
}

// markFirstBytes sets t[b] for every byte that can begin the UTF-8
// encoding of a rune in s.
func (s *runeSet) markFirstBytes(t *[256]bool) {
	if s.all {
		for i := range t {
			t[i] = !isContinuation(byte(i))
		}
		return
	}
	s.markASCII(t)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s.ranges); i += 2 {
		utf8.EncodeRune(buf[:], s.ranges[i])
		first := buf[0]
		utf8.EncodeRune(buf[:], s.ranges[i+1])
		for b := int(first); b <= int(buf[0]); b++ {
			t[b] = true
		}
	}
}

func (s *runeSet) markASCII(t *[256]bool) {
	for r := 0; r < utf8.RuneSelf; r++ {
		if s.ascii[r>>6]&(1<<(r&63)) != 0 {
			t[r] = true
		}
	}
}

func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// edgeRunes returns the set of runes that a match of re can begin with
// (last == false) or end with (last == true), and whether re can match
// the empty string (in which case the set says nothing).
func edgeRunes(re *syntax.Regexp, last bool) (set runeSet, nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return set, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return set, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return set, true
		}
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		if re.Flags&syntax.FoldCase != 0 {
			set.addFold(r)
		} else {
			set.addRange(r, r)
		}
		return set, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set.addRange(re.Rune[i], re.Rune[i+1])
		}
		return set, false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		set.all = true
		return set, false
	case syntax.OpCapture:
		return edgeRunes(re.Sub[0], last)
	case syntax.OpStar, syntax.OpQuest:
		set, _ = edgeRunes(re.Sub[0], last)
		return set, true
	case syntax.OpPlus:
		return edgeRunes(re.Sub[0], last)
	case syntax.OpRepeat:
		if re.Max == 0 {
			return set, true
		}
		set, nullable = edgeRunes(re.Sub[0], last)
		return set, nullable || re.Min == 0
	case syntax.OpConcat:
		subs := re.Sub
		for i := range subs {
			j := i
			if last {
				j = len(subs) - 1 - i
			}
			s, n := edgeRunes(subs[j], last)
			set.union(&s)
			if !n {
				return set, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n := edgeRunes(sub, last)
			set.union(&s)
			nullable = nullable || n
		}
		return set, nullable
	}
	set.all = true
	return set, true
}

// maxWidth returns the greatest number of bytes a match of re can span, or
// -1 when it is unbounded.
func maxWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			w := utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					w = max(w, utf8.RuneLen(f))
				}
			}
			n += w
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], unicode.MaxRune))
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		w := maxWidth(re.Sub[0])
		if w < 0 {
			return -1
		}
		return w * re.Max
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w < 0 {
				return -1
			}
			n += w
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w < 0 {
				return -1
			}
			n = max(n, w)
		}
		return n
	}
	return 0 // empty-width assertions and empty matches
}
