package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/document"
)

// TestBrowserSpaceOnButton: Space on a focused button presses it, as on
// any page (a keyboard user tabs to "Add to the word list" or Confirm and
// presses Space), rather than going to the next group, which Space does
// elsewhere on the page. Before, the page's keys took it: the button was
// never pressed.
func TestBrowserSpaceOnButton(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=en#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		waitTrue(`(function(){var b=document.querySelector("#g2 button.confirm");if(!b)return false;b.focus();return document.activeElement===b})()`,
			"group 2's Confirm button could not be focused"),
		chromedp.KeyEvent(" "),
		waitTrue(`!!document.querySelector("#g2 button.unconfirm")`, "Space on the focused Confirm button did not confirm group 2"),
	); err != nil {
		t.Fatal(err)
	}
	if g := f.alignment("news").Groups; g[1].Status != document.Confirmed {
		t.Fatalf("group 2 is %s after Space on its Confirm button", g[1].Status)
	}
}
