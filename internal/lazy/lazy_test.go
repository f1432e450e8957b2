package lazy

import (
	"sync"
	"sync/atomic"
	"testing"
)

var calls atomic.Int32

var counted = Value[[]int]{New: func() []int { calls.Add(1); return []int{1, 2, 3} }}

// TestBuiltOnce: New runs once, on the first Get, however many
// goroutines ask at the same time, and every caller sees its value.
func TestBuiltOnce(t *testing.T) {
	if n := calls.Load(); n != 0 {
		t.Fatalf("New ran %d times before the first Get", n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := counted.Get(); len(v) != 3 || v[2] != 3 {
				t.Errorf("Get = %v", v)
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("New ran %d times, want 1", n)
	}
}

func BenchmarkGet(b *testing.B) {
	counted.Get()
	b.ReportAllocs()
	for b.Loop() {
		_ = counted.Get()
	}
}
