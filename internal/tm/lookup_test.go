package tm

import "testing"

// TestSeveralSentences: the cheap test that spares reading a document
// holds every text with an inner sentence end, and leaves out texts with
// none.
func TestSeveralSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Forty videos appeared. They show guards.", true},
		{"He said «enough.» Then he left.", true},
		{"Was it? Yes!", true},
		{"Он молчал… Потом ушёл.", true},
		{"(It was late.) Nobody came.", true},
		{"One sentence only.", false},
		{"One sentence only.  ", false},
		{"Three per cent. ", false},
		{"No stop at all", false},
		{"", false},
	} {
		if got := severalSentences(c.text); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}
