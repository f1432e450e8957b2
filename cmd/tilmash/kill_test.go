package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/workspace"
)

var killRounds = flag.Int("kill.rounds", 0, "writers TestKillWritersAtRandom kills (0: 16, a few seconds; -kill.rounds=300 for the long run)")

const killEnv = "TILMASH_KILL_ARGS"

// TestKillChild is the child of the kill and concurrency tests: it runs
// tilmash with the arguments in killEnv (separated by a unit separator)
// and exits with its code. It is skipped otherwise.
func TestKillChild(t *testing.T) {
	spec := os.Getenv(killEnv)
	if spec == "" {
		t.Skip("only run as the child of a kill or concurrency test")
	}
	os.Exit(mainArgs(strings.Split(spec, "\x1f"), strings.NewReader(""), os.Stdout, os.Stderr, func(string) string { return "" }))
}

// child starts tilmash in a child process.
func child(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd, err := startChild(args...)
	if err != nil {
		t.Fatal(err)
	}
	return cmd
}

// startChild is child for a goroutine, which cannot stop the test.
func startChild(args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), killEnv+"="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, cmd.Start()
}

// runIn runs tilmash in this process.
func runIn(root string, args ...string) (int, string) {
	var out bytes.Buffer
	code := mainArgs(append([]string{"-C", root}, args...), strings.NewReader(""), &out, &out, func(string) string { return "" })
	return code, out.String()
}

var (
	importedLine  = regexp.MustCompile(`(?m)^ +imported: .*$`)
	confirmedLine = regexp.MustCompile(`(?m)^    confirmed: .*$`)
)

// docState reads the document's files; meta.yaml without its import
// times and alignment.yaml without its confirmation dates, which differ
// between two runs of the same command a second apart.
func docState(t *testing.T, root string) map[string]string {
	t.Helper()
	out, err := readState(root)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// readState is docState for a goroutine.
func readState(root string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range []string{"alignment.yaml", "meta.yaml", "en.txt", "ru.txt", "kk.txt"} {
		b, err := os.ReadFile(filepath.Join(root, "documents", "demo", f))
		if err != nil {
			return nil, err
		}
		out[f] = string(b)
	}
	out["meta.yaml"] = importedLine.ReplaceAllString(out["meta.yaml"], "")
	out["alignment.yaml"] = confirmedLine.ReplaceAllString(out["alignment.yaml"], "")
	return out, nil
}

func sameState(a, b map[string]string) bool {
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// copyTree copies a workspace, for a reference run.
func copyTree(from, to string) error {
	return filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

// TestKillWritersAtRandom kills tilmash writers (kill -9) at random
// moments: an edit, a merge, align, an import, an undo. After each kill
// the workspace opens, status exits 0 or 1 (never 2), recovery leaves the
// files exactly as before the command or exactly as the command, run to
// its end on a copy, leaves them, and undo still works: when the command
// got through, undo gives back the files before it.
func TestKillWritersAtRandom(t *testing.T) {
	t.Parallel()
	rounds := *killRounds
	if rounds <= 0 {
		rounds = 16
		if testing.Short() {
			rounds = 4
		}
	}
	// Four workspaces at once, each in a goroutine of this one test: the
	// children mostly wait, and parallel subtests waiting for them held
	// -parallel's slots (GOMAXPROCS of them) from the other tests.
	const workers = 4
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		tmp, n := t.TempDir(), rounds/workers
		if w < rounds%workers {
			n++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got map[string]int
			got, errs[w] = killWriters(tmp, n)
			t.Logf("workspace %d, %d kills: %v", w, n, got)
		}()
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("workspace %d: %v", w, err)
		}
	}
}

// killWriters runs rounds kills in a new workspace in folder tmp and
// counts how each ended; it returns at the first check that fails.
func killWriters(tmp string, rounds int) (map[string]int, error) {
	got := map[string]int{}
	root := filepath.Join(tmp, "ws")
	if _, err := reviewtest.Workspace(root, "demo", reviewtest.OneToOne); err != nil {
		return got, err
	}
	ru := reviewtest.Texts["ru"]
	ru2 := strings.Replace(ru, "новые доказательства", "новые улики", 1) + "\nЕщё одно предложение.\n"
	for name, text := range map[string]string{"ru.txt": ru, "ru2.txt": ru2} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(text), 0o644); err != nil {
			return got, err
		}
	}
	commands := [][]string{
		{"group", "edit", "demo", "3", "--language", "ru", "--text", "Судья потребовал новых улик."},
		{"group", "merge", "demo", "2"},
		{"group", "confirm", "demo", "all"},
		{"group", "unconfirm", "demo", "1-3"},
		{"group", "note", "demo", "1", "checked"},
		{"align", "demo", "--force"},
		{"import", "demo", "ru", filepath.Join(tmp, "ru2.txt"), "--force"},
		{"import", "demo", "ru", filepath.Join(tmp, "ru.txt"), "--force"},
		{"undo", "demo"},
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for i := 0; i < rounds; i++ {
		args := commands[r.IntN(len(commands))]
		pre, err := readState(root)
		if err != nil {
			return got, err
		}
		ref := filepath.Join(tmp, "ref", strings.Repeat("x", i%2+1))
		os.RemoveAll(ref)
		if err := copyTree(root, ref); err != nil {
			return got, err
		}
		// The reference run, to the end, tells how long the command takes;
		// the kill lands in its last part (where it writes) or just after.
		start := time.Now()
		cmd, err := startChild(append([]string{"-C", ref}, args...)...)
		if err != nil {
			return got, err
		}
		_ = cmd.Wait()
		took := time.Since(start)
		post, err := readState(ref)
		if err != nil {
			return got, err
		}

		if cmd, err = startChild(append([]string{"-C", root}, args...)...); err != nil {
			return got, err
		}
		time.Sleep(took/2 + time.Duration(r.Int64N(int64(took)*6/10)))
		_ = cmd.Process.Kill() // SIGKILL: no deferred cleanup
		_ = cmd.Wait()

		if _, err := workspace.Open(root); err != nil {
			return got, fmt.Errorf("round %d (%s): the workspace does not open: %v", i, args, err)
		}
		if code, out := runIn(root, "status"); code != 0 && code != 1 {
			return got, fmt.Errorf("round %d (%s): status exits %d:\n%s", i, args, code, out)
		}
		if m, _ := filepath.Glob(filepath.Join(root, "documents", "demo", "*", ".*"+workspace.TempSuffix)); len(m) > 0 {
			got["temporary file left"]++
		}
		rolledBack, err := recoverDoc(root)
		if err != nil {
			return got, err
		}
		if rolledBack {
			got["interrupted mid-write"]++
		}
		now, err := readState(root)
		if err != nil {
			return got, err
		}
		switch {
		case sameState(now, post) && !sameState(pre, post) && args[0] == "undo":
			got["finished"]++ // undo of an undo is no redo: nothing more to check
		case sameState(now, post) && !sameState(pre, post):
			got["finished"]++
			if code, out := runIn(root, "undo", "demo"); code != 0 {
				return got, fmt.Errorf("round %d (%s): undo exits %d:\n%s", i, args, code, out)
			}
			if back, err := readState(root); err != nil || !sameState(back, pre) {
				return got, fmt.Errorf("round %d (%s): undo did not give back the files before the command (%v)", i, args, err)
			}
			// Put the command's work back, so that the workspace moves on.
			runIn(root, args...)
		case sameState(now, pre):
			got["rolled back"]++
		default:
			return got, fmt.Errorf("round %d (%s): after the kill the files are neither as before nor as after the command", i, args)
		}
		// The alignment matches the texts again ("the alignment no longer matches the stored
		// texts" would say it does not); a group a new version emptied may say "the new Russian
		// version no longer has this text", which is no damage.
		if code, out := runIn(root, "show", "demo"); code != 0 || strings.Contains(out, "no longer matches") {
			return got, fmt.Errorf("round %d (%s): show exits %d:\n%s", i, args, code, out)
		}
		for _, dir := range []string{"documents/demo", "documents/demo/journal"} {
			if m, _ := filepath.Glob(filepath.Join(root, dir, ".*"+workspace.TempSuffix)); len(m) > 0 {
				return got, fmt.Errorf("round %d: temporary files left after a writer ran: %v", i, m)
			}
		}
	}
	return got, nil
}

// recoverDoc does what the next writer does first: under the lock, it
// rolls back an interrupted change and removes stale temporary files.
// It reports whether there was a change to roll back.
func recoverDoc(root string) (bool, error) {
	ws, err := workspace.Open(root)
	if err != nil {
		return false, err
	}
	unlock, err := ws.Lock(10 * time.Second)
	if err != nil {
		return false, err
	}
	defer unlock()
	d, err := document.Open(ws, "demo")
	if err != nil {
		return false, err
	}
	rec, err := review.Recover(d)
	if err != nil {
		return false, err
	}
	return rec != nil, nil
}

// TestEightWritersLoseNoUpdate runs eight tilmash processes at once on the
// same document, each making its own change through the workspace lock:
// a note on each of groups 1 to 6, a confirmation of groups 2 and 5.
// Every change is there afterwards, the journal holds eight steps, and
// undoing them gives back the original bytes.
func TestEightWritersLoseNoUpdate(t *testing.T) {
	t.Parallel()
	root := filepath.Join(t.TempDir(), "ws")
	if _, err := reviewtest.Workspace(root, "demo", reviewtest.OneToOne); err != nil {
		t.Fatal(err)
	}
	orig := docState(t, root)
	writers := [][]string{
		{"group", "note", "demo", "1", "writer 1"},
		{"group", "note", "demo", "2", "writer 2"},
		{"group", "note", "demo", "3", "writer 3"},
		{"group", "note", "demo", "4", "writer 4"},
		{"group", "note", "demo", "5", "writer 5"},
		{"group", "note", "demo", "6", "writer 6"},
		{"group", "confirm", "demo", "2"},
		{"group", "confirm", "demo", "5"},
	}
	var wg sync.WaitGroup
	errs := make([]error, len(writers))
	for i, w := range writers {
		cmd := child(t, append([]string{"-C", root, "--wait", "60s"}, w...)...)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = cmd.Wait()
			if errs[i] != nil {
				errs[i] = &writerError{w, cmd.Stdout.(*bytes.Buffer).String(), errs[i]}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	ws, _ := workspace.Open(root)
	d, _ := document.Open(ws, "demo")
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range a.Groups {
		if want := "writer " + string(rune('1'+i)); g.Note != want {
			t.Errorf("group %d: note %q, want %q (an update was lost)", i+1, g.Note, want)
		}
	}
	if a.Groups[1].Status != document.Confirmed || a.Groups[4].Status != document.Confirmed {
		t.Error("a confirmation was lost")
	}
	if code, out := runIn(root, "undo", "demo", "--steps", "8"); code != 0 {
		t.Fatalf("undo of the eight steps exits %d:\n%s", code, out)
	}
	if !sameState(docState(t, root), orig) {
		t.Error("undoing the eight steps did not give back the original files")
	}
}

type writerError struct {
	args []string
	out  string
	err  error
}

func (e *writerError) Error() string {
	return strings.Join(e.args, " ") + ": " + e.err.Error() + "\n" + e.out
}
