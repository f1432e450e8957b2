package app

import (
	"reflect"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// partnerGaps is a glossary file of two entries with no ru form, as an
// en–kk term base imports them.
const partnerGaps = `terms:
  - id: tokayev
    kind: person
    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev], forbidden: [Tokaiev]}
    kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}
  - id: nazarbayev
    kind: person
    en: {term: Nursultan Nazarbayev, variants: [Nazarbayev], forbidden: [Nazarbaev]}
    kk: {term: Нұрсұлтан Назарбаев, variants: [Назарбаев], forbidden: [Назарбаеу]}
`

// TestCompiledGlossaryCacheGaps: a glossary whose only problems are
// entries lacking a language is still enforced, so it is cached like a
// lint-clean one (a large one was compiled on every run), and the
// checker read from the cache, whole or lazily, has the plain loader's
// gaps.
func TestCompiledGlossaryCacheGaps(t *testing.T) {
	ws := cacheWorkspace(t)
	writeGlossary(t, ws, "partner.yaml", partnerGaps)
	want, err := (&check.Cache{}).Load(ws)
	if err != nil || want == nil || len(want.Gaps) != 2 {
		t.Fatalf("the plain loader: %v, %v", want, err)
	}
	c, built := load(t, ws, "v1")
	if !built || !reflect.DeepEqual(c.Gaps, want.Gaps) {
		t.Fatalf("first load: built %v, gaps %+v, want %+v", built, c.Gaps, want.Gaps)
	}
	c, built = load(t, ws, "v1")
	if built {
		t.Fatal("a glossary with gaps was compiled again: not cached")
	}
	sameAs(t, want, c)
	if !reflect.DeepEqual(c.Gaps, want.Gaps) {
		t.Fatalf("cached gaps %+v, want %+v", c.Gaps, want.Gaps)
	}
	lazy, err := newCacheLoader("v1").LoadForChecks(ws)
	if err != nil || !reflect.DeepEqual(lazy.Gaps, want.Gaps) {
		t.Fatalf("lazy load: %v, gaps %+v", err, lazy.Gaps)
	}

	// The gaps filled, the cache is rebuilt and holds none.
	writeGlossary(t, ws, "partner.yaml", "terms: []\n")
	c, built = load(t, ws, "v1")
	if !built || len(c.Gaps) != 0 {
		t.Fatalf("after the gaps were filled: built %v, gaps %+v", built, c.Gaps)
	}
	if c, built = load(t, ws, "v1"); built || len(c.Gaps) != 0 {
		t.Fatalf("second load: built %v, gaps %+v", built, c.Gaps)
	}
}
