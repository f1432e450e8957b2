package serve_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestRefusedKeepsDraft: a change the rules refuse (a corrected sentence
// on two lines, as Enter in the box or a paste makes it; a note while
// another tilmash holds the workspace; a mistyped range) comes back with
// what the person typed in its field, and a hint in the page's words, not
// the command line's. Before, the page showed the field as it was and the
// typed text was gone.
func TestRefusedKeepsDraft(t *testing.T) {
	f := newFixture(t, serve.Options{LockWait: time.Millisecond})
	c := f.client()
	for _, tc := range []struct {
		name  string
		form  []string
		lock  bool
		field string // the field as the page must show it again
		said  string
	}{
		{"sentence on two lines", []string{"op", "edit", "group", "2", "lang", "ru", "sentence", "1", "text", "Первая строка\r\nвторая строка."},
			false, "<details class=\"sent-edit\" open>", "Enter in the box saves it"},
		{"note, workspace busy", []string{"op", "note", "group", "3", "note", "ask the desk about the figures"},
			true, `<textarea name="note" rows="3" maxlength="2000">ask the desk about the figures</textarea>`, ""},
		{"range past the end", []string{"op", "confirm-range", "range", "2-99"},
			false, `value="2-99"`, "Go to group"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, page := c.get("/doc/news")
			csrf, version := formKeys(t, page)
			if tc.lock {
				unlock, err := f.ws.Lock(0)
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
			}
			res, _ := c.post("news", csrf, version, tc.form...)
			_, body := c.follow(res)
			if !strings.Contains(body, `class="error"`) {
				t.Fatalf("the edit was not refused:\n%s", text(body))
			}
			if !strings.Contains(body, tc.field) {
				t.Errorf("the page does not show the typed text in its field %s:\n%s", tc.field, body)
			}
			if tc.said != "" && !strings.Contains(text(body), tc.said) {
				t.Errorf("the page does not say %q:\n%s", tc.said, text(body))
			}
			if strings.Contains(body, "--text") || strings.Contains(body, "tilmash show") {
				t.Errorf("the page gives a command line's hint:\n%s", text(body))
			}
		})
	}
	// The corrected sentence is in its own box, focused, and only there.
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	typed := "Первая строка\r\nвторая строка."
	res, _ := c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "ru", "sentence", "1", "text", typed)
	_, body := c.follow(res)
	want := `autofocus>` + html.EscapeString(typed) + `</textarea>`
	if n := strings.Count(body, "autofocus>"); n != 1 || !strings.Contains(body, want) {
		t.Errorf("%d focused boxes; want one holding the typed sentence %q", n, want)
	}
	if gs := f.alignment("news").Groups; gs[1].Sents["ru"][0].Text == typed || strings.Contains(gs[2].Note, "ask the desk") {
		t.Error("a refused edit changed the document")
	}
}

// TestRefusedDraftOnChangedDocument: when the document changes between a
// refusal and the page that shows it (another editor), the group numbers
// may have moved: the typed text is given back in a note, not put into
// whatever sentence now has the number.
func TestRefusedDraftOnChangedDocument(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "en", "sentence", "1", "text", "line one\nline two")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	// Another editor merges groups 1 and 2 before the page is drawn.
	other := f.client()
	_, p2 := other.get("/doc/news")
	csrf2, version2 := formKeys(t, p2)
	if r, _ := other.post("news", csrf2, version2, "op", "merge", "group", "1"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: status %d", r.StatusCode)
	}
	_, body := c.follow(res)
	if strings.Contains(body, "autofocus>") || strings.Contains(body, `<details class="sent-edit" open>`) {
		t.Error("the typed text was put into a sentence of a changed document")
	}
	if !strings.Contains(text(body), "the document has changed since") || !strings.Contains(text(body), "line one\nline two") {
		t.Errorf("the page does not give the typed text back:\n%s", text(body))
	}
}
