package check

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseChecks(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		bad  string // the name UnknownCheck reports
	}{
		{in: "", want: nil},
		{in: "  ", want: nil},
		{in: "numbers", want: []string{"numbers"}},
		{in: "numbers,terms", want: []string{"numbers", "terms"}},
		{in: "numbers, terms", want: []string{"numbers", "terms"}},
		{in: "numbers terms", want: []string{"numbers", "terms"}},
		{in: "numbers,", want: []string{"numbers"}}, // a comma left at the end
		{in: ",numbers,,terms,", want: []string{"numbers", "terms"}},
		{in: "Numbers,TERMS", want: []string{"numbers", "terms"}},
		{in: "numbers,numbers", want: []string{"numbers"}},
		{in: "numbers,nmbers", bad: "nmbers"},
		{in: "цифры", bad: "цифры"},
	} {
		got, err := ParseChecks(c.in)
		if c.bad != "" {
			var u *UnknownCheck
			if !errors.As(err, &u) || u.Name != c.bad {
				t.Errorf("ParseChecks(%q) = %v, %v; want an unknown check %q", c.in, got, err, c.bad)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseChecks(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// FuzzParseChecks: whatever is typed after --checks, the result is a list
// of distinct check names that reads back as itself, or an error naming a
// word of the input that is not a check.
func FuzzParseChecks(f *testing.F) {
	for _, s := range []string{"", "numbers", "numbers,terms", "Numbers, ,spelling,", "x", "numbers,\u00a0terms", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseChecks(in)
		if err != nil {
			var u *UnknownCheck
			if !errors.As(err, &u) {
				t.Fatalf("ParseChecks(%q): error %T %v, want *UnknownCheck", in, err, err)
			}
			if u.Name == "" || !strings.Contains(strings.ToLower(in), u.Name) || slices.Contains(Names, u.Name) {
				t.Fatalf("ParseChecks(%q): unknown check %q", in, u.Name)
			}
			return
		}
		seen := map[string]bool{}
		for _, n := range got {
			if !slices.Contains(Names, n) || seen[n] {
				t.Fatalf("ParseChecks(%q) = %q: %q is not a check or is twice", in, got, n)
			}
			seen[n] = true
		}
		again, err := ParseChecks(strings.Join(got, ","))
		if err != nil || !slices.Equal(again, got) {
			t.Fatalf("ParseChecks(%q) = %q, which reads back as %q, %v", in, got, again, err)
		}
	})
}

// TestUnknownCheckMeant: the hint names the check meant by a name near one
// (a letter missing or two swapped) or by the glossary and the kinds its
// check reports; none for a name near no check, or near two.
func TestUnknownCheckMeant(t *testing.T) {
	for in, want := range map[string]string{
		"term": "terms", "glossary": "terms", "missing": "terms", "look-alike": "terms",
		"nubmers": "numbers", "link": "links", "ending": "endings", "spellng": "spelling",
		"typo": "", "цифры": "", "x": "",
	} {
		if got := meantCheck(in); got != want {
			t.Errorf("meantCheck(%q) = %q, want %q", in, got, want)
		}
	}
}
