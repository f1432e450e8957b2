package aligncmd

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/align"
)

// TestAppendBead checks the hand-written --format jsonl line against what encoding/json wrote
// from a struct of its fields (HTML escaping off): empty and nil sides, several sentences a
// side, text that needs escaping, and scores rounded to three places (and out of range).
func TestAppendBead(t *testing.T) {
	type bead struct {
		Src     []int    `json:"src"`
		Tgt     []int    `json:"tgt"`
		Score   float64  `json:"score"`
		SrcText []string `json:"src_text"`
		TgtText []string `json:"tgt_text"`
	}
	src := []align.Sentence{{Text: `He said "no".`}, {Text: "a\tb\nc\\d <&> \u2028 \x01 \xff"}, {Text: "Қазақ тілі 😀"}}
	tgt := []align.Sentence{{Text: "Он сказал «нет»."}, {Text: ""}, {Text: "x"}}
	beads := []align.Bead{
		{Src: []int{0}, Tgt: []int{0}, Score: 0.93},
		{Src: []int{1, 2}, Tgt: []int{}, Score: 0.0004},
		{Src: []int{}, Tgt: []int{1, 2}, Score: 1},
		{Src: nil, Tgt: []int{2}, Score: 0.1235},
		{Src: []int{0, 1, 2}, Tgt: []int{0, 1, 2}, Score: 0.99951},
		{Src: []int{2}, Tgt: []int{1}, Score: 0},
	}
	for _, s := range []float64{0.001, 0.0005, 0.123456, 0.5, 0.9995, 1e-7, 1e25, -0.3, math.Inf(1), math.NaN()} {
		beads = append(beads, align.Bead{Src: []int{1}, Tgt: []int{0}, Score: s})
	}
	for _, b := range beads {
		texts := func(idx []int, side []align.Sentence) []string {
			out := make([]string, len(idx))
			for k, i := range idx {
				out[k] = side[i].Text
			}
			return out
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		score := float64(int(b.Score*1000+0.5)) / 1000
		if err := enc.Encode(bead{Src: b.Src, Tgt: b.Tgt, Score: score, SrcText: texts(b.Src, src), TgtText: texts(b.Tgt, tgt)}); err != nil {
			t.Fatal(err)
		}
		got, err := appendBead([]byte("stale"), b, src, tgt)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(got[len("stale"):]); got != want.String() {
			// encoding/json writes invalid UTF-8 (the \xff of src[1]) as \ufffd before Go 1.27
			// and as the character itself since (see textenc.TestAppendJSONString): the lines
			// must then read back the same.
			var g, w bead
			if !slices.Contains(b.Src, 1) || json.Unmarshal([]byte(got), &g) != nil || json.Unmarshal(want.Bytes(), &w) != nil || !reflect.DeepEqual(g, w) {
				t.Errorf("bead %v:\n got %s\nwant %s", b, got, want.String())
			}
		}
	}
}
