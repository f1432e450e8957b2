package serve_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestConfirmRemovesEmptyGroup: a group a new version left with no sentence (a paragraph only the
// Russian had, dropped) shows its old text and no score, as show does, and leaves the alignment
// when it is confirmed, as tilmash group confirm takes it out; the page said only that one group
// was confirmed, and the group was gone without a word.
func TestConfirmRemovesEmptyGroup(t *testing.T) {
	f := newFixture(t, serve.Options{})
	ch, err := document.Begin(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	a := f.alignment("news")
	n := len(a.Groups)
	empty := &document.Group{Status: document.Flagged, Detached: true, Was: map[string][]string{"ru": {"Абзац, который редакция убрала."}}}
	a.Groups = append(a.Groups[:3:3], append([]*document.Group{empty}, a.Groups[3:]...)...)
	if err := ch.SetAlignment(a); err != nil {
		t.Fatal(err)
	}
	if _, err := ch.Commit("review.done.align", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	// Before it is confirmed, the emptied group shows the text it had and no score: nothing in
	// it was aligned.
	_, page := f.client().get("/doc/news")
	rows := groupRows(t, page)
	if strings.Contains(rows[4], `class="score"`) || !strings.Contains(rows[4], "Абзац, который редакция убрала.") {
		t.Errorf("the emptied group 4 shows a score, or not its old text:\n%.900s", rows[4])
	}
	if !strings.Contains(rows[3], `class="score"`) {
		t.Errorf("group 3 lost its score:\n%.600s", rows[3])
	}
	for lang, want := range map[string]string{
		"en": "group 4 had no sentence left in any language: confirming took it out of the alignment",
		"ru": "в группе 4 не осталось предложений ни на одном языке: подтверждение убрало её из выравнивания",
	} {
		c := f.client()
		_, page := c.get("/doc/news?lang=" + lang)
		csrf, version := formKeys(t, page)
		res, _ := c.post("news", csrf, version, "op", "confirm", "group", "4")
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: confirm: status %d", lang, res.StatusCode)
		}
		_, body := c.follow(res)
		if !strings.Contains(text(body), want) {
			t.Errorf("%s: confirming the empty group 4 does not say %q:\n%s", lang, want, text(body))
		}
		if got := len(f.alignment("news").Groups); got != n {
			t.Errorf("%s: %d groups after the confirmation, want %d", lang, got, n)
		}
		_, page = c.get("/doc/news?lang=" + lang)
		csrf, version = formKeys(t, page)
		res, _ = c.post("news", csrf, version, "op", "undo")
		c.follow(res)
		if got := len(f.alignment("news").Groups); got != n+1 {
			t.Fatalf("%s: %d groups after undo, want %d", lang, got, n+1)
		}
	}
}
