package serve

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
)

// The glossary page's form adds an entry, as tilmash glossary add does:
// an editor who meets a name the glossary lacks, in a document or in a
// search that found nothing, writes it down where she is. The entry goes
// through the same use case (app.AddGlossaryEntry): checked with the whole
// glossary before anything is written, refused with the problems it would
// bring, written atomically under the workspace lock into the file of its
// kind. A refused entry comes back in the form, so nothing typed is lost.

// addForm is the form that adds a glossary entry, empty or as a person
// filled it.
type addForm struct {
	// Open shows the form unfolded: the search found nothing, or a
	// refused entry is back in it.
	Open           bool
	ID, Kind, Note string
	Kinds          []kindOption
	Langs          []addLang
}

type kindOption struct {
	Value, Name string
	Selected    bool
}

// addLang is one language's fields: the preferred form, and the other
// accepted and the forbidden forms, one a line.
type addLang struct {
	Lang, Term, Variants, Forbidden string
}

// maxAddField bounds one field of the form: a name, not a text.
const maxAddField = 500

// addForm is the empty form, or, when open, one filled from the search q
// that found nothing: q as the form of the language its letters say and
// an id made of it.
func (s *Server) addForm(loc *locale.Localizer, q string, open bool) addForm {
	f := addForm{Open: open && q != "", Kind: string(glossary.Other)}
	lang := ""
	if f.Open {
		f.ID = document.Slug(q, 64)
		lang = termLanguage(q)
		if !slices.Contains(s.ws.Config.Languages, lang) {
			lang = ""
		}
	}
	for _, l := range s.ws.Config.Languages {
		a := addLang{Lang: l}
		if l == lang {
			a.Term = q
		}
		f.Langs = append(f.Langs, a)
	}
	f.setKinds(loc)
	return f
}

func (f *addForm) setKinds(loc *locale.Localizer) {
	f.Kinds = f.Kinds[:0]
	for _, k := range glossary.Kinds {
		f.Kinds = append(f.Kinds, kindOption{Value: string(k), Name: kindName(loc, k), Selected: string(k) == f.Kind})
	}
}

// termLanguage says which language a short term is written in, by its
// letters: Kazakh when it has a letter only Kazakh has (ә ғ қ ң ө ұ ү һ
// і), Russian for other Cyrillic, English for Latin; "" for none. A term
// is too short for document.GuessLanguage, which weighs the share of
// letters in a text.
func termLanguage(q string) string {
	lang := ""
	for _, r := range q {
		switch {
		case strings.ContainsRune("әғқңөұүһіӘҒҚҢӨҰҮҺІ", r):
			return "kk"
		case unicode.Is(unicode.Cyrillic, r):
			lang = "ru"
		case lang == "" && unicode.Is(unicode.Latin, r):
			lang = "en"
		}
	}
	return lang
}

// glossaryAdd adds the entry the glossary page's form carries.
func (s *Server) glossaryAdd(w http.ResponseWriter, r *http.Request) {
	check := s.readForm(w, r)
	if check == formAnswered {
		return
	}
	b := s.newBase(r, "glossary", "")
	form := addForm{
		Open: true,
		ID:   field(r, "id"),
		Kind: field(r, "kind"),
		Note: field(r, "note"),
	}
	e := &glossary.Entry{ID: form.ID, Kind: glossary.Kind(form.Kind), Note: form.Note, Langs: map[string]*glossary.Form{}}
	for _, l := range s.ws.Config.Languages {
		a := addLang{Lang: l, Term: field(r, "term-"+l), Variants: r.PostFormValue("variants-" + l), Forbidden: r.PostFormValue("forbidden-" + l)}
		form.Langs = append(form.Langs, a)
		f := &glossary.Form{Term: a.Term, Variants: lines(a.Variants), Forbidden: lines(a.Forbidden)}
		if f.Term != "" || len(f.Variants)+len(f.Forbidden) > 0 {
			e.Langs[l] = f
		}
	}
	form.setKinds(b.loc)
	refuse := func(notes ...note) {
		b.Notes = append(b.Notes, notes...)
		p, err := s.glossaryData(r, b, "")
		if err != nil {
			s.failErr(w, r, http.StatusInternalServerError, err)
			return
		}
		p.Add = form
		s.render(w, http.StatusUnprocessableEntity, "glossary", p)
	}
	if check == formOld {
		// A page drawn before serve started again: nothing is written,
		// and the entry is back in the form of this page, to be added
		// again.
		refuse(note{"error", b.loc.Text("serve.error.restarted", nil)})
		return
	}
	if tooLong(form.ID, form.Kind, form.Note) || slices.ContainsFunc(form.Langs, func(a addLang) bool { return tooLong(a.Term, a.Variants, a.Forbidden) }) {
		refuse(note{"error", b.loc.Text("serve.gl.add.too-long", map[string]any{"Max": maxAddField})})
		return
	}
	if form.ID == "" {
		refuse(note{"error", b.loc.Text("serve.gl.add.need-id", nil)})
		return
	}
	if !e.Kind.Valid() {
		refuse(note{"error", b.loc.Text("serve.gl.add.bad-kind", map[string]any{"Kinds": glossary.KindList()})})
		return
	}

	s.edits.Lock()
	defer s.edits.Unlock()
	unlock, err := s.ws.Lock(s.opt.LockWait)
	if err != nil {
		refuse(errNotes(b.loc, err)...)
		return
	}
	defer unlock()
	rel, problems, err := s.app.AddGlossaryEntry(s.ws, glossary.FileFor(e.Kind), e)
	if err != nil {
		// The refusal, and for an entry that would bring problems each
		// of them (with where it is) and what to do on this page.
		notes := errNotes(b.loc, err)
		if len(problems) > 0 {
			notes = notes[:1]
			for _, p := range problems {
				notes = append(notes, note{"error", p.Text(b.loc.Text)})
			}
			notes = append(notes, note{"hint", b.loc.Text("serve.gl.add.refused.hint", nil)})
		}
		refuse(notes...)
		return
	}
	said := []note{{"ok", b.loc.Text("check.add.done", map[string]any{"ID": e.ID, "File": rel})}}
	// Other, the kind the form starts with, declines a person's name as
	// a common noun (Армана Касымов): said when the name looks like one,
	// as glossary add says it.
	if e.Kind == glossary.Other && glossary.LooksLikePerson(e) {
		said = append(said, note{"warn", b.loc.Text("serve.gl.add.kind-other", map[string]any{"Term": e.Langs["ru"].Term, "Kind": kindName(b.loc, e.Kind), "File": rel})})
	}
	// Written, with what glossary lint will warn of (a term another
	// entry prefers too).
	for _, p := range problems {
		said = append(said, note{"warn", p.Text(b.loc.Text)})
		if h := b.loc.Text(p.HintID(), p.TemplateData()); h != p.HintID() {
			said = append(said, note{"hint", h})
		}
	}
	v := url.Values{"q": {e.ID}}
	if k := s.putFlash(said, nil); k != "" {
		v.Set("m", k)
	}
	http.Redirect(w, r, "/glossary?"+v.Encode()+"#e-"+e.ID, http.StatusSeeOther)
}

// errNotes are the notes of a refusal: its message and its hint.
func errNotes(loc *locale.Localizer, err error) []note {
	msg, hint, _ := loc.Explain(err)
	notes := []note{{"error", msg}}
	if hint != "" {
		notes = append(notes, note{"hint", hint})
	}
	return notes
}

// field is a one-line field of the form, trimmed.
func field(r *http.Request, name string) string {
	return strings.TrimSpace(r.PostFormValue(name))
}

// lines are the non-empty lines of a multi-line field, trimmed.
func lines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

func tooLong(fields ...string) bool {
	for _, f := range fields {
		if len(f) > maxAddField {
			return true
		}
	}
	return false
}
