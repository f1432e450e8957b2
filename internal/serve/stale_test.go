package serve_test

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// rowOf is the row of group n on a page.
func rowOf(page string, n int) string {
	return regexp.MustCompile(`(?s)<tr id="g` + strconv.Itoa(n) + `".*?</tr>`).FindString(page)
}

// groupKey is the gh field of group n's forms on a page: what the group
// held when the page was drawn.
func groupKey(t *testing.T, page string, n int) string {
	t.Helper()
	m := regexp.MustCompile(`name="gh" value="([^"]+)"`).FindStringSubmatch(rowOf(page, n))
	if m == nil {
		t.Fatalf("group %d's forms carry no gh:\n%s", n, rowOf(page, n))
	}
	return m[1]
}

// TestStaleGivesTextBack: a change made on a page whose document has
// changed since (another editor merged two groups above) is not applied,
// and the answer is the document as it is now, with the typed text back:
// in its field when the group still holds what the page showed (under its
// new number), in a note when it does not. Before, a 409 page asked the
// translator to copy the text and paste it into the reloaded page.
func TestStaleGivesTextBack(t *testing.T) {
	f := newFixture(t, serve.Options{})
	alice, bob := f.client(), f.client()
	_, page := alice.get("/doc/news")
	csrf, old := formKeys(t, page)
	_, page2 := bob.get("/doc/news")
	bCSRF, v := formKeys(t, page2)
	// Bob merges 1 and 2: Alice's group 3 is group 2 now, her 5 is 4.
	if res, _ := bob.post("news", bCSRF, v, "op", "merge", "group", "1"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: status %d", res.StatusCode)
	}
	said := func(t *testing.T, body string) {
		t.Helper()
		got := text(body)
		if !strings.Contains(got, "news changed since your page was drawn") || strings.Contains(got, "copy") {
			t.Errorf("the page does not say the change was not applied, or asks to copy:\n%s", got)
		}
	}
	t.Run("sentence of a group that moved", func(t *testing.T) {
		typed := "Исправленный <перевод> & \"кавычки\""
		res, _ := alice.post("news", csrf, old, "op", "edit", "group", "3", "lang", "ru", "sentence", "1", "gh", groupKey(t, page, 3), "text", typed)
		if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, "#g2") {
			t.Errorf("the answer goes to %q, want the group's new number, #g2", loc)
		}
		_, body := alice.follow(res)
		said(t, body)
		want := `autofocus>` + html.EscapeString(typed) + `</textarea>`
		if !strings.Contains(rowOf(body, 2), want) || strings.Count(body, "autofocus>") != 1 {
			t.Errorf("the typed sentence is not back, focused, in group 2's box:\n%s", rowOf(body, 2))
		}
		if !strings.Contains(text(body), "group 3 of your page is group 2 now") {
			t.Errorf("the page does not say where the group went:\n%s", text(body))
		}
	})
	t.Run("note of a group that moved", func(t *testing.T) {
		res, _ := alice.post("news", csrf, old, "op", "note", "group", "5", "gh", groupKey(t, page, 5), "note", "ask the desk")
		_, body := alice.follow(res)
		said(t, body)
		if !strings.Contains(rowOf(body, 4), `<textarea name="note" rows="3" maxlength="2000">ask the desk</textarea>`) {
			t.Errorf("the note is not back in group 4's field:\n%s", rowOf(body, 4))
		}
	})
	t.Run("sentence of a group that changed", func(t *testing.T) {
		res, _ := alice.post("news", csrf, old, "op", "edit", "group", "2", "lang", "ru", "sentence", "1", "gh", groupKey(t, page, 2), "text", "Мой вариант")
		_, body := alice.follow(res)
		said(t, body)
		if strings.Contains(body, "autofocus>") || !strings.Contains(text(body), "Мой вариант") {
			t.Errorf("the text of a group that is not the same is not given back in a note:\n%s", text(body))
		}
	})
	t.Run("every change, from a page without gh", func(t *testing.T) {
		for _, form := range [][]string{
			{"op", "confirm", "group", "3", "gh", groupKey(t, page, 3)},
			{"op", "unconfirm", "group", "3"},
			{"op", "note", "group", "3", "note", "read by Alice"},
			{"op", "merge", "group", "3"},
			{"op", "undo", "group", "3"},
			{"op", "redo", "group", "3"},
		} {
			res, _ := alice.post("news", csrf, old, form...)
			_, body := alice.follow(res)
			said(t, body)
		}
	})
	t.Run("in Russian", func(t *testing.T) {
		alice.get("/?lang=ru")
		defer alice.get("/?lang=en")
		res, _ := alice.post("news", csrf, old, "op", "note", "group", "5", "gh", groupKey(t, page, 5), "note", "спросить")
		_, body := alice.follow(res)
		if got := text(body); !strings.Contains(got, "Документ news изменился") || !strings.Contains(got, "группа 5 вашей страницы теперь группа 4") {
			t.Errorf("Russian page:\n%s", got)
		}
	})
	gs := f.alignment("news").Groups
	if len(gs) != 5 || gs[1].Status == document.Confirmed || gs[2].Status != document.Confirmed || gs[2].Note != "" || gs[3].Note != "" || gs[1].Sents["ru"][0].Text == "Мой вариант" {
		t.Fatalf("a stale change was applied: %d groups, group 2 %s, group 3 %s %q, group 4 note %q", len(gs), gs[1].Status, gs[2].Status, gs[2].Note, gs[3].Note)
	}
	// The page the answer leads to is current: its forms work.
	_, page = alice.get("/doc/news")
	_, fresh := formKeys(t, page)
	if res, _ := alice.post("news", csrf, fresh, "op", "unconfirm", "group", "3"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after the answer: status %d", res.StatusCode)
	}
	if f.alignment("news").Groups[2].Status == document.Confirmed {
		t.Fatal("group 3 still confirmed on the current page")
	}
}
