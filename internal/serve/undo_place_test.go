package serve_test

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestUndoGoesToTheStep: undo and redo lead to the group the step
// changed, where the result shows. The undo form names the page's first
// group; before, a translator at group 5 who pressed z was taken to group
// 1 and had to look for what undo had done.
func TestUndoGoesToTheStep(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct {
		name string
		edit []string
		want string
	}{
		{"note", []string{"op", "note", "group", "5", "note", "check the figure"}, "#g5"},
		{"sentence", []string{"op", "edit", "group", "4", "lang", "en", "sentence", "1", "text", "Corrected."}, "#g4"},
		{"range", []string{"op", "confirm-range", "range", "5-6"}, "#g5"},
		{"merge", []string{"op", "merge", "group", "2"}, "#g2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, page := c.get("/doc/news")
			csrf, version := formKeys(t, page)
			if res, _ := c.post("news", csrf, version, tc.edit...); res.StatusCode != 303 {
				t.Fatalf("edit: status %d", res.StatusCode)
			}
			for _, op := range []string{"undo", "redo"} {
				_, page = c.get("/doc/news")
				csrf, version = formKeys(t, page)
				res, _ := c.post("news", csrf, version, "op", op, "group", "1")
				if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, tc.want) {
					t.Errorf("%s led to %s, want %s", op, loc, tc.want)
				}
			}
		})
	}
}
