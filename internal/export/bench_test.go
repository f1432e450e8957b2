package export

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
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

// BenchmarkFormattedArticle builds the article page's blocks and tags of a
// long formatted article (2,000 paragraphs of HTML, three sentences and
// four elements each), as every TMX export, article page and tm lookup
// of a formatted text does.
func BenchmarkFormattedArticle(b *testing.B) {
	page := "<html><body>" + strings.Repeat(`<p>Buses ran <i>late</i>. Tests found H<sub>2</sub>S in <b>two</b> wells. Officers <b>left </b>the <a href="https://example.org/g">scene </a>quietly.</p>`, 2000) + "</body></html>"
	doc, err := docformat.ReadHTML("long.html", []byte(page))
	if err != nil {
		b.Fatal(err)
	}
	f := &document.Formatting{From: "html", Spans: doc.Spans}
	for b.Loop() {
		if len(pageTags(parseArticle("en", doc.Text, f))) == 0 {
			b.Fatal("no tags")
		}
	}
}
