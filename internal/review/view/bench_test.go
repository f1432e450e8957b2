package view

import (
	"io"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// BenchmarkViewAll draws every group of a 600-group document at 120
// columns, as tilmash show does.
func BenchmarkViewAll(b *testing.B) {
	d := reviewtest.Big(b, 100)
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
