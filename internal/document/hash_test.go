package document

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestHashInPieces: Hash, which feeds sha256 through a small buffer, gives
// the sha256 of the whole text at and around the buffer's size.
func TestHashInPieces(t *testing.T) {
	for _, n := range []int{0, 1, 64<<10 - 1, 64 << 10, 64<<10 + 1, 200001} {
		text := strings.Repeat("Қазақ text ", n/14+1)[:n]
		sum := sha256.Sum256([]byte(text))
		if got, want := Hash(text), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%d bytes: %s, want %s", n, got, want)
		}
	}
}
