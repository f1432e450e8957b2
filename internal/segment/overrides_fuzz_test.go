package segment_test

import (
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// FuzzWorkspaceRules: the segmentation section of any tilmash.yaml is
// refused or gives segmenters of en, ru and kk that split a text into
// segments in order and inside it; a pattern of the person's own never
// panics the reader, the compiler or the segmenter.
func FuzzWorkspaceRules(f *testing.F) {
	const head = "languages: [en, ru, kk]\nsource: en\n"
	for _, s := range []string{
		"segmentation:\n  abbreviations:\n    en: [Sen., Rep.]\n    kk: [ауд., обл.]\n",
		"segmentation:\n  no_break:\n    ru:\n      - name: \"стр. 5\"\n        before: '(?:^|\\s)стр\\.'\n        after: '\\s+\\d'\n",
		"segmentation:\n  break:\n    \"*\":\n      - before: ';'\n        after: '\\s'\n",
		"segmentation:\n  break:\n    en:\n      - before: '(?=a)'\n        after: ''\n",
		"segmentation:\n  abbreviations:\n    \"*\": ['', '.', '\\', 'a|b(']\n",
		"segmentation:\n  no_break:\n    kk: [{before: '', after: ''}]\n",
	} {
		f.Add(head+s, "Sen. Smith came. Он ушёл; стр. 5 — ауд. 3. Ол кетті!")
	}
	f.Fuzz(func(t *testing.T, config, text string) {
		cfg, err := workspace.ParseConfig("tilmash.yaml", []byte(config))
		if err != nil || cfg.Segmentation.Kind == 0 || !utf8.ValidString(text) {
			return
		}
		var o segment.Overrides
		if err := cfg.Segmentation.Decode(&o); err != nil {
			return
		}
		o.SRX = "" // no file of the fuzzer's choosing
		for _, lang := range []string{"en", "ru", "kk"} {
			s, err := segment.ForWorkspace(lang, t.TempDir(), o)
			if err != nil {
				continue
			}
			end := 0
			for _, g := range s.Segment(text) {
				if g.Start < end || g.End < g.Start || g.End > len(text) {
					t.Fatalf("%s: segment %d..%d after %d in %d bytes", lang, g.Start, g.End, end, len(text))
				}
				end = g.End
			}
		}
	})
}
