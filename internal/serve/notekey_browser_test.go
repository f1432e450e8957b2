package serve_test

import (
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestBrowserNoteKey: a opens the current group's note with its field
// focused, the cursor after the note it holds; Enter saves it, Escape
// closes it and gives the keys back to the group, as in the sentence
// tools; on a Russian or Kazakh layout the key (ф) works too, and the key
// help names it. Before, a translator writing a note reached for the mouse.
func TestBrowserNoteKey(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	// The key a as a Russian or Kazakh layout reports it, taken by the
	// page (no character typed into the field it focuses).
	ef := chromedp.KeyEvent("ф", func(p *input.DispatchKeyEventParams) {
		p.Key, p.Code = "ф", "KeyA"
		if p.Type == input.DispatchKeyEventTypeChar {
			p.Text, p.UnmodifiedText = "", ""
		}
	})
	noteFocused := func(g, never string) chromedp.Action[chromedp.Void] {
		return waitTrue(`(function(){var t=document.activeElement;return !!t&&t.name==="note"&&t.closest("details.note-edit").open&&t.closest("tr").id===`+jsString(g)+`})()`, never)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/news?lang=ru#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		waitTrue(`document.getElementById("keys").textContent.includes("a — заметка к группе")`, "the key help does not name a"),
		pageKey("a"), noteFocused("g2", "a did not open group 2's note field"),
		chromedp.KeyEvent("\x1b"),
		waitTrue(`!document.querySelector("#g2 details.note-edit[open]")`, "Escape did not close the note"),
		chromedp.KeyEvent("j"),
		waitTrue(`document.getElementById("g3").classList.contains("current")`, "j did nothing after Escape"),
		// Group 3 has a note: what is typed goes after it.
		ef, noteFocused("g3", "ф (the key a) did not open group 3's note field"),
		chromedp.KeyEvent(" first"),
		keyThatNavigates("\r"),
		waitNote("заметка группы 3 записана"),
	); err != nil {
		t.Fatal(err)
	}
	if got := f.alignment("news").Groups[2].Note; got != "check the tense first" {
		t.Fatalf("group 3's note on disk: %q", got)
	}
}
