package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserChangeSaidAtTheGroup: after a change the page opens at the
// group, far from the top of the page where it says what the change did
// (and what it dropped, what it refused); the status line at the bottom
// of the window repeats it until the next key or click. Before, an editor who
// corrected a sentence of group 5 (in a low window) saw the group and not what happened.
func TestBrowserChangeSaidAtTheGroup(t *testing.T) {
	ctx, _, ts := browserFixture(t)
	const said = "corrected en sentence 1 of group 5"
	if err := chromedp.Do(ctx,
		// A low window: group 5 is far from the top of the page.
		chromedp.EmulateViewport(1280, 400),
		chromedp.Navigate(ts.URL+"/doc/news?lang=en#g5"),
		waitTrue(`document.getElementById("g5").classList.contains("current") && document.getElementById("key-status").hidden`, "group 5 never became current, or the status line shows with nothing said"),
		pageKey("s"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA"`, "s did not open the sentence box"),
		waitTrue(`(function(){document.activeElement.value="Corrected far down the page.";return true})()`, "could not type"),
		keyThatNavigates("\r"),
		waitNote(said),
		waitTrue(`location.hash === "#g5" && window.scrollY > 0 && document.querySelector("ul.notes").getBoundingClientRect().bottom < 0`, "the page did not open at group 5, away from the top"),
		waitTrue(`(function(){var s=document.getElementById("key-status"),r=s.getBoundingClientRect();return !s.hidden&&s.textContent.includes(`+jsString(said)+`)&&r.top>=0&&r.bottom<=window.innerHeight})()`,
			"what the change did is not said where the group is"),
		// A click (the mouse's user presses no key) takes it away.
		click("#key-status"),
		waitTrue(`document.getElementById("key-status").hidden`, "the line stayed after a click"),
	); err != nil {
		t.Fatal(err)
	}
}
