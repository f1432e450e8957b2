package console_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

func newEnv(t *testing.T, lang string) (*console.Env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &out, &errOut, func(string) string { return "" }, lang)
	if err != nil {
		t.Fatal(err)
	}
	return env, &out, &errOut
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"success", nil, 0, ""},
		{"findings", &console.Findings{Count: 3}, 1, ""},
		{"wrapped findings", fmt.Errorf("check: %w", &console.Findings{Count: 1}), 1, ""},
		{"localized with hint", document.ValidID("../x"), 2,
			"tilmash: invalid document id ../x\nhint: use a lowercase slug of letters a-z, digits and hyphens, such as zarechnoye-videos\n"},
		{"localized, wrapped", fmt.Errorf("open: %w", &workspace.NotFoundError{Start: "/tmp"}), 2,
			"tilmash: not inside a tilmash workspace (searched from /tmp upward)\nhint: run tilmash init to create one here, or pass -C DIR\n"},
		{"plain error", errors.New("disk on fire"), 2, "tilmash: disk on fire\n"},
		{"locale.Error of kind Findings", fmt.Errorf("gate: %w", locale.NewError("document.not-found", map[string]any{"ID": "x"}).OfKind(locale.Findings)), 1,
			"tilmash: no document x in this workspace\n"},
		{"locale.Error of kind Usage", locale.NewError("document.bad-id", map[string]any{"ID": "A"}).WithHint("document.bad-id.hint").OfKind(locale.Usage), 2,
			"tilmash: invalid document id A\nhint: use a lowercase slug of letters a-z, digits and hyphens, such as zarechnoye-videos\n"},
		{"Env.Usage", (&console.Env{}).Usage("document.missing-language", map[string]any{"ID": "d", "Lang": "kk"}, "document.missing-language.hint"), 2,
			"tilmash: document d has no kk version\nhint: import it with tilmash import d kk FILE\n"},
		{"located locale.Error", locale.NewError("document.bad-alignment", map[string]any{"Reason": "bad span"}).At(locale.Pos{File: "a.yaml", Line: 3, Column: 7}), 2,
			"tilmash: a.yaml:3:7: bad span\n"},
	}
	for _, tt := range tests {
		env, _, errOut := newEnv(t, "en")
		if got := env.ExitCode(tt.err); got != tt.code || errOut.String() != tt.stderr {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", tt.name, got, errOut.String(), tt.code, tt.stderr)
		}
	}
}

func TestReportInKazakh(t *testing.T) {
	env, _, errOut := newEnv(t, "kk")
	env.ExitCode(document.ValidID("A"))
	if want := "tilmash: A — жарамсыз құжат идентификаторы\nкеңес: "; !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("got %q, want prefix %q", errOut.String(), want)
	}
}

// TestTable checks that columns line up by display width: Kazakh and
// Russian letters are one column each, CJK two.
func TestTable(t *testing.T) {
	env, out, _ := newEnv(t, "en")
	env.Table([]string{"ҚҰЖАТ", "N"}, [][]string{{"Тоқаев", "1"}, {"東京", "22"}, {"a", "333"}})
	want := "ҚҰЖАТ   N\nТоқаев  1\n東京    22\na       333\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestPaint(t *testing.T) {
	env, _, _ := newEnv(t, "en")
	if got := env.Paint(console.Red, "x"); got != "x" {
		t.Errorf("no colour off a terminal: got %q", got)
	}
	env.Color = true
	if got := env.Paint(console.Red, "x"); got != "\x1b[31mx\x1b[0m" {
		t.Errorf("colour on a terminal: got %q", got)
	}
}

func TestNoColorOnPipes(t *testing.T) {
	var out bytes.Buffer
	env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &out, &out, func(k string) string {
		return map[string]string{"TERM": "xterm-256color"}[k]
	}, "en")
	if err != nil {
		t.Fatal(err)
	}
	if env.Color || env.ErrColor || env.Width != 0 || env.Terminal || env.ErrTTY {
		t.Errorf("buffers are not terminals: %+v", env)
	}
}

func TestSayAndWarn(t *testing.T) {
	env, out, errOut := newEnv(t, "ru")
	env.SayN("status.summary", 5, nil)
	env.Warn("status.empty", nil)
	want := "tilmash: 5 документов\ntilmash: предупреждение: в рабочей папке пока нет документов\n"
	if errOut.String() != want || out.Len() != 0 {
		t.Errorf("stderr %q (want %q), stdout %q", errOut.String(), want, out.String())
	}
}

// TestReportPlural: an error whose data has a Count is rendered in the
// plural form for it.
func TestReportPlural(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "would detach 1 aligned group (1 confirmed)"},
		{"en", 3, "would detach 3 aligned groups (1 confirmed)"},
		{"ru", 1, "отсоединит 1 выровненную группу"},
		{"ru", 3, "отсоединит 3 выровненные группы"},
		{"ru", 5, "отсоединит 5 выровненных групп"},
	} {
		env, _, errOut := newEnv(t, tt.lang)
		env.ExitCode(locale.NewError("document.would-lose", map[string]any{"ID": "d", "Lang": "en", "Count": tt.n, "Confirmed": 1, "Groups": ""}))
		if !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, errOut.String(), tt.want)
		}
	}
}

// TestStepsCountsOnlyOnATerminal: the counting progress line draws the
// label, the count and the current step on a terminal, erases itself when
// done and before any message; off a terminal, on TERM=dumb and with
// NO_COLOR it prints nothing at all.
func TestStepsCountsOnlyOnATerminal(t *testing.T) {
	t.Parallel()
	run := func(env *console.Env) {
		s := env.Steps("publishing", 3)
		defer s.Done()
		s.Step("first")
		time.Sleep(200 * time.Millisecond)
		s.Step("second")
		time.Sleep(600 * time.Millisecond)
		env.Say("review.unchanged", map[string]any{"ID": "second"})
		time.Sleep(300 * time.Millisecond)
		s.Step("third")
	}
	cases := []struct {
		name string
		tty  bool
		vars map[string]string
	}{
		{"pipe", false, nil},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}},
		{"terminal", true, nil},
	}
	// Each run sleeps a second, as slow steps do: the four run at once,
	// each then checked in its subtest (parallel subtests would run two
	// at a time on two cores, sleeping one after the other).
	envs := make([]*console.Env, len(cases))
	outs := make([]*bytes.Buffer, len(cases))
	var wg sync.WaitGroup
	for i, tt := range cases {
		env, _, errOut := newEnv(t, "en")
		env.ErrTTY = tt.tty
		env.Getenv = func(k string) string { return tt.vars[k] }
		envs[i], outs[i] = env, errOut
		wg.Go(func() { run(env) })
	}
	wg.Wait()
	for i, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "terminal" {
				stepsOnATerminal(t, envs[i], outs[i])
				return
			}
			if strings.Contains(outs[i].String(), "publishing") || strings.Contains(outs[i].String(), "\x1b") {
				t.Errorf("drew %q", outs[i].String())
			}
		})
	}
}

// stepsOnATerminal checks what the steps of run drew on env, a terminal,
// into errOut, then that a quick job draws nothing there.
func stepsOnATerminal(t *testing.T, env *console.Env, errOut *bytes.Buffer) {
	s := errOut.String()
	if !strings.Contains(s, "\r\x1b[Kpublishing ") || !strings.Contains(s, " 2/3 second ") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Fatalf("on a terminal: %q", s)
	}
	// The message starts on an erased line and ends with its newline, and
	// the line is never drawn inside it.
	i := strings.Index(s, "tilmash: ")
	if i < 0 || !strings.HasSuffix(s[:i], "\r\x1b[K") || !strings.Contains(s[i:], "that way\n") {
		t.Fatalf("the message was not printed on a line of its own: %q", s)
	}

	errOut.Reset()
	quick := env.Steps("quick", 2)
	quick.Step("a")
	quick.Done()
	quick.Done()
	env.Say("review.unchanged", map[string]any{"ID": "a"})
	if strings.Contains(errOut.String(), "quick") || strings.Contains(errOut.String(), "\x1b") {
		t.Fatalf("a quick job drew: %q", errOut.String())
	}
}

func TestBusyDrawsOnlyOnATerminal(t *testing.T) {
	t.Parallel()
	// The slow job off a terminal and the one on a terminal (env) sleep
	// at once, in two environments, as TestStepsCountsOnlyOnATerminal's
	// runs do: one after the other they held one of go test's two slots
	// for 1.3 s of sleep.
	off, _, offOut := newEnv(t, "en")
	env, _, errOut := newEnv(t, "en")
	env.ErrTTY = true // as on a terminal
	ran := false
	var wg sync.WaitGroup
	wg.Go(func() { off.Busy("aligning", func() { time.Sleep(600 * time.Millisecond); ran = true }) })
	env.Busy("aligning", func() { time.Sleep(700 * time.Millisecond) })
	wg.Wait()
	if !ran || offOut.Len() != 0 {
		t.Fatalf("off a terminal: ran %v, drew %q", ran, offOut.String())
	}
	if s := errOut.String(); !strings.Contains(s, "\raligning ") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Fatalf("on a terminal: %q", s)
	}
	errOut.Reset()
	env.Busy("quick", func() {})
	if errOut.Len() != 0 {
		t.Fatalf("a quick job drew: %q", errOut.String())
	}
}

func TestVisible(t *testing.T) {
	for _, tt := range []struct{ in, want, line string }{
		{"plain Қазақ text, 東京", "plain Қазақ text, 東京", "plain Қазақ text, 東京"},
		{"clear\x1b[2Jscreen", `clear\x1b[2Jscreen`, `clear\x1b[2Jscreen`},
		{"title\x1b]0;pwned\x07", `title\x1b]0;pwned\x07`, `title\x1b]0;pwned\x07`},
		{"a\tb\nc\rd", "a\tb\nc\\rd", `a\tb\nc\rd`},
		{"del\x7f nul\x00", `del\x7f nul\x00`, `del\x7f nul\x00`},
		{"c1 \u009b2J nel\u0085", `c1 \u009b2J nel\u0085`, `c1 \u009b2J nel\u0085`},
		{"bidi \u202eevil\u202c \u2066iso\u2069 \u2028", `bidi \u202eevil\u202c \u2066iso\u2069 \u2028`, `bidi \u202eevil\u202c \u2066iso\u2069 \u2028`},
		{"bad \xff\x9b utf-8, real \ufffd", `bad \xff\x9b utf-8, real ` + "\ufffd", `bad \xff\x9b utf-8, real ` + "\ufffd"},
	} {
		if got := console.Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := console.VisibleLine(tt.in); got != tt.line {
			t.Errorf("VisibleLine(%q) = %q, want %q", tt.in, got, tt.line)
		}
	}
}

// TestPrintersShowControls: text output, tables and diagnostics show the
// control characters of what they print, so a document or a file name
// cannot drive the terminal; the colours tilmash paints itself survive.
func TestPrintersShowControls(t *testing.T) {
	env, out, errOut := newEnv(t, "en")
	env.Color = true
	env.Printf("%s %s\n", "text \x1b[2J\u202e", env.Paint(console.Red, "red\x1b]0;x\x07"))
	env.Table([]string{"A", "B"}, [][]string{{"cell\x1b[H\nnext", env.Paint(console.Green, "ok")}})
	env.ExitCode(locale.NewError("document.not-found", map[string]any{"ID": "x\x1b[2J"}).WithHint("document.not-found.hint").OfKind(locale.Usage))
	want := "text \\x1b[2J\\u202e \x1b[31mred\\x1b]0;x\\x07\x1b[0m\n" +
		"\x1b[1mA" + strings.Repeat(" ", len(`cell\x1b[H\nnext`)+1) + "B\x1b[0m\n" +
		"cell\\x1b[H\\nnext  \x1b[32mok\x1b[0m\n"
	if out.String() != want {
		t.Errorf("stdout\n%q\nwant\n%q", out.String(), want)
	}
	if want := "tilmash: no document x\\x1b[2J in this workspace\nhint: run tilmash status to list the documents, or tilmash import to add one\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut.String(), want)
	}
	// Without colour nothing that starts with ESC gets through, not even
	// a colour code in the text.
	env, out, _ = newEnv(t, "en")
	env.Printf("%s\n", "fake \x1b[31mred")
	if want := "fake \\x1b[31mred\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
}

// TestReportFileErrors: an error of the file system no message of tilmash
// names (a folder where the lock file should be, documents/ that is a
// file) is told in the user's language, naming the path as the person
// knows it (relative to the working folder when it is inside), with what
// to do, instead of Go's "open /abs/.tilmash.lock: is a directory".
// Other system errors are still shown as they are.
func TestReportFileErrors(t *testing.T) {
	tests := []struct {
		lang, rel string
		err       error
		want      string
	}{
		{"en", ".tilmash.lock", syscall.EISDIR, "tilmash: .tilmash.lock is a folder where tilmash needs a file\nhint: move the folder away or rename it, then run the command again\n"},
		{"en", "documents", syscall.ENOTDIR, "tilmash: documents: a part of this path is a file where tilmash needs a folder\nhint: move that file away or rename it, then run the command again\n"},
		{"en", "documents/a", syscall.EACCES, "tilmash: documents/a: permission denied\nhint: check the permissions of the file and of its folders (ls -l), or run the command as the user who owns the workspace\n"},
		{"ru", "documents", syscall.ENOTDIR, "tilmash: documents: часть этого пути — файл там, где tilmash нужна папка\nподсказка: переместите или переименуйте этот файл и повторите команду\n"},
		{"en", "documents/a/kk.txt", syscall.ENOENT, "tilmash: documents/a/kk.txt does not exist\nhint: if it is a file of the workspace, restore it (from git, or by importing it again); otherwise check the name\n"},
		{"kk", "documents/a/kk.txt", syscall.ENOENT, "tilmash: documents/a/kk.txt жоқ\nкеңес: бұл жұмыс қалтасының файлы болса, оны қалпына келтіріңіз (git арқылы немесе қайта импорттап); әйтпесе атын тексеріңіз\n"},
		{"en", "a", syscall.EIO, "tilmash: listing: open DIR/a: input/output error\n"},
	}
	for _, tt := range tests {
		env, _, errOut := newEnv(t, tt.lang)
		err := fmt.Errorf("listing: %w", &fs.PathError{Op: "open", Path: filepath.Join(env.Dir, tt.rel), Err: tt.err})
		if code := env.ExitCode(err); code != 2 {
			t.Errorf("%v: exit %d, want 2", tt.err, code)
		}
		if got := strings.ReplaceAll(errOut.String(), env.Dir, "DIR"); got != tt.want {
			t.Errorf("%s %v:\n got %q\nwant %q", tt.lang, tt.err, got, tt.want)
		}
	}
	// Outside the working folder the path stays absolute.
	env, _, errOut := newEnv(t, "en")
	env.ExitCode(&fs.PathError{Op: "open", Path: "/elsewhere/x", Err: syscall.EISDIR})
	if !strings.HasPrefix(errOut.String(), "tilmash: /elsewhere/x is a folder") {
		t.Errorf("got %q", errOut.String())
	}
}
