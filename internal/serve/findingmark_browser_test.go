package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFindingMarkSize: a word marked as a finding in a sentence is
// in the sentence's size. It was set at 0.8 of it, as the findings
// listed in the group column are (the two shared the class finding), so
// the very word the editor had to look at was the smallest on the page.
// One page load.
func TestBrowserFindingMarkSize(t *testing.T) {
	ctx, ts := qaBrowserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(ts.URL+"/doc/prices?lang=kk"),
		waitTrue(`(function(){var ms=document.querySelectorAll("td mark.finding");if(!ms.length)return false;`+
			`return Array.prototype.every.call(ms,function(m){return getComputedStyle(m).fontSize===getComputedStyle(m.parentElement).fontSize})})()`,
			"a word marked as a finding is not in its sentence's size"),
		waitTrue(`(function(){var f=document.querySelector("th div.finding"),th=f&&f.closest("th");return !!f&&parseFloat(getComputedStyle(f).fontSize)<parseFloat(getComputedStyle(th).fontSize)})()`,
			"the findings of the group column are no longer small"),
	); err != nil {
		t.Fatal(err)
	}
}
