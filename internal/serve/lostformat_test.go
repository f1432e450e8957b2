package serve_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestEditSaysLostFormatting: a sentence edit on the page that rewrites
// the words under a bold drops the bold, and the note after the edit
// says so (as tilmash group edit does); an edit that keeps it says
// nothing of formatting.
func TestEditSaysLostFormatting(t *testing.T) {
	f := newFixture(t, serve.Options{})
	ch, err := document.Begin(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	en, err := ch.Text("en")
	if err != nil {
		t.Fatal(err)
	}
	bold := "Aral fishermen"
	at := strings.Index(en, bold)
	if at < 0 {
		t.Fatalf("no %q in %q", bold, en)
	}
	ch.SetFormatting("en", en, &document.Formatting{From: "md", Spans: []docformat.Span{{Start: at, End: at + len(bold), Kind: docformat.Bold, Text: bold}}})
	if _, err := ch.Commit("review.done.align", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
	c := f.client()
	for _, tc := range []struct {
		text string
		lost bool
	}{
		{"Court hears the Aral fishermen today", false},
		{"Court hears the trawler crews today", true},
	} {
		_, page := c.get("/doc/news")
		csrf, version := formKeys(t, page)
		res, body := c.post("news", csrf, version, "op", "edit", "group", "1", "lang", "en", "sentence", "1", "text", tc.text)
		for res.StatusCode == http.StatusSeeOther {
			res, body = c.follow(res)
		}
		said := strings.Contains(text(body), "bold over “Aral fishermen” in en was lost: the words under it were rewritten")
		if said != tc.lost {
			t.Errorf("%q: the page says the bold was lost: %v, want %v:\n%s", tc.text, said, tc.lost, text(body))
		}
	}
}
