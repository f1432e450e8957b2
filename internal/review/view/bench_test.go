package view

import (
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/workspace"
)

// bigDoc makes a document of the sample article repeated n times: 6n
// groups of one sentence per language, the size of a long feature when n
// is 100.
func bigDoc(b *testing.B, n int) *document.Document {
	b.Helper()
	ws, err := workspace.Init(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	a := &document.Alignment{Document: "big", Pivot: "en", Languages: reviewtest.Langs, Sources: map[string]string{}}
	sents := map[string][]document.Sentence{}
	for _, l := range reviewtest.Langs {
		text := strings.Repeat(reviewtest.Texts[l]+"\n", n)
		res, err := document.Import(ws, "big", l, []byte(text), l+".txt", document.ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		stored, _ := res.Doc.Text(l)
		sents[l] = reviewtest.Sentences(stored)
		a.Sources[l] = document.Hash(stored)
	}
	for i := range sents["en"] {
		g := &document.Group{Status: document.Aligned, Score: 0.8, Sents: map[string][]document.Sentence{}}
		for _, l := range reviewtest.Langs {
			g.Sents[l] = sents[l][i : i+1]
		}
		a.Groups = append(a.Groups, g)
	}
	d, err := document.Open(ws, "big")
	if err != nil {
		b.Fatal(err)
	}
	if err := d.SaveAlignment(a); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkViewAll draws every group of a 600-group document at 120
// columns, as tilmash show does.
func BenchmarkViewAll(b *testing.B) {
	d := bigDoc(b, 100)
	a, err := d.Alignment()
	if err != nil {
		b.Fatal(err)
	}
	v := &View{Width: 120, Langs: a.Languages, Labels: testLabels}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Header(io.Discard)
		for n := range a.Groups {
			v.Group(io.Discard, a, n+1, nil, false)
		}
	}
}
