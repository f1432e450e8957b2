package qa

import (
	"bytes"
	"testing"
)

// FuzzReadEndingsIndex: any bytes in the place of the compiled glossary
// cache's endings index (a file on disk, which a crash, a full disk or a
// copy can damage) are refused or read as an index that checks text
// without panicking and writes back the very bytes it was read from.
func FuzzReadEndingsIndex(f *testing.F) {
	for _, name := range []string{"words", "test", "empty"} {
		data, err := NewEndingsIndex(endingsCacheGlossaries()[name]).AppendBinary(nil)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := ReadEndingsIndex(data)
		if err != nil {
			return
		}
		x.Check("kk", "Алматыге, Тоқаевке облысыда жаңа қалаге, Білім министрлігіне")
		x.Check("kk", string(data))
		if again, err := x.AppendBinary(nil); err != nil || !bytes.Equal(again, data) {
			t.Fatalf("written again: %v, other bytes", err)
		}
	})
}
