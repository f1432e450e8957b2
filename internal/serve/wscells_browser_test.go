package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWorkspaceTitleApartFromCounts: on the workspace page a
// language version's title and its counts are two lines. Before, they
// ran together: «a short briefingсөз: 63, сөйлем: 8».
func TestBrowserWorkspaceTitleApartFromCounts(t *testing.T) {
	ctx, ts := qaBrowserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/?lang=kk"),
		waitTrue(`document.querySelectorAll("table.ws td .doc-title").length === 3`, "the workspace page shows no titles"),
		waitTrue(`Array.prototype.every.call(document.querySelectorAll("table.ws td .doc-title"), s => {
			const c = s.parentElement.querySelector(".counts");
			return !!c && c.getBoundingClientRect().top >= s.getBoundingClientRect().bottom })`,
			"a title and its counts run together on one line"),
	); err != nil {
		t.Fatal(err)
	}
}
