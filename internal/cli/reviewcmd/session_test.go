package reviewcmd

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/workspace"
)

// testSession opens a review session over a sample workspace without a
// terminal: keys go to handle, the screen is discarded, and messages are
// kept in s.msgs as the screen would show them.
func testSession(t *testing.T, shape reviewtest.Shape) *session {
	t.Helper()
	ws, err := reviewtest.Workspace(t.TempDir(), "demo", shape)
	if err != nil {
		t.Fatal(err)
	}
	return sessionOn(t, ws)
}

// wrappedSession is testSession on the sample with its second English
// sentence hard-wrapped (reviewtest.Wrapped), one to one.
func wrappedSession(t *testing.T) *session {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err == nil {
		err = reviewtest.Wrapped(ws, "demo", reviewtest.OneToOne)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sessionOn(t, ws)
}

func sessionOn(t *testing.T, ws *workspace.Workspace) *session {
	t.Helper()
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "demo")
	if err != nil {
		t.Fatal(err)
	}
	s := &session{app: app.New("test"), env: env, ws: ws, d: d, screen: &bytes.Buffer{}, keys: &keyReader{r: strings.NewReader("")}}
	s.marker = loadMarker(s.app, env, ws)
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	s.cur = s.nextToReview(0)
	return s
}

// elsewhere applies op as another tilmash process would, behind the
// session's back.
func elsewhere(t *testing.T, s *session, op review.Op) {
	t.Helper()
	d, err := document.Open(s.ws, s.d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := review.Apply(d, op, review.Options{}); err != nil {
		t.Fatal(err)
	}
}

// statuses returns the first letter of every group's status, as on disk.
func statuses(t *testing.T, s *session) string {
	t.Helper()
	a, err := s.d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, g := range a.Groups {
		b.WriteByte(g.Status[0])
	}
	return b.String()
}

func press(t *testing.T, s *session, keys string) {
	t.Helper()
	pressKeys(t, s, []rune(keys)...)
}

// pressKeys is press with keys that are not characters (keyPageDown …).
func pressKeys(t *testing.T, s *session, keys ...rune) {
	t.Helper()
	for _, k := range keys {
		if done, err := s.handle(k); err != nil || done {
			t.Fatalf("key %q: done %v, err %v", k, done, err)
		}
	}
}

// TestKeysDoNotMoveACursorWhenNothingWasApplied is the state machine's
// rule: an edit that was not applied leaves the cursor on the group the
// person is reading, so the next key acts on that group. Before, "c" after
// "the alignment changed on disk" had already moved on, and the second
// "c" confirmed the following group, unread.
func TestKeysDoNotMoveACursorWhenNothingWasApplied(t *testing.T) {
	tests := []struct {
		name  string
		shape reviewtest.Shape
		start int                            // cursor before; 0: the first to review
		setup func(t *testing.T, s *session) // what happens behind the session's back
		keys  string
		cur   int    // the cursor afterwards
		text  string // the English text of the group at the cursor
		want  string // the status of every group afterwards
		msg   string // in what the screen shows
	}{
		{
			name:  "changed on disk, same numbers",
			shape: reviewtest.OneToOne, // c a f c a f
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.SetStatus{Groups: []int{6}, Confirm: true})
			},
			keys: "c", cur: 2, text: "A court in Aralsk heard the fishermen's case on Monday.",
			want: "cafcac", msg: "the alignment changed on disk",
		},
		{
			name:  "changed on disk, then the key again",
			shape: reviewtest.OneToOne,
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.SetStatus{Groups: []int{6}, Confirm: true})
			},
			keys: "cc", cur: 3, text: "The judge asked for new evidence.",
			want: "ccfcac",
		},
		{
			name:  "changed on disk, renumbered: the cursor follows its group",
			shape: reviewtest.OneToOne,
			start: 3, // The judge asked for new evidence.
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.Merge{Group: 1}) // groups 1 and 2 become 1
			},
			keys: "c", cur: 2, text: "The judge asked for new evidence.",
			want: "afcaf", msg: "the alignment changed on disk",
		},
		{
			name:  "renumbered, then the key again confirms the group that was read",
			shape: reviewtest.OneToOne,
			start: 3,
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.Merge{Group: 1})
			},
			keys: "cc", cur: 4, text: "The hearing resumes in May.",
			want: "accaf",
		},
		{
			name:  "the lock is not free",
			shape: reviewtest.OneToOne,
			setup: func(t *testing.T, s *session) {
				unlock, err := s.ws.Lock(time.Second)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(unlock)
				s.env.LockWait = 0
			},
			keys: "cm", cur: 2, text: "A court in Aralsk heard the fishermen's case on Monday.",
			want: "cafcaf", msg: "locked by another tilmash process",
		},
		{
			name:  "a refused merge at the last group",
			shape: reviewtest.OneToOne,
			start: 6,
			keys:  "m", cur: 6, text: "A delegation from 東京 attended as observers.",
			want: "cafcaf", msg: "group 6",
		},
		{
			name:  "merging with the previous group follows the group",
			shape: reviewtest.OneToOne,
			start: 3,
			keys:  "u", cur: 2, text: "A court in Aralsk heard the fishermen's case on Monday. The judge asked for new evidence.",
			want: "cacaf",
		},
		{
			name:  "a group without the pivot language",
			shape: reviewtest.Uneven, // c a f c a f; group 5 is 0-0-1
			start: 5,
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.Merge{Group: 2})
			},
			keys: "c", cur: 4, text: "",
			want: "cacaf", msg: "the alignment changed on disk",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, tt.shape)
			if tt.start != 0 {
				s.cur = tt.start
			}
			if tt.setup != nil {
				tt.setup(t, s)
			}
			press(t, s, tt.keys)
			g := s.snap.Alignment.Groups[s.cur-1]
			if s.cur != tt.cur || g.Text("en") != tt.text {
				t.Errorf("cursor on group %d %q, want %d %q", s.cur, g.Text("en"), tt.cur, tt.text)
			}
			if got := statuses(t, s); got != tt.want {
				t.Errorf("statuses %s, want %s", got, tt.want)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
		})
	}
}

// TestAnchorFind: the cursor finds its group by the group's first
// sentence, wherever the group now is.
func TestAnchorFind(t *testing.T) {
	a, err := reviewtest.Alignment("demo", reviewtest.OneToOne)
	if err != nil {
		t.Fatal(err)
	}
	at := anchorOf(a, 3)
	// Merged with the group before: found in the merged group.
	merged, _ := reviewtest.Alignment("demo", reviewtest.Shape{{1, 1, 1}, {2, 2, 2}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}})
	if got := at.find(merged, 3); got != 2 {
		t.Errorf("after a merge: group %d, want 2", got)
	}
	// The English text was edited before it: the sentence moved.
	moved, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	for _, g := range moved.Groups {
		for i := range g.Sents["en"] {
			g.Sents["en"][i].Start += 7
			g.Sents["en"][i].End += 7
		}
	}
	if got := at.find(moved, 1); got != 3 {
		t.Errorf("after the text moved: group %d, want 3", got)
	}
	// The sentence itself was rewritten: the group now covering its place.
	rewritten, _ := reviewtest.Alignment("demo", reviewtest.OneToOne)
	rewritten.Groups[2].Sents["en"][0].Text = "The judge wanted more."
	if got := at.find(rewritten, 1); got != 3 {
		t.Errorf("after a rewrite: group %d, want 3", got)
	}
	// Fewer groups than the old number and no match: the last one.
	short := &document.Alignment{Pivot: "en", Languages: []string{"en"}, Groups: []*document.Group{{Sents: map[string][]document.Sentence{"en": {{Start: 0, End: 1, Text: "x"}}}}}}
	if got := at.find(short, 5); got != 1 {
		t.Errorf("no match: group %d, want 1", got)
	}
}

// TestUndoKey: z takes back the last change of the groups, and only one
// the screen shows: not a step another process made since (the screen is
// read again, as for an edit), and not the align or import that made the
// alignment under review (before, z went on into them, and the review
// ended with "not aligned yet", exit 2).
func TestUndoKey(t *testing.T) {
	runKeyCases(t, []keyCase{
		{name: "its own confirmation", keys: "cz", want: "cafcaf", msg: "undid step 1: confirmed group 2"},
		{
			name: "an edit made elsewhere since",
			setup: func(t *testing.T, s *session) {
				elsewhere(t, s, review.SetStatus{Groups: []int{6}, Confirm: true})
			},
			keys: "z", want: "cafcac", msg: "the alignment changed on disk",
		},
		{
			name: "the align that made the groups",
			setup: func(t *testing.T, s *session) {
				alignStep(t, s)
				if err := s.reload(); err != nil {
					t.Fatal(err)
				}
			},
			keys: "z", want: "cafcaa", msg: "tilmash undo demo",
		},
	})
}

// TestKeysLineFitsTheScreen: the line of keys under the groups is broken
// between keys to the screen's width; the Russian one, 121 columns, was
// left to the terminal, which broke "справка" after "справк" on a
// 120-column screen.
func TestKeysLineFitsTheScreen(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		for _, w := range []int{120, 80, 60} {
			s := testSession(t, reviewtest.OneToOne)
			env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, lang)
			if err != nil {
				t.Fatal(err)
			}
			env.Width = w
			s.env = env
			screen := &bytes.Buffer{}
			s.screen = screen
			s.draw(0)
			keys := strings.Split(env.T("review.keys", nil), " · ")
			out := screen.String()
			for _, line := range strings.Split(out, "\n") {
				if n := runewidth.StringWidth(line); n > w {
					t.Errorf("%s, %d columns: a line of %d columns: %q", lang, w, n, line)
				}
			}
			for _, k := range keys {
				if !strings.Contains(out, k) {
					t.Errorf("%s, %d columns: the key %q is broken or missing", lang, w, k)
				}
			}
		}
	}
}

// TestDrawListsOtherFindings: the review screen lists a numbers finding
// under its group, as show does; it showed only the glossary's, so a
// translator confirmed a group whose number was wrong without seeing it.
func TestDrawListsOtherFindings(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	elsewhere(t, s, review.EditText{Group: 3, Lang: "en", Sentence: 1, Text: "The judge asked for 7 new pieces of evidence."})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	s.cur = 3
	screen := &bytes.Buffer{}
	s.screen = screen
	s.draw(0)
	if !strings.Contains(screen.String(), "! ") || !strings.Contains(screen.String(), "7") {
		t.Errorf("the numbers finding of group 3 is not on the screen:\n%s", screen.String())
	}
}

// TestOtherErrorsAreToReview: a confirmed group with an error of the other
// quick checks (a number the translations lack) is left to review, as one
// with a glossary finding is: the screen listed the error under the group
// while the count said nothing was left, and review said "nothing to
// review". A warning alone (typography) does not make it so.
func TestOtherErrorsAreToReview(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	if s.needsReview(4) {
		t.Fatal("confirmed group 4 needs review before the edit")
	}
	before := s.left()
	elsewhere(t, s, review.EditText{Group: 4, Lang: "en", Sentence: 1, Text: "The judge asked for 7 new pieces of evidence."})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	if !s.needsReview(4) || s.left() != before+1 {
		t.Errorf("confirmed group 4 with a numbers error: needs review %v, left %d (was %d)", s.needsReview(4), s.left(), before)
	}
	elsewhere(t, s, review.EditText{Group: 4, Lang: "en", Sentence: 1, Text: "The judge asked for  new evidence ."})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	if s.needsReview(4) {
		t.Error("a typography warning alone made confirmed group 4 need review")
	}
}

// TestRedoKey: r puts back what z took back (before, a z pressed once too
// often lost the confirmation for good), and only a change of the groups:
// an align undone with tilmash undo is left to tilmash redo.
func TestRedoKey(t *testing.T) {
	runKeyCases(t, []keyCase{
		{name: "its own confirmation", keys: "czr", want: "ccfcaf", msg: "redid step 1: confirmed group 2"},
		{name: "nothing undone", keys: "cr", want: "ccfcaf", msg: "nothing to redo in demo"},
		{name: "a new change ends it", keys: "czcr", want: "caccaf", msg: "nothing to redo in demo"},
		{
			name: "an align undone elsewhere",
			setup: func(t *testing.T, s *session) {
				alignStep(t, s)
				if _, _, err := review.Undo(s.d, 1, false); err != nil {
					t.Fatal(err)
				}
				if err := s.reload(); err != nil {
					t.Fatal(err)
				}
			},
			keys: "r", want: "cafcaf", msg: "tilmash redo demo",
		},
	})
}

// TestStartFrom: review --from N opens on the first group to review from
// N on. When every group from N on is done but earlier ones are not, it
// used to end at once with "every group is confirmed", which was false;
// it now goes back to the first group still to review and says so. A
// group that does not exist is refused, as show refuses it.
func TestStartFrom(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne) // cafcaf: 2, 3, 5, 6 to review
	elsewhere(t, s, review.SetStatus{Groups: []int{5, 6}, Confirm: true})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from    int
		fromSet bool
		want    int
		msg     string
		err     string
	}{
		{from: 1, want: 2},
		{from: 3, fromSet: true, want: 3},
		{from: 5, fromSet: true, want: 2, msg: "no group to review from group 5 on: back to group 2, 2 groups still to review"},
		{from: 7, fromSet: true, err: "there is no group 7: the alignment has 6"},
		{from: 0, fromSet: true, err: "there is no group 0"},
	}
	for _, tt := range tests {
		s.msgs = ""
		got, err := s.start(tt.from, tt.fromSet)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("--from %d: error %v, want %q", tt.from, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("--from %d: group %d, %v; want %d", tt.from, got, err, tt.want)
		}
		if !strings.Contains(s.msgs, tt.msg) {
			t.Errorf("--from %d: the screen says %q, want %q", tt.from, s.msgs, tt.msg)
		}
	}
	// With every group done, there is nothing to start on, and no error.
	elsewhere(t, s, review.SetStatus{Groups: []int{2, 3}, Confirm: true})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	if got, err := s.start(4, true); got != 0 || err != nil {
		t.Errorf("all done: group %d, %v", got, err)
	}
}

// keyCase is a press of keys in a session of reviewtest.OneToOne: what
// happens behind its back first, the status of every group afterwards and
// what the screen then says.
type keyCase struct {
	name  string
	setup func(t *testing.T, s *session)
	keys  string
	want  string // the status of every group afterwards
	msg   string // in what the screen shows
}

func runKeyCases(t *testing.T, tests []keyCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, reviewtest.OneToOne)
			if tt.setup != nil {
				tt.setup(t, s)
			}
			press(t, s, tt.keys)
			if got := statuses(t, s); got != tt.want {
				t.Errorf("statuses %s, want %s", got, tt.want)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
		})
	}
}

// alignStep journals, behind the session's back, a step as align makes
// it (review.done.align, group 6 back to aligned): one the keys z and r
// leave to the command line.
func alignStep(t *testing.T, s *session) {
	t.Helper()
	c, err := document.Begin(s.ws, s.d.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := s.snap.Alignment
	a.Groups[5].Status = document.Aligned
	if err := c.SetAlignment(a); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Commit("review.done.align", nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
}

// TestCyrillicLayoutKeys: a translator typing Russian or Kazakh has a
// ЙЦУКЕН layout on (the Kazakh one has the same letters there): c is с
// on that key, z is я, r is к. They answered "unknown key"; they now do
// what their Latin key does, as in the browser workbench.
func TestCyrillicLayoutKeys(t *testing.T) {
	runKeyCases(t, []keyCase{
		{name: "с confirms", keys: "с", want: "ccfcaf", msg: "confirmed group 2"},
		{name: "я undoes, к redoes", keys: "сяк", want: "ccfcaf", msg: "redid step 1: confirmed group 2"},
		{name: "С is not C: unknown", keys: "Ж", want: "cafcaf", msg: "unknown key"},
	})
	for k, want := range map[rune]rune{'с': 'c', 'ь': 'm', 'Ь': 'M', 'г': 'u', 'ы': 's', 'т': 'n', 'з': 'p', 'я': 'z', 'к': 'r', 'й': 'q', 'Й': 'Q', 'о': 'j', 'л': 'k', 'р': 'h', ',': '?', 'c': 'c', 'ә': 'ә'} {
		if got := latinKey(k); got != want {
			t.Errorf("latinKey(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestHelpSaysHowToCorrect: a translator who saw a typo was left to find
// tilmash group edit. The help names the e key, and group edit for the
// group under review outside it.
func TestHelpSaysHowToCorrect(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	press(t, s, "?")
	screen := s.screen.(*bytes.Buffer).String()
	for _, want := range []string{"press e, correct it in the editor", "tilmash group edit demo 2 -l LANG --text", "с is c"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the help does not say %q:\n%s", want, screen)
		}
	}
}

// notes returns every group's note, as on disk.
func notes(t *testing.T, s *session) []string {
	t.Helper()
	a, err := s.d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range a.Groups {
		out = append(out, g.Note)
	}
	return out
}

// TestNoteKey: a leaves a note on the group under review without quitting
// for tilmash group note: the same op, so z takes it back. The label shows
// the note there is; an empty line then removes it, and Esc changes
// nothing. On a Russian layout the key is ф.
func TestNoteKey(t *testing.T) {
	tests := []struct {
		name  string
		setup string // the note of group 2 before
		keys  string // the key, then what is typed in the prompt
		want  string // the note of group 2 afterwards
		msg   string
	}{
		{name: "a new note", keys: "acheck the date\r", want: "check the date", msg: "set the note of group 2"},
		{name: "ф on a Russian layout", keys: "фпроверить дату\r", want: "проверить дату", msg: "set the note of group 2"},
		{name: "Esc", keys: "acheck\x1b", want: "", msg: "cancelled"},
		{name: "an empty line without a note", keys: "a\r", want: "", msg: "cancelled"},
		// The note is on the line, to correct: before, it was in the
		// label, and a typo meant typing the whole note again.
		{name: "corrected", setup: "chekc dates", keys: "a\x1b[H\x1b[C\x1b[C\x1b[C\x1b[3~\x1b[3~ck\r", want: "check dates", msg: "set the note of group 2"},
		{name: "unchanged", setup: "old", keys: "a\r", want: "old", msg: "the note of group 2 is unchanged"},
		{name: "replaced", setup: "old", keys: "a\x15new\r", want: "new", msg: "set the note of group 2"},
		{name: "removed", setup: "old", keys: "a\x15\r", want: "", msg: "removed the note of group 2"},
		{name: "undone", keys: "acheck\rz", want: "", msg: "undid step 1: set the note of group 2"},
		// The line editing keys: a typo is fixed without typing the
		// rest of the line again.
		{name: "Ctrl-W", keys: "acheck teh\x17the date\r", want: "check the date", msg: "set the note of group 2"},
		{name: "Home, then typed before", keys: "a date\x1b[Hcheck the\r", want: "check the date", msg: "set the note of group 2"},
		{name: "Alt-B is not Esc", keys: "aпроверить дату\x1bbэту \r", want: "проверить эту дату", msg: "set the note of group 2"},
		{name: "Ctrl-U, then Enter removes", setup: "old", keys: "aтест\x15\r", want: "", msg: "removed the note of group 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, reviewtest.OneToOne)
			if tt.setup != "" {
				elsewhere(t, s, review.SetNote{Group: 2, Note: tt.setup})
				if err := s.reload(); err != nil {
					t.Fatal(err)
				}
			}
			keys := []rune(tt.keys)
			s.keys = &keyReader{r: strings.NewReader(string(keys[1:]))}
			press(t, s, string(keys[0]))
			for k, err := s.keys.next(); err == nil; k, err = s.keys.next() {
				if done, err := s.handle(k); err != nil || done {
					t.Fatalf("key %q: done %v, err %v", k, done, err)
				}
			}
			if got := notes(t, s)[1]; got != tt.want {
				t.Errorf("note of group 2 %q, want %q", got, tt.want)
			}
			if s.cur != 2 {
				t.Errorf("cursor on group %d, want 2", s.cur)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
			if tt.setup != "" && !strings.Contains(s.screen.(*bytes.Buffer).String(), "\r"+tt.setup+"\x1b[K") {
				t.Errorf("the prompt does not show the note %q:\n%s", tt.setup, s.screen.(*bytes.Buffer).String())
			}
		})
	}
}

// TestEditKey: e opens the group's sentences in the person's editor (here
// a sed script as $EDITOR) and corrects the changed ones as group edit
// does, in one step z takes back; a file whose lines were removed, added
// or renamed changes nothing and says what is wrong.
func TestEditKey(t *testing.T) {
	tests := []struct {
		name   string
		visual string // sed script of $VISUAL; empty: not set
		editor string // sed script of $EDITOR, or a command
		keys   string
		en     string // the English sentence of group 2 afterwards
		kk     string // the start of the Kazakh sentence of group 2 afterwards
		msg    string
		same   bool   // nothing changed on disk
		wrap   bool   // the English sentence of group 2 spans two lines
		stored string // in the stored English text afterwards
	}{
		{name: "one sentence", editor: "sed -i 's/^kk 1: .*/kk 1: Арал сотында іс қаралды./'",
			kk: "Арал сотында іс қаралды.", msg: "corrected kk sentence 1 of group 2"},
		{name: "two sentences, one step", editor: "sed -i -e 's/^kk 1: .*/kk 1: Арал сотында іс қаралды./' -e 's/Monday/Tuesday/'",
			en: "A court in Aralsk heard the fishermen's case on Tuesday.", kk: "Арал сотында іс қаралды.", msg: "corrected 2 sentences of group 2"},
		{name: "undone at once", editor: "sed -i -e 's/^kk 1: .*/kk 1: Арал сотында іс қаралды./' -e 's/Monday/Tuesday/'", keys: "z",
			msg: "undid step 1: corrected 2 sentences of group 2", same: true},
		{name: "VISUAL first", visual: "sed -i 's/Monday/Friday/'", editor: "false",
			en: "A court in Aralsk heard the fishermen's case on Friday.", msg: "corrected en sentence 1 of group 2"},
		{name: "unchanged", editor: "true", msg: "no sentence of group 2 was changed", same: true},
		{name: "a line removed", editor: "sed -i '/^ru 1:/d'", msg: "the line of “ru 1:” was removed", same: true},
		{name: "a prefix changed", editor: "sed -i -e 's/^ru 1:/ru 2:/' -e 's/Monday/Tuesday/'", msg: "line 5 of the edited group should start with “ru 1:”", same: true},
		{name: "a line added", editor: "sed -i -e 's/Monday/Tuesday/' -e '$a kk 2: Тағы бір сөйлем.'", msg: "one line too many", same: true},
		{name: "an empty sentence", editor: "sed -i -e 's/Monday/Tuesday/' -e 's/^kk 1: .*/kk 1: /'", same: true},
		{name: "the editor fails", editor: "false", msg: "the editor false failed", same: true},
		{name: "not UTF-8", editor: `sed -i 's/Monday/Mon\xffday/'`, msg: "was not saved as UTF-8", same: true},
		// A sentence of a hard-wrapped paragraph is on one line in the
		// file, and its line break stays where the words did not change.
		// Before, its second line read as a line with a wrong prefix, and
		// nothing could be corrected in the group.
		{name: "a wrapped sentence, another corrected", wrap: true, editor: "sed -i 's/^kk 1: .*/kk 1: Арал сотында іс қаралды./'",
			kk: "Арал сотында іс қаралды.", msg: "corrected kk sentence 1 of group 2", stored: "A court in Aralsk\nheard the fishermen's case on Monday."},
		{name: "a wrapped sentence, corrected", wrap: true, editor: "sed -i 's/Monday/Tuesday/'",
			en: "A court in Aralsk\nheard the fishermen's case on Tuesday.", msg: "corrected en sentence 1 of group 2", stored: "A court in Aralsk\nheard the fishermen's case on Tuesday. The judge"},
		{name: "a wrapped sentence, unchanged", wrap: true, editor: "true", msg: "no sentence of group 2 was changed", same: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open := testSession
			if tt.wrap {
				open = func(t *testing.T, _ reviewtest.Shape) *session { return wrappedSession(t) }
			}
			s := open(t, reviewtest.OneToOne)
			env := map[string]string{"EDITOR": tt.editor, "VISUAL": tt.visual}
			s.env.Getenv = func(k string) string { return env[k] }
			before, err := review.Load(s.d)
			if err != nil {
				t.Fatal(err)
			}
			press(t, s, "e"+tt.keys)
			after, err := review.Load(s.d)
			if err != nil {
				t.Fatal(err)
			}
			if same := bytes.Equal(before.Raw, after.Raw) && fmt.Sprint(before.Texts) == fmt.Sprint(after.Texts); same != tt.same {
				t.Errorf("unchanged on disk %v, want %v; the screen says %q", same, tt.same, s.msgs)
			}
			g := after.Alignment.Groups[1]
			if tt.en != "" && g.Text("en") != tt.en {
				t.Errorf("en of group 2 %q, want %q", g.Text("en"), tt.en)
			}
			if tt.kk != "" && g.Text("kk") != tt.kk {
				t.Errorf("kk of group 2 %q, want %q", g.Text("kk"), tt.kk)
			}
			if errs := after.Verify(); len(errs) > 0 {
				t.Errorf("the alignment no longer matches its texts: %v", errs)
			}
			if !strings.Contains(after.Texts["en"], tt.stored) {
				t.Errorf("the stored English text lacks %q:\n%s", tt.stored, after.Texts["en"])
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
			if s.cur != 2 {
				t.Errorf("cursor on group %d, want 2", s.cur)
			}
		})
	}
}

// TestLayoutFitsTheTerminal: the neighbours are left out when the screen
// would not hold them, counting the rows long messages take once wrapped.
// Before, the count took a message for one row: after a split with five
// new findings the neighbours stayed, the screen scrolled, and the title
// (which group, how many left) and the languages' header went off the top.
// The messages are broken between words, not mid-word by the terminal;
// on a screen too short for them and a few lines of the group, they are
// cut, and say so, rather than push the title off.
func TestLayoutFitsTheTerminal(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	s.cur = 3
	var msgs []string
	for i := 0; i < 6; i++ {
		msgs = append(msgs, fmt.Sprintf("tilmash: предупреждение: новое замечание %d: en «penal colony» (penal-colony): нет соответствия в тексте kk, ожидается «түзеу колониясы»", i))
	}
	s.msgs = strings.Join(msgs, "\n")
	const w = 60
	for h := 12; h <= 80; h++ {
		out := s.layout(w, h)
		checkFrame(t, fmt.Sprintf("%d×%d", w, h), out, w, h, 0)
		n := frameRows(out, w)
		if n+1 > h && (strings.Contains(out, "── 2 ·") || strings.Contains(out, "── 4 ·")) {
			t.Errorf("%d rows: the neighbours are drawn on %d rows", h, n)
		}
		words := strings.Fields(out)
		cut := slices.Contains(words, "…")
		// 18 rows of messages, the title, the header, the rule, the line
		// under a page, the keys, three lines of the group and the cursor.
		if cut && h >= 27 {
			t.Errorf("%d rows: the messages are cut:\n%s", h, out)
		}
		for _, m := range msgs {
			for _, word := range strings.Fields(m) {
				if !slices.Contains(words, word) && !cut {
					t.Fatalf("%d rows: the word %q of a message is broken:\n%s", h, word, out)
				}
			}
		}
		if cut && !strings.Contains(out, "tilmash: предупреждение: новое замечание 0:") {
			t.Errorf("%d rows: the first message is left out:\n%s", h, out)
		}
	}
	if out := s.layout(w, 80); !strings.Contains(out, "── 2 ·") {
		t.Errorf("on 80 rows the neighbours are not drawn:\n%s", out)
	}
}

// TestOneNeighbourBesideATallGroup: when the group before the current one
// is too tall for the screen, the one after is still drawn, and the other
// way round. Before, both neighbours were left out together.
func TestOneNeighbourBesideATallGroup(t *testing.T) {
	const w, h = 100, 40
	for _, c := range []struct {
		tall, cur  int
		drawn, not string
	}{
		{tall: 2, cur: 3, drawn: "── 4 ·", not: "── 2 ·"},
		{tall: 3, cur: 2, drawn: "── 1 ·", not: "── 3 ·"},
	} {
		s := longSession(t, w, h)
		elsewhere(t, s, review.Merge{Group: c.tall, Last: c.tall + 14})
		if err := s.reload(); err != nil {
			t.Fatal(err)
		}
		s.cur = c.cur
		out := plain(s.layout(w, h))
		checkFrame(t, fmt.Sprintf("group %d", c.cur), out, w, h, 0)
		if !strings.Contains(out, "══ "+strconv.Itoa(c.cur)+" ·") || !strings.Contains(out, c.drawn) || strings.Contains(out, c.not) {
			t.Errorf("group %d beside tall group %d: want %q drawn and %q not:\n%s", c.cur, c.tall, c.drawn, c.not, out)
		}
	}
}

// frameRows is how many rows a frame takes, the cursor's row after it
// not counted.
func frameRows(out string, w int) int { return rows(strings.TrimPrefix(out, clearScreen), w) }

// checkFrame checks a frame drawn on a terminal w×h with reserve rows kept
// for a prompt: it clears the screen, fits it with the cursor's row and the
// reserve (so nothing scrolls the title off), starts with the title, and
// has no line the terminal would break.
func checkFrame(t *testing.T, name, out string, w, h, reserve int) {
	t.Helper()
	if !strings.HasPrefix(out, clearScreen) {
		t.Errorf("%s: the frame does not clear the screen first: %q", name, out[:min(len(out), 40)])
	}
	if n := frameRows(out, w); n+1+reserve > h {
		t.Errorf("%s: the frame takes %d rows, the cursor's row and %d for a prompt more:\n%s", name, n, reserve, out)
	}
	if first := plain(strings.TrimPrefix(out, clearScreen)); !strings.HasPrefix(first, "tilmash review demo · group ") {
		t.Errorf("%s: the title is not the first line:\n%s", name, out)
	}
	for _, line := range strings.Split(strings.TrimPrefix(out, clearScreen), "\n") {
		if n := runewidth.StringWidth(plain(line)); n > w {
			t.Errorf("%s: a line of %d columns, which the terminal breaks: %q", name, n, line)
		}
	}
}

// longSession is a review session over a workspace holding "demo", the
// sample article repeated to 36 sentences a language aligned one to one,
// on group 2, drawn on a terminal w×h.
func longSession(t *testing.T, w, h int) *session {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err == nil {
		err = reviewtest.Long(ws, "demo", 36)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := sessionOn(t, ws)
	s.cur = 2
	s.winsize = func() (int, int) { return w, h }
	return s
}

// TestPagesOfATallGroup: a group taller than the terminal is drawn a page
// at a time, as a pager draws a file. Before, the whole group was drawn
// and the terminal scrolled: the title (which group, how many left), the
// header of the languages and the group's first lines went off the top,
// and on a 70×24 terminal a 3-1 group of long Kazakh sentences could not
// be read whole. On every size and height, with messages and with a
// prompt open: no frame is taller than the screen, the title is its first
// line, the group's rule is drawn, and PgDn reaches every line of the
// group, in order, each page saying which lines it shows.
func TestPagesOfATallGroup(t *testing.T) {
	long := strings.Repeat("Ұзын сөйлем бір экранға сыймайды, сондықтан оны беттеп оқу керек; ", 6)
	groups := []struct {
		name  string
		setup func(t *testing.T, s *session)
	}{
		{name: "one sentence a language"},
		{name: "six sentences a language", setup: func(t *testing.T, s *session) {
			elsewhere(t, s, review.Merge{Group: 2, Last: 7})
		}},
		{name: "thirty sentences a language", setup: func(t *testing.T, s *session) {
			elsewhere(t, s, review.Merge{Group: 2, Last: 31})
		}},
		{name: "3-1 with a long Kazakh sentence and a note", setup: func(t *testing.T, s *session) {
			elsewhere(t, s, review.EditText{Group: 2, Lang: "kk", Sentence: 1, Text: long})
			elsewhere(t, s, review.Move{Group: 3, Lang: "en", Next: false})
			elsewhere(t, s, review.Move{Group: 3, Lang: "ru", Next: false})
			elsewhere(t, s, review.SetNote{Group: 2, Note: "the Kazakh sentence runs on: " + long})
		}},
	}
	sizes := [][2]int{{40, 10}, {60, 20}, {70, 24}, {80, 24}, {120, 40}, {200, 60}}
	msgs := strings.Repeat("tilmash: warning: a new finding: en “penal colony” (penal-colony) has no match in kk, which should say “түзеу колониясы”\n", 3)
	for _, g := range groups {
		// The group's workspace is made once: a session of each size
		// below reads it and only moves through its pages.
		base := longSession(t, 80, 24)
		if g.setup != nil {
			g.setup(t, base)
		}
		for _, size := range sizes {
			w, h := size[0], size[1]
			for _, msg := range []string{"", strings.TrimSpace(msgs)} {
				for _, reserve := range []int{0, 3} {
					name := fmt.Sprintf("%s, %d×%d, %d rows of messages, %d for a prompt", g.name, w, h, strings.Count(msg, "\n")+mark(msg != ""), reserve)
					t.Run(name, func(t *testing.T) {
						s := sessionOn(t, base.ws)
						s.cur = 2
						s.winsize = func() (int, int) { return w, h }
						whole := s.frame(w, 0, 0)
						seen := make([]bool, whole.total)
						var pages []string
						for i := 0; i <= whole.total; i++ {
							s.msgs = msg
							s.draw(reserve)
							f := *s.shown
							checkFrame(t, name, f.text, w, h, reserve)
							if !strings.Contains(plain(f.text), "══ 2 ·") {
								t.Fatalf("the group's rule is not drawn:\n%s", f.text)
							}
							if !slices.Equal(f.body, whole.body) {
								t.Fatalf("the body of the group is not the one drawn whole")
							}
							page := f.body[f.top : f.top+f.page]
							if !strings.Contains(f.text, strings.Join(page, "\n")+"\n") {
								t.Fatalf("lines %d–%d are not drawn together:\n%s", f.top+1, f.top+f.page, f.text)
							}
							for k := f.top; k < f.top+f.page; k++ {
								seen[k] = true
							}
							pages = append(pages, fmt.Sprintf("%d-%d", f.top+1, f.top+f.page))
							if f.page < f.total && !strings.Contains(plain(f.text), fmt.Sprintf("of %d", f.total)) && !strings.Contains(plain(f.text), fmt.Sprintf("–%d/%d", f.top+f.page, f.total)) {
								t.Errorf("page %d–%d does not say which lines it shows:\n%s", f.top+1, f.top+f.page, f.text)
							}
							if !f.more() {
								break
							}
							if reserve == 0 {
								pressKeys(t, s, keyPageDown)
							} else {
								s.top = f.top + f.page
							}
							if s.cur != 2 {
								t.Fatalf("PgDn went to group %d", s.cur)
							}
						}
						for k, ok := range seen {
							if !ok {
								t.Errorf("line %d of %d is on no page (pages %v): %q", k+1, len(seen), pages, whole.body[k])
							}
						}
					})
				}
			}
		}
	}
}

// TestPageLineFitsARow: the line under a page is one row on a 60-column
// terminal in every language, with two-digit numbers. The Kazakh one
// ("10–18-жолдар, барлығы 48 жол · төменде тағы 30 жол (бос орын)")
// took two, its "(бос орын)" broken over them.
func TestPageLineFitsARow(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		s := longSession(t, 60, 20)
		inLanguage(t, s, lang)
		for _, more := range []int{0, 1, 22, 95} {
			line := s.pageLine(60, 10, 18, 99, more, false)
			if strings.Contains(line, "\n") || !strings.HasPrefix(line, "── ") {
				t.Errorf("%s: the line under a page is not a rule on one row:\n%s", lang, line)
			}
		}
	}
}

// TestPagingKeys: in a group taller than the screen, PgDn, Space, ↓ and
// j go down (a page, a page, a line, a line), PgUp, b, ↑ and k up, Home
// and End to the start and the end; Space, ↓ and j past the end go on to
// the next group to review, ↑ and k above the start back to the group
// before, as they did before pages; a new group is drawn from its top. On
// a Russian layout b is и.
func TestPagingKeys(t *testing.T) {
	tests := []struct {
		name string
		keys []rune
		cur  int
		top  int // -1: the last page
	}{
		{name: "PgDn", keys: []rune{keyPageDown}, cur: 2, top: 16},
		{name: "Space", keys: []rune{' '}, cur: 2, top: 16},
		{name: "PgDn, PgUp", keys: []rune{keyPageDown, keyPageUp}, cur: 2, top: 0},
		{name: "PgDn, b", keys: []rune{keyPageDown, 'b'}, cur: 2, top: 0},
		{name: "PgDn, и on a Russian layout", keys: []rune{keyPageDown, 'и'}, cur: 2, top: 0},
		{name: "↓ ↓ j", keys: []rune{keyDown, keyDown, 'j'}, cur: 2, top: 3},
		{name: "↓ ↓ ↑", keys: []rune{keyDown, keyDown, keyUp}, cur: 2, top: 1},
		{name: "End", keys: []rune{keyEnd}, cur: 2, top: -1},
		{name: "End, Home", keys: []rune{keyEnd, keyHome}, cur: 2, top: 0},
		{name: "PgDn at the end stays", keys: []rune{keyEnd, keyPageDown}, cur: 2, top: -1},
		{name: "Space at the end goes on", keys: []rune{keyEnd, ' '}, cur: 3, top: 0},
		{name: "↓ at the end goes on", keys: []rune{keyEnd, keyDown}, cur: 3, top: 0},
		{name: "↑ at the start goes back", keys: []rune{keyUp}, cur: 1, top: 0},
		{name: "k at the start goes back", keys: []rune{'k'}, cur: 1, top: 0},
		{name: "PgUp at the start stays", keys: []rune{keyPageUp}, cur: 2, top: 0},
		{name: "n from a page: the next group from its top", keys: []rune{keyPageDown, 'n'}, cur: 3, top: 0},
		{name: "p from a page", keys: []rune{keyPageDown, 'p'}, cur: 1, top: 0},
		{name: "c from a page", keys: []rune{keyPageDown, 'c'}, cur: 3, top: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := longSession(t, 80, 24)
			elsewhere(t, s, review.Merge{Group: 2, Last: 19})
			if err := s.reload(); err != nil {
				t.Fatal(err)
			}
			if f := s.frame(80, 24, 0); f.page != 16 || f.total < 40 {
				t.Fatalf("pages of %d lines of %d, want 16 of 40 or more:\n%s", f.page, f.total, f.text)
			}
			pressKeys(t, s, tt.keys...)
			f := s.frame(80, 24, 0)
			want := tt.top
			if want < 0 {
				want = f.last
			}
			if s.cur != tt.cur || s.top != want {
				t.Errorf("on group %d from line %d, want group %d from line %d", s.cur, s.top, tt.cur, want)
			}
		})
	}
	// On a group that fits, the keys do what they did: ↓ and Space skip
	// on, ↑ goes back.
	s := longSession(t, 80, 24)
	for _, k := range []rune{' ', keyDown, 'j'} {
		s.cur = 2
		pressKeys(t, s, k)
		if s.cur != 3 {
			t.Errorf("%q on a group that fits: group %d, want 3", k, s.cur)
		}
	}
	pressKeys(t, s, keyUp, 'k')
	if s.cur != 1 {
		t.Errorf("↑ k from group 3: group %d, want 1", s.cur)
	}
}

// TestMoveKey: < and > move a sentence to the neighbouring group as group
// move does, the prompt asking which language; before, review had no way
// to move one, and a person quit to run group move. Language codes typed
// on a Russian or Kazakh layout (лл for kk) are read as the Latin layout
// types them, in a split too.
func TestMoveKey(t *testing.T) {
	extraKK := reviewtest.Shape{{1, 1, 1}, {1, 1, 2}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 0}}
	tests := []struct {
		name  string
		shape reviewtest.Shape
		start int
		keys  string
		want  string // the shape of the groups afterwards
		msg   string
	}{
		{name: "the last kk sentence to the next group", shape: reviewtest.OneToOne, start: 2, keys: ">kk\r",
			want: "1-1-1 1-1-0 1-1-2 1-1-1 1-1-1 1-1-1", msg: "moved the last kk sentence of group 2 to the start of group 3"},
		{name: "the first en sentence to the previous group", shape: reviewtest.OneToOne, start: 2, keys: "<en\r",
			want: "2-1-1 0-1-1 1-1-1 1-1-1 1-1-1 1-1-1", msg: "moved the first en sentence of group 2 to the end of group 1"},
		{name: "on a Russian layout", shape: reviewtest.OneToOne, start: 2, keys: "Блл\r",
			want: "1-1-2 1-1-0 1-1-1 1-1-1 1-1-1 1-1-1", msg: "moved the first kk sentence of group 2 to the end of group 1"},
		{name: "the language with a sentence too many is offered", shape: extraKK, start: 2, keys: ">\r",
			want: "1-1-1 1-1-1 1-1-2 1-1-1 1-1-1 1-1-0", msg: "moved the last kk sentence of group 2"},
		{name: "Esc", shape: reviewtest.OneToOne, start: 2, keys: ">kk\x1b",
			want: "1-1-1 1-1-1 1-1-1 1-1-1 1-1-1 1-1-1", msg: "cancelled"},
		{name: "before the first group", shape: reviewtest.OneToOne, start: 1, keys: "<",
			want: "1-1-1 1-1-1 1-1-1 1-1-1 1-1-1 1-1-1", msg: "group 1 is the first"},
		{name: "a language the document lacks", shape: reviewtest.OneToOne, start: 2, keys: ">de\r",
			want: "1-1-1 1-1-1 1-1-1 1-1-1 1-1-1 1-1-1", msg: "de"},
		{name: "a split typed on a Russian layout", shape: reviewtest.Uneven, start: 2, keys: "sут:2 кг:2 лл:2\r",
			want: "1-1-1 1-1-1 1-1-1 1-1-1 1-1-0 0-0-1 1-1-1", msg: "split group 2 before en:2 ru:2 kk:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, tt.shape)
			s.cur = tt.start
			keys := []rune(tt.keys)
			s.keys = &keyReader{r: strings.NewReader(string(keys[1:]))}
			press(t, s, string(keys[0]))
			a, err := s.d.Alignment()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range a.Groups {
				got = append(got, g.Kind(a.Languages))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("groups %s, want %s", strings.Join(got, " "), tt.want)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
		})
	}
}

// TestGoToAndSearch: g goes to a group by its number and / to the next
// group whose sentences or note hold the words typed, in any language and
// case, wrapping around; review had neither, and a person reviewing a
// 40-group article stepped through it group by group (or quit to run
// show) to reach the one an editor named.
func TestGoToAndSearch(t *testing.T) {
	tests := []struct {
		name  string
		start int
		keys  string
		cur   int
		msg   string
	}{
		{name: "go to", start: 2, keys: "g5\r", cur: 5},
		{name: "go to on a Russian layout", start: 2, keys: "п5\r", cur: 5},
		{name: "a number typed at once", start: 1, keys: "5\r", cur: 5},
		{name: "a number typed at once, corrected", start: 6, keys: "1\x7f3\r", cur: 3},
		{name: "go to a group that does not exist", start: 2, keys: "g9\r", cur: 2, msg: "group 9"},
		{name: "go to, not a number", start: 2, keys: "gпять\r", cur: 2, msg: "“пять” is not a group number"},
		{name: "go to, Esc", start: 2, keys: "g5\x1b", cur: 2, msg: "cancelled"},
		{name: "search Kazakh, any case", start: 1, keys: "/ДӘЛЕЛДЕР\r", cur: 3},
		{name: "search on a Russian layout (the key of / types .)", start: 1, keys: ".судья\r", cur: 3},
		{name: "search wraps around", start: 4, keys: "/aralsk\r", cur: 2, msg: "went on from the first: found in group 2"},
		{name: "search a note", start: 1, keys: "/the tense\r", cur: 3},
		{name: "search again from the next", start: 1, keys: "/рыбак\r/\r", cur: 4},
		{name: "search a wrapped sentence across its line break", start: 1, keys: "/Aralsk heard\r", cur: 2},
		{name: "nothing found", start: 2, keys: "/Астана\r", cur: 2, msg: "no group holds “Астана”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := wrappedSession(t)
			s.cur = tt.start
			s.keys = &keyReader{r: strings.NewReader(tt.keys)}
			for k, err := s.keys.next(); err == nil; k, err = s.keys.next() {
				if done, err := s.handle(k); err != nil || done {
					t.Fatalf("key %q: done %v, err %v", k, done, err)
				}
			}
			if s.cur != tt.cur {
				t.Errorf("on group %d, want %d; the screen says %q", s.cur, tt.cur, s.msgs)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
		})
	}
}

// TestWrapText: messages, labels and the help are broken between words
// to the terminal's width; a line of the help goes on under its
// description. Before, the terminal cut them mid-word ("пернетақтас|ында").
func TestWrapText(t *testing.T) {
	tests := []struct {
		name, text string
		w          int
		want       string
	}{
		{"fits", "tilmash: бас тартылды", 40, "tilmash: бас тартылды"},
		{"a message", "tilmash: іздеу соңғы топқа жетіп, біріншісінен жалғасты", 30, "tilmash: іздеу соңғы топқа\nжетіп, біріншісінен жалғасты"},
		{"a help line", "  g          go to a group by its number, or else", 30, "  g          go to a group by\n             its number, or\n             else"},
		{"a long word stays whole", "see /a/very/long/path/to/the/editor.sh now", 20, "see\n/a/very/long/path/to/the/editor.sh\nnow"},
		{"colours take no room", "\x1b[33mwarning\x1b[0m: one two", 20, "\x1b[33mwarning\x1b[0m: one two"},
		{"wide characters", "東京東京 東京東京 東京", 12, "東京東京\n東京東京\n東京"},
		{"a dash ends the line", "предложение на каком языке — отмена", 28, "предложение на каком\nязыке — отмена"},
		{"an en dash too", "строки 1–18 из 40 – дальше", 18, "строки 1–18 из\n40 – дальше"},
		{"a dash alone on a line stays", "— отмена", 5, "—\nотмена"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrapText(tt.text, tt.w); got != tt.want {
				t.Errorf("wrapText(%q, %d) =\n%s\nwant\n%s", tt.text, tt.w, got, tt.want)
			}
		})
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, lang)
		if err != nil {
			t.Fatal(err)
		}
		env.Width = 80
		s := testSession(t, reviewtest.OneToOne)
		s.env = env
		screen := &bytes.Buffer{}
		s.screen, s.keys = screen, &keyReader{r: strings.NewReader("x")}
		s.help()
		for _, line := range strings.Split(screen.String(), "\n") {
			if n := runewidth.StringWidth(line); n > 79 {
				t.Errorf("%s: a help line of %d columns: %q", lang, n, line)
			}
		}
	}
}

// TestResumeHint: quitting past groups left to review says how to go on
// from there; a new review starts at the first group left, and a person
// who skipped the first ones found themselves back at the start.
func TestResumeHint(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys string
		want string
	}{
		{name: "skipped ahead", keys: "nn", want: "hint: a new review of demo starts at group 2, the first left to review; to go on from group 5: tilmash review demo --from 5"},
		{name: "at the first left", keys: "", want: ""},
		{name: "went back", keys: "pp", want: ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, reviewtest.OneToOne) // c a f c a f: 2, 3, 5, 6 to review
			press(t, s, tt.keys)
			var out bytes.Buffer
			s.env.Stderr = &out
			s.sayResume()
			if got := strings.TrimSpace(out.String()); got != tt.want {
				t.Errorf("says %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPromptRedraws: a resize (read as Ctrl-L) while a prompt is open
// draws the screen, the label and the line typed so far again. Before,
// only the line was drawn again, on a terminal (tmux) that had reflowed
// the old, wider line into pieces left on the screen.
func TestPromptRedraws(t *testing.T) {
	s := testSession(t, reviewtest.OneToOne)
	screen := &bytes.Buffer{}
	s.screen = screen
	s.keys = &keyReader{r: strings.NewReader("ab\x0cc\r")}
	press(t, s, "a")
	if got := notes(t, s)[1]; got != "abc" {
		t.Errorf("note %q, want abc", got)
	}
	out := screen.String()
	label := s.env.T("review.prompt-note", map[string]any{"Group": 2})
	clear := strings.LastIndex(out, "\x1b[2J")
	if clear < strings.Index(out, label) || !strings.Contains(out[clear:], "\n\r"+label+"ab\x1b[K") {
		t.Errorf("the screen, the prompt and the line typed so far were not drawn again:\n%q", out)
	}
}

// TestPaste: text pasted into the review is not taken for keys; pasted
// into a prompt it is put on the line, on one line. Before, a paragraph
// pasted into the note prompt ended the note at its first line break and
// the rest ran as keys: "c" confirmed a group unread, "m" merged one.
func TestPaste(t *testing.T) {
	for _, tt := range []struct {
		name, keys, note, msg string
	}{
		{name: "into the review", keys: "\x1b[200~cmc\x1b[201~", note: "", msg: "pasted text is not taken for keys"},
		{name: "into the note", keys: "a\x1b[200~проверить\r\nдату\tи cm\x1b[201~\r", note: "проверить дату и cm", msg: "set the note of group 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := testSession(t, reviewtest.OneToOne)
			before := statuses(t, s)
			s.keys = &keyReader{r: strings.NewReader(tt.keys)}
			for k, err := s.keys.next(); err == nil; k, err = s.keys.next() {
				if done, err := s.handle(k); err != nil || done {
					t.Fatalf("key %q: done %v, err %v", k, done, err)
				}
			}
			if got := statuses(t, s); got != before || s.cur != 2 {
				t.Errorf("statuses %s (were %s), on group %d: the paste ran as keys", got, before, s.cur)
			}
			if got := notes(t, s)[1]; got != tt.note {
				t.Errorf("note %q, want %q", got, tt.note)
			}
			if !strings.Contains(s.msgs, tt.msg) {
				t.Errorf("the screen says %q, want %q", s.msgs, tt.msg)
			}
		})
	}
}

// inLanguage gives s an environment speaking lang.
func inLanguage(t *testing.T, s *session, lang string) {
	t.Helper()
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }, lang)
	if err != nil {
		t.Fatal(err)
	}
	s.env = env
}

// screenRows is how many rows what was drawn since the screen was last
// cleared takes, a prompt's line (the cursor's row) included: the
// cursor's moves and the line's erasing take none.
func screenRows(out string, w int) int {
	out = out[strings.LastIndex(out, clearScreen)+len(clearScreen):]
	out = regexp.MustCompile("\x1b\\[[0-9]*[CK]|\r").ReplaceAllString(out, "")
	return rows(out, w)
}

// TestPromptKeepsTheTitle: a prompt opened on a group taller than the
// screen draws the screen again with room for its rows, its label broken
// over lines included, without the keys (a prompt says its own). Before,
// the prompt was written under the keys: its rows scrolled the title, the
// header and the group's rule off the top, and on 70×24 the label of < >
// pushed them out of sight while the person chose the language.
func TestPromptKeepsTheTitle(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		for _, size := range [][2]int{{40, 10}, {60, 20}, {70, 24}, {80, 24}} {
			for _, key := range []string{">", "<", "s", "a", "g", "/"} {
				w, h := size[0], size[1]
				name := fmt.Sprintf("%s %d×%d %s", lang, w, h, key)
				s := longSession(t, w, h)
				elsewhere(t, s, review.Merge{Group: 2, Last: 9})
				if err := s.reload(); err != nil {
					t.Fatal(err)
				}
				inLanguage(t, s, lang)
				screen := &bytes.Buffer{}
				s.screen, s.keys = screen, &keyReader{r: strings.NewReader("\x1b")}
				press(t, s, key)
				out := screen.String()
				if n := screenRows(out, w); n > h {
					t.Errorf("%s: the screen and the prompt take %d rows:\n%s", name, n, out[strings.LastIndex(out, clearScreen):])
				}
				last := out[strings.LastIndex(out, clearScreen):]
				if !strings.HasPrefix(plain(strings.TrimPrefix(last, clearScreen)), "tilmash review demo · ") {
					t.Errorf("%s: the title is not the first line:\n%s", name, last)
				}
				if strings.Contains(last, s.env.T("review.keys-short", nil)) || strings.Contains(last, strings.Split(s.env.T("review.keys", nil), " · ")[0]) {
					t.Errorf("%s: the keys are drawn under a prompt:\n%s", name, last)
				}
			}
		}
	}
}

// TestPromptTurnsPages: with a prompt open over a group taller than the
// screen, PgDn and PgUp turn the group's pages, and the line typed so far
// stays. Before, they did nothing there: to split a group at a sentence
// below the page, a person cancelled the prompt, turned the page and
// opened it again.
func TestPromptTurnsPages(t *testing.T) {
	s := longSession(t, 60, 20)
	elsewhere(t, s, review.Merge{Group: 2, Last: 13})
	if err := s.reload(); err != nil {
		t.Fatal(err)
	}
	screen := &bytes.Buffer{}
	s.screen, s.keys = screen, &keyReader{r: strings.NewReader("en:\x1b[6~\x1b[6~\x1b[5~9 ru:9 kk:9\r")}
	press(t, s, "s")
	var tops []string
	for _, f := range strings.Split(screen.String(), clearScreen)[1:] {
		tops = append(tops, regexp.MustCompile(`lines (\d+)–`).FindStringSubmatch(f)[1])
	}
	if got := strings.Join(tops, " "); got != "1 13 25 13" {
		t.Errorf("the pages drawn start at lines %s, want 1 13 25 13", got)
	}
	if !strings.Contains(s.msgs, "split group 2 before en:9 ru:9 kk:9") {
		t.Errorf("the screen says %q", s.msgs)
	}
}

// TestHelpPages: the help taller than the screen is drawn a page at a
// time; Space and PgDn turn the pages, PgUp back, and at the end Space (or
// any other key) goes back to the review. Before, the help was written
// whole and on 60×20 its first 25 lines (c, m, u …) went off the top
// before they could be read. A resize (Ctrl-L) draws it again rather than
// closing it.
func TestHelpPages(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		for _, size := range [][2]int{{40, 10}, {60, 20}, {80, 24}, {200, 60}} {
			w, h := size[0], size[1]
			name := fmt.Sprintf("%s %d×%d", lang, w, h)
			s := longSession(t, w, h)
			inLanguage(t, s, lang)
			whole := s.helpFrame(w, 0, 0)
			screen := &bytes.Buffer{}
			s.screen, s.keys = screen, &keyReader{r: strings.NewReader("\x0c\x1b[6~\x1b[5~" + strings.Repeat(" ", 200))}
			s.help()
			frames := strings.Split(screen.String(), clearScreen)[1:]
			seen := map[string]bool{}
			for i, f := range frames {
				if n := rows(f, w); n+1 > h {
					t.Errorf("%s: page %d takes %d rows:\n%s", name, i+1, n, f)
				}
				for _, ln := range strings.Split(f, "\n") {
					seen[ln] = true
				}
			}
			for _, ln := range whole.body {
				if !seen[ln] {
					t.Errorf("%s: the help's line %q is on no page", name, ln)
				}
			}
			if len(frames) == 2 && frames[0] == frames[1] && !strings.Contains(frames[0], "1–") {
				continue // it fits: Ctrl-L drew it again, PgDn closed it
			}
			// Ctrl-L, PgDn and PgUp kept it open: the page after PgUp is
			// the first one again, and Space closed it at the end.
			if len(frames) < 4 || frames[0] != frames[1] || frames[1] != frames[3] || frames[2] == frames[1] {
				t.Fatalf("%s: Ctrl-L, PgDn, PgUp drew %d frames, not the first page, the second, the first", name, len(frames))
			}
			left, _ := io.ReadAll(io.MultiReader(bytes.NewReader(s.keys.buf), s.keys.r))
			if used := 200 - len(left); used != len(frames)-3 {
				t.Errorf("%s: %d spaces read for %d pages after the first", name, used, len(frames)-3)
			}
		}
	}
}
