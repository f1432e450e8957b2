package app_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
)

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// bigDOCX writes a Word document of about size bytes: paragraphs of
// pseudo-Kazakh words (a fixed seed, so every run reads the same file),
// a heading every twenty paragraphs, a bold or italic run in every
// third, a table row now and then.
func bigDOCX(w io.Writer, size int64) error {
	rng := rand.New(rand.NewPCG(14, 2026))
	syll := []string{"қа", "ба", "ла", "ны", "ің", "ға", "те", "ке", "рі", "сы", "өз", "ұл", "үй", "ша", "на", "ма", "ды", "ты", "мен", "жа", "ау", "ор", "ын", "ет"}
	words := make([]string, 3000)
	for i := range words {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		words[i] = b.String()
	}
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	styles, _ := zw.Create("word/styles.xml")
	io.WriteString(styles, `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`)
	f, err := zw.Create("word/document.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	sentence := func() string {
		var b strings.Builder
		n := 6 + rng.IntN(10)
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".")
		return b.String()
	}
	for p := 0; cw.n < size; p++ {
		switch {
		case p%20 == 0:
			fmt.Fprintf(bw, `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>%d-бөлім %s</w:t></w:r></w:p>`, p/20+1, words[rng.IntN(len(words))])
		case p%50 == 7:
			fmt.Fprintf(bw, `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, words[rng.IntN(len(words))], rng.IntN(10000))
		default:
			bw.WriteString(`<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>`)
			for s := range 2 + rng.IntN(4) {
				rpr := ""
				if s == 1 && p%3 == 0 {
					rpr = `<w:rPr><w:b/></w:rPr>`
					if p%2 == 0 {
						rpr = `<w:rPr><w:i/></w:rPr>`
					}
				}
				fmt.Fprintf(bw, `<w:r>%s<w:t xml:space="preserve">%s </w:t></w:r>`, rpr, sentence())
			}
			bw.WriteString(`</w:p>`)
		}
		if p%1000 == 0 {
			bw.Flush()
		}
	}
	bw.WriteString(`</w:body></w:document>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// BenchmarkImportDOCX20MB is the target of issue 14: the import of a
// 20 MB DOCX (about 90 MB of XML) into a workspace, the whole use case
// (read, convert, store with the journal), in ≤ 2 s and ≤ 200 MB. It
// reports the peak heap in use during the import (peak-heap-MB) besides
// time; bench/docx.sh measures the peak RSS of the command.
func BenchmarkImportDOCX20MB(b *testing.B) {
	var buf bytes.Buffer
	if err := bigDOCX(&buf, 20<<20); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	a := app.New("bench")
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	var peak uint64
	for i := range b.N {
		b.StopTimer()
		ws := newWorkspace(b)
		runtime.GC()
		done := make(chan struct{})
		go func() {
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		if _, err := a.Import(ws, fmt.Sprintf("big%d", i), "kk", data, "big.docx", "", document.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		close(done)
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// TestWriteBenchDOCX writes the benchmark's DOCX to $TILMASH_BENCH_DOCX
// for bench/docx.sh; without it, it does nothing.
func TestWriteBenchDOCX(t *testing.T) {
	path := os.Getenv("TILMASH_BENCH_DOCX")
	if path == "" {
		t.Skip("TILMASH_BENCH_DOCX is not set (bench/docx.sh sets it)")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := bigDOCX(f, 20<<20); err != nil {
		t.Fatal(err)
	}
}
