package document

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// benchFormatting is the formatting of a long imported DOCX as the DOCX
// reader leaves it: n paragraphs of Kazakh news text, every fourth a list
// item, a bold or italic run in most, a link in every tenth, an element
// (<sup>) now and then, the Cyrillic text and the quotes and dashes of an
// article. n = 24,000 is about the 10 MB DOCX of bench/docx.sh (TILMASH_BENCH_FORMAT
// names a real LANG.format.yaml to read instead).
func benchFormatting(n int) []byte {
	paras := []string{
		"Сот отырысты 26 шілдеге дейін кейінге қалдырды, деп хабарлады адвокат.",
		"Ол: «Шағым түсіреміз», — деді журналистерге.",
		"Тоқаев әкімшілігі пікір білдіруден бас тартты.",
		"2019 жыл қиын болды: \"Заречное\" колониясындағы видеолар.",
	}
	f := &Formatting{Text: strings.Repeat("ab", 32), From: "docx"}
	pos := 0
	for i := 0; i < n; i++ {
		p := paras[i%len(paras)]
		if i%4 == 1 {
			f.Spans = append(f.Spans, docformat.Span{Start: pos, End: pos + len(p), Kind: docformat.Item, Text: p})
		}
		w := strings.Index(p, " ")
		kind := docformat.Bold
		if i%3 == 0 {
			kind = docformat.Italic
		}
		f.Spans = append(f.Spans, docformat.Span{Start: pos, End: pos + w, Kind: kind, Text: p[:w]})
		if i%10 == 0 {
			f.Spans = append(f.Spans, docformat.Span{Start: pos + w + 1, End: pos + len(p) - 1, Kind: docformat.Link, Href: fmt.Sprintf("https://example.kz/news/%d?ref=tilmash", i), Text: p[w+1 : len(p)-1]})
		}
		if i%25 == 0 {
			f.Spans = append(f.Spans, docformat.Span{Start: pos + len(p) - 1, End: pos + len(p), Kind: docformat.Element, Tag: "sup", Space: docformat.SpaceEnd, Text: p[len(p)-1:]})
		}
		pos += len(p) + 2
	}
	return f.Marshal("kk")
}

// BenchmarkParseFormatting reads the formatting of a long DOCX, which
// every export of it does.
func BenchmarkParseFormatting(b *testing.B) {
	data := benchFormatting(24000)
	if file := os.Getenv("TILMASH_BENCH_FORMAT"); file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			b.Fatal(err)
		}
	}
	f, err := ParseFormatting("kk.format.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d bytes, %d spans", len(data), len(f.Spans))
	b.Run("lines", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := ParseFormatting("kk.format.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	// yaml.v3's parse into nodes alone, the least any reading through
	// yaml.v3 costs (decoding the nodes into spans, or walking them,
	// comes on top).
	b.Run("yaml.v3-nodes", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := yamlx.Parse("kk.format.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	// yaml.v3, as ParseFormatting read every file before the line
	// reader, and still reads one edited by hand.
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var f Formatting
			if err := yamlx.Decode("kk.format.yaml", data, &f, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}
