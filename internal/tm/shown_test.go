package tm

import (
	"reflect"
	"testing"
)

func TestShown(t *testing.T) {
	for _, c := range []struct {
		name      string
		texts     []Variant
		marks     []Mark
		wantTexts []Variant
		wantMarks []Mark
	}{{
		name:      "no heading",
		texts:     []Variant{{"en", "Tokayev arrived."}},
		marks:     []Mark{{"en", 0, 7}},
		wantTexts: []Variant{{"en", "Tokayev arrived."}},
		wantMarks: []Mark{{"en", 0, 7}},
	}, {
		name:      "heading marks go, marks move with the text",
		texts:     []Variant{{"en", "# Videos from Zarechnoye"}, {"kk", "## Заречныйдан видеолар"}, {"ru", "Видео"}},
		marks:     []Mark{{"en", 14, 24}, {"kk", 3, 19}, {"ru", 0, 5}},
		wantTexts: []Variant{{"en", "Videos from Zarechnoye"}, {"kk", "Заречныйдан видеолар"}, {"ru", "Видео"}},
		wantMarks: []Mark{{"en", 12, 22}, {"kk", 0, 16}, {"ru", 0, 5}},
	}, {
		name:      "a mark on the marks alone is dropped",
		texts:     []Variant{{"en", "# Title"}},
		marks:     []Mark{{"en", 0, 1}},
		wantTexts: []Variant{{"en", "Title"}},
		wantMarks: []Mark{},
	}, {
		name:      "a hash that is no heading stays",
		texts:     []Variant{{"en", "#metoo trended."}},
		wantTexts: []Variant{{"en", "#metoo trended."}},
	}} {
		t.Run(c.name, func(t *testing.T) {
			u := Unit{Variants: c.texts}
			orig := append([]Variant(nil), c.texts...)
			got, marks := Shown(u, c.marks)
			if !reflect.DeepEqual(got.Variants, c.wantTexts) {
				t.Errorf("texts %q, want %q", got.Variants, c.wantTexts)
			}
			if len(marks) != len(c.wantMarks) || (len(marks) > 0 && !reflect.DeepEqual(marks, c.wantMarks)) {
				t.Errorf("marks %v, want %v", marks, c.wantMarks)
			}
			if !reflect.DeepEqual(u.Variants, orig) {
				t.Errorf("the unit given changed: %q", u.Variants)
			}
		})
	}
}

func TestShownResults(t *testing.T) {
	res := []Result{{Sentence: "# Videos", Matches: []Match{{Unit: Unit{Variants: []Variant{{"en", "# Videos"}}}, Score: 100}}}}
	got := ShownResults(res)
	if got[0].Sentence != "Videos" || got[0].Matches[0].Unit.Variants[0].Text != "Videos" || got[0].Matches[0].Score != 100 {
		t.Errorf("shown: %+v", got)
	}
	if res[0].Sentence != "# Videos" || res[0].Matches[0].Unit.Variants[0].Text != "# Videos" {
		t.Errorf("the results given changed: %+v", res)
	}
}
