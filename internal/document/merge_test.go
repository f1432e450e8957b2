package document

import (
	"strings"
	"testing"
)

// TestResolveDerived: the conflicts git leaves in alignment.yaml and
// meta.yaml when two people correct one document's texts are resolved
// when they are only in what tilmash derives from the texts, and left to a
// person otherwise.
func TestResolveDerived(t *testing.T) {
	ru := "Суд собрался во вторник. Судья попросил доказательства.\n"
	for _, c := range []struct {
		name, in, want string // want "" for a conflict a person resolves
	}{
		{"offsets and sums",
			"sources:\n<<<<<<< HEAD\n  ru: " + strings.Repeat("a", 64) + "\n=======\n  ru: " + strings.Repeat("b", 64) + "\n>>>>>>> x\ngroups:\n" +
				"  - status: confirmed\n    ru:\n<<<<<<< HEAD\n      - {at: 0-5, text: Суд}\n=======\n      - {at: 2-7, text: Суд}\n>>>>>>> x\n",
			"sources:\n  ru: " + strings.Repeat("a", 64) + "\ngroups:\n  - status: confirmed\n    ru:\n      - {at: 0-5, text: Суд}\n"},
		{"meta.yaml sum and size, diff3 style",
			"  ru:\n    title: T\n<<<<<<< HEAD\n    sha256: " + strings.Repeat("a", 64) + "\n    bytes: 7497\n||||||| base\n    sha256: " + strings.Repeat("c", 64) + "\n    bytes: 7500\n=======\n    sha256: " + strings.Repeat("b", 64) + "\n    bytes: 7495\n>>>>>>> x\n",
			"  ru:\n    title: T\n    sha256: " + strings.Repeat("a", 64) + "\n    bytes: 7497\n"},
		{"the corrected sentence is theirs",
			"    ru:\n<<<<<<< HEAD\n      - {at: 30-60, text: Суд собрался в понедельник.}\n=======\n      - {at: 0-40, text: Суд собрался во вторник.}\n>>>>>>> x\n",
			"    ru:\n      - {at: 0-40, text: Суд собрался во вторник.}\n"},
		{"both confirmed the group: the later date",
			"  - status: confirmed\n    score: 0.900\n<<<<<<< HEAD\n    confirmed: 2026-12-01T09:00:00Z\n=======\n    confirmed: 2026-12-02T08:00:00Z\n>>>>>>> x\n",
			"  - status: confirmed\n    score: 0.900\n    confirmed: 2026-12-02T08:00:00Z\n"},
		{"a date that is no date", "<<<<<<< HEAD\n    confirmed: 2026-12-01T09:00:00Z\n=======\n    confirmed: soon\n>>>>>>> x\n", ""},
		{"two statuses", "<<<<<<< HEAD\n  - status: confirmed\n=======\n  - status: aligned\n>>>>>>> x\n", ""},
		{"two notes", "<<<<<<< HEAD\n    note: a\n=======\n    note: b\n>>>>>>> x\n", ""},
		{"lines added on one side", "<<<<<<< HEAD\n  ru: " + strings.Repeat("a", 64) + "\n=======\n>>>>>>> x\n", ""},
		{"neither sentence in the text", "    ru:\n<<<<<<< HEAD\n      - {at: 0-5, text: Один.}\n=======\n      - {at: 0-5, text: Два.}\n>>>>>>> x\n", ""},
		{"no conflict", "groups: []\n", ""},
	} {
		out, ok := ResolveDerived([]byte(c.in), map[string]string{"ru": ru})
		if c.want == "" {
			if ok {
				t.Errorf("%s: resolved as %q, want it left to a person", c.name, out)
			}
			continue
		}
		if !ok || string(out) != c.want {
			t.Errorf("%s: ResolveDerived = %v\n%s\nwant\n%s", c.name, ok, out, c.want)
		}
	}
}

// TestReanchor: after a merge the spans of one language are found again
// in its merged text, in order, and its sum is the text's; a language
// where a sentence is missing is left for align.
func TestReanchor(t *testing.T) {
	texts := map[string]string{"en": "One. Two. One.\n", "ru": "Раз. Два.\n"}
	a := &Alignment{Languages: []string{"en", "ru"}, Sources: map[string]string{"en": "old", "ru": "old"}, Groups: []*Group{
		{Sents: map[string][]Sentence{"en": {{Start: 9, End: 13, Text: "One."}}, "ru": {{Start: 0, End: 4, Text: "Три."}}}},
		{Sents: map[string][]Sentence{"en": {{Start: 0, End: 4, Text: "Two."}, {Start: 1, End: 5, Text: "One."}}}},
	}}
	a.reanchor(texts)
	got := []Sentence{a.Groups[0].Sents["en"][0], a.Groups[1].Sents["en"][0], a.Groups[1].Sents["en"][1]}
	want := [][2]int{{0, 4}, {5, 9}, {10, 14}}
	for i, s := range got {
		if s.Start != want[i][0] || s.End != want[i][1] {
			t.Errorf("en sentence %d at %d-%d, want %d-%d", i, s.Start, s.End, want[i][0], want[i][1])
		}
	}
	if a.Sources["en"] != Hash(texts["en"]) || a.Sources["ru"] != "old" {
		t.Errorf("sources %v", a.Sources)
	}
	if s := a.Groups[0].Sents["ru"][0]; s.Start != 0 || s.End != 4 {
		t.Errorf("ru, whose sentence is missing, moved: %+v", s)
	}
}

// TestMergeDerived: with the base of each conflict (git's diff3 style),
// lines are merged with their spans, sums and sizes masked out: what one
// side changed is that side's, even beside lines both sides moved, and
// two changes of one thing stay a conflict, as git wrote it.
func TestMergeDerived(t *testing.T) {
	sum := func(c string) string { return strings.Repeat(c, 64) }
	for _, c := range []struct {
		name, in, want string // want "" for the conflict left as it is
	}{
		{"one side's sum, the other's",
			"sources:\n<<<<<<< ours\n  ru: " + sum("a") + "\n  kk: " + sum("0") + "\n||||||| base\n  ru: " + sum("0") + "\n  kk: " + sum("0") + "\n=======\n  ru: " + sum("0") + "\n  kk: " + sum("b") + "\n>>>>>>> theirs\n",
			"sources:\n  ru: " + sum("a") + "\n  kk: " + sum("b") + "\n"},
		{"a note added beside moved spans",
			"  - status: aligned\n<<<<<<< ours\n    note: ask\n    ru:\n      - {at: 10-20, text: Раз.}\n||||||| base\n    ru:\n      - {at: 10-20, text: Раз.}\n=======\n    ru:\n      - {at: 12-22, text: Раз.}\n>>>>>>> theirs\n",
			"  - status: aligned\n    note: ask\n    ru:\n      - {at: 12-22, text: Раз.}\n"},
		{"a sentence one side corrected, the other moved",
			"    ru:\n<<<<<<< ours\n      - {at: 10-20, text: Раз.}\n||||||| base\n      - {at: 10-20, text: Раз.}\n=======\n      - {at: 12-25, text: Раз, два.}\n>>>>>>> theirs\n",
			"    ru:\n      - {at: 12-25, text: Раз, два.}\n"},
		{"a status and a span beside it",
			"<<<<<<< ours\n  - status: confirmed\n    en:\n      - {at: 5-9, text: One.}\n||||||| base\n  - status: aligned\n    en:\n      - {at: 0-4, text: One.}\n=======\n  - status: aligned\n    en:\n      - {at: 7-11, text: One.}\n>>>>>>> theirs\n",
			"  - status: confirmed\n    en:\n      - {at: 5-9, text: One.}\n"},
		{"both confirmed the group, each moved spans",
			"<<<<<<< ours\n  - status: confirmed\n    score: 0.900\n    confirmed: 2026-12-03T10:00:00Z\n    en:\n      - {at: 5-9, text: One.}\n||||||| base\n  - status: aligned\n    score: 0.900\n    en:\n      - {at: 0-4, text: One.}\n=======\n  - status: confirmed\n    score: 0.900\n    confirmed: 2026-12-02T10:00:00Z\n    en:\n      - {at: 7-11, text: One.}\n>>>>>>> theirs\n",
			"  - status: confirmed\n    score: 0.900\n    confirmed: 2026-12-03T10:00:00Z\n    en:\n      - {at: 5-9, text: One.}\n"},
		{"two statuses",
			"<<<<<<< ours\n  - status: confirmed\n||||||| base\n  - status: aligned\n=======\n  - status: flagged\n>>>>>>> theirs\n", ""},
		{"two corrections of one sentence",
			"<<<<<<< ours\n      - {at: 0-4, text: Два.}\n||||||| base\n      - {at: 0-4, text: Раз.}\n=======\n      - {at: 0-4, text: Три.}\n>>>>>>> theirs\n", ""},
		{"a note one side added, a note the other",
			"<<<<<<< ours\n    note: a\n||||||| base\n=======\n    note: b\n>>>>>>> theirs\n", ""},
	} {
		out, left := MergeDerived([]byte(c.in))
		if c.want == "" {
			if left != 1 || string(out) != c.in {
				t.Errorf("%s: %d left:\n%s\nwant the conflict left as it was", c.name, left, out)
			}
			continue
		}
		if left != 0 || string(out) != c.want {
			t.Errorf("%s: %d left:\n%s\nwant\n%s", c.name, left, out, c.want)
		}
	}
}

// TestMergeDerivedScores: align (and publish, which aligns) works every
// aligned group's score out again from what it learned of the confirmed
// groups, so the editor's publish changed scores that a translator's
// note, added beside one, conflicted with; the score is now masked as
// the spans and sums are: the side that changed it, else ours.
func TestMergeDerivedScores(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a note added, both sides' new score alike",
			"  - status: aligned\n<<<<<<< ours\n    score: 0.982\n    note: 'ok'\n||||||| base\n    score: 0.910\n=======\n    score: 0.982\n>>>>>>> theirs\n    en:\n",
			"  - status: aligned\n    score: 0.982\n    note: 'ok'\n    en:\n"},
		{"a note added, the score changed on the other side",
			"  - status: aligned\n<<<<<<< ours\n    score: 0.910\n    note: 'ok'\n||||||| base\n    score: 0.910\n=======\n    score: 0.933\n>>>>>>> theirs\n    en:\n",
			"  - status: aligned\n    score: 0.933\n    note: 'ok'\n    en:\n"},
		{"a note added, two new scores",
			"  - status: aligned\n<<<<<<< ours\n    score: 0.944\n    note: 'ok'\n||||||| base\n    score: 0.910\n=======\n    score: 0.933\n>>>>>>> theirs\n    en:\n",
			"  - status: aligned\n    score: 0.944\n    note: 'ok'\n    en:\n"},
	} {
		out, left := MergeDerived([]byte(c.in))
		if left != 0 || string(out) != c.want {
			t.Errorf("%s: %d left:\n%s\nwant\n%s", c.name, left, out, c.want)
		}
	}
}
