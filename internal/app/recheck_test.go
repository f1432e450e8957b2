package app_test

import (
	"reflect"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestRecheckAligned: after edits of one group each, RecheckAligned given
// the check before checks that group only, and finds what CheckAligned
// finds in the whole document: the finding of group 3 is kept while
// group 1 changes, and goes when group 3 is put right.
func TestRecheckAligned(t *testing.T) {
	ws, err := reviewtest.Workspace(t.TempDir(), "aral", reviewtest.Uneven)
	if err != nil {
		t.Fatal(err)
	}
	a := app.New("test")
	d, err := document.Open(ws, "aral")
	if err != nil {
		t.Fatal(err)
	}
	load := func() *document.Alignment {
		t.Helper()
		snap, err := review.Load(d)
		if err != nil {
			t.Fatal(err)
		}
		return snap.Alignment
	}
	prev := a.RecheckAligned(d, load(), app.AlignCheck{})
	if prev.Err != nil || !prev.Checked || prev.Rechecked() != 6 {
		t.Fatalf("the first check: %v, %d groups checked, want all 6", prev.Err, prev.Rechecked())
	}
	for _, e := range []review.EditText{
		{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил \"новые\" доказательства 5 мая."},
		{Group: 1, Lang: "kk", Sentence: 1, Text: "Сот арал балықшыларын 2 рет тыңдады."},
		{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил новые доказательства."},
	} {
		if _, err := a.Edit(d, app.EditRequest{Build: func(*document.Alignment) (review.Op, error) { return e, nil }}); err != nil {
			t.Fatal(err)
		}
		al := load()
		got, want := a.RecheckAligned(d, al, prev), a.CheckAligned(d, al)
		if got.Err != nil || got.Rechecked() != 1 {
			t.Errorf("after the edit of group %d: %v, %d groups checked, want 1", e.Group, got.Err, got.Rechecked())
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("after the edit of group %d the findings are\n%v\nwant\n%v", e.Group, got.Findings, want.Findings)
		}
		if e.Group == 1 && len(got.Findings) == 0 {
			t.Fatal("the quotation marks put in group 3 are not found after group 1 changed")
		}
		prev = got
	}
}
