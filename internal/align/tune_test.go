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

// tunable names the model weights TestSearch varies, with a getter-setter for each.
var tunable = []struct {
	name string
	ptr  func(*model) *float64
}{
	{"length", func(m *model) *float64 { return &m.length }},
	{"match.word", func(m *model) *float64 { return &m.match[0] }},
	{"match.number", func(m *model) *float64 { return &m.match[1] }},
	{"miss.number", func(m *model) *float64 { return &m.miss[1] }},
	{"shape.null", func(m *model) *float64 { return &m.shape[1] }},
	{"shape.merge", func(m *model) *float64 { return &m.shape[3] }},
	{"shape.22", func(m *model) *float64 { return &m.shape[5] }},
	{"shape.31", func(m *model) *float64 { return &m.shape[6] }},
	{"sentenceCount", func(m *model) *float64 { return &m.sentenceCount }},
	{"punct.question", func(m *model) *float64 { return &m.punctBoth[punctQuestion] }},
	{"punct.quote", func(m *model) *float64 { return &m.punctBoth[punctQuote] }},
	{"punct.paren", func(m *model) *float64 { return &m.punctBoth[punctParen] }},
}

// TestSearch runs a coordinate search over the model weights on half of the NTREX documents
// (with UDHR and Tatoeba at lower weight) and reports the result on both halves, to see whether
// a change generalises. Development tool: ALIGN_TUNE=search go test -run TestSearch -v.
func TestSearch(t *testing.T) {
	if os.Getenv("ALIGN_TUNE") != "search" {
		t.Skip("set ALIGN_TUNE=search")
	}
	sets := perturbedSets(t)
	extra := extraSets(t)
	half := func(docs []evalDoc, odd int) []evalDoc {
		var out []evalDoc
		for k, d := range docs {
			if k%2 == odd {
				out = append(out, d)
			}
		}
		return out
	}
	type part struct {
		name   string
		docs   []evalDoc
		weight float64
	}
	train := []part{
		{"en-ru", half(sets["en-ru"], 0), 2}, {"en-kk", half(sets["en-kk"], 0), 2},
		{"udhr-ru", extra["udhr/en-ru"], 0.5}, {"udhr-kk", extra["udhr/en-kk"], 0.5},
		{"tat-ru", extra["tatoeba-ru/en-ru"], 0.5}, {"tat-kk", extra["tatoeba-kk/en-kk"], 0.5},
	}
	test := []part{{"en-ru", half(sets["en-ru"], 1), 1}, {"en-kk", half(sets["en-kk"], 1), 1}}
	vals := make([]float64, len(tunable))
	base := newModel("en", "ru")
	for k, p := range tunable {
		vals[k] = *p.ptr(base)
	}
	eval := func(parts []part, vals []float64) (float64, string) {
		total, wsum := 0.0, 0.0
		line := ""
		for _, p := range parts {
			var strict, lax prf
			lang := p.name[len(p.name)-2:]
			for _, d := range p.docs {
				m := newModel("en", lang)
				for k, tp := range tunable {
					*tp.ptr(m) = vals[k]
				}
				m.shape[2], m.shape[4], m.shape[7] = m.shape[1], m.shape[3], m.shape[6]
				m.setBound()
				scoreDoc(&strict, &lax, d.gold, pair(sentences(d.src), sentences(d.tgt), Options{SrcLang: "en", TgtLang: lang}, m))
			}
			total += p.weight * (strict.f1() + lax.f1())
			wsum += 2 * p.weight
			line += " " + p.name + " " + f3(strict.f1()) + "/" + f3(lax.f1())
		}
		return total / wsum, line
	}
	best, line := eval(train, vals)
	_, tl := eval(test, vals)
	t.Logf("start %.4f |%s || held out%s", best, line, tl)
	for round := range 3 {
		for k, p := range tunable {
			for _, f := range []float64{0.6, 0.8, 1.25, 1.6} {
				try := append([]float64(nil), vals...)
				try[k] *= f
				if s, _ := eval(train, try); s > best+1e-4 {
					best, vals = s, try
				}
			}
			_ = p
		}
		_, line = eval(train, vals)
		_, tl = eval(test, vals)
		t.Logf("round %d %.4f |%s || held out%s", round, best, line, tl)
		var desc string
		for k, p := range tunable {
			desc += " " + p.name + "=" + f3(vals[k])
		}
		t.Log(desc)
	}
}
