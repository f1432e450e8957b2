package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestEditSaysJoined: a correction on the page whose text reads as two
// sentences stays one sentence, and the note after the edit says so with
// tilmash group edit's warning, in the page's language; one sentence
// says nothing of it.
func TestEditSaysJoined(t *testing.T) {
	for _, tc := range []struct {
		ui, text, want string
	}{
		{"en", "Судья запросил новые улики. Заседание отложено.", "group 3: the corrected ru sentence 1 reads as 2 sentences, but a correction stays one sentence"},
		{"ru", "Судья запросил новые улики. Заседание отложено.", "группа 3: исправленное предложение 1 на ru читается как 2 предложения, но исправление остаётся одним предложением"},
		{"kk", "Судья запросил новые улики. Заседание отложено. Суд закрыт.", "3-топ: түзетілген ru тіліндегі 1-сөйлем 3 сөйлем болып оқылады"},
		{"en", "Судья запросил новые улики.", ""},
	} {
		f := newFixture(t, serve.Options{})
		c := f.client()
		_, page := c.get("/doc/news?lang=" + tc.ui)
		csrf, version := formKeys(t, page)
		res, body := c.post("news", csrf, version, "op", "edit", "group", "3", "lang", "ru", "sentence", "1", "text", tc.text)
		for res.StatusCode == http.StatusSeeOther {
			res, body = c.follow(res)
		}
		if got := f.alignment("news").Groups[2].Sents["ru"]; len(got) != 1 || got[0].Text != tc.text {
			t.Fatalf("%s %q: group 3's ru sentences are %+v", tc.ui, tc.text, got)
		}
		got := text(body)
		if tc.want == "" {
			for _, w := range []string{"reads as", "читается как", "болып оқылады"} {
				if strings.Contains(got, w) {
					t.Errorf("%s %q: one sentence, but the page says %q:\n%s", tc.ui, tc.text, w, got)
				}
			}
			continue
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %q: the page lacks %q:\n%s", tc.ui, tc.text, tc.want, got)
		}
	}
}
