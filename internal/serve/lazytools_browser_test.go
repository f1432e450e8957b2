package serve_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserLazySentenceTools: with the script, a closed sentence's tools
// and a closed note are not elements of the page (before, every sentence
// brought a form of eight or more fields and buttons, most of a page's
// elements); opened with the mouse they are the form, and save. Without
// the script the same tools work as plain forms.
func TestBrowserLazySentenceTools(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news"),
		waitTrue(`document.getElementById("g2") !== null`, "the page did not load"),
		waitTrue(`document.querySelectorAll("details.sent-edit:not([open]) form, details.note-edit:not([open]) form").length === 0`,
			"closed tools are elements of the page"),
		waitTrue(`document.querySelectorAll("details.sent-edit").length > 0`, "the page has no sentence tools"),
		chromedp.Click(chromedp.CSS(`#g2 td[lang=en] details.sent-edit summary`)),
		waitTrue(`(function(){var t=document.querySelector("#g2 td[lang=en] details.sent-edit[open] textarea[name=text]");if(!t)return false;t.value="Corrected with the mouse.";return true})()`,
			"the opened tools have no box"),
		click(`#g2 td[lang=en] details.sent-edit[open] button[value=edit]`),
		waitNote("corrected en sentence 1 of group 2"),
		chromedp.Click(chromedp.CSS(`#g3 details.note-edit summary`)),
		waitTrue(`(function(){var t=document.querySelector("#g3 details.note-edit[open] textarea[name=note]");if(!t)return false;t.value="ask the desk";return true})()`,
			"the opened note has no box"),
		click(`#g3 details.note-edit[open] button[value=note]`),
		waitNote("group 3"),
	); err != nil {
		t.Fatal(err)
	}
	if got := f.alignment("news").Groups[1].Sents["en"][0].Text; got != "Corrected with the mouse." {
		t.Fatalf("group 2's en sentence on disk: %q", got)
	}
	if got := f.alignment("news").Groups[2].Note; got != "ask the desk" {
		t.Fatalf("group 3's note on disk: %q", got)
	}

	// Without the script (the tab gets it back for the next test).
	script := func(disabled bool) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
			return chromedp.Void{}, err
		}
	}
	t.Cleanup(func() {
		if err := chromedp.Do(ctx, script(false)); err != nil {
			t.Error(err)
		}
	})
	if err := chromedp.Do(ctx, script(true),
		chromedp.Navigate(ts.URL+"/doc/news"),
		chromedp.Click(chromedp.CSS(`#g4 td[lang=en] details.sent-edit summary`)),
		chromedp.WaitVisible(chromedp.CSS(`#g4 td[lang=en] details.sent-edit[open] textarea[name=text]`)),
		chromedp.SetValue(chromedp.CSS(`#g4 td[lang=en] details.sent-edit[open] textarea[name=text]`), "Corrected without the script."),
		click(`#g4 td[lang=en] details.sent-edit[open] button[value=edit]`),
		chromedp.WaitVisible(chromedp.CSS(`ul.notes`)),
	); err != nil {
		t.Fatal(err)
	}
	if got := f.alignment("news").Groups[3].Sents["en"][0].Text; got != "Corrected without the script." {
		t.Fatalf("group 4's en sentence on disk: %q", got)
	}
}
