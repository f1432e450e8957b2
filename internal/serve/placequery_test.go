package serve_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestSentenceFormNamesPlaceInAddress: a sentence's form names its group,
// language and sentence in its address, not as four fields each (a page
// had 640 of them); the server reads them from there, and reads nothing
// else there: a CSRF token or a version in the address is refused.
func TestSentenceFormNamesPlaceInAddress(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	m := regexp.MustCompile(`action="(/doc/news/edit\?group=2&amp;gh=[^"&]+&amp;lang=en&amp;sentence=1)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form of group 2's en sentence 1 names it in its address:\n%s", page)
	}
	action := regexp.MustCompile(`&amp;`).ReplaceAllString(m[1], "&")
	csrf, version := formKeys(t, page)

	// The token and the version only in the address: refused.
	res, _ := c.do("POST", action+"&csrf="+url.QueryEscape(csrf)+"&version="+url.QueryEscape(version),
		url.Values{"op": {"edit"}, "text": {"Not from the address."}})
	if res.StatusCode == http.StatusSeeOther && f.alignment("news").Groups[1].Sents["en"][0].Text == "Not from the address." {
		t.Fatal("an edit with its CSRF token in the address was applied")
	}

	res, _ = c.do("POST", action, url.Values{"csrf": {csrf}, "version": {version}, "op": {"edit"}, "text": {"Corrected from the form."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	if got := f.alignment("news").Groups[1].Sents["en"][0].Text; got != "Corrected from the form." {
		t.Fatalf("group 2's en sentence on disk: %q", got)
	}
}
