package align

// lengthPrior is the Gale–Church length model of a language pair: a target sentence that
// translates a source sentence of ls characters has about Ratio·ls characters, with variance
// Var·ls. Characters are runes without white space.
type lengthPrior struct {
	Ratio float64
	Var   float64
}

// lengthPriors were measured on human translations of news, line against line:
//
//	NTREX-128 newstest2019 (MicrosoftTranslator/NTREX @ 8561f6a), the first 40 documents,
//	603 sentences a language (../shared/corpora/ntrex-dev):
//	  en→ru: ratio Σru/Σen = 1.148, variance mean((ru − 1.148·en)²/en) = 4.29
//	  en→kk: ratio 1.127, variance 3.49
//
// For comparison, the same statistics on other genres: UDHR paragraphs en→ru 1.139/1.90,
// en→kk 1.072/2.94; Tatoeba short sentences en→ru 1.009/1.60, en→kk 0.995/1.70. News runs
// longer in Russian and Kazakh than legal text or chat, and it varies more, because news
// translators restructure sentences. These are only starting points: Pair re-estimates both
// numbers on each document (see reestimate), so the prior matters most for short documents.
//
// Russian to Kazakh is derived through English. Unknown pairs use Gale and Church's original
// figures for European languages (ratio 1, variance 6.8).
var lengthPriors = map[[2]string]lengthPrior{
	{"en", "ru"}: {Ratio: 1.148, Var: 4.29},
	{"en", "kk"}: {Ratio: 1.127, Var: 3.49},
	{"ru", "kk"}: {Ratio: 1.127 / 1.148, Var: 3.9},
}

var defaultLengthPrior = lengthPrior{Ratio: 1, Var: 6.8}

// priorFor returns the length prior of src→tgt, inverting a known tgt→src prior if needed:
// if t ≈ r·s with variance v·s, then s ≈ t/r with variance about v·s/r² = (v/r³)·t.
func priorFor(src, tgt string) lengthPrior {
	if p, ok := lengthPriors[[2]string{src, tgt}]; ok {
		return p
	}
	if p, ok := lengthPriors[[2]string{tgt, src}]; ok {
		return lengthPrior{Ratio: 1 / p.Ratio, Var: p.Var / (p.Ratio * p.Ratio * p.Ratio)}
	}
	if src == tgt && src != "" {
		return lengthPrior{Ratio: 1, Var: 2}
	}
	return defaultLengthPrior
}
