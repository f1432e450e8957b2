package export

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
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
		if PairFormat(f) {
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
