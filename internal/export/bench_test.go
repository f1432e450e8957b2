package export

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// BenchmarkWrite exports a long document (600 groups, about three times
// the longest sample article) in each format: publish writes every
// document in every format, so a slow writer shows up there.
func BenchmarkWrite(b *testing.B) {
	texts := map[string]string{}
	var groups []groupSpec
	var bufs [3]strings.Builder
	for i := 0; i < 600; i++ {
		sents := [3]string{
			fmt.Sprintf("Sentence %d says \"Tokayev\" & <more>.", i),
			fmt.Sprintf("Предложение %d говорит \"Токаев\".", i),
			fmt.Sprintf("%d-сөйлем \"Тоқаев\" дейді.", i),
		}
		var gs groupSpec
		gs.status = document.Aligned
		for li := range langs3 {
			if i > 0 {
				sep := " "
				if i%5 == 0 {
					sep = "\n\n"
				}
				bufs[li].WriteString(sep)
			}
			bufs[li].WriteString(sents[li])
			gs.sents[li] = []string{sents[li]}
		}
		groups = append(groups, gs)
	}
	for li, l := range langs3 {
		texts[l] = bufs[li].String() + "\n"
	}
	d, a := newDoc(b, "long", texts, groups)
	for _, f := range Formats {
		opt := Options{}
		if PairFormats[f] {
			opt.Target = "kk"
		}
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, f, d, a, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFromTMX reads a memory of 10,000 units in three languages with
// the region and three-letter codes other tools write: every variant's
// tag is mapped to a workspace language (with golang.org/x/text), so a
// large memory from a CAT tool shows the cost of that mapping.
func BenchmarkFromTMX(b *testing.B) {
	tags := [][3]string{{"en-US", "ru-RU", "kk-KZ"}, {"eng", "rus", "kaz"}}
	m := &tmx.TMX{}
	for i := 0; i < 10000; i++ {
		t := tags[i%2]
		m.Units = append(m.Units, tmx.Unit{Variants: []tmx.Variant{
			{Lang: t[0], Text: fmt.Sprintf("Sentence %d.", i)},
			{Lang: t[1], Text: fmt.Sprintf("Предложение %d.", i)},
			{Lang: t[2], Text: fmt.Sprintf("%d-сөйлем.", i)},
		}})
	}
	for b.Loop() {
		if _, err := FromTMX(m, "big.tmx", langs3, "en"); err != nil {
			b.Fatal(err)
		}
	}
}
