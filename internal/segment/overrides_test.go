package segment

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"gopkg.in/yaml.v3"
)

// decodeConfig decodes a tilmash.yaml text and returns its segmentation
// section, the way the workspace hands it over.
func decodeConfig(t *testing.T, src string) (Overrides, error) {
	t.Helper()
	var cfg struct {
		Segmentation yaml.Node `yaml:"segmentation"`
	}
	if err := yaml.Unmarshal([]byte(src), &cfg); err != nil {
		t.Fatal(err)
	}
	var o Overrides
	err := cfg.Segmentation.Decode(&o)
	return o, err
}

func TestOverridesDecode(t *testing.T) {
	o, err := decodeConfig(t, `languages: [en, ru, kk]
segmentation:
  srx: rules/house.srx
  abbreviations:
    en: [Sen., Rep.]
    "*": [Corp.]
  no_break:
    ru:
      - name: page
        before: 'стр\.'
        after: '\s+\d'
  break:
    kk:
      - before: ';'
        after: '\s'
`)
	if err != nil {
		t.Fatal(err)
	}
	if o.SRX != "rules/house.srx" || !slices.Equal(o.Abbreviations["en"], []string{"Sen.", "Rep."}) ||
		!slices.Equal(o.Abbreviations["*"], []string{"Corp."}) {
		t.Errorf("decoded %+v", o)
	}
	if r := o.NoBreak["ru"]; len(r) != 1 || r[0].Name != "page" || r[0].Before != `стр\.` || r[0].After != `\s+\d` {
		t.Errorf("no_break = %+v", o.NoBreak)
	}
	if r := o.Break["kk"]; len(r) != 1 || r[0].Before != ";" {
		t.Errorf("break = %+v", o.Break)
	}
}

func TestOverridesDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, id string
		line, col     int
	}{
		{"unknown key", "segmentation:\n  abbrevations:\n    en: [Sen.]\n", "segment.config.key", 2, 3},
		{"unknown language", "segmentation:\n  abbreviations:\n    de: [Hr.]\n", "segment.config.language", 3, 5},
		{"words not a list", "segmentation:\n  abbreviations:\n    en: Sen.\n", "segment.config.value", 3, 9},
		{"rule key", "segmentation:\n  break:\n    en:\n      - befor: ';'\n", "segment.config.key", 4, 9},
		{"rules not a list", "segmentation:\n  no_break:\n    ru: 'x'\n", "segment.config.value", 3, 9},
		{"not a mapping", "segmentation: [a]\n", "segment.config.value", 1, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeConfig(t, tt.src)
			var ce *locale.Error
			if !errors.As(err, &ce) || ce.Pos == nil {
				t.Fatalf("error %v (%T), want a located *locale.Error", err, err)
			}
			if ce.ID != tt.id || ce.Pos.Line != tt.line || ce.Pos.Column != tt.col {
				t.Errorf("got %s at %d:%d, want %s at %d:%d (%v)", ce.ID, ce.Pos.Line, ce.Pos.Column, tt.id, tt.line, tt.col, err)
			}
			if !strings.HasPrefix(err.Error(), "tilmash.yaml:") {
				t.Errorf("error %q does not name tilmash.yaml", err)
			}
		})
	}
}

func TestApply(t *testing.T) {
	o, err := decodeConfig(t, `segmentation:
  abbreviations:
    en: [Bldg.]
  no_break:
    "*":
      - before: 'Fig\.'
        after: '\s'
  break:
    en:
      - before: ';'
        after: '\s'
`)
	if err != nil {
		t.Fatal(err)
	}
	r, err := DefaultRules("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Apply(o); err != nil {
		t.Fatal(err)
	}
	got := texts(New(r).Segment("The office is in Bldg. Seven; it opens soon. See Fig. Three for the plan."))
	want := []string{"The office is in Bldg. Seven;", "it opens soon.", "See Fig. Three for the plan."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// The built-in rules are untouched.
	if got := texts(mustFor(t, "en").Segment("In Bldg. Seven; it opens.")); len(got) != 2 {
		t.Errorf("built-in rules changed: %q", got)
	}
}

func TestApplyBadPattern(t *testing.T) {
	o, err := decodeConfig(t, "segmentation:\n  no_break:\n    kk:\n      - before: 'көш\\.'\n      - before: '(ab'\n")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LoadRules("kk", t.TempDir(), o)
	var re *locale.Error
	if !errors.As(err, &re) || re.Pos == nil {
		t.Fatalf("error %v, want a located *locale.Error", err)
	}
	if re.Data["Place"] != "segmentation.no_break.kk[2]" || re.Pos.Line != 5 || re.Pos.Column != 9 || re.ID != "segment.rule.regex" {
		t.Errorf("error %+v", re)
	}
	if !strings.HasPrefix(err.Error(), "tilmash.yaml:5:9: segmentation.no_break.kk[2]: the beforebreak pattern (ab ") {
		t.Errorf("error text %q", err)
	}
}

func mustFor(t *testing.T, lang string) *Segmenter {
	t.Helper()
	s, err := ForLanguage(lang)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestForWorkspace(t *testing.T) {
	plain, err := ForWorkspace("kk", t.TempDir(), Overrides{})
	if err != nil || plain != mustFor(t, "kk") {
		t.Fatalf("without overrides: %v, %v; want the shared segmenter", plain, err)
	}
	o, err := decodeConfig(t, "segmentation:\n  abbreviations:\n    kk: [мкр.]\n")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ForWorkspace("kk", t.TempDir(), o)
	if err != nil {
		t.Fatal(err)
	}
	in := "Алматыдағы Самал мкр. Жаңа саябақ ашылды."
	if got := texts(s.Segment(in)); len(got) != 1 {
		t.Errorf("with the workspace abbreviation: %q", got)
	}
	if got := texts(plain.Segment(in)); len(got) != 2 {
		t.Errorf("without it: %q", got)
	}
	if _, err := decodeConfig(t, "languages: [en]\n"); err != nil {
		t.Errorf("a tilmash.yaml without segmentation: %v", err)
	}
}
