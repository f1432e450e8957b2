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

// TestBrowserMergeAtTheEdges: m on the document's last group and M on its
// first say there is no group to merge with, as tilmash review does, and
// change nothing. Before, both keys did nothing and said nothing.
func TestBrowserMergeAtTheEdges(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	line := func(want, never string) chromedp.Action[chromedp.Void] {
		return waitTrue(`(function(){var s=document.getElementById("key-status");return !s.hidden&&s.textContent.includes(`+jsString(want)+`)})()`, never)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=ru#g6"),
		waitTrue(`document.getElementById("g6").classList.contains("current")`, "group 6 never became current"),
		pageKey("m"), line("группа 6 последняя", "m on the last group said nothing"),
		// Another address (the language is kept in a cookie): a new page.
		chromedp.Navigate(ts.URL+"/doc/news#g1"),
		waitTrue(`document.getElementById("g1").classList.contains("current")`, "group 1 never became current"),
		pageKey("M"), line("группа 1 первая", "M on the first group said nothing"),
	); err != nil {
		t.Fatal(err)
	}
	if n := len(f.alignment("news").Groups); n != 6 {
		t.Fatalf("%d groups after m and M at the edges", n)
	}
}
