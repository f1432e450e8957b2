package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/document"
)

// TestBrowserConfirmOnConfirmed: c on a group confirmed already goes on to
// the next group and says the group was confirmed, as tilmash review does,
// and changes nothing. Before, it did nothing and said nothing: an editor
// reading a confirmed document with c stood still.
func TestBrowserConfirmOnConfirmed(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=kk#g1"),
		waitTrue(`document.getElementById("g1").classList.contains("current")`, "group 1 never became current"),
		pageKey("c"),
		waitTrue(`document.getElementById("g2").classList.contains("current") && location.hash === "#g2"`, "c on the confirmed group 1 did not go on to group 2"),
		waitTrue(`(function(){var s=document.getElementById("key-status");return !s.hidden&&s.textContent.includes("1-топ бұрыннан расталған")})()`,
			"c on the confirmed group 1 did not say it was confirmed"),
		waitTrue(`!document.querySelector("ul.notes")`, "the page was sent again"),
	); err != nil {
		t.Fatal(err)
	}
	if g := f.alignment("news").Groups; g[0].Status != document.Confirmed || g[1].Status == document.Confirmed {
		t.Fatalf("groups 1 and 2 are %s and %s after c", g[0].Status, g[1].Status)
	}
}
