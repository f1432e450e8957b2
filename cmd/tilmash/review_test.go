package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

// screen is a pseudo-terminal running tilmash, and everything it drew.
type screen struct {
	t        *testing.T
	master   *os.File
	tty      *os.File
	cmd      *exec.Cmd
	mu       sync.Mutex
	out      bytes.Buffer
	done     chan struct{}
	exitCode int
	// read is closed when the reader has read everything tilmash wrote:
	// after wait closed the test's end of the terminal, the last end,
	// reading the master gives what is left and then fails.
	read chan struct{}
	// before are the terminal's local modes (see lflags) before tilmash
	// started: read after the start, they raced with its switch to raw
	// mode, which a busy machine let it win.
	before uint32
	// after are the terminal's local modes as tilmash left them, read by
	// wait when it exited, before the terminal is closed.
	after uint32
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;?]*[a-zA-Z]")

// startTerminal starts tilmash ARGS in dir on a 100×40 pseudo-terminal,
// in colour, as a person's shell would.
func startTerminal(t *testing.T, dir string, args ...string) *screen {
	t.Helper()
	return startSized(t, 100, nil, dir, args...)
}

// startSized is startTerminal with a width and extra environment.
func startSized(t *testing.T, cols uint16, env []string, dir string, args ...string) *screen {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: 40, Cols: cols}); err != nil {
		t.Fatal(err)
	}
	s := &screen{t: t, master: master, tty: tty, done: make(chan struct{}), read: make(chan struct{})}
	s.before = s.lflags()
	s.cmd = exec.Command(tilmashBin(t), args...)
	s.cmd.Dir = dir
	s.cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TERM=xterm-256color", "TILMASH_LANG=en"}, env...)
	s.cmd.Stdin, s.cmd.Stdout, s.cmd.Stderr = tty, tty, tty
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(s.read)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		err := s.cmd.Wait()
		s.exitCode = s.cmd.ProcessState.ExitCode()
		_ = err
		close(s.done)
	}()
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			_ = s.cmd.Process.Kill()
			<-s.done
		}
		master.Close()
		tty.Close()
	})
	return s
}

// text returns what was drawn, without colours, and with "\r\n" as "\n".
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.ReplaceAll(ansi.ReplaceAllString(s.out.String(), ""), "\r\n", "\n")
}

// last returns what was drawn since the screen was last cleared.
func (s *screen) last() string {
	s.mu.Lock()
	raw := s.out.String()
	s.mu.Unlock()
	if i := strings.LastIndex(raw, "\x1b[2J"); i >= 0 {
		raw = raw[i:]
	}
	return strings.ReplaceAll(ansi.ReplaceAllString(raw, ""), "\r\n", "\n")
}

// waitFor waits until the current screen shows want.
func (s *screen) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.last(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.last())
}

// keysLine ends the keys review lists under a screen in a 100-column
// terminal, the last line it draws.
const keysLine = "z undo · r redo · q quit · ? help\n"

// waitForScreen waits until the current screen shows want and is drawn to
// its end, the keys under it, and returns it. A screen arrives in pieces,
// as the terminal hands them on: one that shows want may not show yet what
// comes after it.
func (s *screen) waitForScreen(want string) string {
	s.t.Helper()
	s.waitFor(want)
	s.waitFor(keysLine)
	return s.last()
}

func (s *screen) send(keys string) {
	s.t.Helper()
	if _, err := s.master.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

// wait waits for tilmash to exit and for the reader to have everything it
// wrote, and returns its exit code. It reads the terminal's modes as
// tilmash left them (s.after) and closes the terminal: a pseudo-terminal
// hands on what was written to it in the kernel's own time, so what
// tilmash wrote last may not be readable yet when it has exited (on a
// busy machine, not for a long while; a pause of 50 ms lost the end
// message). Once every end of the terminal is closed, reading the master
// gives all that is left and then fails, which ends the reader.
func (s *screen) wait() int {
	s.t.Helper()
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.t.Fatalf("tilmash did not exit; the screen shows:\n%s", s.last())
	}
	s.after = s.lflags()
	s.tty.Close()
	select {
	case <-s.read:
	case <-time.After(15 * time.Second):
		s.t.Fatalf("the terminal was not closed after tilmash exited; the screen shows:\n%s", s.last())
	}
	return s.exitCode
}

// lflags returns the terminal's local modes (echo, canonical input…),
// while tilmash runs; after wait, s.after has them.
func (s *screen) lflags() uint32 {
	s.t.Helper()
	tio, err := unix.IoctlGetTermios(int(s.tty.Fd()), unix.TCGETS)
	if err != nil {
		s.t.Fatal(err)
	}
	return uint32(tio.Lflag) & (unix.ECHO | unix.ICANON | unix.ISIG)
}

func sampleWorkspace(t *testing.T, shape reviewtest.Shape) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := reviewtest.Workspace(dir, "demo", shape); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readAlignment(t *testing.T, dir string) *document.Alignment {
	t.Helper()
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "demo")
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func shapeOf(a *document.Alignment) string {
	var parts []string
	for _, g := range a.Groups {
		parts = append(parts, string(g.Status[0])+g.Kind(a.Languages))
	}
	return strings.Join(parts, " ")
}

// TestReviewInATerminal drives tilmash review key by key in a
// pseudo-terminal: merge, split through the prompt, confirm, merge with the
// previous group, undo, an unknown key, help and quit; then checks the
// alignment file and that the terminal is back in its normal mode.
func TestReviewInATerminal(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne) // c a f c a f
	s := startTerminal(t, dir, "review", "demo")
	before := s.before
	if before&(unix.ECHO|unix.ICANON) == 0 {
		t.Fatal("the pseudo-terminal did not start in canonical mode")
	}
	screen := s.waitForScreen("tilmash review demo · group 2 of 6 · 4 to review")
	for _, want := range []string{"══ 2 · aligned · 0.800 ", "── 1 · confirmed", "── 3 · flagged", "c confirm · m merge next"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the first screen lacks %q:\n%s", want, screen)
		}
	}
	if s.lflags()&(unix.ECHO|unix.ICANON) != 0 {
		t.Error("review did not put the terminal in raw mode")
	}

	s.send("m")
	s.waitFor("merged groups 2 and 3")
	s.waitFor("(2) The judge asked for new")

	s.send("s")
	s.waitFor("split group 2 before (LANG:K")
	s.send("en:2 ru:2 kk:3\x7f2\r") // a typo corrected with Backspace
	s.waitFor("split group 2 before en:2 ru:2 kk:2: the second part is group 3")

	s.send("c")
	s.waitFor("group 3 of 6")
	s.waitFor("confirmed group 2")

	s.send("u")
	s.waitFor("merged groups 2 and 3")
	s.waitFor("group 2 of 5")
	s.waitFor("warning: group 2 is no longer confirmed")

	s.send("z")
	s.waitFor("undid step 4: merged groups 2 and 3")
	s.waitFor("group 2 of 6")

	s.send("x")
	s.waitFor("unknown key: press ? for help")
	s.send("?")
	s.waitFor("u or M     merge this group with the previous one")
	s.send(" ")
	s.waitFor("group 2 of 6")

	s.send("s")
	s.waitFor("split group 2 before")
	s.send("\x1b")
	s.waitFor("cancelled")

	s.send("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d; output:\n%s", code, s.text())
	}
	if !strings.Contains(s.text(), "3 changes to demo in this session") {
		t.Errorf("no session summary:\n%s", s.text())
	}
	if got := s.after; got != before {
		t.Errorf("terminal modes after quitting: %#x, before: %#x", got, before)
	}
	if got, want := shapeOf(readAlignment(t, dir)), "c1-1-1 c1-1-1 a1-1-1 c1-1-1 a1-1-1 f1-1-1"; got != want {
		t.Errorf("alignment after the session: %s, want %s", got, want)
	}
}

// TestReviewKeepsTheGroupAfterAReload is the user's sequence from the bug
// report: while review shows a group, another tilmash merges two groups
// before it. The next "c" reads the alignment again and says so; the screen
// must still show the group the person was reading (now under a new
// number), and pressing "c" again must confirm that group, not the next
// one, which they have never seen.
func TestReviewKeepsTheGroupAfterAReload(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne) // c a f c a f
	s := startTerminal(t, dir, "review", "demo")
	s.waitFor("group 2 of 6 · 4 to review")
	s.send("n")
	s.waitFor("group 3 of 6")
	s.waitFor("══ 3 · flagged")

	other := exec.Command(tilmashBin(t), "group", "merge", "demo", "1")
	other.Dir = dir
	other.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TILMASH_LANG=en"}
	if out, err := other.CombinedOutput(); err != nil {
		t.Fatalf("group merge: %v\n%s", err, out)
	}

	s.send("c")
	s.waitFor("the alignment changed on disk")
	if screen := s.waitForScreen("group 2 of 5"); !strings.Contains(screen, "══ 2 · flagged") || !strings.Contains(screen, "═\nThe judge asked for new") {
		t.Fatalf("after the reload the cursor left the group being read:\n%s", screen)
	}
	s.send("c")
	s.waitFor("confirmed group 2")
	s.send("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d:\n%s", code, s.text())
	}
	// Only the group that was on screen is confirmed; the hearing (now 4)
	// was never read and is still aligned.
	if got, want := shapeOf(readAlignment(t, dir)), "a2-2-2 c1-1-1 c1-1-1 a1-1-1 f1-1-1"; got != want {
		t.Errorf("alignment after the session: %s, want %s", got, want)
	}
}

// TestReviewConfirmsToTheEnd confirms every group that needs it; the
// session ends by itself after the last.
func TestReviewConfirmsToTheEnd(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne)
	s := startTerminal(t, dir, "review", "demo")
	s.waitFor("group 2 of 6 · 4 to review")
	s.send("cccc")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if !strings.Contains(s.text(), "nothing left to review in demo") {
		t.Errorf("no end message:\n%s", s.text())
	}
	if got := shapeOf(readAlignment(t, dir)); got != "c1-1-1 c1-1-1 c1-1-1 c1-1-1 c1-1-1 c1-1-1" {
		t.Errorf("alignment: %s", got)
	}
	// Nothing is left: a new session says so without taking the terminal.
	s = startTerminal(t, dir, "review", "demo")
	if code := s.wait(); code != 0 || !strings.Contains(s.text(), "nothing to review in demo") {
		t.Errorf("exit %d:\n%s", code, s.text())
	}
}

// TestReviewWrapsAround skips past the last group to review: the session
// goes back to the first group still to review and says so, instead of
// ending while groups are left; it ends when none is. Undo's message has
// the "tilmash:" of every other message.
func TestReviewWrapsAround(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne) // c a f c a f: 2, 3, 5, 6 to review
	s := startTerminal(t, dir, "review", "demo")
	s.waitFor("group 2 of 6 · 4 to review")
	s.send("n")
	s.waitFor("group 3 of 6")
	s.send("n")
	s.waitFor("group 5 of 6")
	s.send("n")
	s.waitFor("group 6 of 6")
	s.send("n")
	s.waitFor("group 2 of 6 · 4 to review")
	s.waitFor("tilmash: past the last group: back to group 2, 4 groups still to review")

	s.send("c")
	s.waitFor("group 3 of 6 · 3 to review")
	s.send("z")
	s.waitFor("tilmash: undid step 1: confirmed group 2")
	s.waitFor("4 to review")
	s.send("cc")
	s.waitFor("group 6 of 6 · 2 to review")
	s.send("n")
	s.waitFor("tilmash: past the last group: back to group 2, 2 groups still to review")
	s.send("c")
	s.waitFor("group 6 of 6 · 1 to review")
	s.send("n")
	s.waitFor("tilmash: group 6 is the only group left to review: c confirms it, q quits")
	s.send("c")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d:\n%s", code, s.text())
	}
	if !strings.Contains(s.text(), "nothing left to review in demo") {
		t.Errorf("no end message:\n%s", s.text())
	}
	if got := shapeOf(readAlignment(t, dir)); got != "c1-1-1 c1-1-1 c1-1-1 c1-1-1 c1-1-1 c1-1-1" {
		t.Errorf("alignment: %s", got)
	}
}

// TestReviewRestoresTheTerminal ends sessions with Ctrl-C and with SIGTERM
// while the terminal is raw: both leave it as they found it, and every
// edit made so far on disk.
func TestReviewRestoresTheTerminal(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"ctrl-c", "sigterm", "sighup"} {
		t.Run(how, func(t *testing.T) {
			dir := sampleWorkspace(t, reviewtest.OneToOne)
			s := startTerminal(t, dir, "review", "demo")
			before := s.before
			s.waitFor("group 2 of 6")
			s.send("c")
			s.waitFor("group 3 of 6")
			want := 0
			switch how {
			case "ctrl-c":
				s.send("\x03")
			case "sigterm":
				want = 130
				_ = s.cmd.Process.Signal(syscall.SIGTERM)
			case "sighup":
				want = 130
				_ = s.cmd.Process.Signal(syscall.SIGHUP)
			}
			if code := s.wait(); code != want {
				t.Errorf("exit code %d, want %d", code, want)
			}
			if got := s.after; got != before {
				t.Errorf("terminal modes after %s: %#x, before: %#x", how, got, before)
			}
			if got := shapeOf(readAlignment(t, dir)); got != "c1-1-1 c1-1-1 f1-1-1 c1-1-1 a1-1-1 f1-1-1" {
				t.Errorf("alignment: %s", got)
			}
		})
	}
}

// tmuxSession starts cmdline in a detached tmux server of its own, in a
// pane of w×h, killed when the test ends, and returns a function that runs
// a tmux command (send-keys, capture-pane, …) on it. The socket is named
// by the test (name), the process and the time: two runs at once (two
// worktrees), or one after the other in a process (-count), would
// otherwise drive each other's server, or one being killed.
func tmuxSession(t *testing.T, tmux, name string, w, h int, cmdline string) func(args ...string) string {
	t.Helper()
	sock := fmt.Sprintf("tilmash-test-%s-%d-%d", name, os.Getpid(), time.Now().UnixNano())
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("-f", "/dev/null", "new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "sh", "-c", cmdline)
	t.Cleanup(func() { exec.Command(tmux, "-L", sock, "kill-server").Run() })
	return run
}

// TestReviewInTmux runs the same kind of session in tmux, the way a person
// over SSH would see it: keys through send-keys, the screen through
// capture-pane.
func TestReviewInTmux(t *testing.T) {
	t.Parallel()
	tmux := testenv.Command(t, "tmux", "apt-get install tmux")
	dir := sampleWorkspace(t, reviewtest.Uneven)
	run := tmuxSession(t, tmux, "review", 110, 45, "cd "+dir+" && TILMASH_LANG=ru "+tilmashBin(t)+" review demo; echo exit=$?; sleep 30")
	pane := func(want string) string {
		t.Helper()
		var got string
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if got = run("capture-pane", "-p"); strings.Contains(got, want) {
				return got
			}
		}
		t.Fatalf("the pane never showed %q:\n%s", want, got)
		return ""
	}
	got := pane("группа 2 из 6")
	if !strings.Contains(got, "(2) Судья запросил новые") || !strings.Contains(got, "│ (2) Судья жаңа дәлелдер") {
		t.Errorf("the columns are not side by side:\n%s", got)
	}
	run("send-keys", "m")
	pane("группы 2 и 3 объединены")
	run("send-keys", "q")
	pane("exit=0")
	if got := shapeOf(readAlignment(t, dir)); got != "c1-1-1 a3-3-3 c1-1-0 a0-0-1 f1-1-1" {
		t.Errorf("alignment: %s", got)
	}
}

// TestReviewPagesInTmux: a group taller than the terminal, in tmux as a
// translator over SSH sees it, in Russian, on 60×20: the title stays the
// pane's first line while PgDn and Space turn the group's pages (the line
// under a page says which), with the < > prompt open, after a resize to
// 80×24 and in the help. Before, the title and the group's start went off
// the top and could not be brought back.
func TestReviewPagesInTmux(t *testing.T) {
	t.Parallel()
	tmux := testenv.Command(t, "tmux", "apt-get install tmux")
	dir := t.TempDir()
	ws, err := workspace.Init(dir)
	if err == nil {
		err = reviewtest.Long(ws, "demo", 36)
	}
	if err != nil {
		t.Fatal(err)
	}
	merge := exec.Command(tilmashBin(t), "group", "merge", "demo", "2-13")
	merge.Dir, merge.Env = dir, []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TILMASH_LANG=en"}
	if out, err := merge.CombinedOutput(); err != nil {
		t.Fatalf("group merge: %v\n%s", err, out)
	}
	run := tmuxSession(t, tmux, "pages", 60, 20, "cd "+dir+" && "+tilmashBin(t)+" --ui-lang ru review demo; echo exit=$?; sleep 30")
	// pane waits for the pane to show want, and checks that its first
	// line is the title of group 2, or with help, the help's.
	pane := func(want string, help bool) string {
		t.Helper()
		var got string
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if got = run("capture-pane", "-p"); strings.Contains(got, want) {
				if title := "tilmash review demo · группа 2 из 25"; help && !strings.HasPrefix(got, "Клавиши:") || !help && !strings.HasPrefix(got, title) {
					t.Errorf("the title is not the pane's first line:\n%s", got)
				}
				return got
			}
		}
		t.Fatalf("the pane never showed %q:\n%s", want, got)
		return ""
	}
	first := pane("строки 1–", false)
	if !strings.Contains(first, "══ 2 ·") || !strings.Contains(first, "(1) A court in") {
		t.Errorf("the group's rule and first line are not on the first page:\n%s", first)
	}
	marker := regexp.MustCompile(`── строки (\d+)–(\d+) из (\d+) · ниже ещё \d+ строк[аи]? \(пробел\) ─+\n`)
	m := marker.FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("no line says which lines the page shows:\n%s", first)
	}
	end, _ := strconv.Atoi(m[2])
	run("send-keys", "NPage")
	second := pane(fmt.Sprintf("строки %d–", end+1), false)
	if strings.Contains(second, "(1) A court in") || !strings.Contains(second, "══ 2 ·") {
		t.Errorf("PgDn did not turn the page under the group's rule:\n%s", second)
	}
	run("send-keys", ">")
	pane("последнее предложение на каком языке", false)
	run("send-keys", "Escape")
	pane("отменено", false)
	run("resize-window", "-x", "80", "-y", "24")
	rule := "══ 2 · выровнена · перегруппирована вручную "
	pane(rule+strings.Repeat("═", 80-utf8.RuneCountInString(rule))+"\n", false)
	run("send-keys", "?")
	help := pane("Клавиши:", true)
	if !strings.Contains(help, "пробел, PgDn или ↓ — дальше") {
		t.Errorf("the help does not say how to turn its pages:\n%s", help)
	}
	run("send-keys", "q")
	// The help's own page line says "строки" too: wait for the group's
	// title, not for a word both screens have.
	pane("tilmash review demo · группа 2 из 25", false)
	run("send-keys", "End")
	pane("конец группы", false)
	run("send-keys", " ")
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(run("capture-pane", "-p"), "группа 3 из 25"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("Space at the end of the group did not go on to group 3:\n%s", run("capture-pane", "-p"))
		}
	}
	run("send-keys", "q")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(run("capture-pane", "-p"), "exit=0") {
			return
		}
	}
	t.Errorf("review did not exit 0:\n%s", run("capture-pane", "-p"))
}

// TestShowInATerminal: on a terminal, show fits the terminal's width and
// paints in colour, unless NO_COLOR is set.
func TestShowInATerminal(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.Uneven)
	for _, tc := range []struct {
		env   []string
		color bool
	}{{nil, true}, {[]string{"NO_COLOR=1"}, false}} {
		s := startSized(t, 72, tc.env, dir, "show", "demo")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit %d:\n%s", code, s.text())
		}
		s.mu.Lock()
		raw := s.out.String()
		s.mu.Unlock()
		if got := strings.Contains(raw, "\x1b[32mconfirmed\x1b[0m"); got != tc.color {
			t.Errorf("env %v: colour %v, want %v:\n%q", tc.env, got, tc.color, raw[:min(len(raw), 300)])
		}
		out := s.text()
		if !strings.Contains(out, "── 1 · confirmed · 0.900 "+strings.Repeat("─", 72-25)+"\n") {
			t.Errorf("env %v: the rule does not fill 72 columns:\n%s", tc.env, out)
		}
	}
}

// TestReviewRedrawsOnResize: when the terminal is resized, review draws
// the screen again at the new width at once. Before, the old layout stayed
// (wrapped into a mess by a narrower terminal) until the next key.
func TestReviewRedrawsOnResize(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne)
	s := startTerminal(t, dir, "review", "demo")
	s.waitForScreen("tilmash review demo · group 2 of 6")
	ruleWidth := func() int {
		for _, line := range strings.Split(s.last(), "\n") {
			if strings.HasPrefix(line, "══ 2 ") {
				return utf8.RuneCountInString(strings.TrimRight(line, " "))
			}
		}
		return 0
	}
	if w := ruleWidth(); w != 100 {
		t.Fatalf("the rule of group 2 is %d wide in a 100-column terminal:\n%s", w, s.last())
	}
	if err := pty.Setsize(s.master, &pty.Winsize{Rows: 40, Cols: 60}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for ruleWidth() != 60 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if w := ruleWidth(); w != 60 {
		t.Fatalf("after a resize to 60 columns the rule of group 2 is %d wide:\n%s", w, s.last())
	}
	s.send("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

// TestReviewEditsInTheEditor: e runs the person's editor on the terminal,
// in cooked mode and with every key typed going to it, and the review
// goes on in raw mode after it; Ctrl-C in the editor stops the editor,
// not the review. The editor here reads a line from the terminal and puts
// it in for the Kazakh sentence.
func TestReviewEditsInTheEditor(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne)
	editor := filepath.Join(t.TempDir(), "editor.sh")
	script := "#!/bin/sh\nprintf 'EDITOR READY\\n'\nread line || exit 1\nsed -i \"s/^kk 1: .*/kk 1: $line/\" \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s := startSized(t, 100, []string{"EDITOR=" + editor}, dir, "review", "demo")
	s.waitFor("group 2 of 6")
	s.send("e")
	s.waitFor("EDITOR READY")
	// Read after the editor has started: no race with review's switches.
	if got, want := s.lflags()&(unix.ECHO|unix.ICANON), uint32(unix.ECHO|unix.ICANON); got != want {
		t.Errorf("terminal modes while the editor runs: %#x, want echo and canonical input (%#x)", got, want)
	}
	s.send("Арал сотында іс қаралды.\r")
	s.waitFor("corrected kk sentence 1 of group 2")
	if s.lflags()&(unix.ECHO|unix.ICANON) != 0 {
		t.Error("review did not put the terminal back in raw mode after the editor")
	}
	s.send("e")
	s.waitFor("EDITOR READY")
	s.send("\x03")
	s.waitFor(editor + " failed") // the path is on a line of its own
	s.send("q")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if got := readAlignment(t, dir).Groups[1].Text("kk"); got != "Арал сотында іс қаралды." {
		t.Errorf("kk of group 2: %q", got)
	}
}

// TestReviewEditSaysLostFormatting: e says the formatting a correction
// took away as group edit says it (see formats/lost_formatting.txtar).
func TestReviewEditSaysLostFormatting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"en.md":     "# Court orders review of 158 torture cases\n\n*Almaty, 5 August 2019* — The **Supreme Court** has ordered a review of [158 cases](https://example.org/cases?id=1) in which officers were charged with torture.\n",
		"ru.md":     "# Суд распорядился пересмотреть 158 дел о пытках\n\n*Алматы, 5 августа 2019 года* — **Верховный суд** распорядился пересмотреть [158 дел](https://example.org/cases?id=1), по которым сотрудникам предъявлялись обвинения в пытках.\n",
		"editor.sh": "#!/bin/sh\nsed -i 's/Верховный суд распорядился/Высшая судебная инстанция распорядилась/' \"$1\"\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ws := filepath.Join(dir, "ws")
	for _, args := range [][]string{{"init", ws}, {"import", "court", "en", "../en.md"}, {"import", "court", "ru", "../ru.md"}, {"align", "court"}} {
		c := exec.Command(tilmashBin(t), args...)
		c.Dir = dir
		if args[0] != "init" {
			c.Dir = ws
		}
		c.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TILMASH_LANG=en"}
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	s := startSized(t, 200, []string{"EDITOR=" + filepath.Join(dir, "editor.sh")}, ws, "review", "court", "--from", "2")
	s.waitFor("group 2 of 2")
	s.send("e")
	s.waitFor("corrected ru sentence 1 of group 2")
	s.waitFor("warning: bold over “Верховный суд” in ru was lost: the words under it were rewritten")
	s.send("q")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
}

// TestReviewPromptEditsInATerminal: the note prompt in a real terminal,
// with the keys of readline as a terminal sends them (Ctrl-W, an arrow,
// Home, Delete) and a wide name typed in; then a group number typed at
// once, a search, and a paste.
func TestReviewPromptEditsInATerminal(t *testing.T) {
	t.Parallel()
	dir := sampleWorkspace(t, reviewtest.OneToOne)
	s := startTerminal(t, dir, "review", "demo")
	s.waitFor("group 2 of 6")
	s.send("a")
	s.waitFor("note for group 2")
	s.send("xcheck the dtae\x17date\x1b[D\x1b[D\x1b[D\x1b[D東京 \x1b[H\x1b[3~\r")
	s.waitFor("set the note of group 2")
	s.waitFor("note: check the 東京 date")
	s.send("5\r")
	s.waitFor("group 5 of 6")
	s.send("/судья\r")
	s.waitFor("went on from the first: found in group 3")
	// A paste is marked by the terminal (bracketed paste, which review
	// turns on and off again): its letters are not keys.
	s.send("\x1b[200~cc\x1b[201~")
	s.waitFor("pasted text is not taken for keys")
	s.send("q")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.mu.Lock()
	raw := s.out.String()
	s.mu.Unlock()
	if on, off := strings.Index(raw, "\x1b[?2004h"), strings.LastIndex(raw, "\x1b[?2004l"); on < 0 || off < strings.LastIndex(raw, "\x1b[?2004h") {
		t.Errorf("bracketed paste on at %d, last off at %d: the terminal is not given back as it was", on, off)
	}
	if got := readAlignment(t, dir).Groups[2].Status; got != "flagged" {
		t.Errorf("group 3 is %s after a paste of cc", got)
	}
	if got := readAlignment(t, dir).Groups[1].Note; got != "check the 東京 date" {
		t.Errorf("note of group 2: %q", got)
	}
}
