package document

import (
	"fmt"
	"strings"
	"testing"
)

// benchAlignment is an alignment of n groups of one sentence in English,
// Russian and Kazakh, with the punctuation of news text (quotes, colons,
// numbers), about 700 bytes of file a group: n = 50,000 is the 35 MB file
// of a 5 MB article with 10 MB translations.
func benchAlignment(n int) *Alignment {
	en := []string{"The court adjourned the hearing until 26 July.", "He said: \"We will appeal.\"", "Tokayev's office declined to comment.", "2019 was a hard year."}
	ru := []string{"Суд отложил заседание до 26 июля, сообщил адвокат.", "«Мы подадим апелляцию», — сказал он.", "В администрации Токаева отказались от комментариев.", "2019 год выдался трудным."}
	kk := []string{"Сот отырысты 26 шілдеге дейін кейінге қалдырды.", "Ол: «Шағым түсіреміз», — деді.", "Тоқаев әкімшілігі пікір білдіруден бас тартты.", "2019 жыл қиын болды."}
	a := &Alignment{Document: "big", Pivot: "en", Languages: []string{"en", "ru", "kk"},
		Sources: map[string]string{"en": strings.Repeat("ab", 32), "ru": strings.Repeat("cd", 32), "kk": strings.Repeat("ef", 32)}}
	pos := map[string]int{}
	for i := 0; i < n; i++ {
		g := &Group{Status: Aligned, Score: float64(i%1000) / 1000, Sents: map[string][]Sentence{}}
		if i%7 == 0 {
			g.Status = Confirmed
		}
		if i%50 == 0 {
			g.Note = fmt.Sprintf("check figure %d: ask the desk", i)
		}
		for l, texts := range map[string][]string{"en": en, "ru": ru, "kk": kk} {
			t := texts[i%len(texts)]
			g.Sents[l] = []Sentence{{Start: pos[l], End: pos[l] + len(t), Text: t}}
			pos[l] += len(t) + 1
		}
		a.Groups = append(a.Groups, g)
	}
	return a
}

// BenchmarkMarshal writes the alignment of a long document: the codec and,
// for comparison, yaml.v3.
func BenchmarkMarshal(b *testing.B) {
	for _, n := range []int{5000} {
		a := benchAlignment(n)
		b.Run(fmt.Sprintf("codec/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.Marshal(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("yaml.v3/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.marshalYAML(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseAlignment reads the alignment of a long document: the codec
// and, for comparison, yaml.v3.
func BenchmarkParseAlignment(b *testing.B) {
	for _, n := range []int{5000} {
		data, err := benchAlignment(n).Marshal()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("codec/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, ok := parseFast(data); !ok {
					b.Fatal("refused")
				}
			}
		})
		b.Run(fmt.Sprintf("yaml.v3/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := parseAlignmentYAML("f", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
