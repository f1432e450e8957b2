package serve_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestRegroupedAndWasShown: the page says what show and review say of a
// group. A group a person merged shows "regrouped by hand" in place of the
// aligner's score until it is confirmed, and a group a new version of a
// translation took a sentence from shows the text it had. Before, the page
// showed a merged group's lowest score, as if the aligner doubted it, and
// never the old text.
func TestRegroupedAndWasShown(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	if res, _ := c.post("news", csrf, version, "op", "merge", "group", "2"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: status %d", res.StatusCode)
	}
	ch, err := document.Begin(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	a := f.alignment("news")
	g := a.Groups[3]
	g.Status, g.Detached, g.Was = document.Flagged, true, map[string][]string{"ru": {"Прежний текст <предложения>."}}
	if err := ch.SetAlignment(a); err != nil {
		t.Fatal(err)
	}
	if _, err := ch.Commit("review.done.align", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	_, page = c.get("/doc/news")
	rows := groupRows(t, page)
	if !strings.Contains(rows[2], `<span class="score" title="`) || !strings.Contains(rows[2], `>regrouped by hand</span>`) {
		t.Errorf("the merged group 2 does not say it was regrouped by hand:\n%.600s", rows[2])
	}
	if !strings.Contains(rows[4], `<div class="was"><b>RU before the new version:</b> Прежний текст &lt;предложения&gt;.</div>`) {
		t.Errorf("group 4 does not show the text a new version took from it:\n%.900s", rows[4])
	}
	if strings.Contains(rows[3], `class="was"`) || strings.Contains(rows[3], "regrouped by hand") {
		t.Errorf("group 3 says what it is not:\n%.600s", rows[3])
	}
}
