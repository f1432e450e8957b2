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
	// bad group range 2-x at byte 2: use numbers and ranges such as 1-20,25, or all
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
