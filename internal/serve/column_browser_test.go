package serve_test

import (
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserYourColumn: s opens a sentence of the person's own column,
// the interface's language (a Russian translator reaches the Russian
// sentences), s again the next sentence of that column, and 1, 2, 3 pick
// another column, remembered on the next page. Before, s opened only the
// first sentence of the first column (English): a Russian or Kazakh
// translator reached their sentences only with Tab or the mouse.
func TestBrowserYourColumn(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	// Group 2 with two sentences in every language.
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	if res, _ := c.post("news", csrf, version, "op", "merge", "group", "2"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: status %d", res.StatusCode)
	}
	// The box that has the focus: its language and sentence (its form's
	// address names them).
	at := func(lang, k, never string) chromedp.Action[chromedp.Void] {
		return waitTrue(`(function(){var t=document.activeElement;if(!t||t.tagName!=="TEXTAREA")return false;var e=new URL(t.form.action).searchParams;`+
			`return t.closest("tr").id==="g2"&&e.get("lang")===`+jsString(lang)+`&&e.get("sentence")===`+jsString(k)+`})()`, never)
	}
	esc := chromedp.KeyEvent("\x1b")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=ru#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		waitTrue(`document.querySelector("thead th.work[lang=ru]") !== null`, "the Russian column is not marked as the person's"),
		pageKey("s"), at("ru", "1", "s did not open the first Russian sentence"),
		esc, pageKey("s"), at("ru", "2", "s again did not open the next Russian sentence"),
		esc, pageKey("s"), at("ru", "1", "s after the last sentence did not come back to the first"),
		esc, pageKey("3"), at("kk", "1", "3 did not open the first sentence of the third column"),
		waitTrue(`document.querySelector("thead th.work[lang=kk]") !== null && document.querySelectorAll("thead th.work").length === 1`, "the Kazakh column is not marked after 3"),
		esc,
		chromedp.Navigate(ts.URL+"/doc/news#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		pageKey("s"), at("kk", "1", "the column picked with 3 was not remembered"),
		waitTrue(`document.getElementById("keys").textContent.includes("1, 2, 3")`, "the key help does not name the column keys"),
	); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserNextFinding: f goes to the next group with a finding or a
// flag, F back to the one before; after the last on the page, f opens the
// document's findings page, the first group's link focused (Enter opens
// it). Before, an editor went from one finding to the next with j through
// every confirmed group, or back to the findings page with the mouse, and
// there Tabbed past the menus to the first finding. The links to the
// interface's other languages keep the group (they opened the page's top).
func TestBrowserNextFinding(t *testing.T) {
	ctx, _, ts := browserFixture(t)
	current := func(n, never string) chromedp.Action[chromedp.Void] {
		return waitTrue(`document.getElementById("g`+n+`").classList.contains("current") && location.hash === "#g`+n+`"`, never)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=ru#g1"),
		current("1", "group 1 never became current"),
		pageKey("f"), current("3", "f did not go to the flagged group 3"),
		// The links to the interface's other languages stay at the group.
		waitTrue(`Array.prototype.every.call(document.querySelectorAll("nav.langs a"), a => a.hash === "#g3")`, "the language links do not keep the group"),
		// The findings page opens from the group.
		waitTrue(`document.getElementById("findings-link").search === "?from=3"`, "the findings link does not carry the group"),
		pageKey("f"), current("6", "f did not go to the flagged group 6"),
		pageKey("F"), current("3", "F did not go back to group 3"),
		pageKey("f"), current("6", "f did not go to group 6 again"),
		navigating(pageKey("f")),
		waitTrue(`document.body.dataset.page === "findings"`, "f after the last flagged group did not open the findings page"),
		// There the link to the first group to look at from group 6 on
		// has the focus: Enter opens it.
		waitTrue(`document.activeElement === document.querySelector("table.findings a[href$='#g6']")`, "group 6's link does not have the focus"),
		// Its column headings are words on one line each, not cut, even
		// in a narrow window.
		chromedp.EmulateViewport(420, 700),
		waitTrue(`Array.prototype.every.call(document.querySelectorAll("table.findings thead th"), th => { const r = document.createRange(); r.selectNodeContents(th); return r.getClientRects().length === 1 })`,
			"a column heading of the findings page is cut over two lines"),
	); err != nil {
		t.Fatal(err)
	}
}
