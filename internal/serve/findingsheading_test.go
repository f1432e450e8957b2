package serve_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestFindingsHeadingNamesTheTitle: the findings page is headed with the
// document's title, as its document page is, not its id (which is for
// files and URLs); a title with markup characters is escaped.
func TestFindingsHeadingNamesTheTitle(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws = withoutSpelling(t, ws)
	a := serve.NewTestApp("test")
	const title = `Prices & "wages" <2024>`
	for _, l := range []string{"en", "ru", "kk"} {
		opt := document.ImportOptions{}
		if l == "en" {
			opt.Title = title
		}
		if _, err := a.Import(ws, "prices-2024", l, []byte(qaTexts[l]), l+".txt", "", opt); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "prices-2024"); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	h1 := regexp.MustCompile(`<h1>(.*?)</h1>`)
	for _, lang := range []string{"en", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		_, doc := c.get("/doc/prices-2024?lang=" + lang)
		if m := h1.FindStringSubmatch(doc); m == nil || html.UnescapeString(m[1]) != title {
			t.Fatalf("%s: the document page's heading is %q, want the title %q", lang, m, title)
		}
		_, page := c.get("/doc/prices-2024/findings?lang=" + lang)
		m := h1.FindStringSubmatch(page)
		want := loc.Text("serve.findings.heading", map[string]any{"Title": title})
		// The title leads after a colon, as in Russian and Kazakh: a
		// title is often the text's first sentence, and "Findings of"
		// before a whole sentence read awkwardly.
		if lang == "en" && want != "Findings: "+title {
			t.Errorf("en heading %q, want the title after \"Findings: \"", want)
		}
		if m == nil || m[1] != html.EscapeString(want) {
			t.Errorf("%s: the findings page's heading is %q, want %q", lang, m, html.EscapeString(want))
		}
	}
}

// TestFindingsHeadingDropsFinalStop: a document without a heading has its
// first line as its title, often a sentence with its final stop; the
// findings page's heading drops that stop in every language, so the
// Kazakh heading, where the title comes before the colon, does not read
// "… in 2024.: кемшіліктер". The document page keeps the title as it is.
func TestFindingsHeadingDropsFinalStop(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	h1 := regexp.MustCompile(`<h1>(.*?)</h1>`)
	const title = "Prices rose by 5 percent in 2024"
	for _, lang := range []string{"en", "ru", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		_, page := c.get("/doc/prices/findings?lang=" + lang)
		m := h1.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: the findings page has no heading", lang)
		}
		got := html.UnescapeString(m[1])
		if want := loc.Text("serve.findings.heading", map[string]any{"Title": title}); got != want {
			t.Errorf("%s: the findings page's heading is %q, want %q", lang, got, want)
		}
		if strings.Contains(got, ".:") || strings.Contains(got, title+".") {
			t.Errorf("%s: the heading %q keeps the title's final stop", lang, got)
		}
		if _, doc := c.get("/doc/prices?lang=" + lang); !strings.Contains(doc, "<h1>"+title+".</h1>") {
			t.Errorf("%s: the document page's heading is not the title as imported", lang)
		}
	}
	for title, want := range map[string]string{
		"Prices rose.":   "Prices rose",
		"Prices rose":    "Prices rose",
		"Prices rose...": "Prices rose...",
		"Prices rose?":   "Prices rose?",
		"Цены выросли. ": "Цены выросли",
		"Бағалар өсті.":  "Бағалар өсті",
		".":              ".",
	} {
		if got := serve.HeadingTitle(title); got != want {
			t.Errorf("HeadingTitle(%q) = %q, want %q", title, got, want)
		}
	}
}
