package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestConfirmAdvance: the key c sends advance=1 with the confirmation, and
// the page it leads to is at the next group, as c in tilmash review goes on;
// the button alone (the mouse) stays at the group, and the last group has
// no next.
func TestConfirmAdvance(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct {
		group, advance, want string
	}{
		{"2", "1", "#g3"},
		{"3", "", "#g3"},
		{"6", "1", "#g6"},
	} {
		_, page := c.get("/doc/news")
		csrf, version := formKeys(t, page)
		kv := []string{"op", "confirm", "group", tc.group}
		if tc.advance != "" {
			kv = append(kv, "advance", tc.advance)
		}
		res, _ := c.post("news", csrf, version, kv...)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("group %s: status %d", tc.group, res.StatusCode)
		}
		if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, tc.want) {
			t.Errorf("confirm group %s (advance %q) led to %s, want %s", tc.group, tc.advance, loc, tc.want)
		}
	}
}
