package serve_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestBrowserSentenceKeys: the keys of the sentence tools in a real
// browser. Enter in a sentence's box saves it (before, it put a line
// break into the box, and the server refused every sentence saved that
// way); Escape closes the tools and gives the keys back to the group
// (before, j and k did nothing until a click); c confirms and goes on to
// the next group, as in tilmash review.
func TestBrowserSentenceKeys(t *testing.T) {
	ctx, f, ts := browserFixture(t)

	// s on group 2 opens its first sentence's tools at the box; Escape
	// closes them, and j moves on again.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		pageKey("s"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA"`, "s did not open the sentence box"),
		chromedp.KeyEvent("\x1b"),
		waitTrue(`!document.querySelector("#g2 details.sent-edit[open]")`, "Escape did not close the sentence tools"),
		chromedp.KeyEvent("j"),
		waitTrue(`document.getElementById("g3").classList.contains("current")`, "j did nothing after Escape"),
	); err != nil {
		t.Fatal(err)
	}

	// Enter in the box saves the sentence.
	if err := chromedp.Do(ctx,
		pageKey("s"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA"`, "s did not open the sentence box"),
		waitTrue(`(function(){var t=document.activeElement;t.value="Corrected with the keyboard.";return true})()`, "could not type"),
		keyThatNavigates("\r"),
		waitNote("corrected en sentence 1 of group 3"),
	); err != nil {
		t.Fatal(err)
	}
	if got := f.alignment("news").Groups[2].Sents["en"][0].Text; got != "Corrected with the keyboard." {
		t.Fatalf("group 3's en sentence on disk: %q", got)
	}

	// c confirms group 3 and goes on to group 4.
	if err := chromedp.Do(ctx,
		waitTrue(`document.getElementById("g3").classList.contains("current")`, "the saved group is not current"),
		keyThatNavigates("c"),
		waitNote("confirmed group 3"),
		waitTrue(`location.hash === "#g4" && document.getElementById("g4").classList.contains("current")`, "c did not go on to group 4"),
	); err != nil {
		t.Fatal(err)
	}
	if g := f.alignment("news").Groups[2]; g.Status != document.Confirmed {
		t.Fatalf("group 3 is %s after c", g.Status)
	}

	// A refused sentence (two lines, pasted) comes back in its box, and
	// the box has the focus, not the row the address names: Enter saves
	// it again.
	if err := chromedp.Do(ctx,
		pageKey("s"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA"`, "s did not open the sentence box"),
		waitTrue(`(function(){document.activeElement.value="Pasted\nin two lines.";return true})()`, "could not type"),
		click(`#g4 details.sent-edit[open] button[value=edit]`),
		waitNote("several lines"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA" && document.activeElement.value === "Pasted\nin two lines."`,
			"the refused sentence's box does not have the focus"),
	); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCyrillicLayout: the keys work on a Russian or Kazakh layout,
// where the key c types с, j types о: the script takes the key's place
// (KeyC, KeyJ). Before, a translator typing in Cyrillic pressed c and
// nothing happened.
func TestBrowserCyrillicLayout(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	// A key as a Cyrillic layout reports it: its letter, and its place.
	at := func(key, code string) chromedp.KeyOption {
		return func(p *input.DispatchKeyEventParams) { p.Key, p.Code = key, code }
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		chromedp.KeyEvent("о", at("о", "KeyJ")),
		waitTrue(`document.getElementById("g3").classList.contains("current")`, "о (the key j) did not move on"),
		navigating(chromedp.KeyEvent("с", at("с", "KeyC"))),
		waitNote("confirmed group 3"),
	); err != nil {
		t.Fatal(err)
	}
	if g := f.alignment("news").Groups[2]; g.Status != document.Confirmed {
		t.Fatalf("group 3 is %s after с (the key c)", g.Status)
	}
}

// TestBrowserUnsavedSentence: a sentence typed in its box and not saved is
// not lost to a click on another group's Confirm: the browser asks first
// (beforeunload), and staying keeps the text and applies nothing. Before,
// the page went away with the text.
func TestBrowserUnsavedSentence(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	dialogs := make(chan page.DialogType, 4)
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case dialogs <- d.Type:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		pageKey("s"),
		waitTrue(`document.activeElement.tagName === "TEXTAREA"`, "s did not open the sentence box"),
		chromedp.KeyEvent(" typed"),
	); err != nil {
		t.Fatal(err)
	}
	clicked := make(chan error, 1)
	go func() { _, err := chromedp.Run(ctx, click(`#g5 button.confirm`)); clicked <- err }()
	select {
	case typ := <-dialogs:
		if typ != page.DialogTypeBeforeunload {
			t.Fatalf("a %s dialog, want beforeunload", typ)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the click left the page without asking (group 5 is %s)", f.alignment("news").Groups[4].Status)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	<-clicked
	if !run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#g2 details.sent-edit textarea").value.includes(" typed")`)) {
		t.Error("the typed text is gone from the box")
	}
	if g := f.alignment("news").Groups[4]; g.Status == "confirmed" {
		t.Error("group 5 was confirmed though the person chose to stay")
	}
}

// pageKey presses a key the page's script takes (and prevents): a browser
// then types nothing, but the char event CDP sends after the key would
// type the letter into the box the script has just focused (s opens the
// sentence box), and the box would count as edited.
func pageKey(k string) chromedp.Action[chromedp.Void] {
	return chromedp.KeyEvent(k, func(p *input.DispatchKeyEventParams) {
		if p.Type == input.DispatchKeyEventTypeChar {
			p.Text, p.UnmodifiedText = "", ""
		}
	})
}

// browserFixture starts a browser test of the keys: a tab of its own in
// the shared Chromium, in parallel with the others, on a fixture
// workspace served by a server of its own.
func browserFixture(t *testing.T) (context.Context, *fixture, *httptest.Server) {
	t.Helper()
	return browserServing(t, func() *fixture { return newFixture(t, serve.Options{}) })
}

// qaBrowserFixture is browserFixture on qaWorkspace's workspace, whose
// documents have findings of every check.
func qaBrowserFixture(t *testing.T) (context.Context, *httptest.Server) {
	t.Helper()
	ctx, _, ts := browserServing(t, func() *fixture {
		a, ws := qaWorkspace(t)
		return fixtureOn(t, a, ws)
	})
	return ctx, ts
}

// browserServing starts a browser test, skipped with -short, in parallel
// with the others, with a tab of its own and the fixture mk makes served
// by a server of its own.
func browserServing(t *testing.T, mk func() *fixture) (context.Context, *fixture, *httptest.Server) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser test is left out")
	}
	t.Parallel()
	ctx := browser(t)
	f := mk()
	ts := httptest.NewServer(f.srv)
	t.Cleanup(ts.Close)
	return ctx, f, ts
}
