package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText returns news text of about n bytes in lang: the ntrex-dev
// corpus when it is present, else the article fixtures of testdata/,
// repeated as paragraphs.
func benchText(b *testing.B, lang string, n int) string {
	b.Helper()
	var paras []string
	if shared := sharedDir(); shared != "" {
		ids, docs := ntrexDocs(&testing.T{}, filepath.Join(shared, "corpora", "ntrex-dev"), lang)
		for _, id := range ids {
			paras = append(paras, strings.Split(strings.TrimSpace(paragraphs(docs[id], id)), "\n\n")...)
		}
	} else {
		files, _ := filepath.Glob(filepath.Join("testdata", "*."+lang+".txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			paras = append(paras, strings.Split(strings.TrimSpace(string(data)), "\n\n")...)
		}
	}
	if len(paras) == 0 {
		b.Skip("no news text for " + lang)
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(paras[i%len(paras)])
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkSegment reports the throughput on news text in each language
// (the target is at least 60 MB/s on one core for the whole segment
// command, reading and writing included).
func BenchmarkSegment(b *testing.B) {
	for _, lang := range Languages() {
		b.Run(lang, func(b *testing.B) {
			seg, err := ForLanguage(lang)
			if err != nil {
				b.Fatal(err)
			}
			text := benchText(b, lang, 1<<20)
			b.SetBytes(int64(len(text)))
			loopCPU(b, func() { seg.Segment(text) }, len(text))
		})
	}
}

// BenchmarkSegmentSize segments 64 KiB and 4 MiB of the same text: equal
// MB/s at both sizes shows that the time is linear in the input.
func BenchmarkSegmentSize(b *testing.B) {
	seg, err := ForLanguage("ru")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{64 << 10, 4 << 20} {
		text := benchText(b, "ru", n)
		b.Run(fmt.Sprintf("%dKiB", n>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			loopCPU(b, func() { seg.Segment(text) }, len(text))
		})
	}
}

// loopCPU runs f b.N times and also reports the throughput in processor
// time (cpu-MB/s), which stays meaningful when other processes share the
// machine and stretch the wall-clock MB/s.
func loopCPU(b *testing.B, f func(), size int) {
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if used := cpuTime() - start; used > 0 && n > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/used.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkEachReader cuts the news text of each language as segment
// reads a file: a chunk at a time from a reader.
func BenchmarkEachReader(b *testing.B) {
	for _, lang := range Languages() {
		b.Run(lang, func(b *testing.B) {
			seg, err := ForLanguage(lang)
			if err != nil {
				b.Fatal(err)
			}
			text := benchText(b, lang, 4<<20)
			b.SetBytes(int64(len(text)))
			loopCPU(b, func() { seg.EachReader(strings.NewReader(text), func(Segment) {}) }, len(text))
		})
	}
}
