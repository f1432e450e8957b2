package view_test

import (
	"os"

	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/review/view"
)

func ExampleView_Group() {
	a, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	v := &view.View{Width: 60, Langs: []string{"en", "kk"}}
	marks := []review.Mark{{Group: 1, Lang: "en", Kind: review.Term, Start: 16, End: 20, Text: "Aral"}}
	v.Header(os.Stdout)
	v.Group(os.Stdout, a, 1, marks, false)
	// Output:
	// EN                           │ KK
	// ── 1 · confirmed · 0.900 ───────────────────────────────────
	// Court hears the [Aral]       │ Сот арал балықшыларын
	// fishermen                    │ тыңдады
}
