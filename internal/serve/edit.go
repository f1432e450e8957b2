package serve

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/args"
)

// formCheck is what readForm found of a posted form.
type formCheck int

const (
	formOK       formCheck = iota
	formAnswered           // refused and answered: nothing more to do
	formOld                // from a page of this server drawn before it started again
)

// readForm reads the form a page posted, at most MaxBody bytes, and checks
// that it came from a page of this server (the CSRF token of the
// session). A form too large or malformed, or one from another site, is
// answered here and changes nothing (formAnswered). A form from a page of
// this server drawn before it was started again (a token of the server
// before) is readable but must not be applied: the caller gives back what
// it carried (formOld).
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) formCheck {
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
	if err := r.ParseForm(); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "serve.error.too-large", map[string]any{"Max": s.opt.MaxBody})
			return formAnswered
		}
		s.fail(w, r, http.StatusBadRequest, "serve.error.bad-form", nil)
		return formAnswered
	}
	placeFromQuery(r)
	if !s.csrfOK(r) {
		if sameOrigin(r) {
			return formOld
		}
		s.fail(w, r, http.StatusForbidden, "serve.error.csrf", nil)
		return formAnswered
	}
	return formOK
}

// edit is every change: the form says which (op) and on which version of
// the document; the app applies it under the workspace lock as tilmash
// group, undo and redo do. The answer is a redirect to the changed group with
// what the change said, or the page of a refusal.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	switch s.readForm(w, r) {
	case formAnswered:
		return
	case formOld:
		s.oldForm(w, r)
		return
	}
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	version := r.PostFormValue("version")
	if version == "" {
		s.fail(w, r, http.StatusBadRequest, "serve.error.bad-form", nil)
		return
	}
	op := r.PostFormValue("op")
	b := s.newBase(r, "stale", "")
	group, _ := strconv.Atoi(r.PostFormValue("group"))

	s.edits.Lock()
	defer s.edits.Unlock()
	unlock, err := s.ws.Lock(s.opt.LockWait)
	if err != nil {
		s.refuse(w, r, d, group, b, err)
		return
	}
	defer unlock()

	if op == "undo" || op == "redo" {
		// redo puts back what the undo button (or z, or tilmash undo)
		// took back, under the rules of tilmash redo: only the version the
		// page showed, only a change of the groups.
		undo := s.app.UndoVersion
		said := "review.undone"
		if op == "redo" {
			undo, said = s.app.RedoVersion, "review.redone"
		}
		res, err := undo(d, version)
		if errors.Is(err, app.ErrAlignmentChanged) {
			s.stale(w, r, d, group, b)
			return
		}
		// Nothing left to take back or put back is no mistake (tilmash
		// undo and redo exit 0 for it): said as a hint, not as an error.
		var noUndo *journal.UndoError
		var noRedo *journal.RedoError
		if errors.As(err, &noUndo) && noUndo.Have == 0 || errors.As(err, &noRedo) && noRedo.Have == 0 {
			id := "review.undo-nothing"
			if op == "redo" {
				id = "review.redo-nothing"
			}
			s.redirect(w, r, d.ID, group, []note{{"hint", b.loc.Text(id, map[string]any{"ID": d.ID})}}, nil)
			return
		}
		if err != nil {
			s.refuse(w, r, d, group, b, err)
			return
		}
		var notes []note
		if rec := res.Recovered; rec != nil {
			notes = append(notes, note{"warn", b.loc.Text("review.recovered", map[string]any{"What": describe(b.loc, rec), "Step": rec.Step})})
		}
		for _, e := range res.Undone {
			notes = append(notes, note{"ok", b.loc.Text(said, map[string]any{"Step": e.Step, "What": describe(b.loc, e)})})
			// The page goes to the group the step changed, where what
			// undo or redo did shows (the form names the page's first).
			if g := stepGroup(e.Data); g > 0 {
				group = g
			}
		}
		if op == "undo" && len(res.Undone) > 0 {
			notes = append(notes, note{"hint", b.loc.Text("serve.doc.undone-hint", nil)})
		}
		s.redirect(w, r, d.ID, group, notes, nil)
		return
	}

	build, err := s.buildOp(r, op)
	if err != nil {
		s.refuse(w, r, d, group, b, err)
		return
	}
	marker, merr := s.app.Marker(s.ws)
	req := app.EditRequest{Build: build, Marker: marker, Version: version, Workbench: true}
	// The document as the page showed it is most often kept, and still
	// what the files hold (their stamps are looked at again here, under
	// the lock): the edit starts from it instead of parsing the whole
	// alignment again, and its version is the one kept with it.
	if snap, v, warns, err := s.snapshot(d); err == nil && len(warns) == 0 && snap.Interrupted == nil {
		if v != version {
			s.stale(w, r, d, group, b)
			return
		}
		req.Snapshot, req.Version = snap, ""
	}
	res, err := s.app.Edit(d, req)
	if errors.Is(err, app.ErrAlignmentChanged) {
		s.stale(w, r, d, group, b)
		return
	}
	if err != nil {
		s.refuse(w, r, d, group, b, err)
		return
	}
	// What the edit wrote is what the page it leads to shows: kept, with
	// the files' stamps taken now (still under the lock, so no other
	// tilmash has written them since), that page does not read and parse
	// them again.
	after, err := res.Snapshot()
	if err == nil && after != nil {
		s.keepSnapshot(stamps(after.Doc), after)
	}
	var notes []note
	if merr != nil {
		notes = append(notes, note{"warn", b.loc.Text("review.unchecked", map[string]any{"Err": errText(b.loc, merr)})})
	}
	notes = append(notes, s.report(b.loc, d.ID, res)...)
	if len(res.Change.New) > 0 {
		group = res.Change.New[0]
	}
	// The key c (the script adds advance to the form) confirms and goes
	// on to the next group, as tilmash review does; the button leaves the
	// page where the mouse is.
	if op == "confirm" && r.PostFormValue("advance") == "1" && res.Step != 0 && after != nil && group < len(after.Alignment.Groups) {
		group++
	}
	s.redirect(w, r, d.ID, group, notes, nil)
}

// stepGroup is the first group a journalled step of the groups changed,
// from its values: Group (merge, split, move, edit, note), or the first
// number of Groups (confirm, unconfirm: a range such as 3-5,7); 0 when it
// names none. The values come back from the journal as JSON numbers.
func stepGroup(data map[string]any) int {
	switch g := data["Group"].(type) {
	case int:
		return g
	case int64:
		return int(g)
	case float64:
		return int(g)
	}
	if r, ok := data["Groups"].(string); ok {
		end := strings.IndexFunc(r, func(c rune) bool { return c < '0' || c > '9' })
		if end < 0 {
			end = len(r)
		}
		n, _ := strconv.Atoi(r[:end])
		return n
	}
	return 0
}

// buildOp reads the form of op into the review op, built against the
// alignment as it is under the lock (as tilmash group builds it).
func (s *Server) buildOp(r *http.Request, op string) (func(a *document.Alignment) (review.Op, error), error) {
	f := r.PostFormValue
	num := func(name string) (int, error) { return args.ParseGroup(f(name)) }
	switch op {
	case "confirm", "unconfirm":
		n, err := num("group")
		if err != nil {
			return nil, err
		}
		return func(*document.Alignment) (review.Op, error) {
			return review.SetStatus{Groups: []int{n}, Confirm: op == "confirm"}, nil
		}, nil
	case "confirm-range", "unconfirm-range":
		spec := f("range")
		return func(a *document.Alignment) (review.Op, error) {
			groups, err := args.ParseRange(spec, len(a.Groups))
			if err != nil {
				return nil, err
			}
			return review.SetStatus{Groups: groups, Confirm: op == "confirm-range"}, nil
		}, nil
	case "merge":
		n, err := num("group")
		if err != nil {
			return nil, err
		}
		return func(*document.Alignment) (review.Op, error) { return review.Merge{Group: n}, nil }, nil
	case "split", "edit":
		n, err := num("group")
		if err != nil {
			return nil, err
		}
		k, err := num("sentence")
		if err != nil {
			return nil, err
		}
		lang := f("lang")
		if op == "split" {
			return func(*document.Alignment) (review.Op, error) {
				return review.Split{Group: n, At: map[string]int{lang: k}}, nil
			}, nil
		}
		text := f("text")
		return func(*document.Alignment) (review.Op, error) {
			return review.EditText{Group: n, Lang: lang, Sentence: k, Text: text}, nil
		}, nil
	case "move-prev", "move-next":
		n, err := num("group")
		if err != nil {
			return nil, err
		}
		lang := f("lang")
		return func(*document.Alignment) (review.Op, error) {
			return review.Move{Group: n, Lang: lang, Next: op == "move-next"}, nil
		}, nil
	case "note":
		n, err := num("group")
		if err != nil {
			return nil, err
		}
		text := f("note")
		return func(*document.Alignment) (review.Op, error) { return review.SetNote{Group: n, Note: text}, nil }, nil
	}
	return nil, locale.NewError("serve.error.bad-op", map[string]any{"Op": op}).OfKind(locale.Usage)
}

// report says what an applied edit did, as tilmash group says it.
func (s *Server) report(loc *locale.Localizer, id string, res *app.EditResult) []note {
	var out []note
	if e := res.Recovered; e != nil {
		out = append(out, note{"warn", loc.Text("review.recovered", map[string]any{"What": describe(loc, e), "Step": e.Step})})
	}
	if res.Step == 0 {
		return append(out, note{"ok", loc.Text("review.unchanged", map[string]any{"ID": id})})
	}
	c := res.Change
	out = append(out, note{"ok", loc.Text(c.Message, c.Data)})
	if len(c.Unconfirmed) > 0 {
		out = append(out, note{"warn", loc.Text("review.unconfirmed", map[string]any{"Count": len(c.Unconfirmed), "Groups": review.FormatRange(c.Unconfirmed)})})
	}
	for _, g := range c.Gaps {
		out = append(out, note{"warn", loc.Text("review.gap", map[string]any{"Group": g.Group, "Langs": strings.Join(g.Langs, ", ")})})
	}
	for _, j := range res.Joined {
		out = append(out, note{"warn", loc.Text("review.joined", map[string]any{"ID": id, "Group": j.Group, "Lang": j.Lang, "Sentence": j.Sentence, "Count": j.Count})})
	}
	for _, s := range res.LostFormatting {
		out = append(out, note{"warn", loc.Text(app.LostFormattingMessage(s), app.LostFormattingData(loc.Text, s))})
	}
	if len(c.Removed) > 0 {
		out = append(out, note{"ok", loc.Text("review.confirmed-removed", map[string]any{"Count": len(c.Removed), "ID": id, "Groups": review.FormatRange(c.Removed)})})
	}
	if groups, langs := c.Omitted(); len(groups) > 0 {
		out = append(out, note{"warn", loc.Text("review.confirmed-omission", map[string]any{"Count": len(groups), "Groups": review.FormatRange(groups), "Langs": strings.Join(langs, ", ")})})
		out = append(out, note{"hint", loc.Text("review.confirmed-omission.hint", map[string]any{"ID": id, "Langs": strings.Join(langs, ", ")})})
	}
	if len(res.Still) > 0 {
		out = append(out, note{"warn", loc.Text("review.findings-still", map[string]any{"Count": res.StillCount, "Groups": review.FormatRange(res.Still), "Kinds": app.KindSummary(loc.Text, res.StillKinds)})})
	}
	for _, m := range res.Resolved {
		out = append(out, note{"ok", loc.Text("review.finding-resolved", map[string]any{"Finding": findingText(loc, m)})})
	}
	for _, m := range res.Added {
		out = append(out, note{"warn", loc.Text("review.finding-added", map[string]any{"Finding": findingText(loc, m)})})
	}
	return out
}

// redirect answers a change with 303 to the group it left, carrying what
// it said and the draft of a refused change (POST-redirect-GET: a reload
// does not post again).
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, id string, group int, notes []note, d *draft) {
	q := []string{}
	if group > 1 {
		if page := (group-1)/s.opt.PageSize + 1; page > 1 {
			q = append(q, "page="+strconv.Itoa(page))
		}
	}
	if k := s.putFlash(notes, d); k != "" {
		q = append(q, "m="+k)
	}
	u := "/doc/" + id
	if len(q) > 0 {
		u += "?" + strings.Join(q, "&")
	}
	if group > 0 {
		u += "#g" + strconv.Itoa(group)
	}
	http.Redirect(w, r, u, http.StatusSeeOther)
}

// refuse answers a change the rules refused (a merge past the last group,
// a bad range, a locked workspace) by going back to the group with the
// error and its hint; an error that is not a person's (a disk failure) is
// a 500 page.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, d *document.Document, group int, b base, err error) {
	var m locale.Message
	if !errors.As(err, &m) {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	msg, hint, _ := b.loc.Explain(err)
	var le *locale.Error
	if errors.As(err, &le) {
		if id := browserHint(le.Hint); id != "" {
			hint = b.loc.Text(id, le.TemplateData())
		}
	}
	notes := []note{{"error", msg}}
	if hint != "" {
		notes = append(notes, note{"hint", hint})
	}
	s.redirect(w, r, d.ID, group, notes, refusedDraft(r))
}

// browserHint gives, for the hint of a refusal a page can meet whose
// words are those of the command line (--text, tilmash show), the hint
// that says what to do on the page instead; "" for the others. A switch,
// not a map: a package-level map is built at every start of tilmash.
func browserHint(id string) string {
	switch id {
	case "review.text.hint":
		return "serve.hint.text"
	case "review.no-group.hint":
		return "serve.hint.no-group"
	}
	return ""
}

// refusedDraft is the text a refused change carried, to be put back into
// its field: the corrected sentence, the note, the range; nil for a change
// that carries none, or an empty one (the field then shows what it held).
func refusedDraft(r *http.Request) *draft {
	f := r.PostFormValue
	d := &draft{Op: f("op"), Version: f("version")}
	d.Group, _ = strconv.Atoi(f("group"))
	switch d.Op {
	case "edit":
		d.Lang, d.Text = f("lang"), f("text")
		d.Sentence, _ = strconv.Atoi(f("sentence"))
	case "note":
		d.Text = f("note")
	case "confirm-range", "unconfirm-range":
		d.Text = f("range")
	default:
		return nil
	}
	if strings.TrimSpace(d.Text) == "" {
		return nil
	}
	return d
}

// oldForm answers a change from a page of this workbench whose form token
// is no longer accepted: the page was drawn before tilmash serve was
// started again (its key is new for every run). Before, that was the 403
// of a forged form, and a corrected sentence typed on the page was lost.
// Nothing is applied; the answer goes back to the group on a current page,
// with what the change carried in its field, to be made again there.
func (s *Server) oldForm(w http.ResponseWriter, r *http.Request) {
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	b := s.newBase(r, "stale", "")
	group, _ := strconv.Atoi(r.PostFormValue("group"))
	notes := []note{{"error", b.loc.Text("serve.error.restarted", nil)}}
	dr := refusedDraft(r)
	if dr != nil {
		notes = append(notes, note{"hint", b.loc.Text("serve.doc.draft-back", nil)})
	}
	s.redirect(w, r, d.ID, group, notes, dr)
}

// stale answers a change made on another version of the document than
// the one on disk: nothing is applied (it cannot touch a group the person
// has not seen); the answer goes to the document as it is now, at the
// group, with what the change carried back. The form's gh says what its
// group held when the page was drawn: when a group still holds that (under
// its number or another, after a merge or split above it), the answer goes
// there and the typed text is back in its field, to be saved again; when
// none does, the page gives the text back in a note (see putDraft).
func (s *Server) stale(w http.ResponseWriter, r *http.Request, d *document.Document, group int, b base) {
	notes := []note{{"error", b.loc.Text("serve.stale.message", map[string]any{"ID": d.ID})}}
	dr := refusedDraft(r)
	if dr != nil {
		dr.Version = "" // on no page: the group is not known to be the same
	}
	if gh := r.PostFormValue("gh"); gh != "" {
		if snap, v, _, err := s.snapshot(d); err == nil {
			if n := sameGroup(snap.Alignment, gh, group); n > 0 {
				if n != group {
					notes = append(notes, note{"warn", b.loc.Text("serve.stale.moved", map[string]any{"Old": group, "New": n})})
				}
				group = n
				if dr != nil && dr.Op != "confirm-range" && dr.Op != "unconfirm-range" {
					dr.Group, dr.Version = n, v
					notes = append(notes, note{"hint", b.loc.Text("serve.doc.draft-back", nil)})
				}
			}
		}
	}
	s.redirect(w, r, d.ID, group, notes, dr)
}

// groupKey is what group g of a holds, its sentences and note, as a short
// hash: the page's forms of the group carry it (gh), so that a change
// refused because the document changed finds the group again. FNV-1a,
// written out: hash/fnv would copy every string it is given, and a page
// draws a key for each of its groups.
func groupKey(a *document.Alignment, g *document.Group) string {
	h := uint64(14695981039346656037)
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	for _, l := range a.Languages {
		add(l)
		for _, st := range g.Sents[l] {
			add("\x00")
			add(st.Text)
		}
		add("\x01")
	}
	add(g.Note)
	return strconv.FormatUint(h, 36)
}

// sameGroup is the number of the group of a that holds what key says,
// the one nearest to group n when there are several (a repeated heading);
// 0 when none does.
func sameGroup(a *document.Alignment, key string, n int) int {
	best := 0
	for i := range a.Groups {
		k := i + 1
		if (best == 0 || abs(k-n) < abs(best-n)) && groupKey(a, a.Groups[i]) == key {
			best = k
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// placeFromQuery reads what names the place of a change (its group, the
// group's hash, the sentence's language and number) from the form's
// address when its body does not carry it: a sentence's and a note's forms
// name it there, shorter than as fields, one form per sentence. Nothing
// else is read from the address: the CSRF token, the version and what was
// typed come in the body only.
func placeFromQuery(r *http.Request) {
	q := r.URL.Query()
	for _, k := range []string{"group", "gh", "lang", "sentence"} {
		if _, ok := r.PostForm[k]; !ok {
			if v, ok := q[k]; ok {
				r.PostForm[k] = v
			}
		}
	}
}
