package align

import (
	"os"
	"strconv"
	"testing"
)

// TestTune compares model variants on all evaluation sets. It is a development tool, run with
// ALIGN_TUNE=1 go test -run TestTune -v.
func TestTune(t *testing.T) {
	if os.Getenv("ALIGN_TUNE") == "" {
		t.Skip("set ALIGN_TUNE=1 to compare model variants")
	}
	sets := perturbedSets(t)
	for k, v := range extraSets(t) {
		sets[k] = v
	}
	variants := []struct {
		name string
		mod  func(*model)
	}{
		{"base", func(*model) {}},
		{"sc0", func(m *model) { m.sentenceCount = 0 }},
		{"sc.5", func(m *model) { m.sentenceCount = 0.5 }},
		{"sc2", func(m *model) { m.sentenceCount = 2 }},
		{"w2", func(m *model) { m.match[0] = 2 }},
		{"w2 sc.5", func(m *model) { m.match[0] = 2; m.sentenceCount = 0.5 }},
		{"w2 sc2", func(m *model) { m.match[0] = 2; m.sentenceCount = 2 }},
	}
	names := []string{"en-ru", "en-kk", "udhr/en-ru", "udhr/en-kk", "tatoeba-ru/en-ru", "tatoeba-kk/en-kk"}
	for _, v := range variants {
		line := v.name
		for _, name := range names {
			var strict, lax prf
			for _, d := range sets[name] {
				lang := name[len(name)-2:]
				m := newModel("en", lang)
				v.mod(m)
				m.setBound()
				pred := pair(sentences(d.src), sentences(d.tgt), Options{SrcLang: "en", TgtLang: lang}, m)
				scoreDoc(&strict, &lax, d.gold, pred)
			}
			line += " | " + name + " " + f3(strict.f1()) + "/" + f3(lax.f1())
		}
		t.Log(line)
	}
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
