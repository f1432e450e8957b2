package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestBrowserNoSentenceInColumn: s on a group with no sentence in the
// person's column (a group with only en and ru, the column kk) says so in
// a line of the reader's language, and the next key takes the line away.
// Before, s did nothing and said nothing.
func TestBrowserNoSentenceInColumn(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	// Group 4 of the uneven sample has no Kazakh sentence.
	if err := reviewtest.Add(f.ws, "uneven", reviewtest.Uneven); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/uneven?lang=kk#g4"),
		waitTrue(`document.getElementById("g4").classList.contains("current")`, "group 4 never became current"),
		pageKey("s"),
		waitTrue(`(function(){var s=document.getElementById("key-status");return !s.hidden&&s.getClientRects().length>0&&s.textContent.includes("Бұл топта kk бағанында сөйлем жоқ")})()`,
			"s on a group without a Kazakh sentence said nothing"),
		waitTrue(`document.activeElement.tagName !== "TEXTAREA"`, "s opened a box"),
		// 1 makes the English column the person's: its sentence opens, and
		// the line is gone.
		pageKey("1"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA" && document.getElementById("key-status").hidden`, "1 did not open the en sentence, or the line stayed"),
	); err != nil {
		t.Fatal(err)
	}
}
