// Package args reads the arguments of the review commands: group numbers,
// ranges of groups ("1-20,25", "all"), split positions ("ru:2") and move
// directions. Its errors are *locale.Error values with the byte offset of
// the problem, for the commands (group, show, review) to print.
package args

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
)

// maxGroups bounds the numbers a range may name, so that "1-999999999"
// cannot make ParseRange allocate without limit.
const maxGroups = 1_000_000

// ParseRange reads a list of groups such as "1-20,25" or "all" for an
// alignment of count groups. It returns the group numbers in ascending
// order without repeats. Spaces around numbers are allowed. A number past
// count is reported as review.NoGroup, a malformed list as an error
// with the byte offset of the problem.
func ParseRange(s string, count int) ([]int, error) {
	if strings.TrimSpace(s) == "all" {
		out := make([]int, count)
		for i := range out {
			out[i] = i + 1
		}
		return out, nil
	}
	bad := func(off int) error { return syntax("range", s, off) }
	var out []int
	off := 0
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := rangeNumber(lo)
		if err != nil {
			return nil, bad(off)
		}
		b := a
		if isRange {
			if b, err = rangeNumber(hi); err != nil {
				return nil, bad(off + len(lo) + 1)
			} else if b < a {
				return nil, backwards("range", s, off+len(lo)+1, b, a)
			}
		}
		for _, n := range []int{a, b} {
			if n > count {
				return nil, review.NoGroup(n, count)
			}
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
		off += len(part) + 1
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func rangeNumber(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxGroups {
		return 0, strconv.ErrRange
	}
	return n, nil
}

// ParseAt reads split positions: each value is "LANG:K", or a bare "K"
// that applies to defaultLang (which may be empty when there is none). It
// returns the sentence number per language. Positions that contradict each
// other are refused with an AtError: two for one language, or a
// defaultLang that no position is in (every one names another language),
// since the person then meant something the positions do not say.
func ParseAt(values []string, defaultLang string) (map[string]int, error) {
	out := map[string]int{}
	given := map[string]string{} // the position of each language, as LANG:K
	var items []string
	usesDefault := false
	for _, v := range values {
		for _, item := range strings.Fields(strings.ReplaceAll(v, ",", " ")) {
			items = append(items, item)
			lang, num, ok := strings.Cut(item, ":")
			if !ok {
				lang, num = defaultLang, item
			}
			if lang == "" || !isLangCode(lang) {
				return nil, syntax("at", item, 0)
			}
			k, err := rangeNumber(num)
			if err != nil {
				return nil, syntax("at", item, len(item)-len(num))
			}
			pos := lang + ":" + num
			if prev, twice := given[lang]; twice {
				return nil, atTwice(lang, prev, pos)
			}
			given[lang] = pos
			usesDefault = usesDefault || lang == defaultLang
			out[lang] = k
		}
	}
	if len(out) == 0 {
		return nil, syntax("at", strings.Join(values, " "), 0)
	}
	if defaultLang != "" && !usesDefault {
		return nil, atUnused(defaultLang, strings.Join(items, " "))
	}
	return out, nil
}

// isLangCode accepts the language codes a workspace may use: two or three
// lowercase ASCII letters, optionally with a -region suffix.
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || i >= 2 && (c == '-' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
			return false
		}
	}
	return true
}

// ParseGroup reads one group number.
func ParseGroup(s string) (int, error) {
	n, err := rangeNumber(s)
	if err != nil {
		return 0, syntax("group", s, 0)
	}
	return n, nil
}

// ParseMerge reads the groups a merge joins, as the arguments after the
// document: "N" (group N and the next), two neighbours "N N+1" in either
// order, or a run "N-M" with M past N. It returns the first group and the
// last, 0 for "the next one". Two groups that are not neighbours are
// refused with the run that would join them, since that may be what the
// person meant but is more than they named.
func ParseMerge(args []string) (first, last int, err error) {
	input := strings.Join(args, " ")
	switch len(args) {
	case 1:
		lo, hi, isRun := strings.Cut(args[0], "-")
		if !isRun {
			n, err := ParseGroup(lo)
			return n, 0, err
		}
		a, err := rangeNumber(lo)
		if err != nil {
			return 0, 0, syntax("merge", input, 0)
		}
		b, err := rangeNumber(hi)
		if err == nil && b < a {
			return 0, 0, backwards("merge", input, len(lo)+1, b, a)
		}
		if err != nil || b <= a {
			return 0, 0, syntax("merge", input, len(lo)+1)
		}
		return a, b, nil
	case 2:
		a, err := rangeNumber(args[0])
		if err != nil {
			return 0, 0, syntax("merge", input, 0)
		}
		b, err := rangeNumber(args[1])
		if err != nil {
			return 0, 0, syntax("merge", input, len(args[0])+1)
		}
		if lo, hi := min(a, b), max(a, b); hi != lo+1 {
			return 0, 0, locale.NewError("review.merge-not-next", map[string]any{"Group": a, "Other": b, "Low": lo, "High": hi})
		}
		return min(a, b), 0, nil
	}
	return 0, 0, syntax("merge", input, 0)
}

// ParseDirection reads where Move sends a sentence: "prev" (or
// "previous", "up") or "next" (or "down"). It reports whether that is the
// next group.
func ParseDirection(s string) (next bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "prev", "previous", "up":
		return false, nil
	case "next", "down":
		return true, nil
	}
	return false, syntax("direction", s, 0)
}

// atTwice is the error of ParseAt for two split positions in one language.
func atTwice(lang, first, second string) error {
	return locale.NewError("review.at-twice", map[string]any{"Lang": lang, "First": first, "Second": second, "At": ""}).
		WithHint("review.at-twice.hint")
}

// atUnused is the error of ParseAt for a default language (the --language
// flag) that no position uses because each names its own; at is every
// position as given.
func atUnused(lang, at string) error {
	return locale.NewError("review.at-unused-language", map[string]any{"Lang": lang, "First": "", "Second": "", "At": at}).
		WithHint("review.at-unused-language.hint")
}

// syntax is the error of the parsers of command-line values: what is
// range, at, direction or group; offset is the byte offset of the problem
// in input.
// backwards is the error of a range written from the higher group to the
// lower (3-1), with the hint that turns it round.
func backwards(what, input string, offset, low, high int) error {
	return locale.NewError("review.bad-"+what, map[string]any{"Input": input, "Low": low, "High": high}).
		At(inputPos(input, offset)).WithHint("review.range-backwards.hint")
}

func syntax(what, input string, offset int) error {
	return locale.NewError("review.bad-"+what, map[string]any{"Input": input}).At(inputPos(input, offset))
}

// inputPos is the place of byte offset in input: Offset as it is, Column
// the character a person counts to it (1-based, by rune), which the
// messages give ("at character 3" of 1-x, not "at byte 2").
func inputPos(input string, offset int) locale.Pos {
	offset = min(max(offset, 0), len(input))
	return locale.Pos{Offset: offset, Column: utf8.RuneCountInString(input[:offset]) + 1}
}
