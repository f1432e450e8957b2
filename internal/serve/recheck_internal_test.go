package serve

import (
	"net/http/httptest"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestEditRechecksEditedGroup: after an edit of one group (here made as
// tilmash group edit makes it, in a terminal), the document page checks
// that group again and keeps the findings of the others.
func TestEditRechecksEditedGroup(t *testing.T) {
	ws, err := reviewtest.Workspace(t.TempDir(), "news", reviewtest.OneToOne)
	if err != nil {
		t.Fatal(err)
	}
	a := NewTestApp("test")
	s, err := New(Options{App: a, WS: ws})
	if err != nil {
		t.Fatal(err)
	}
	get := func() app.AlignCheck {
		t.Helper()
		r := httptest.NewRequest("GET", "/doc/news", nil)
		r.Host = "127.0.0.1:8750"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("status %d\n%s", w.Code, w.Body)
		}
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		if len(s.cache.checks) != 1 {
			t.Fatalf("%d checks kept, want 1", len(s.cache.checks))
		}
		return s.cache.checks[0].res
	}
	if res := get(); res.Rechecked() != 6 {
		t.Fatalf("the first view checked %d groups, want all 6", res.Rechecked())
	}
	d, err := document.Open(ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	edit := review.EditText{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил \"новые\" доказательства."}
	if _, err := a.Edit(d, app.EditRequest{Build: func(*document.Alignment) (review.Op, error) { return edit, nil }}); err != nil {
		t.Fatal(err)
	}
	res := get()
	if res.Rechecked() != 1 {
		t.Errorf("after an edit of group 3 the page checked %d groups, want 1", res.Rechecked())
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Group == 3 && f.Check == "typography"
	}
	if !found {
		t.Errorf("the quotation marks put in group 3 are not found: %v", res.Findings)
	}
}
