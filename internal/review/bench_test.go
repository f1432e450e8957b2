package review

import (
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// BenchmarkApplyConfirm is one key press in tilmash review on a 600-group
// document: verify, journal a full copy, write the alignment.
func BenchmarkApplyConfirm(b *testing.B) {
	d := reviewtest.Big(b, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Apply(d, SetStatus{Groups: []int{1 + i%600}, Confirm: i%1200 < 600}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyEditText rewrites a sentence near the start of a 600-group
// document, so every later span of that language shifts.
func BenchmarkApplyEditText(b *testing.B) {
	d := reviewtest.Big(b, 100)
	texts := []string{"Судья запросил новые улики.", "Судья запросил новые доказательства."}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Apply(d, EditText{Group: 3, Lang: "ru", Sentence: 1, Text: texts[i%2]}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyConfirmLong is one confirmation in a 6,000-group document
// (a 4 MB alignment.yaml) as tilmash group confirm runs it: Load to check
// the group numbers, then Apply on that snapshot.
func BenchmarkApplyConfirmLong(b *testing.B) {
	d := reviewtest.Big(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		snap, err := Load(d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Apply(d, SetStatus{Groups: []int{1 + i%6000}, Confirm: i%2 == 0}, Options{Snapshot: snap}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLong reads a 6,000-group document as tilmash show does.
func BenchmarkLoadLong(b *testing.B) {
	d := reviewtest.Big(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Load(d); err != nil {
			b.Fatal(err)
		}
	}
}
