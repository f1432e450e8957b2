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
	es, et := newExtractor(src, nil, nil), newExtractor(tgt, nil, nil)
	ls, lt := make([]float64, 0, len(pairs)), make([]float64, 0, len(pairs))
	for _, p := range pairs {
		a, b := es.extract(Sentence{Text: p[0]}).length, et.extract(Sentence{Text: p[1]}).length
		if a > 0 && b > 0 {
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
