package reviewcmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	urfave "github.com/urfave/cli/v2"
	"golang.org/x/term"
	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/args"
	"github.com/tilmash/tilmash/internal/workspace"
)

func reviewCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "review",
		Usage:       env.T("review.review.usage", nil),
		ArgsUsage:   env.T("review.review.args", nil),
		Description: env.T("review.review.description", nil),
		Flags: []urfave.Flag{
			&urfave.IntFlag{Name: "from", Value: 1, Usage: flagUsage(env, "review.review.flag.from", "review.ph.n")},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 1 {
				return wantArgs(env, "review.review.args")
			}
			in, inOK := env.Stdin.(*os.File)
			out, outOK := env.Stderr.(*os.File)
			if !env.Terminal || !inOK || !outOK {
				return env.Usage("review.needs-terminal", nil, "review.needs-terminal.hint")
			}
			ws, d, err := openDoc(env, c.Args().First())
			if err != nil {
				return err
			}
			s := &session{app: a, env: env, ws: ws, d: d, in: in, out: out}
			return s.run(c.Int("from"), c.IsSet("from"))
		},
	}
}

// session is one run of the interactive review. It draws on standard
// error (the terminal; standard output may be redirected) and reads single
// keys from standard input in raw mode.
type session struct {
	app *app.App
	env *console.Env
	ws  *workspace.Workspace
	d   *document.Document
	in  *os.File
	out *os.File

	keys   *keyReader
	marker review.Marker
	snap   *review.Snapshot
	marks  []review.Mark
	errs   map[int]bool // groups with an error of the other quick checks (numbers …)
	cur    int          // the group on screen, 1-based
	msgs   string       // what the last action said, drawn under the groups
	edits  int          // steps made in this session
	raw    *term.State
	screen io.Writer
	// editing is set while the person's editor runs: Ctrl-C there is the
	// editor's, not a reason to end the session (git ignores it too).
	editing atomic.Bool
	// query is the last search (the / key), offered again.
	query string
	// sig receives the signals that end the session (nil outside a
	// terminal): the editor's run ignores Ctrl-C and Ctrl-\ and gives them
	// back to it.
	sig chan os.Signal
	// top is the first line of the current group's body on the screen,
	// when the group is taller than the screen (see frame); a move to
	// another group starts at its top.
	top int
	// shown is the frame drawn since the last key, if one was: a paging
	// key turns the page the person sees, which the messages of the last
	// action made shorter, not the one drawn after them.
	shown *frame
	// winsize, when set, is the terminal's size instead of the one the
	// terminal reports (tests have no terminal).
	winsize func() (w, h int)
}

// run puts the terminal in raw mode, and restores it however the session
// ends: a return, a panic or a signal.
func (s *session) run(from int, fromSet bool) (err error) {
	s.marker = loadMarker(s.app, s.env, s.ws)
	if err := s.reload(); err != nil {
		return err
	}
	if s.cur, err = s.start(from, fromSet); err != nil {
		return err
	}
	if s.cur == 0 {
		s.env.Say("review.nothing-to-review", map[string]any{"ID": s.d.ID})
		// A translator come to fix a confirmed group (--from N) is told
		// how, rather than left at the prompt.
		var group any = "N"
		if fromSet {
			group = from
		}
		s.env.Hint("review.nothing-to-review.hint", map[string]any{"ID": s.d.ID, "Group": group})
		return nil
	}
	if s.raw, err = term.MakeRaw(int(s.in.Fd())); err != nil {
		return err
	}
	// Bracketed paste: the terminal marks pasted text, so that a paste is
	// never taken for keys (see keyPaste).
	io.WriteString(s.out, pasteOn)
	restore := func() {
		io.WriteString(s.out, pasteOff)
		_ = term.Restore(int(s.in.Fd()), s.raw)
	}
	defer func() {
		restore()
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT)
	s.sig = sig
	defer func() { signal.Stop(sig); s.sig = nil; close(sig) }()
	go func() {
		for v := range sig {
			if s.editing.Load() && (v == syscall.SIGINT || v == syscall.SIGQUIT) {
				continue
			}
			restore()
			// Every edit is on disk already: nothing is lost by stopping here.
			io.WriteString(s.out, "\r\n")
			os.Exit(130)
		}
	}()
	s.screen = crlf{s.out}
	resize := make(chan os.Signal, 1)
	if sigs := resizeSignals(); len(sigs) > 0 {
		signal.Notify(resize, sigs...)
		defer signal.Stop(resize)
	}
	s.keys = &keyReader{r: newResizing(s.in, resize)}
	err = s.loop()
	restore()
	io.WriteString(s.out, "\n")
	if s.edits > 0 {
		s.env.SayN("review.session", s.edits, map[string]any{"ID": s.d.ID})
	}
	s.sayResume()
	return err
}

// sayResume tells a person who quits past groups left to review (skipped
// with n, or jumped over with g or /) how to go on from where they are: a
// new review starts at the first group left, as it should for one who
// works through in order.
func (s *session) sayResume() {
	if s.cur < 1 || s.snap == nil {
		return
	}
	if first := s.nextToReview(0); first != 0 && first < s.cur {
		s.env.Hint("review.resume", map[string]any{"ID": s.d.ID, "Group": s.cur, "First": first})
	}
}

// reload reads the alignment and its marks again. The cursor stays on the
// same group, found by its sentences rather than its number: an edit made
// elsewhere (or a merge before it) renumbers the groups, and a cursor kept
// by number would point at a group the person has not read.
func (s *session) reload() error {
	snap, err := review.Load(s.d)
	if err != nil {
		return err
	}
	var at anchor
	if s.snap != nil && s.cur > 0 {
		at = anchorOf(s.snap.Alignment, s.cur)
	}
	s.snap, s.marks = snap, nil
	if s.marker != nil {
		if s.marks, err = s.marker.Marks(s.d.ID, snap.Alignment, nil); err != nil {
			return err
		}
	}
	// The other quick checks' errors (numbers, untranslated …) make a
	// group to review too: the screen lists them under it.
	all := make([]int, len(snap.Alignment.Groups))
	for i := range all {
		all[i] = i + 1
	}
	s.errs = map[int]bool{}
	for _, m := range s.app.CheckMarks(s.ws, s.d.ID, snap.Alignment, all) {
		if m.Error {
			s.errs[m.Group] = true
		}
	}
	if s.cur > 0 {
		s.cur = at.find(snap.Alignment, s.cur)
	}
	return nil
}

// needsReview: a group is reviewed when it is confirmed and has no
// glossary finding and no error of the other quick checks.
func (s *session) needsReview(n int) bool {
	if s.snap.Alignment.Groups[n-1].Status != document.Confirmed || s.errs[n] {
		return true
	}
	for _, m := range review.Findings(s.marks) {
		if m.Group == n {
			return true
		}
	}
	return false
}

// nextToReview returns the first group after n that needs review, or 0.
func (s *session) nextToReview(n int) int {
	for k := n + 1; k <= len(s.snap.Alignment.Groups); k++ {
		if s.needsReview(k) {
			return k
		}
	}
	return 0
}

// start returns the group the session opens on: the first one to review
// from group from on or, when every group from there on is done, the first
// one to review at all, which the screen then says; 0 when no group needs
// review. A group from that does not exist is refused, as show refuses it.
func (s *session) start(from int, fromSet bool) (int, error) {
	if n := len(s.snap.Alignment.Groups); fromSet && (from < 1 || from > n) {
		return 0, review.NoGroup(from, n)
	}
	from = max(from, 1)
	cur := s.nextToReview(from - 1)
	if cur == 0 && from > 1 {
		if cur = s.nextToReview(0); cur != 0 {
			s.tell(s.capture(func(env *console.Env) {
				env.SayN("review.none-from", s.left(), map[string]any{"From": from, "Group": cur})
			}))
		}
	}
	return cur, nil
}

func (s *session) left() int {
	c := 0
	for k := 1; k <= len(s.snap.Alignment.Groups); k++ {
		if s.needsReview(k) {
			c++
		}
	}
	return c
}

// Keys other than printable characters.
const (
	keyNone rune = -1 - iota
	keyLeft
	keyRight
	keyUp
	keyDown
	keyEsc
	keyEnter
	keyBackspace
	keyInterrupt // Ctrl-C
	keyEOF       // Ctrl-D or end of input
	keyRedraw    // Ctrl-L
	// The line editing keys of a prompt (lineEdit).
	keyHome          // Home, Ctrl-A
	keyEnd           // End, Ctrl-E
	keyDelete        // Delete
	keyWordLeft      // Alt-B, Ctrl-←
	keyWordRight     // Alt-F, Ctrl-→
	keyKillStart     // Ctrl-U
	keyKillEnd       // Ctrl-K
	keyKillWord      // Ctrl-W
	keyKillWordLeft  // Alt-Backspace
	keyKillWordRight // Alt-D
	keyYank          // Ctrl-Y
	// The keys that turn a page of a group taller than the screen.
	keyPageUp
	keyPageDown
	// Text pasted, as a terminal in bracketed paste mode marks it; the
	// key reader keeps the text (keyReader.pasted).
	keyPaste
)

// The sequences that turn a terminal's bracketed paste mode on and off.
const (
	pasteOn  = "\x1b[?2004h"
	pasteOff = "\x1b[?2004l"
)

func (s *session) loop() error {
	for {
		s.draw(0)
		k, err := s.keys.next()
		if err != nil {
			return nil // the terminal went away: every edit is saved
		}
		if done, err := s.handle(k); done || err != nil {
			return err
		}
	}
}

// handle does what key k asks and reports whether the session is over.
// The cursor moves only as an applied action moves it: an edit that was
// not applied (the alignment changed on disk and was read again, the lock
// was not free, the edit was refused) leaves it on the group the person is
// looking at, so pressing the key again acts on that group, never on one
// they have not read.
func (s *session) handle(k rune) (done bool, err error) {
	s.msgs = ""
	from := s.cur
	defer func() {
		if s.cur != from {
			s.top = 0
		}
		s.shown = nil
	}()
	switch k = latinKey(k); k {
	case 'q', 'Q', keyInterrupt, keyEOF:
		return true, nil
	case 'c':
		groups := len(s.snap.Alignment.Groups)
		ok, err := s.apply(review.SetStatus{Groups: []int{s.cur}, Confirm: true})
		if err != nil {
			return true, err
		}
		// A group left with no sentence leaves the alignment when
		// confirmed: the cursor is then on the group after it, which
		// the person has not read yet.
		gone := len(s.snap.Alignment.Groups) < groups
		if ok && !(gone && s.cur > 0 && s.cur == from && s.needsReview(s.cur)) {
			s.advance()
		}
	case 'm':
		if _, err := s.apply(review.Merge{Group: s.cur}); err != nil {
			return true, err
		}
	case 'M', 'u':
		if s.cur == 1 {
			s.report(review.Edge(1, false))
			return false, nil
		}
		// After the merge the cursor follows this group's sentences into
		// the merged group (see reload).
		if _, err := s.apply(review.Merge{Group: s.cur - 1}); err != nil {
			return true, err
		}
	case 's':
		line, ok := s.prompt(s.env.T("review.prompt-split", map[string]any{"Group": s.cur}), "")
		if !ok || strings.TrimSpace(line) == "" {
			s.say("review.cancelled", nil)
			return false, nil
		}
		at, err := args.ParseAt(strings.Fields(latinLangs(line)), "")
		if err != nil {
			s.report(err)
			return false, nil
		}
		if _, err := s.apply(review.Split{Group: s.cur, At: at}); err != nil {
			return true, err
		}
	case 'a':
		// The current note is on the line, to correct rather than type
		// anew: an empty line removes it, as group note with "" does; with
		// no note yet, an empty line is nothing to do, and so is the note
		// as it was.
		note := console.VisibleLine(s.snap.Alignment.Groups[s.cur-1].Note)
		label := s.env.T("review.prompt-note", map[string]any{"Group": s.cur})
		if note != "" {
			label = s.env.T("review.prompt-note-change", map[string]any{"Group": s.cur})
		}
		line, ok := s.prompt(label, note)
		switch {
		case !ok || (note == "" && strings.TrimSpace(line) == ""):
			s.say("review.cancelled", nil)
			return false, nil
		case note != "" && strings.Join(strings.Fields(line), " ") == note:
			s.say("review.note-unchanged", map[string]any{"Group": s.cur})
			return false, nil
		}
		if _, err := s.apply(review.SetNote{Group: s.cur, Note: line}); err != nil {
			return true, err
		}
	case '<', '>':
		if err := s.move(k == '>'); err != nil {
			return true, err
		}
	case 'g':
		s.goTo("")
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// A group number typed at once: the go-to prompt, begun.
		s.goTo(string(k))
	case '/':
		s.search()
	case 'e':
		if err := s.editGroup(); err != nil {
			return true, err
		}
	case 'n', keyRight:
		s.advance()
	case 'p', keyLeft:
		s.back()
	case ' ', keyDown, 'j', keyPageDown, keyPageUp, 'b', keyUp, 'k', keyHome, keyEnd:
		s.scroll(k)
	case 'z':
		if err := s.undo(false); err != nil {
			return true, err
		}
	case 'r':
		if err := s.undo(true); err != nil {
			return true, err
		}
	case '?', 'h':
		s.help()
	case keyPaste:
		// Pasted into the review rather than a prompt: its letters are not
		// keys (a pasted "c" would confirm a group, unread).
		s.say("review.paste-ignored", nil)
	case keyRedraw, keyNone, keyEsc, keyDelete, keyWordLeft, keyWordRight,
		keyKillStart, keyKillEnd, keyKillWord, keyKillWordLeft, keyKillWordRight, keyYank:
		// Keys of a prompt's line: as other control keys, nothing here.
	default:
		s.say("review.unknown-key", nil)
	}
	return s.cur == 0, nil
}

// cyrillicKeys are the letters of the ЙЦУКЕН layout (Russian; the Kazakh
// layout has the same letters on these keys, its own on the digits) and
// the Latin letters of the same keys, lower case then upper case.
const (
	cyrillicKeys = "йцукенгшщзхъфывапролджэячсмитьбюЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"
	latinOfKeys  = "qwertyuiop[]asdfghjkl;'zxcvbnm,.QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>"
)

// latinKey is the key k as a Latin layout has it: a translator typing in
// Russian or Kazakh presses с for c (the same key), and means c, as in the
// browser workbench. There, the key of / with Shift (? on a Latin layout)
// types a comma: it asks for help too, and the key of / types a full
// stop: it searches. Any other key is itself.
func latinKey(k rune) rune {
	switch k {
	case ',':
		return '?'
	case '.':
		return '/'
	}
	if i := strings.IndexRune(cyrillicKeys, k); i >= 0 {
		return []rune(latinOfKeys)[utf8.RuneCountInString(cyrillicKeys[:i])]
	}
	return k
}

// latinLangs is what a person typed for a split or a move with its
// language codes as a Latin layout types them: on a Russian or Kazakh
// layout, en:2 comes out as ут:2. A code is Latin letters, so a Cyrillic
// one can only be that.
func latinLangs(line string) string {
	fields := strings.Fields(line)
	for i, f := range fields {
		lang, rest, colon := strings.Cut(f, ":")
		if lang == "" || strings.IndexFunc(lang, func(r rune) bool { return !strings.ContainsRune(cyrillicKeys, r) }) >= 0 {
			continue
		}
		var b strings.Builder
		for _, r := range lang {
			b.WriteRune(unicode.ToLower(latinKey(r)))
		}
		if colon {
			b.WriteString(":" + rest)
		}
		fields[i] = b.String()
	}
	return strings.Join(fields, " ")
}

// move is the < and > keys: the first sentence of a language to the end
// of the previous group, or the last one to the start of the next group,
// as group move does; the prompt asks which language, and offers the one
// language that has more sentences in the group than one, if there is one.
func (s *session) move(next bool) error {
	a := s.snap.Alignment
	to := s.cur - 1
	if next {
		to = s.cur + 1
	}
	if to < 1 || to > len(a.Groups) {
		s.report(review.Edge(s.cur, next))
		return nil
	}
	guess := ""
	for _, l := range a.Languages {
		if len(a.Groups[s.cur-1].Sents[l]) > 1 {
			if guess != "" {
				guess = ""
				break
			}
			guess = l
		}
	}
	id := "review.prompt-move-prev"
	if next {
		id = "review.prompt-move-next"
	}
	line, ok := s.prompt(s.env.T(id, map[string]any{"To": to, "Langs": strings.Join(a.Languages, ", ")}), guess)
	lang := strings.TrimSpace(latinLangs(line))
	if !ok || lang == "" {
		s.say("review.cancelled", nil)
		return nil
	}
	_, err := s.apply(review.Move{Group: s.cur, Lang: lang, Next: next})
	return err
}

// goTo is the g key: the group whose number is typed, reviewed or not;
// typed is what the line starts with (the digit pressed instead of g).
func (s *session) goTo(typed string) {
	n := len(s.snap.Alignment.Groups)
	line, ok := s.prompt(s.env.T("review.prompt-goto", map[string]any{"Count": n}), typed)
	line = strings.TrimSpace(line)
	if !ok || line == "" {
		s.say("review.cancelled", nil)
		return
	}
	k, err := strconv.Atoi(line)
	switch {
	case err != nil:
		s.report(s.env.Usage("review.goto-bad", map[string]any{"Text": line, "Count": n}, ""))
	case k < 1 || k > n:
		s.report(review.NoGroup(k, n))
	default:
		s.cur = k
	}
}

// search is the / key: the next group, after this one and then from the
// first, whose sentences or note hold what is typed, in any language,
// whatever the case and however a sentence is broken into lines. The line
// starts with the last search, so that Enter finds the next group.
func (s *session) search() {
	line, ok := s.prompt(s.env.T("review.prompt-search", nil), s.query)
	q := strings.TrimSpace(line)
	if !ok || q == "" {
		s.say("review.cancelled", nil)
		return
	}
	s.query = q
	want := fold(q)
	a := s.snap.Alignment
	n := len(a.Groups)
	for i := 1; i <= n; i++ {
		k := (s.cur-1+i)%n + 1
		g := a.Groups[k-1]
		hit := strings.Contains(fold(g.Note), want)
		for _, l := range a.Languages {
			for _, st := range g.Sents[l] {
				hit = hit || strings.Contains(fold(review.OneLine(st.Text)), want)
			}
		}
		if !hit {
			continue
		}
		if k <= s.cur {
			s.say("review.search-wrapped", map[string]any{"Group": k})
		}
		s.cur = k
		return
	}
	s.say("review.search-none", map[string]any{"Text": q})
}

// fold is text as search compares it: NFC, lower case, its white space
// runs one space.
func fold(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(text))), " ")
}

// advance moves to the next group that needs review. After the last one
// it wraps around to the first group still to review (one skipped with n,
// say), and says so; it ends the session only when no group is left to
// review, and stays when the current group is the only one.
func (s *session) advance() {
	if next := s.nextToReview(s.cur); next != 0 {
		s.cur = next
		return
	}
	if first := s.nextToReview(0); first != 0 && first != s.cur {
		s.cur = first
		s.say("review.wrapped", map[string]any{"Group": first, "Count": s.left()})
		return
	}
	if s.needsReview(s.cur) {
		s.say("review.only-one-left", map[string]any{"Group": s.cur})
		return
	}
	s.env.Say("review.nothing-left", map[string]any{"ID": s.d.ID})
	s.cur = 0
}

// capture runs f with an environment whose messages are caught, to be
// drawn under the groups: the session shows what the commands print, in
// the same form ("tilmash: …", "hint: …").
func (s *session) capture(f func(env *console.Env)) string {
	var buf bytes.Buffer
	quiet := *s.env
	quiet.Stderr, quiet.Stdout = &buf, io.Discard
	f(&quiet)
	return strings.TrimRight(buf.String(), "\n")
}

// say adds a message to what the screen shows under the groups.
func (s *session) say(id string, data map[string]any) {
	s.tell(s.capture(func(env *console.Env) { env.Say(id, data) }))
}

// report adds an error, with its hint, to what the screen shows.
func (s *session) report(err error) {
	s.tell(s.capture(func(env *console.Env) { env.Report(err) }))
}

func (s *session) tell(text string) {
	if s.msgs != "" && text != "" {
		s.msgs += "\n"
	}
	s.msgs += text
}

// apply runs one edit through the same path as tilmash group, under the
// lock, and reports whether it was applied. A refused edit (merging the
// last group, say) is shown, not fatal. An alignment that changed on disk
// since it was drawn is reloaded instead of edited blind.
func (s *session) apply(op review.Op) (bool, error) {
	unlock, err := s.env.Lock(s.ws)
	if err != nil {
		s.report(err)
		return false, nil
	}
	defer unlock()
	res, err := s.app.Edit(s.d, app.EditRequest{
		Build:  func(*document.Alignment) (review.Op, error) { return op, nil },
		Marker: s.marker,
		Expect: s.snap.Raw,
	})
	if errors.Is(err, app.ErrAlignmentChanged) {
		s.say("review.reloaded", nil)
		return false, s.reload()
	}
	if err != nil {
		var m interface{ MessageID() string }
		if errors.As(err, &m) {
			s.report(err)
			return false, nil
		}
		return false, err
	}
	// The same report as tilmash group.
	s.tell(s.capture(func(env *console.Env) { report(env, s.d.ID, res, 0) }))
	if res.Step > 0 {
		s.edits++
	}
	return true, s.reload()
}

// undo takes back the last change of the groups, or with redo puts back
// the last one undone.
func (s *session) undo(redo bool) error {
	unlock, err := s.env.Lock(s.ws)
	if err != nil {
		s.report(err)
		return nil
	}
	defer unlock()
	// The step taken back is the one this screen shows the result of: a
	// step another process made since is not undone blind, and neither is
	// the align or import the review works on. So for redo.
	var res app.UndoResult
	if redo {
		res, err = s.app.RedoVersion(s.d, app.Version(s.snap))
	} else {
		res, err = s.app.UndoVersion(s.d, app.Version(s.snap))
	}
	if errors.Is(err, app.ErrAlignmentChanged) {
		s.say("review.reloaded", nil)
		return s.reload()
	}
	if err != nil {
		var m interface{ MessageID() string }
		if errors.As(err, &m) {
			s.report(err)
			return nil
		}
		return err
	}
	for _, e := range res.Undone {
		if redo {
			s.say("review.redone", map[string]any{"Step": e.Step, "What": describe(s.env, e)})
			s.edits++
			continue
		}
		s.say("review.undone", map[string]any{"Step": e.Step, "What": describe(s.env, e)})
		if s.edits > 0 {
			s.edits--
		}
	}
	if err := s.reload(); err != nil {
		return err
	}
	if s.cur < 1 {
		s.cur = 1
	}
	return nil
}

// size returns the terminal's width and height.
func (s *session) size() (int, int) {
	if s.winsize != nil {
		return s.winsize()
	}
	w, h, err := term.GetSize(int(s.out.Fd()))
	if err != nil || w <= 0 {
		w, h = s.env.Width, 0
	}
	if w <= 0 {
		w = 100
	}
	return w, h
}

// draw clears the screen and draws the current group (see frame), with
// reserve rows left free under it for a prompt. The page drawn is the
// one the next paging key moves from: s.top is kept within the group.
func (s *session) draw(reserve int) {
	w, h := s.size()
	f := s.frame(w, h, reserve)
	s.top, s.shown = f.top, &f
	io.WriteString(s.screen, f.text)
}

// layout is the screen on a terminal w columns wide and h rows high (0:
// unknown), without a prompt open (see frame).
func (s *session) layout(w, h int) string { return s.frame(w, h, 0).text }

// rows is how many rows text takes on a terminal w columns wide, which
// wraps a line longer than that.
func rows(text string, w int) int {
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		n += max(1, (width([]rune(plain(line)))+w-1)/max(w, 1))
	}
	return n
}

// plain is line without the colour codes console.Paint writes
// (ESC [ digits and semicolons m), which take no column.
func plain(line string) string {
	if !strings.Contains(line, "\x1b[") {
		return line
	}
	var b strings.Builder
	for {
		i := strings.Index(line, "\x1b[")
		if i < 0 {
			break
		}
		j := i + 2
		for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ';') {
			j++
		}
		if j < len(line) && line[j] == 'm' {
			b.WriteString(line[:i])
			line = line[j+1:]
			continue
		}
		b.WriteString(line[:i+2])
		line = line[i+2:]
	}
	b.WriteString(line)
	return b.String()
}

// wrapText breaks the lines of text between words so that none is wider
// than w-1 columns (a word wider than that stays whole, for the terminal
// to break): the terminal would cut a message mid-word. A line of the
// help ("  c     confirm …") goes on under its description.
func wrapText(text string, w int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		indent := hanging(line)
		if indent >= w/2 {
			indent = 0
		}
		col := 0
		for j, word := range dashesHeld(strings.Split(line, " ")) {
			ww := width([]rune(plain(word)))
			if j > 0 {
				if col > indent && col+1+ww > w-1 {
					b.WriteString("\n" + strings.Repeat(" ", indent))
					col = indent
					if word == "" {
						continue
					}
				} else {
					b.WriteString(" ")
					col++
				}
			}
			b.WriteString(word)
			col += ww
		}
	}
	return b.String()
}

// dashesHeld joins a dash that stands between spaces (— or –) to the word
// before it, so that a wrapped line never starts with the dash: Russian
// and Kazakh typography keep it at the end of the line («Esc — отмена»
// breaks after the dash, not before it).
func dashesHeld(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if (w == "—" || w == "–") && len(out) > 0 && out[len(out)-1] != "" {
			out[len(out)-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

// hanging is the column an indented line's continuation starts at: that
// of the text after a run of two spaces or more that follows its first
// word, as in the help's lines of keys, else that of its first word. A
// line that is not indented (a message) goes on from the first column.
func hanging(line string) int {
	rs := []rune(line)
	i := 0
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	lead := i
	if lead == 0 {
		return 0
	}
	for j := i; j+1 < len(rs); j++ {
		if rs[j] == ' ' && rs[j+1] == ' ' {
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			if k < len(rs) {
				return width(rs[:k])
			}
			break
		}
	}
	return lead
}

// fitKeys breaks the line of keys ("c confirm · m merge next · …")
// between keys into lines of at most w columns, so that the terminal does
// not break a word of it (the Russian line is 121 columns).
func fitKeys(keys string, w int) string {
	const sep = " · "
	var b strings.Builder
	line := 0
	for i, k := range strings.Split(keys, sep) {
		kw := runewidth.StringWidth(k)
		switch {
		case i == 0:
		case line+runewidth.StringWidth(sep)+kw <= w:
			b.WriteString(sep)
			line += runewidth.StringWidth(sep)
		default:
			b.WriteString("\n")
			line = 0
		}
		b.WriteString(k)
		line += kw
	}
	return b.String()
}

// help shows the keys until a key is pressed; a help taller than the
// screen is drawn a page at a time (see helpFrame). A resize draws it
// again at the new size rather than closing it.
func (s *session) help() {
	top := 0
	for {
		w, h := s.size()
		f := s.helpFrame(w, h, top)
		top = f.top
		io.WriteString(s.screen, f.text)
		k, err := s.keys.next()
		if err != nil {
			return
		}
		switch k = latinKey(k); {
		case k == keyRedraw:
			continue
		case f.more() && (k == ' ' || k == keyPageDown):
			top = f.top + f.page
			continue
		case f.more() && (k == keyDown || k == 'j'):
			top = f.top + 1
			continue
		case f.page < f.total && (k == keyPageUp || k == 'b'):
			top = f.prev
			continue
		case f.page < f.total && (k == keyUp || k == 'k'):
			top = f.top - 1
			continue
		case f.page < f.total && (k == keyHome || k == keyEnd):
			top = 0
			if k == keyEnd {
				top = f.last
			}
			continue
		}
		// Any other key, and Space at the end: back to the review.
		return
	}
}

// prompt reads a line, with the editing keys of readline (see lineEdit):
// Enter accepts, Esc or Ctrl-C cancels, and so does Ctrl-D on an empty
// line. A label too wide to leave room for the line takes a line of its
// own, the line is typed under it. The line starts as init, with the
// cursor at its end. The screen is drawn again with room for the prompt's
// rows under it, so that the title and the group's rule stay on the
// screen (a group taller than it is drawn a page at a time, see frame);
// PgDn and PgUp turn the group's pages with the prompt open.
// A resize (or Ctrl-L) draws the screen and the prompt again at the new
// size: a terminal that reflows its lines would leave the old line's
// pieces behind.
func (s *session) prompt(label, init string) (string, bool) {
	e := lineEdit{buf: []rune(init)}
	e.pos = len(e.buf)
	var w int
	inline := label
	start := func() {
		w, _ = s.size()
		inline = label
		above, labelRows := "", 0
		if runewidth.StringWidth(label) > w/2 {
			above = wrapText(label, w) + "\n"
			labelRows = rows(above, w)
			inline = ""
		}
		// A blank row and the label's rows when it is above the line; the
		// line is on the cursor's row, which every frame leaves.
		s.draw(1 + labelRows)
		io.WriteString(s.screen, "\n"+above)
	}
	start()
	for {
		io.WriteString(s.screen, e.render(inline, w))
		k, err := s.keys.next()
		if err != nil {
			return "", false
		}
		switch {
		case k == keyEnter:
			return string(e.buf), true
		case k == keyEsc || k == keyInterrupt || (k == keyEOF && len(e.buf) == 0):
			return "", false
		case k == keyRedraw:
			start()
		case k == keyPageDown || k == keyPageUp:
			// The group over the prompt turns its pages: a split of a
			// group taller than the screen needs the number of a
			// sentence further down.
			if f := s.shown; f != nil && k == keyPageDown && f.more() {
				s.top = f.top + f.page
			} else if f != nil && k == keyPageUp {
				s.top = f.prev
			}
			start()
		case k == keyPaste:
			// On one line, as a note or a split is: its line breaks and
			// tabs become spaces, other control characters go.
			var rs []rune
			for _, r := range s.keys.pasted {
				switch {
				case r == '\n' || r == '\r' || r == '\t':
					r = ' '
				case console.Visible(string(r)) != string(r):
					continue
				}
				rs = append(rs, r)
			}
			e.insert(rs...)
		case k >= ' ' && console.Visible(string(k)) != string(k):
			// A control character (pasted, say) is not echoed to the
			// terminal, which would obey it; nor is it wanted in a split.
		default:
			e.key(k)
		}
	}
}

// crlf turns "\n" into "\r\n": in raw mode the terminal does not return
// the carriage by itself.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	_, err := c.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n")))
	return len(p), err
}
