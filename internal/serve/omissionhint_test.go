package serve_test

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestConfirmOmissionHint: confirming a group without a sentence in some
// language warned of it, with nothing on what to do when the translation
// is missing rather than left out. The page says it, as tilmash group
// confirm does (align puts a late translation into the confirmed groups),
// in each interface language; a confirmation without a gap says nothing
// of it.
func TestConfirmOmissionHint(t *testing.T) {
	ws, err := reviewtest.Workspace(t.TempDir(), "news", reviewtest.Uneven)
	if err != nil {
		t.Fatal(err)
	}
	ws = withoutSpelling(t, ws)
	for lang, want := range map[string]string{
		"en": "if a translation is missing instead, add it to the text, import it again and run tilmash align news: align puts it into these groups and flags them for review",
		"ru": "если же перевод пропущен, добавьте его в текст, импортируйте текст заново и запустите tilmash align news: выравнивание включит перевод в эти группы и пометит их для проверки",
		"kk": "ал аударма түсіп қалса, оны мәтінге қосып, мәтінді қайта импорттап, tilmash align news командасын іске қосыңыз",
	} {
		c := fixtureOn(t, serve.NewTestApp("test"), ws).client()
		_, page := c.get("/doc/news?lang=" + lang)
		csrf, version := formKeys(t, page)
		res, _ := c.post("news", csrf, version, "op", "confirm", "group", "5")
		_, body := c.follow(res)
		if !strings.Contains(text(body), want) {
			t.Errorf("%s: confirming group 5 (Kazakh only) does not say %q:\n%s", lang, want, text(body))
		}
		_, page = c.get("/doc/news?lang=" + lang)
		csrf, version = formKeys(t, page)
		res, _ = c.post("news", csrf, version, "op", "unconfirm", "group", "5")
		c.follow(res)
	}
	c := fixtureOn(t, serve.NewTestApp("test"), ws).client()
	_, page := c.get("/doc/news?lang=en")
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "confirm", "group", "2")
	if _, body := c.follow(res); strings.Contains(text(body), "if a translation is missing instead") {
		t.Errorf("a confirmation without a gap hints of one:\n%s", text(body))
	}
}
