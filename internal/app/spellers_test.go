package app

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
)

// TestPublishKeepsSpellers: with spelling an error, publish's gate spells
// each document; an app with Spellers starts hunspell over each
// dictionary copy (the ru and kk quick copies, the kk suggestion copy)
// once for three documents, the processes going from one document's gate
// to the next, and still holds back every misspelt document. Without
// Spellers each document's gate starts its own.
func TestPublishKeepsSpellers(t *testing.T) {
	starts := hunspellStartLog(t)
	ws := spellWorkspace(t, true, true)
	for i := 2; i <= 3; i++ {
		texts := map[string]string{"en": "The council approved 95 projects.\n", "ru": "Совет одобрил 95 проектов.\n", "kk": "Кеңес 95 жобаны мақұлдадфыв.\n"}
		for lang, text := range texts {
			if _, err := document.Import(ws, fmt.Sprintf("news%d", i), lang, []byte(text), lang+".txt", document.ImportOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	ap := spellApp(t)
	ap.Workers = 1 // one gate at a time: each takes what the last gave back
	ap.Spellers = qa.NewSpellers(4)
	res, heard := publish(t, ap, ws, false)
	if res.Held != 3 {
		t.Errorf("%d held back, want all 3\n%v", res.Held, heard)
	}
	if n := ap.Spellers.Idle(); n != 2 {
		t.Errorf("%d spellers kept, want the ru and kk ones", n)
	}
	if err := ap.Spellers.Close(); err != nil {
		t.Fatal(err)
	}
	got := starts()
	slices.Sort(got)
	if len(got) == 0 || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("hunspell started over %q: a copy more than once", got)
	}
}
