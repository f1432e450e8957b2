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
	if !strings.Contains(row, `<textarea name="note" rows="3" maxlength="2000">`+long+`</textarea>`) {
		t.Errorf("group 2 lost the field that changes its note:\n%s", row)
	}
}

// TestFindingsPageFrom: the findings page opened from a group of the
// document (?from=N, which the document page's link carries) gives the
// focus to the first group to look at from N on, and its link back goes
// to group N: an editor who fixed group 3 and came back is at the next
// finding, not the first of the document (one they may have decided to
// leave), and goes back to where they were. Before, the focus was on the
// first finding and the back link went to the document's top.
func TestFindingsPageFrom(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	focused := func(page string) string {
		for _, a := range strings.Split(page, "<a ")[1:] {
			if strings.Contains(a[:strings.Index(a, ">")], "autofocus") {
				return a[:strings.Index(a, ">")]
			}
		}
		return ""
	}
	for _, tc := range []struct{ from, focus, back string }{
		{"", `href="/doc/news#g3"`, `href="/doc/news"`},
		{"4", `href="/doc/news#g6"`, `href="/doc/news#g4"`},
		{"3", `href="/doc/news#g3"`, `href="/doc/news#g3"`},
		{"7", `href="/doc/news#g3"`, `href="/doc/news"`},  // past the last: from the first again
		{"x", `href="/doc/news#g3"`, `href="/doc/news"`},  // not a group
		{"-2", `href="/doc/news#g3"`, `href="/doc/news"`}, // not a group
	} {
		q := ""
		if tc.from != "" {
			q = "?from=" + tc.from
		}
		_, page := c.get("/doc/news/findings" + q)
		if got := focused(page); !strings.Contains(got, tc.focus) {
			t.Errorf("from %q: the focused link is <a %s>, want %s", tc.from, got, tc.focus)
		}
		if !strings.Contains(page, `<p><a `+tc.back+`>`) {
			t.Errorf("from %q: the back link is not %s:\n%s", tc.from, tc.back, page)
		}
	}
}
