package segment

import (
	"strings"
	"testing"
)

// FuzzSegment segments arbitrary text in every language: no panic, the
// segments tile the input exactly, and each segment's text is its slice of
// the input.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", "Mr. Smith went to Astana. He met K.-J. Tokayev.",
		"«Мы готовы!» — сказал он. Т. е. всё.\n\n# Заголовок\n- пункт 1. Да.\n> цитата",
		"Ақмола облысында су тазарту станциясы ашылды Бұл жобаға 12,5 млрд теңге бөлінді.",
		"```\ncode. More.\n```\n---\n1. one\n2) two", "a\u00a0b. C\u202fd… e?! F\r\n\r\n",
		"\xff\xfe. \x80A. \xc3", strings.Repeat("word ", 40) + "end. Next",
	} {
		f.Add(s)
	}
	segs := map[string]*Segmenter{}
	for _, lang := range Languages() {
		s, err := ForLanguage(lang)
		if err != nil {
			f.Fatal(err)
		}
		segs[lang] = s
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, lang := range Languages() {
			out := segs[lang].Segment(in)
			checkTiling(t, in, out)
			if isBlank(in) && len(out) > 0 {
				t.Fatalf("%s: white-space input gave %d segments", lang, len(out))
			}
		}
	})
}
