package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestNoteShownWhole: a group's note is shown whole, wrapped, beside the
// group; it was only the value of a one-line field 11 characters wide, so
// that an editor read the first words of a colleague's note and had to
// scroll inside the field for the rest. The field to change it is still
// there, under "Note".
func TestNoteShownWhole(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	long := "Ask the desk whether the figure is the regional or the national one; the source gives both, and the Kazakh text has the other."
	if res, _ := c.post("news", csrf, version, "op", "note", "group", "2", "note", long); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("note: status %d", res.StatusCode)
	}
	_, page = c.get("/doc/news")
	row := groupRows(t, page)[2]
	if !strings.Contains(row, `<p class="note-text">`+long+`</p>`) {
		t.Errorf("group 2 does not show its note whole:\n%s", row)
	}
	if !strings.Contains(row, `<input name="note" value="`+long+`"`) {
		t.Errorf("group 2 lost the field that changes its note:\n%s", row)
	}
}
