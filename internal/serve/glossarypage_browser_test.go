package serve_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserGlossaryPageReads: on the glossary page an entry's note is
// in the text's weight, not bold as the heading cell it sits in made it,
// and the forms, the long column, get the room: the entry's column was as
// wide as the forms', mostly empty. One page load.
func TestBrowserGlossaryPageReads(t *testing.T) {
	ctx, f, ts := browserFixture(t)
	const gl = "terms:\n  - id: almaty-region\n    kind: place\n" +
		"    note: The oblast around (not including) Almaty city; since 2022 its centre is Konayev\n" +
		"    en: {term: Almaty Region}\n    ru: {term: Алматинская область}\n    kk: {term: Алматы облысы}\n"
	dir := f.ws.Path(f.ws.Config.Glossary)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "places.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(ts.URL+"/glossary?lang=kk"),
		waitTrue(`(function(){var n=document.querySelector("#e-almaty-region .note");return !!n&&getComputedStyle(n).fontWeight==="400"})()`,
			"the entry's note is not in the text's weight"),
		waitTrue(`(function(){var h=document.querySelectorAll("table.glossary thead th");return h[1].offsetWidth>=1.5*h[0].offsetWidth})()`,
			"the forms column is not the wider"),
	); err != nil {
		t.Fatal(err)
	}
}
