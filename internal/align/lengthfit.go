package align

import (
	"math"
	"slices"
)

// LengthModel is the length model of a language pair learned from sentences known to translate
// each other, such as the groups a person confirmed (see FitLengths): a Tgt sentence that
// translates a Src sentence of l characters has about Ratio·l characters, with variance Var·l.
// Characters are counted as the aligner counts them (runes without white space).
type LengthModel struct {
	Src, Tgt   string
	Ratio, Var float64
	// Pairs is the number of text pairs the model was fitted on.
	Pairs int
}

// minLengthPairs is the fewest text pairs FitLengths fits a model on: below it, a house style
// cannot be told from chance.
const minLengthPairs = 20

// lengthPseudo is the weight of the prior, in sentence pairs, when a length model is fitted:
// of the built-in prior in FitLengths (a few confirmed groups nudge it, hundreds replace it),
// and of the workspace's model in each document's re-estimate (see reestimate).
const lengthPseudo = 30

// FitLengths fits the length model of src→tgt to pairs of texts that translate each other
// (source text, target text), shrunk towards the pair's built-in prior. Newsrooms differ: a desk
// that writes tersely, or one that explains every name, moves the ratio away from the news
// average the prior was measured on, and the prior matters most for the short documents that
// cannot re-estimate much on their own. ok is false when fewer than minLengthPairs pairs have
// text on both sides. The fit is reestimate's (fitLengthModel).
func FitLengths(src, tgt string, pairs [][2]string) (m LengthModel, ok bool) {
	cs, ct := NewLengthCounter(src), NewLengthCounter(tgt)
	as, at := make([]int, len(pairs)), make([]int, len(pairs))
	for k, p := range pairs {
		as[k], at[k] = cs.Length(p[0]), ct.Length(p[1])
	}
	return FitLengthsOf(src, tgt, as, at)
}

// LengthCounter counts the length of texts in one language as FitLengths does, for a caller that
// keeps the lengths of texts rather than the texts (see FitLengthsOf). Not safe for concurrent
// use.
type LengthCounter struct{ e *extractor }

// NewLengthCounter returns a counter for texts in lang.
func NewLengthCounter(lang string) *LengthCounter {
	return &LengthCounter{newExtractor(lang, nil, nil)}
}

// Length is the length of text: its characters as the aligner counts them (see LengthModel).
func (c *LengthCounter) Length(text string) int {
	return int(c.e.extract(Sentence{Text: text}).length)
}

// FitLengthsOf is FitLengths of the pairs of texts whose lengths (LengthCounter) are as[k] and
// at[k].
func FitLengthsOf(src, tgt string, as, at []int) (m LengthModel, ok bool) {
	ls, lt := make([]float64, 0, len(as)), make([]float64, 0, len(as))
	for k := range as {
		if a, b := as[k], at[k]; a > 0 && b > 0 {
			ls, lt = append(ls, float64(a)), append(lt, float64(b))
		}
	}
	if len(ls) < minLengthPairs {
		return LengthModel{}, false
	}
	r, v, _ := fitLengthModel(ls, lt) // every length is positive
	p := priorFor(src, tgt)
	n := float64(len(ls))
	return LengthModel{
		Src: src, Tgt: tgt,
		Ratio: (lengthPseudo*p.Ratio + n*r) / (lengthPseudo + n),
		Var:   (lengthPseudo*p.Var + n*v) / (lengthPseudo + n),
		Pairs: len(ls),
	}, true
}

// fitLengthModel fits a length model to the lengths of sentences that translate each other (ls[k]
// with lt[k]): the ratio Σlt/Σls, and the variance of lt about r·ls per unit of length. The
// worst-fitting tenth is left out, since some pairs are loose translations or misaligned, and
// the mean of the rest scaled up to the full mean of a χ²(1) sample. ok is false when either
// side has no length.
func fitLengthModel(ls, lt []float64) (r, v float64, ok bool) {
	var ss, st float64
	for k := range ls {
		ss += ls[k]
		st += lt[k]
	}
	if ss <= 0 || st <= 0 {
		return 0, 0, false
	}
	r = st / ss
	dev := make([]float64, len(ls))
	for k := range ls {
		d := lt[k] - r*ls[k]
		dev[k] = d * d / math.Max(1, (ls[k]+lt[k]/r)/2)
	}
	slices.Sort(dev)
	keep := dev[:max(1, len(dev)*9/10)]
	for _, d := range keep {
		v += d
	}
	v /= float64(len(keep))
	v /= 0.6 // the mean of the lower nine tenths of a χ²(1) sample is about 0.6 of the full mean
	return r, v, true
}

// lengthsFor returns the model of src→tgt among models, inverted if it was fitted tgt→src (as
// priorFor inverts a prior), or the built-in prior of the pair.
func lengthsFor(models []LengthModel, src, tgt string) lengthPrior {
	for _, m := range models {
		switch {
		case m.Src == src && m.Tgt == tgt:
			return lengthPrior{Ratio: m.Ratio, Var: m.Var}
		case m.Src == tgt && m.Tgt == src:
			return lengthPrior{Ratio: 1 / m.Ratio, Var: m.Var / (m.Ratio * m.Ratio * m.Ratio)}
		}
	}
	return priorFor(src, tgt)
}
