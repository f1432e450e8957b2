package align

import (
	"strings"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// Realignment. Most sentences share no name, number or glossary term with their translation, and
// a general lexicon rarely knows a document's own vocabulary; yet every document repeats its topic
// words (a hurricane, a pig, a referendum) in most of its sentences, and their translations in
// the same sentences of the other side. A sentence an editor added from elsewhere lacks them.
// So Pair, like hunalign's -realign and Bleualign, aligns twice: the confident beads of the first
// pass (and the fixed ones, which a person confirmed) teach a lexicon by Dice over stems (see
// package lexicon), merged with the caller's, and the second pass aligns with it. The learner
// sees at most learnMaxPairs beads, spread over the document, so the extra cost is a second
// search and stays linear.
var (
	learnScore    = 0.9  // beads of the first pass scored at least this teach the lexicon
	learnMaxPairs = 3000 // at most this many beads teach it, evenly spread
	learnMinPairs = 4    // fewer confident beads teach nothing worth a second pass
	learnMinCount = 2    // a stem pair must occur together in this many beads
	learnMinDice  = 0.5
	learnPerWord  = 2
	orphanWeight  = 1.0
	orphanEn      = 0.5
)

// learnFrom returns the lexicon for the second pass: opt.Lexicon merged with what the confident
// beads of a first pass teach, or nil when they teach nothing.
func learnFrom(src, tgt []Sentence, beads []Bead, opt Options) *lexicon.Lexicon {
	var conf []Bead
	for _, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 && b.Score >= learnScore {
			conf = append(conf, b)
		}
	}
	if len(conf) < learnMinPairs {
		return nil
	}
	l := lexicon.NewLearner(opt.SrcLang, opt.TgtLang)
	stride := float64(len(conf)) / float64(min(len(conf), learnMaxPairs))
	var sb, tb strings.Builder
	for x := 0.0; int(x) < len(conf); x += stride {
		b := conf[int(x)]
		l.Observe(join(&sb, src, b.Src), join(&tb, tgt, b.Tgt))
	}
	learned := l.Lexicon(learnMinCount, learnMinDice, learnPerWord)
	if learned.Len() == 0 {
		return nil
	}
	out := lexicon.New(opt.SrcLang, opt.TgtLang)
	out.Merge(opt.Lexicon)
	out.Merge(learned)
	return out
}

func join(b *strings.Builder, ss []Sentence, idx []int) string {
	b.Reset()
	for k, i := range idx {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ss[i].Text)
	}
	return b.String()
}
