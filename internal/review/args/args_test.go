package args

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
)

func TestParseRange(t *testing.T) {
	tests := []struct {
		in   string
		want string // FormatRange of the result, or the error's MessageID
	}{
		{"1-20,25", "1-20,25"},
		{"3", "3"},
		{" 2 - 4 , 1 ", "1-4"},
		{"5,3,4,3", "3-5"},
		{"all", "1-30"},
		{"30", "30"},
		{"", "review.bad-range"},
		{"1,,2", "review.bad-range"},
		{"0", "review.bad-range"},
		{"4-2", "review.bad-range"},
		{"1-", "review.bad-range"},
		{"-3", "review.bad-range"},
		{"x", "review.bad-range"},
		{"+3", "review.bad-range"},
		{"1-2-3", "review.bad-range"},
		{"31", "review.no-group"},
		{"29-31", "review.no-group"},
		{"99999999999999999999", "review.bad-range"},
	}
	for _, tt := range tests {
		got, err := ParseRange(tt.in, 30)
		var s string
		if err != nil {
			var m interface{ MessageID() string }
			if !errors.As(err, &m) {
				t.Fatalf("%q: %v is not a catalogue error", tt.in, err)
			}
			s = m.MessageID()
		} else {
			s = review.FormatRange(got)
		}
		if s != tt.want {
			t.Errorf("ParseRange(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

func TestParseRangeOffset(t *testing.T) {
	_, err := ParseRange("1-3,7,x", 10)
	var se *locale.Error
	if !errors.As(err, &se) || se.ID != "review.bad-range" || se.Pos == nil || se.Pos.Offset != 6 {
		t.Fatalf("err = %#v, want offset 6", err)
	}
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"1-20,25", "all", "", "3-1", " 4 ,5-6", "1-999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseRange(s, 50)
		if err != nil {
			var m interface{ MessageID() string }
			if !errors.As(err, &m) {
				t.Fatalf("%q: error %v has no message id", s, err)
			}
			return
		}
		for i, n := range got {
			if n < 1 || n > 50 || i > 0 && n <= got[i-1] {
				t.Fatalf("%q gave %v", s, got)
			}
		}
		// What FormatRange writes, ParseRange reads back the same.
		back, err := ParseRange(review.FormatRange(got), 50)
		if err != nil || review.FormatRange(back) != review.FormatRange(got) {
			t.Fatalf("round trip of %v: %v, %v", got, back, err)
		}
	})
}

func TestParseAt(t *testing.T) {
	tests := []struct {
		in   []string
		def  string
		want string
	}{
		{[]string{"ru:2"}, "", "ru:2"},
		{[]string{"en:2", "ru:1"}, "", "en:2 ru:1"},
		{[]string{"en:2,kk:3"}, "", "en:2 kk:3"},
		{[]string{"2"}, "kk", "kk:2"},
		{[]string{"en:1", "en:3"}, "", "review.at-twice"},
		{[]string{"en:1", "en:1"}, "", "review.at-twice"},
		{[]string{"1", "en:2"}, "en", "review.at-twice"},
		{[]string{"kk:1"}, "en", "review.at-unused-language"},
		{[]string{"en:2"}, "en", "en:2"},
		{[]string{"en:2,ru:2", "2"}, "kk", "en:2 ru:2 kk:2"},
		{[]string{"2"}, "", "review.bad-at"},
		{[]string{"ru:0"}, "", "review.bad-at"},
		{[]string{"ru:"}, "", "review.bad-at"},
		{[]string{"RU:2"}, "", "review.bad-at"},
		{[]string{":2"}, "", "review.bad-at"},
		{[]string{""}, "", "review.bad-at"},
		{nil, "ru", "review.bad-at"},
	}
	for _, tt := range tests {
		got, err := ParseAt(tt.in, tt.def)
		var s string
		if err != nil {
			s = err.(interface{ MessageID() string }).MessageID()
		} else {
			var parts []string
			for _, l := range []string{"en", "ru", "kk"} {
				if k, ok := got[l]; ok {
					parts = append(parts, fmt.Sprintf("%s:%d", l, k))
				}
			}
			if len(parts) != len(got) {
				parts = append(parts, fmt.Sprint("and more: ", got))
			}
			s = strings.Join(parts, " ")
		}
		if s != tt.want {
			t.Errorf("ParseAt(%q, %q) = %s, want %s", tt.in, tt.def, s, tt.want)
		}
	}
}

func FuzzParseAt(f *testing.F) {
	for _, s := range []string{"ru:2", "en:2,kk:3", "2", "x:y", "kk:999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseAt([]string{s}, "en")
		if err != nil {
			if id := locale.ID(err); id != "review.bad-at" && !strings.HasPrefix(id, "review.at-") {
				t.Fatalf("%q: %T %v", s, err, err)
			}
			return
		}
		if _, ok := got["en"]; !ok {
			t.Fatalf("%q gave %v: the default language en is in no position, yet no error", s, got)
		}
		for l, k := range got {
			if !isLangCode(l) || k < 1 {
				t.Fatalf("%q gave %s:%d", s, l, k)
			}
		}
	})
}

func ExampleParseRange() {
	groups, err := ParseRange("1-4,9,3", 12)
	fmt.Println(groups, err)
	fmt.Println(review.FormatRange(groups))
	_, err = ParseRange("2-x", 12)
	fmt.Println(err)
	// Output:
	// [1 2 3 4 9] <nil>
	// 1-4,9
	// bad group range 2-x at character 3: use numbers and ranges such as 1-20,25, or all
}

func TestParseDirection(t *testing.T) {
	for _, c := range []struct {
		in   string
		next bool
		bad  bool
	}{
		{in: "next", next: true}, {in: "down", next: true}, {in: " Next ", next: true},
		{in: "prev"}, {in: "previous"}, {in: "up"}, {in: "PREV"},
		{in: "", bad: true}, {in: "nex", bad: true}, {in: "вниз", bad: true},
	} {
		next, err := ParseDirection(c.in)
		if (err != nil) != c.bad || next != c.next {
			t.Errorf("ParseDirection(%q) = %v, %v", c.in, next, err)
		}
	}
}

// FuzzParseDirection: only the words of the two directions are accepted,
// and an error quotes the input as given.
func FuzzParseDirection(f *testing.F) {
	for _, s := range []string{"next", "prev", " UP", "", "\xff", "nextt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		next, err := ParseDirection(in)
		w := strings.ToLower(strings.TrimSpace(in))
		switch {
		case err != nil:
			if next || slices.Contains([]string{"next", "down", "prev", "previous", "up"}, w) {
				t.Fatalf("ParseDirection(%q) = %v, %v", in, next, err)
			}
			if e, ok := err.(*locale.Error); !ok || e.Data["Input"] != in {
				t.Fatalf("ParseDirection(%q): error %#v does not quote the input", in, err)
			}
		case next != (w == "next" || w == "down"):
			t.Fatalf("ParseDirection(%q) = %v", in, next)
		case !slices.Contains([]string{"next", "down", "prev", "previous", "up"}, w):
			t.Fatalf("ParseDirection(%q) accepted", in)
		}
	})
}

func TestParseMerge(t *testing.T) {
	for _, c := range []struct {
		in          []string
		first, last int
		err         string // the error's MessageID
	}{
		{in: []string{"6"}, first: 6},
		{in: []string{"6", "7"}, first: 6},
		{in: []string{"7", "6"}, first: 6},
		{in: []string{"6-8"}, first: 6, last: 8},
		{in: []string{" 6-7"}, first: 6, last: 7},
		{in: []string{"6", "8"}, err: "review.merge-not-next"},
		{in: []string{"6", "6"}, err: "review.merge-not-next"},
		{in: []string{"8-6"}, err: "review.bad-merge"},
		{in: []string{"6-6"}, err: "review.bad-merge"},
		{in: []string{"6-"}, err: "review.bad-merge"},
		{in: []string{"x"}, err: "review.bad-group"},
		{in: []string{"0"}, err: "review.bad-group"},
		{in: []string{"x-2"}, err: "review.bad-merge"},
		{in: []string{"6", "x"}, err: "review.bad-merge"},
		{in: []string{"6", "7", "8"}, err: "review.bad-merge"},
		{in: nil, err: "review.bad-merge"},
	} {
		first, last, err := ParseMerge(c.in)
		var e *locale.Error
		switch {
		case c.err != "" && (!errors.As(err, &e) || e.MessageID() != c.err):
			t.Errorf("ParseMerge(%q) error = %v, want %s", c.in, err, c.err)
		case c.err == "" && (err != nil || first != c.first || last != c.last):
			t.Errorf("ParseMerge(%q) = %d, %d, %v; want %d, %d", c.in, first, last, err, c.first, c.last)
		}
	}
	// The error for groups that are not neighbours names the run.
	_, _, err := ParseMerge([]string{"9", "6"})
	var e *locale.Error
	if !errors.As(err, &e) || e.Data["Low"] != 6 || e.Data["High"] != 9 {
		t.Errorf("ParseMerge(9 6) = %#v", err)
	}
}

// FuzzParseMerge: what is accepted is a group and, when given, a later
// one; two arguments are always neighbours.
func FuzzParseMerge(f *testing.F) {
	for _, s := range [][2]string{{"6", ""}, {"6-8", ""}, {"6", "7"}, {"7", "6"}, {"6", "8"}, {"-", ""}, {"\xff", "1"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		in := []string{a}
		if b != "" {
			in = append(in, b)
		}
		first, last, err := ParseMerge(in)
		if err != nil {
			if _, ok := err.(*locale.Error); !ok {
				t.Fatalf("ParseMerge(%q): error %T is not a catalogue error", in, err)
			}
			return
		}
		if first < 1 || last != 0 && last <= first || len(in) == 2 && last != 0 {
			t.Fatalf("ParseMerge(%q) = %d, %d", in, first, last)
		}
	})
}
