package reviewcmd

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// dropped puts two groups a new version left without sentences (a
// paragraph only the Russian had, which it dropped: flagged, detached,
// with their old text) after group After.
type dropped struct{ After int }

func (o dropped) Apply(a *document.Alignment, _ map[string]string) (*review.Change, error) {
	var gs []*document.Group
	for _, text := range []string{"Редакция напоминает.", "Пишите нам."} {
		gs = append(gs, &document.Group{Status: document.Flagged, Detached: true, Score: 0.7,
			Sents: map[string][]document.Sentence{}, Was: map[string][]string{"ru": {text}}})
	}
	a.Groups = append(a.Groups[:o.After:o.After], append(gs, a.Groups[o.After:]...)...)
	return &review.Change{Message: "review.done.note", Data: map[string]any{"Group": o.After + 1, "Note": ""}}, nil
}

// TestConfirmRemovesAnEmptyGroup: c on a group left with no sentence takes
// it out of the alignment, and the cursor stays on the group that took
// its place, the second such group here, which the person has not read:
// moving on from there skipped it.
func TestConfirmRemovesAnEmptyGroup(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	elsewhere(t, s, dropped{After: 2})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	n := len(s.snap.Alignment.Groups)
	s.cur = 3
	press(t, s, "c")
	if got := len(s.snap.Alignment.Groups); got != n-1 {
		t.Fatalf("%d groups after confirming an empty one, want %d", got, n-1)
	}
	if !strings.Contains(s.msgs, "group 3 had no sentence left in any language: confirming took it out of the alignment") {
		t.Errorf("the screen says %q", s.msgs)
	}
	if g := s.snap.Alignment.Groups[s.cur-1]; s.cur != 3 || len(g.Was["ru"]) == 0 || g.Was["ru"][0] != "Пишите нам." {
		t.Fatalf("the cursor is on group %d, want 3, the second empty group", s.cur)
	}
	press(t, s, "c")
	if got := len(s.snap.Alignment.Groups); got != n-2 {
		t.Fatalf("%d groups after confirming both, want %d", got, n-2)
	}
}
