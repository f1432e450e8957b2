package app

import "testing"

// TestClipRight: a quote from a sentence keeps whole words and counts
// characters, not bytes.
func TestClipRight(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"Верховный суд", 40, "Верховный суд"},
		{"Верховный суд отменил приговор", 16, "Верховный суд…"},
		{"Жоғарғы соттың шешімі", 10, "Жоғарғы…"},
		{"Заречное", 4, "Заре…"},
		{"", 3, ""},
	} {
		if got := ClipRight(c.in, c.n); got != c.want {
			t.Errorf("ClipRight(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
