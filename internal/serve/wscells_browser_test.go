package serve_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWorkspaceTitleApartFromCounts: on the workspace page a
// language version's title and its counts are two lines. Before, they
// ran together: «a short briefingсөз: 63, сөйлем: 8».
func TestBrowserWorkspaceTitleApartFromCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test is left out")
	}
	t.Parallel()
	ctx := browser(t)
	a, ws := qaWorkspace(t)
	ts := httptest.NewServer(fixtureOn(t, a, ws).srv)
	t.Cleanup(ts.Close)
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
