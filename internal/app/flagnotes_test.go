package app

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/align"
)

// TestJoinReasons: two reasons that say the same of two languages are
// said once (a Russian run with neither English nor Kazakh, an English
// sentence with neither translation); reasons of different runs, or of
// one language, stay as they are.
func TestJoinReasons(t *testing.T) {
	side := func(lang string, n, run int) align.Side { return align.Side{Lang: lang, Sentences: n, Run: run} }
	tests := []struct {
		name  string
		sides []align.Side
		score float64
		want  string
	}{
		{"ru run", []align.Side{side("en", 0, 2), side("ru", 1, 0), side("kk", 0, 2)}, 0.4, "review.flag.run-ru-no-en-kk align.flag.low-score"},
		{"kk run", []align.Side{side("en", 0, 3), side("ru", 0, 3), side("kk", 1, 0)}, 0.9, "review.flag.run-kk-no-en-ru"},
		{"en run", []align.Side{side("en", 1, 0), side("ru", 0, 2), side("kk", 0, 2)}, 0.9, "review.flag.run-en-no-ru-kk"},
		{"en alone", []align.Side{side("en", 1, 0), side("ru", 0, 0), side("kk", 0, 0)}, 0.9, "review.flag.no-ru-kk"},
		{"one language", []align.Side{side("en", 1, 0), side("ru", 1, 0), side("kk", 0, 2)}, 0.9, "align.flag.run-en-no-kk"},
		{"ru alone", []align.Side{side("en", 0, 0), side("ru", 1, 0), side("kk", 0, 0)}, 0.9, "align.flag.no-en align.flag.no-kk"},
	}
	for _, tt := range tests {
		var ids []string
		for _, m := range joinReasons(align.FlagReasons(tt.score, 0, tt.sides...)) {
			ids = append(ids, m.MessageID())
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}
