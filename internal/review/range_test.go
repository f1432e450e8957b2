package review

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
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
			s = FormatRange(got)
		}
		if s != tt.want {
			t.Errorf("ParseRange(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

func TestParseRangeOffset(t *testing.T) {
	_, err := ParseRange("1-3,7,x", 10)
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset != 6 {
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
		back, err := ParseRange(FormatRange(got), 50)
		if err != nil || FormatRange(back) != FormatRange(got) {
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
			for _, l := range sortedKeys(got, []string{"en", "ru", "kk"}) {
				parts = append(parts, fmt.Sprintf("%s:%d", l, got[l]))
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
			switch err.(type) {
			case *SyntaxError, *AtError:
			default:
				t.Fatalf("%q: %T", s, err)
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

// FuzzParseEntry checks that any content survives a journal entry's round
// trip byte for byte (the entry is YAML, which has its own ideas about
// white space and line ends), and that the parser never panics.
func FuzzParseEntry(f *testing.F) {
	f.Add("groups:\n  - status: aligned\n", "step: 1\n")
	f.Add("  leading\ttab\r\nand CRLF  \n\n\n", "")
	f.Add("Сот\u00a0арал 東京 \x00 \ufeff", "files: [{name: x}]")
	f.Fuzz(func(t *testing.T, content, junk string) {
		valid := func(name string) bool { return name == "alignment.yaml" }
		e := &Entry{Step: 3, Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Message: "review.done.merge",
			Data:  map[string]any{"Group": 2},
			Files: []FileState{{Name: "alignment.yaml", Before: content, BeforeSum: document.Hash(content), AfterSum: "x"}}}
		data, err := e.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseEntry("e.yaml", data, valid)
		if err != nil {
			t.Fatalf("%q: %v\n%s", content, err, data)
		}
		if back.Files[0].Before != content || back.Step != 3 || back.Data["Group"] != 2 {
			t.Fatalf("round trip changed the entry: %#v", back)
		}
		_, _ = ParseEntry("junk.yaml", []byte(junk), valid)
	})
}

func TestParseEntryRefusesBadEntries(t *testing.T) {
	valid := func(name string) bool { return name == "alignment.yaml" }
	tests := []struct{ name, data, want string }{
		{"not yaml", "step: [", "e.yaml:1:"},
		{"empty", "", "the entry is empty"},
		{"no files", "step: 1\nmessage: m\n", "needs a step, a message and files"},
		{"bad name", "step: 1\nmessage: m\nfiles:\n  - name: ../x\n    before-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n", "e.yaml:4: \"../x\" is not a file"},
		{"bad sum", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    before-sha256: 00\n    before: x\n", "e.yaml:4: the saved copy of alignment.yaml does not match"},
	}
	for _, tt := range tests {
		_, err := ParseEntry("e.yaml", []byte(tt.data), valid)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func ExampleParseRange() {
	groups, err := ParseRange("1-4,9,3", 12)
	fmt.Println(groups, err)
	fmt.Println(FormatRange(groups))
	_, err = ParseRange("2-x", 12)
	fmt.Println(err)
	// Output:
	// [1 2 3 4 9] <nil>
	// 1-4,9
	// bad group range "2-x" at byte 2: use numbers and ranges such as 1-20,25
}

func ExampleMerge() {
	a, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	c, err := Merge{Group: 2}.Apply(a, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	g := a.Groups[1]
	fmt.Println(c.Message, c.Old, "→", c.New)
	fmt.Println(len(a.Groups), "groups; group 2 is", g.Kind(a.Languages), g.Status)
	// Output:
	// review.done.merge [2 3] → [2]
	// 5 groups; group 2 is 2-2-2 aligned
}

func ExampleView_Group() {
	a, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	v := &View{Width: 60, Langs: []string{"en", "kk"}}
	marks := []Mark{{Group: 1, Lang: "en", Kind: Term, Start: 16, End: 20, Text: "Aral"}}
	v.Header(os.Stdout)
	v.Group(os.Stdout, a, 1, marks, false)
	// Output:
	// EN                           │ KK
	// ── 1 · confirmed · 0.900 ───────────────────────────────────
	// Court hears the [Aral]       │ Сот арал балықшыларын
	// fishermen                    │ тыңдады
}
