package align

import (
	"slices"
	"testing"
)

// TestLongDocument aligns 20,000 sentences with known drops and joins (see benchBitext): the
// banded search must stay on the true path all the way, far from the diagonal.
func TestLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("long document skipped in -short")
	}
	src, tgt, gold := benchBitext(t, 20000)
	beads := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru"})
	if err := checkBeads(beads, len(src), len(tgt)); err != nil {
		t.Fatal(err)
	}
	var strict, lax prf
	scoreDoc(&strict, &lax, gold, beads)
	t.Logf("strict %v | lax %v", strict, lax)
	if strict.f1() < 0.95 || lax.f1() < 0.96 {
		t.Errorf("strict F1 %.3f (want ≥ 0.95), lax F1 %.3f (want ≥ 0.96)", strict.f1(), lax.f1())
	}
}

// TestNarrowBandWidens starts the search with a band far too narrow for the document: the
// search must notice and find the same alignment as with a wide band.
func TestNarrowBandWidens(t *testing.T) {
	src, tgt, _ := benchBitext(t, 3000)
	tgt = append(tgt[:1000:1000], tgt[1100:]...) // 100 sentences missing in one stretch
	wide := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Band: 400, NoRealign: true})
	narrow := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Band: 2, NoRealign: true})
	if !slices.EqualFunc(wide, narrow, func(a, b Bead) bool {
		return slices.Equal(a.Src, b.Src) && slices.Equal(a.Tgt, b.Tgt)
	}) {
		t.Error("alignment with an initial band of 2 differs from the one with 400")
	}
}
