package reviewcmd

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/tilmash/tilmash/internal/review"
)

// editLine is one sentence of the group the e key opens: its language, its
// number within the group's sentences of that language, and its text on
// one line (review.OneLine): a sentence of a hard-wrapped paragraph spans
// lines in the stored text, and EditText puts its line breaks back where
// the words around them stay.
type editLine struct {
	lang string
	k    int
	text string
}

func (l editLine) prefix() string { return fmt.Sprintf("%s %d:", l.lang, l.k) }

// editLines lists the sentences of group n, language by language.
func (s *session) editLines(n int) []editLine {
	a := s.snap.Alignment
	g := a.Groups[n-1]
	var out []editLine
	for _, l := range a.Languages {
		for i, st := range g.Sents[l] {
			out = append(out, editLine{lang: l, k: i + 1, text: review.OneLine(st.Text)})
		}
	}
	return out
}

// editFile is the text the editor opens: comment lines saying what to do,
// then one line a sentence, "ru 1: …".
func (s *session) editFile(lines []editLine) string {
	var b strings.Builder
	for _, c := range strings.Split(s.env.T("review.edit-file", map[string]any{"ID": s.d.ID, "Group": s.cur}), "\n") {
		b.WriteString("# " + c + "\n")
	}
	for _, l := range lines {
		b.WriteString(l.prefix() + " " + l.text + "\n")
	}
	return b.String()
}

// parseEdited reads the file back: every sentence's line, in order, with
// its prefix; comment and blank lines are left out. It returns the edits
// of the sentences whose text changed, or an error saying what is wrong
// with the file, and then nothing is changed.
func (s *session) parseEdited(lines []editLine, data string) ([]review.EditText, error) {
	if !utf8.ValidString(data) {
		// Saved in another encoding: stored as it is, every Cyrillic
		// letter would become a replacement character.
		return nil, s.env.Usage("review.edit-not-utf8", nil, "review.edit-file.hint")
	}
	var edits []review.EditText
	i := 0
	for no, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if i >= len(lines) {
			return nil, s.env.Usage("review.edit-extra-line", map[string]any{"Line": no + 1, "Text": clip(line)}, "review.edit-file.hint")
		}
		want := lines[i]
		text, ok := strings.CutPrefix(line, want.prefix())
		if !ok {
			// The line of a later sentence: this one's was removed.
			for _, l := range lines[i+1:] {
				if strings.HasPrefix(line, l.prefix()) {
					return nil, s.env.Usage("review.edit-missing-line", map[string]any{"Want": want.prefix()}, "review.edit-file.hint")
				}
			}
			return nil, s.env.Usage("review.edit-bad-prefix", map[string]any{"Line": no + 1, "Want": want.prefix(), "Text": clip(line)}, "review.edit-file.hint")
		}
		if text = strings.TrimSpace(text); text != want.text {
			edits = append(edits, review.EditText{Group: s.cur, Lang: want.lang, Sentence: want.k, Text: text})
		}
		i++
	}
	if i < len(lines) {
		return nil, s.env.Usage("review.edit-missing-line", map[string]any{"Want": lines[i].prefix()}, "review.edit-file.hint")
	}
	return edits, nil
}

// clip shortens a line of the file for a message.
func clip(line string) string {
	if r := []rune(line); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return line
}

// editor returns the person's editor as git finds it: $VISUAL, then
// $EDITOR, then vi.
func (s *session) editor() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(s.env.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// editGroup is the e key: the group's sentences in the person's editor,
// and the changed ones corrected as group edit corrects them, in one
// step. The terminal is back in cooked mode while the editor runs, and
// the session's reader is not reading it (see resizing).
func (s *session) editGroup() error {
	lines := s.editLines(s.cur)
	f, err := os.CreateTemp("", "tilmash-review-*.txt")
	if err != nil {
		return err
	}
	path := f.Name()
	defer os.Remove(path)
	_, err = f.WriteString(s.editFile(lines))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	ed := s.editor()
	// As git does: the editor is a shell command, which may carry its own
	// arguments ("code --wait"); the file comes after them.
	cmd := exec.Command("sh", "-c", ed+` "$@"`, ed, path)
	if s.in != nil {
		cmd.Stdin = s.in
	}
	if s.out != nil {
		cmd.Stdout, cmd.Stderr = s.out, s.out
	}
	if s.raw != nil {
		io.WriteString(s.out, pasteOff)
		_ = term.Restore(int(s.in.Fd()), s.raw)
	}
	s.editing.Store(true)
	if err = cmd.Start(); err == nil {
		// As git does once its editor has started: Ctrl-C and Ctrl-\ typed
		// in the editor reach the whole foreground group, review too. The
		// handler's skipping them (editing) is not enough: a signal can be
		// delivered to it after the editor it stopped has gone and editing
		// is false again, and end the session. Ignored, the kernel drops
		// them; the child, started before, keeps its own handling.
		if s.sig != nil {
			signal.Ignore(syscall.SIGINT, syscall.SIGQUIT)
		}
		err = cmd.Wait()
		if s.sig != nil {
			signal.Notify(s.sig, syscall.SIGINT, syscall.SIGQUIT)
		}
	}
	s.editing.Store(false)
	if s.raw != nil {
		if _, rerr := term.MakeRaw(int(s.in.Fd())); rerr != nil {
			return rerr
		}
		// The editor may have turned bracketed paste off as it ended.
		io.WriteString(s.out, pasteOn)
	}
	if err != nil {
		s.report(s.env.Usage("review.editor-failed", map[string]any{"Editor": ed, "Error": err.Error()}, "review.editor-failed.hint"))
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	edits, err := s.parseEdited(lines, string(data))
	if err != nil {
		s.report(err)
		return nil
	}
	if len(edits) == 0 {
		s.say("review.edit-unchanged", map[string]any{"Group": s.cur})
		return nil
	}
	_, err = s.apply(review.EditTexts(edits))
	return err
}
