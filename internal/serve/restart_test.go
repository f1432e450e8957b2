package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestRestartedServer: a page drawn by an earlier run of tilmash serve
// (restarted, its CSRF key new) posts a corrected sentence. Before, that
// was the 403 of a forged form and the sentence was lost; now nothing is
// applied either, and the browser goes back to the group on a current page
// with the sentence in its box. A form from another site is still a 403
// with nothing given back.
func TestRestartedServer(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	restarted, err := serve.New(serve.Options{App: serve.NewTestApp("test"), WS: f.ws})
	if err != nil {
		t.Fatal(err)
	}
	c.h = restarted
	typed := "A sentence typed before the restart."
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"Sec-Fetch-Site", map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusSeeOther},
		{"Origin", map[string]string{"Origin": "http://" + base.Host}, http.StatusSeeOther},
		{"another site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"no evidence", nil, http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.header = http.Header{}
			for k, v := range tc.header {
				c.header.Set(k, v)
			}
			defer func() { c.header = http.Header{} }()
			res, body := c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "en", "sentence", "1", "text", typed)
			if res.StatusCode != tc.want {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.want, text(body))
			}
			if tc.want != http.StatusSeeOther {
				if strings.Contains(body, typed) {
					t.Error("a refused form's text was shown back")
				}
				return
			}
			if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/doc/news?m=") || !strings.HasSuffix(loc, "#g2") {
				t.Errorf("led to %s, want group 2 of news", loc)
			}
			res, body = c.follow(res)
			if res.StatusCode != http.StatusOK || !strings.Contains(body, `autofocus>`+typed+`</textarea>`) || !strings.Contains(text(body), "started again") {
				t.Errorf("the current page does not give the sentence back with why:\n%s", text(body))
			}
		})
	}
	if got := f.alignment("news").Groups[1].Sents["en"][0].Text; got == typed {
		t.Fatal("a form with an old token was applied")
	}
}
