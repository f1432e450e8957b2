package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

// TestProgressOnAFakeTerminal runs align, status and publish in-process
// with standard error faked as a terminal and no delay: each draws its
// counting line with the documents in order and erases it before its
// summary. The same runs off a terminal print no trace of it (the
// testscript progress.txtar checks the real binary).
func TestProgressOnAFakeTerminal(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	texts := map[string]string{
		"en": "# Tokayev speaks\n\nTokayev spoke on Tuesday. He promised reform.\n",
		"ru": "# Токаев выступил\n\nТокаев выступил во вторник. Он пообещал реформу.\n",
		"kk": "# Тоқаев сөз сөйледі\n\nТоқаев сейсенбіде сөз сөйледі. Ол реформа жасауға уәде берді.\n",
	}
	run := func(tty bool, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		env, err := console.NewEnv(t.TempDir(), strings.NewReader(""), &out, &errOut, func(string) string { return "" }, "en")
		if err != nil {
			t.Fatal(err)
		}
		env.ErrTTY, env.ProgressDelay = tty, 0
		cliApp := cli.NewApp(env, version, groups(app.New(version))...)
		if code := env.ExitCode(cliApp.Run(cli.Reorder(cliApp, append([]string{"tilmash", "-C", root}, args...)))); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut.String())
		}
		return errOut.String()
	}
	run(false, "init", root)
	for _, doc := range []string{"one", "two"} {
		for l, text := range texts {
			f := filepath.Join(t.TempDir(), l+".txt")
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			run(false, "import", doc, l, f)
		}
	}
	for _, tt := range []struct {
		args  []string
		label string
	}{
		{[]string{"align", "one", "two"}, "aligning"},
		{[]string{"status"}, "reading documents"},
		{[]string{"publish", "--force"}, "publishing"},
	} {
		got := run(true, tt.args...)
		// Any frame of the spinner: on a loaded machine it may have
		// turned before the first document.
		first := regexp.MustCompile("\r\x1b\\[K" + tt.label + " \\S 1/2 one ").FindStringIndex(got)
		second := strings.Index(got, " 2/2 two ")
		if first == nil || second < first[0] {
			t.Errorf("%v on a terminal: no count of the documents in %q", tt.args, got)
		}
		// Every message is printed on an erased line, never after the
		// progress line, and the line is gone at the end.
		for _, line := range strings.SplitAfter(got, "\n") {
			if i := strings.Index(line, "tilmash: "); i > 0 && !strings.HasSuffix(line[:i], "\r\x1b[K") {
				t.Errorf("%v: message printed after the progress line: %q", tt.args, line)
			}
		}
		if last := strings.LastIndex(got, tt.label); last >= 0 && !strings.Contains(got[last:], "\r\x1b[K") {
			t.Errorf("%v: the progress line is left on the screen: %q", tt.args, got)
		}
		if got := run(false, tt.args...); strings.Contains(got, tt.label) || strings.ContainsAny(got, "\r\x1b") {
			t.Errorf("%v off a terminal: %q", tt.args, got)
		}
	}
}
