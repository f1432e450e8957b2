package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFindingsWordsWhole: on the findings page in Russian the
// short columns (language, check, severity) break between words
// only: «предупреждение» stays one word. Before, every cell could break
// anywhere, and the severity of a warning read «предупрежден / ие» even
// in a 1280-pixel window.
func TestBrowserFindingsWordsWhole(t *testing.T) {
	ctx, ts := qaBrowserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(800, 700),
		chromedp.Navigate(ts.URL+"/doc/prices/findings?lang=ru"),
		waitTrue(`Array.prototype.some.call(document.querySelectorAll("table.checks td.severity"), td => td.textContent === "предупреждение")`, "the page lists no warning"),
		waitTrue(`Array.prototype.every.call(document.querySelectorAll("table.checks td:nth-child(2), table.checks td:nth-child(3), table.checks td.severity"), td => {
			const r = document.createRange(); r.selectNodeContents(td);
			return /\s/.test(td.textContent.trim()) || r.getClientRects().length <= 1 })`,
			"a word of the findings table's short columns is cut over two lines"),
	); err != nil {
		t.Fatal(err)
	}
}
