package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserGroupBelowHeadings: a page opened at a group (#g4: a link
// from the findings page, the concordance, a redirect after an edit)
// shows the group's number and status below the column headings, which
// stay at the top of the window. Before, the browser scrolled the group
// to the very top and the headings covered its first lines: the number
// of the group just edited was hidden.
func TestBrowserGroupBelowHeadings(t *testing.T) {
	ctx, _, ts := browserFixture(t)
	if err := chromedp.Do(ctx,
		// A low window: the page scrolls to group 4.
		chromedp.EmulateViewport(1280, 400),
		chromedp.Navigate(ts.URL+"/doc/news#g4"),
		waitTrue(`document.getElementById("g4").classList.contains("current") && window.scrollY > 0`, "the page did not open at group 4"),
		waitTrue(`(function(){var n=document.querySelector("#g4 a.n").getBoundingClientRect(),h=document.querySelector("table.groups thead th").getBoundingClientRect();return n.top>=h.bottom&&n.bottom<=window.innerHeight})()`,
			"group 4's number is under the column headings"),
	); err != nil {
		t.Fatal(err)
	}
}
