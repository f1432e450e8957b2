package serve

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
)

// A spelling finding carries a button that adds its word to the word list
// of its language (glossary/words.LANG.txt), as tilmash glossary add-word
// does (one use case, app.AddWords): an editor who sees a word spelt right
// flagged (a new coinage, a loanword) teaches the check where she is. The
// list is written atomically under the workspace lock; the checks kept for
// each document are keyed on the lists (see wordStamps), so the page the
// answer goes back to is spelt with the word known, in every document.

// spellingWord is the word a spelling finding is about, "" for another
// finding.
func spellingWord(f check.Finding) string {
	if f.Check != string(qa.Spelling) {
		return ""
	}
	w, _ := f.TemplateData()["Text"].(string)
	return w
}

// addWord adds the word a spelling finding's button carries to the word
// list of its language, and goes back to the page the button was on (the
// document at the finding's group, or the findings page from there), with
// what it did.
func (s *Server) addWord(w http.ResponseWriter, r *http.Request) {
	formState := s.readForm(w, r)
	if formState == formAnswered {
		return
	}
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	b := s.newBase(r, "stale", "")
	group, _ := strconv.Atoi(r.PostFormValue("group"))
	back := func(notes []note) {
		if r.PostFormValue("back") != "findings" {
			s.redirect(w, r, d.ID, group, notes, nil)
			return
		}
		v := url.Values{}
		if group > 0 {
			v.Set("from", strconv.Itoa(group))
		}
		if k := s.putFlash(notes, nil); k != "" {
			v.Set("m", k)
		}
		u := "/doc/" + url.PathEscape(d.ID) + "/findings"
		if len(v) > 0 {
			u += "?" + v.Encode()
		}
		http.Redirect(w, r, u, http.StatusSeeOther)
	}
	if formState == formOld {
		back([]note{{"error", b.loc.Text("serve.error.restarted", nil)}})
		return
	}
	lang, word := field(r, "lang"), field(r, "word")
	if tooLong(lang, word) {
		s.fail(w, r, http.StatusBadRequest, "serve.error.bad-form", nil)
		return
	}
	s.edits.Lock()
	defer s.edits.Unlock()
	unlock, err := s.ws.Lock(s.opt.LockWait)
	if err != nil {
		back(errNotes(b.loc, err))
		return
	}
	defer unlock()
	res, err := s.app.AddWords(s.ws, lang, []string{word})
	if err != nil {
		// The command-line example (tilmash glossary add-word kk …) is
		// no hint to someone at a button: the message says enough.
		var le *locale.Error
		if errors.As(err, &le) && le.Hint == "check.add-word.hint" {
			c := *le
			c.Hint = ""
			err = &c
		}
		back(errNotes(b.loc, err))
		return
	}
	var notes []note
	for _, k := range res.Known {
		notes = append(notes, note{"ok", b.loc.Text("check.add-word.known", map[string]any{"Word": k, "File": res.File})})
	}
	if len(res.Added) > 0 {
		notes = append(notes, note{"ok", b.loc.Text("serve.words.added", map[string]any{"Word": res.Added[0], "File": res.File})})
	}
	back(notes)
}
