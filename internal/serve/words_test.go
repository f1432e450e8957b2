package serve_test

import (
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// addWordRe finds a spelling finding's "add to the word list" form: its
// action and hidden fields.
var (
	addWordRe = regexp.MustCompile(`<form method="post" action="([^"]+)" class="add-word">(.*?)</form>`)
	hiddenRe  = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)
)

// addWordForms returns the add-word forms of a page, each as its action
// and the values it posts.
func addWordForms(page string) (actions []string, forms []url.Values) {
	for _, m := range addWordRe.FindAllStringSubmatch(page, -1) {
		v := url.Values{}
		for _, h := range hiddenRe.FindAllStringSubmatch(m[2], -1) {
			v.Set(h[1], html.UnescapeString(h[2]))
		}
		actions = append(actions, html.UnescapeString(m[1]))
		forms = append(forms, v)
	}
	return actions, forms
}

// TestWorkbenchAddsWord: a spelling finding carries a button that adds its
// word to glossary/words.LANG.txt (as tilmash glossary add-word does), on
// the document page and on the findings page; the answer goes back where
// the button was, says what it did, and the word is no longer a finding.
// A word that is no word list entry, or a language the workspace lacks,
// is refused with the reason and nothing is written. The button is in the
// page's language.
func TestWorkbenchAddsWord(t *testing.T) {
	needSpelling(t)
	f, _ := spellWorkspace(t, "")
	c := f.client()
	list := f.ws.Path(filepath.Join("glossary", "words.ru.txt"))
	readList := func() string {
		data, err := os.ReadFile(list)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return string(data)
	}

	for lang, want := range map[string]string{"ru": "В список слов", "kk": "Сөздер тізіміне"} {
		if _, page := c.get("/doc/news?lang=" + lang); !strings.Contains(page, ">"+want+"</button></form>") {
			t.Errorf("%s: no %q button", lang, want)
		}
	}
	_, page := c.get("/doc/news?lang=en") // the language a page chose stays for the session
	if !strings.Contains(page, ">Add to the word list</button></form>") {
		t.Errorf("en: no button")
	}
	// A screen reader tells the buttons apart by the word each adds.
	if !strings.Contains(html.UnescapeString(page), `aria-label="add “праектов” to the ru word list: the spelling check will accept it"`) {
		t.Errorf("the button's accessible name does not name its word")
	}
	actions, forms := addWordForms(page)
	if len(forms) != 1 || actions[0] != "/doc/news/words" || forms[0].Get("word") != "праектов" || forms[0].Get("lang") != "ru" || forms[0].Get("group") != "1" {
		t.Fatalf("the document page's add-word forms: %q %v", actions, forms)
	}
	res, _ := c.do("POST", actions[0], forms[0])
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/doc/news?m=") || !strings.HasSuffix(res.Header.Get("Location"), "#g1") {
		t.Fatalf("add-word answered %d %q, want 303 to the document at group 1", res.StatusCode, res.Header.Get("Location"))
	}
	_, after := c.follow(res)
	if !strings.Contains(text(after), "“праектов” is in glossary/words.ru.txt now: the spelling check accepts it in every document") {
		t.Errorf("the answer does not say the word was added:\n%s", text(after))
	}
	if got := readList(); got != "праектов\n" {
		t.Errorf("words.ru.txt = %q", got)
	}
	if got := spelt(t, c, "news"); len(got) != 0 {
		t.Errorf("spelling findings %q after the word was added", got)
	}
	if _, forms := addWordForms(after); len(forms) != 0 {
		t.Errorf("the page still offers to add %v", forms)
	}

	// From the findings page, after an edit misspells another word: the
	// answer goes back to the findings page, from the finding's group.
	csrf, version := formKeys(t, after)
	c.follow(mustPost(c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "ru", "sentence", "1", "text", "Переговоры продолжатся в маее.")))
	_, fpage := c.get("/doc/news/findings")
	actions, forms = addWordForms(fpage)
	if len(forms) != 1 || forms[0].Get("word") != "маее" || forms[0].Get("back") != "findings" {
		t.Fatalf("the findings page's add-word forms: %q %v", actions, forms)
	}
	res, _ = c.do("POST", actions[0], forms[0])
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/doc/news/findings?from=2&m=") {
		t.Fatalf("add-word from the findings page answered %d %q", res.StatusCode, loc)
	}
	_, after = c.follow(res)
	if !strings.Contains(text(after), "“маее” is in glossary/words.ru.txt now") {
		t.Errorf("the findings page does not say the word was added:\n%s", text(after))
	}
	if got := readList(); got != "праектов\nмаее\n" {
		t.Errorf("words.ru.txt = %q", got)
	}
	if got := spelt(t, c, "news"); len(got) != 0 {
		t.Errorf("spelling findings %q after both words were added", got)
	}
	// The same word again (a page drawn before): the list is left alone.
	res, _ = c.do("POST", actions[0], forms[0])
	if _, again := c.follow(res); !strings.Contains(text(again), "“маее” is in glossary/words.ru.txt already") {
		t.Errorf("adding a listed word again:\n%s", text(again))
	}

	// Refusals: what is wrong, nothing written.
	for _, bad := range []struct{ lang, word, says string }{
		{"ru", "маее праектов", "“маее праектов” is more than one word"},
		{"ru", "coцсеть", "“coцсеть” mixes Latin and Cyrillic letters"},
		{"de", "Wort", "de is not a language of this workspace (en, ru)"},
	} {
		v := url.Values{"csrf": {forms[0].Get("csrf")}, "lang": {bad.lang}, "word": {bad.word}, "group": {"2"}}
		res, _ := c.do("POST", "/doc/news/words", v)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: status %d", bad.word, res.StatusCode)
		}
		_, page := c.follow(res)
		if !strings.Contains(text(page), bad.says) {
			t.Errorf("%s %s: the page does not say %q:\n%s", bad.lang, bad.word, bad.says, text(page))
		}
		// The command line's example is no hint beside a button.
		if strings.Contains(text(page), "tilmash glossary add-word") {
			t.Errorf("%s %s: the page gives a command to type:\n%s", bad.lang, bad.word, text(page))
		}
	}
	if got := readList(); got != "праектов\nмаее\n" {
		t.Errorf("after refusals words.ru.txt = %q", got)
	}
	if _, err := os.Stat(f.ws.Path(filepath.Join("glossary", "words.de.txt"))); !os.IsNotExist(err) {
		t.Errorf("a list for a language the workspace lacks was written (%v)", err)
	}

	// A form from another site is refused outright.
	c.header.Set("Origin", "http://evil.example")
	if res, _ := c.do("POST", "/doc/news/words", url.Values{"csrf": {forms[0].Get("csrf")}, "lang": {"ru"}, "word": {"слово"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site post answered %d, want 403", res.StatusCode)
	}
	c.header.Del("Origin")
	if got := readList(); got != "праектов\nмаее\n" {
		t.Errorf("after a cross-site post words.ru.txt = %q", got)
	}
}

func mustPost(res *http.Response, _ string) *http.Response { return res }
