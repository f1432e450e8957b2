// Package console is the one place that decides how tilmash talks to a
// person. Every command gets an [Env] and writes through it.
//
// The rules:
//
//   - Data (tables, JSON, exported text) goes to standard output; nothing
//     else does, so output can be piped.
//   - Diagnostics go to standard error as "tilmash: …", followed by
//     "hint: …" when a fix is known. They start in lower case and have no
//     final period.
//   - Every sentence a person reads comes from the locale catalogue.
//   - Colour only on a terminal, and never when NO_COLOR is set.
//   - Exit codes: 0 success, 1 findings (glossary violations, flagged
//     groups a gate refuses), 2 usage or input errors. [ExitCode] is the one
//     function that maps errors to them.
package console

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/term"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Env is what a command may touch of the outside world. Tests build one
// over buffers; main builds one over the process's streams.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Dir            string // the working folder commands resolve paths against
	Loc            *locale.Localizer

	// Color says whether standard output may carry ANSI colour; ErrColor
	// the same for standard error.
	Color, ErrColor bool
	// Width is the terminal width of standard output, 0 when it is not a
	// terminal.
	Width int
	// OutTTY says whether standard output is a terminal, where a binary
	// file (a DOCX) would only garble the screen.
	OutTTY bool
	// Terminal says whether stdin and stderr are both a terminal, which is
	// what an interactive mode needs. ErrTTY says whether stderr is one,
	// which is what a progress indicator needs.
	Terminal, ErrTTY bool

	// WorkspaceDir is the -C value; empty means "search".
	WorkspaceDir string
	// LockWait is how long a writer waits for another writer's lock.
	LockWait time.Duration

	// ProgressDelay is how long a job runs before its progress indicator
	// appears (NewEnv: 400ms), so short runs show nothing.
	ProgressDelay time.Duration

	progress *Steps // the progress line on standard error, while one runs
}

// NewEnv builds an Env over the given working folder and streams,
// detecting terminals and colour from them and the environment.
func NewEnv(dir string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, lang string) (*Env, error) {
	loc, err := locale.New(lang)
	if err != nil {
		return nil, err
	}
	e := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: getenv, Dir: dir, Loc: loc, LockWait: 10 * time.Second, ProgressDelay: progressDelay}
	noColor := getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		e.OutTTY = true
		e.Color = !noColor
		if w, _, err := term.GetSize(int(f.Fd())); err == nil {
			e.Width = w
		}
	}
	inTTY, errTTY := false, false
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		errTTY = true
		e.ErrColor = !noColor
	}
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		inTTY = true
	}
	e.Terminal = inTTY && errTTY
	e.ErrTTY = errTTY
	return e, nil
}

// T renders a catalogue message. When data holds an int Count, the plural
// form for it is chosen, so a caller cannot forget to (1 group, 2 groups;
// 1 группа, 2 группы, 5 групп).
func (e *Env) T(id string, data map[string]any) string { return e.Loc.Text(id, data) }

// N renders a catalogue message in the plural form for count.
func (e *Env) N(id string, count int, data map[string]any) string { return e.Loc.N(id, count, data) }

// Printf writes text output to standard output, with control characters
// made visible (see [Visible]); the colours of [Env.Paint] are kept. It is
// for what a person reads: JSON and exported files are written to Stdout
// as they are.
func (e *Env) Printf(format string, args ...any) {
	if format == "%s" && len(args) == 1 {
		// A block of text the caller built (check prints megabytes
		// this way): written as it is when it has nothing to escape,
		// without the copy Sprintf would make of it.
		if b, ok := args[0].([]byte); ok {
			e.quiet(func() { writeVisible(e.Stdout, b, e.Color) })
			return
		}
	}
	e.quiet(func() { io.WriteString(e.Stdout, visible(fmt.Sprintf(format, args...), false, e.Color)) })
}

// writeVisible writes b to w as Printf("%s", b) does: b itself when
// visible leaves it unchanged, its escaped copy otherwise.
func writeVisible(w io.Writer, b []byte, keepPaint bool) {
	s := unsafe.String(unsafe.SliceData(b), len(b)) // a view for the scan only
	if v := visible(s, false, keepPaint); unsafe.StringData(v) != unsafe.StringData(s) || len(v) != len(s) {
		io.WriteString(w, v)
		return
	}
	w.Write(b)
}

// Say writes a localized line to standard error as "tilmash: …". Summaries
// and progress notes go here too, so standard output stays pure data.
func (e *Env) Say(id string, data map[string]any) { e.line("tilmash: ", e.T(id, data)) }

// SayN is Say with a plural count.
func (e *Env) SayN(id string, count int, data map[string]any) {
	e.line("tilmash: ", e.N(id, count, data))
}

// Warn writes a localized warning. It does not change the exit code.
func (e *Env) Warn(id string, data map[string]any) {
	e.line("tilmash: "+e.paint(e.ErrColor, yellow, e.T("console.warning", nil))+": ", e.T(id, data))
}

// WarnError writes an error as a warning, with its hint: something wrong
// that the command went on without (a document it had to leave out). It
// does not change the exit code.
func (e *Env) WarnError(err error) {
	msg, hint, _ := e.Loc.Explain(err)
	e.line("tilmash: "+e.paint(e.ErrColor, yellow, e.T("console.warning", nil))+": ", msg)
	if hint != "" {
		e.line(e.T("console.hint", nil)+": ", hint)
	}
}

// HintOf writes the hint of an error, when it has one, without the error:
// for a warning that quotes the error in its own words.
func (e *Env) HintOf(err error) {
	if _, hint, _ := e.Loc.Explain(err); hint != "" {
		e.line(e.T("console.hint", nil)+": ", hint)
	}
}

// Hint writes a localized "hint: …" line.
func (e *Env) Hint(id string, data map[string]any) {
	e.line(e.T("console.hint", nil)+": ", e.T(id, data))
}

// line writes a diagnostic. The message may quote what a person typed or
// a file holds, so its control characters are made visible.
func (e *Env) line(prefix, msg string) {
	e.quiet(func() { fmt.Fprintln(e.Stderr, prefix+Visible(msg)) })
}

// ANSI colours used by [Env.Paint].
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	cyan   = "36"
	bold   = "1"
)

// Colour names for Paint.
const (
	Red    = red
	Green  = green
	Yellow = yellow
	Cyan   = cyan
	Bold   = bold
)

// Paint wraps s in an ANSI colour when standard output is a colour
// terminal. Control characters in s are made visible (see [Visible]), so
// painted text is safe to print whatever it holds.
func (e *Env) Paint(color, s string) string { return e.paint(e.Color, color, s) }

func (e *Env) paint(on bool, color, s string) string {
	s = Visible(s)
	if !on || s == "" {
		return s
	}
	return "\x1b[" + color + "m" + s + "\x1b[0m"
}

// Workspace finds the workspace from -C, TILMASH_WORKSPACE or the working
// folder. A folder named by -C or TILMASH_WORKSPACE that is not a
// workspace is told as what it is (missing, a file, a folder without
// tilmash.yaml): no search upward happens from it, so "searched from DIR
// upward" would not be what happened.
func (e *Env) Workspace() (*workspace.Workspace, error) {
	ws, err := workspace.Find(e.WorkspaceDir, e.Getenv(workspace.EnvVar), e.Dir)
	var nf *workspace.NotFoundError
	if err == nil || !errors.As(err, &nf) {
		return ws, err
	}
	setting := "-C " + e.WorkspaceDir
	if e.WorkspaceDir == "" {
		setting = workspace.EnvVar + "=" + e.Getenv(workspace.EnvVar)
		if e.Getenv(workspace.EnvVar) == "" {
			return nil, err // searched upward from the working folder
		}
	}
	id := "console.workspace.no-config"
	if st, serr := os.Stat(nf.Start); errors.Is(serr, fs.ErrNotExist) {
		id = "console.workspace.no-folder"
	} else if serr == nil && !st.IsDir() {
		id = "console.workspace.not-folder"
	}
	return nil, locale.NewError(id, map[string]any{"Setting": setting}).WithHint(id + ".hint")
}

// LockedWorkspace opens the workspace ([Env.Workspace]) and takes its
// writer lock ([Env.Lock]): what a command that only writes does first.
// The caller defers the unlock.
func (e *Env) LockedWorkspace() (*workspace.Workspace, func(), error) {
	ws, err := e.Workspace()
	if err != nil {
		return nil, nil, err
	}
	unlock, err := e.Lock(ws)
	if err != nil {
		return nil, nil, err
	}
	return ws, unlock, nil
}

// Lock takes the workspace writer lock, waiting up to LockWait. When it
// has to wait, it says so first, naming the process that holds the lock,
// so a command that seems to hang tells why.
func (e *Env) Lock(ws *workspace.Workspace) (func(), error) {
	unlock, err := ws.Lock(0)
	var le *locale.Error
	if err == nil || e.LockWait <= 0 || !errors.As(err, &le) || le.ID != "workspace.locked" {
		return unlock, err
	}
	data := maps.Clone(le.Data)
	data["Wait"] = e.LockWait.String()
	e.Say("workspace.waiting", data)
	return ws.Lock(e.LockWait)
}

// Findings is returned by a command that ran correctly and found problems
// in the content (glossary violations, flagged groups at a gate). It maps to
// exit code 1. The command has already printed them.
type Findings struct{ Count int }

func (f *Findings) Error() string { return fmt.Sprintf("%d findings", f.Count) }

// Usage returns a usage error (exit 2) with a catalogue message and an
// optional hint id; the hint gets the same data.
func (e *Env) Usage(id string, data map[string]any, hintID string) error {
	return locale.NewError(id, data).WithHint(hintID).OfKind(locale.Usage)
}

// ExitCode turns the error a command returned into the process exit code,
// and prints it: nothing for nil and for Findings (already reported), the
// localized message and hint for everything else. A *locale.Error says its
// exit code by its Kind; any other error is exit 2.
func (e *Env) ExitCode(err error) int {
	if err == nil {
		return 0
	}
	var f *Findings
	if errors.As(err, &f) {
		return 1
	}
	e.Report(err)
	var le *locale.Error
	if errors.As(err, &le) {
		return le.Kind.ExitCode()
	}
	return 2
}

// Report prints an error as "tilmash: …" and its hint, localizing errors
// that name a catalogue message (see [locale.Localizer.Explain]). Errors
// that do not (a disk failure, say) are shown as they are: their text
// comes from the operating system.
func (e *Env) Report(err error) {
	msg, hint, ok := e.Loc.Explain(err)
	if fe := e.fileError(err); !ok && fe != nil {
		msg, hint, _ = e.Loc.Explain(fe)
	}
	e.line("tilmash: ", msg)
	if hint != "" {
		e.line(e.T("console.hint", nil)+": ", hint)
	}
}

// fileError is the message of a file-system error no message of tilmash
// names (a folder where the lock file should be, documents/ that is a
// file, a document's kk.txt deleted by hand): the cause in the user's language, the path as the person knows
// it (relative to the working folder when inside it), and what to do.
// Go's own words ("open /abs/.tilmash.lock: is a directory") were shown
// before. nil for any other error, which is shown as it is.
func (e *Env) fileError(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return nil
	}
	var id string
	switch {
	case errors.Is(pe.Err, syscall.EISDIR):
		id = "console.file.folder"
	case errors.Is(pe.Err, syscall.ENOTDIR):
		id = "console.file.not-folder"
	case errors.Is(pe.Err, fs.ErrPermission):
		id = "console.file.permission"
	case errors.Is(pe.Err, syscall.EROFS):
		id = "console.file.read-only"
	case errors.Is(pe.Err, syscall.ENOSPC), errors.Is(pe.Err, syscall.EDQUOT):
		id = "console.file.full"
	case errors.Is(pe.Err, syscall.ELOOP):
		id = "console.file.loop"
	case errors.Is(pe.Err, fs.ErrNotExist):
		id = "console.file.missing"
	default:
		return nil
	}
	path := pe.Path
	if rel, rerr := filepath.Rel(e.Dir, path); rerr == nil && e.Dir != "" && filepath.IsAbs(path) && filepath.IsLocal(rel) {
		path = rel
	}
	return locale.NewError(id, map[string]any{"Path": path}).WithHint(id + ".hint")
}
