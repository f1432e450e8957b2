package serve_test

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// recheckTexts are Russian sentences an edit puts in: a number right or
// wrong, quotation marks right or wrong, and the sentence left in English.
var recheckTexts = []string{
	"Цены выросли на 5 процентов в 2024 году.",
	"Цены выросли на 8 процентов в 2023 году.",
	"Министр сказал \"мы будем действовать\" в понедельник.",
	"Министр сказал «мы будем действовать» в понедельник.",
	"The talks resume in May.",
}

// TestEditsRecheckedAsNew: after each of a run of random edits through the
// server (a sentence rewritten, groups merged, split, confirmed), the
// findings it shows, which it checks again only where the edit changed
// the document, are those a server that never saw the document finds.
func TestEditsRecheckedAsNew(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	a := serve.NewTestApp("test")
	for _, l := range []string{"en", "ru", "kk"} {
		text := strings.Repeat(qaTexts[l]+"\n", 8)
		if _, err := a.Import(ws, "prices", l, []byte(text), l+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "prices"); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	rng := rand.New(rand.NewPCG(3, 4))
	_, page := c.get("/doc/prices")
	for step := range 12 {
		csrf, version := formKeys(t, page)
		n := len(groupRows(t, page))
		g := strconv.Itoa(1 + rng.IntN(n))
		var kv []string
		switch rng.IntN(4) {
		case 0, 1:
			kv = []string{"op", "edit", "group", g, "lang", "ru", "sentence", "1", "text", recheckTexts[rng.IntN(len(recheckTexts))]}
		case 2:
			kv = []string{"op", "merge", "group", g}
			if g == strconv.Itoa(n) {
				kv = []string{"op", "confirm", "group", g}
			}
		default:
			kv = []string{"op", "confirm", "group", g}
		}
		res, body := c.post("prices", csrf, version, kv...)
		if res.StatusCode != 303 {
			t.Fatalf("step %d %v: status %d\n%s", step, kv, res.StatusCode, body)
		}
		_, page = c.follow(res) // the document page, checked after the edit
		_, got := c.get("/doc/prices/findings.json")
		_, want := fixtureOn(t, serve.NewTestApp("test"), ws).client().get("/doc/prices/findings.json")
		if got != want {
			t.Fatalf("step %d %v: findings\n%s\nwant, as a new server finds them,\n%s", step, kv, got, want)
		}
		if !strings.Contains(want, `"check": "numbers"`) && !strings.Contains(want, `"check": "typography"`) {
			t.Fatalf("step %d: the document has no findings left to compare:\n%s", step, want)
		}
	}
}
