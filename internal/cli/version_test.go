package cli

import (
	"bytes"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
)

// TestVersionShortcut checks that --version alone, which Main answers
// without building the commands, prints what urfave/cli's version flag
// prints when the app runs (-C . or --ui-lang first takes the long way).
func TestVersionShortcut(t *testing.T) {
	group := func(env *console.Env) []*cli.Command { return []*cli.Command{{Name: "status"}} }
	run := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		inv := Invocation{Dir: t.TempDir(), Args: args, Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		code := Main(inv, "1.2.3", group)
		return out.String() + errOut.String(), code
	}
	want, code := run("--ui-lang", "en", "--version")
	if code != 0 || want != "tilmash version 1.2.3\n" {
		t.Fatalf("urfave/cli's --version: %q, exit %d", want, code)
	}
	for _, flag := range []string{"--version", "-version", "-v", "--v"} {
		if got, code := run(flag); got != want || code != 0 {
			t.Errorf("%s: %q, exit %d; want %q, exit 0", flag, got, code, want)
		}
	}
}

// TestCommandsBuiltOnce checks that Main builds the command tree once
// (it was built twice, an English probe to find --ui-lang then the real
// one, a fifth of a small status's time), and again only when the
// reordered arguments ask for a UI language the first guess missed.
func TestCommandsBuiltOnce(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		env    string // TILMASH_LANG
		builds int
		lang   string // the language the command ran in
	}{
		{[]string{"status"}, "", 1, "en"},
		{[]string{"status"}, "kk", 1, "kk"},
		{[]string{"--ui-lang", "ru", "status"}, "", 1, "ru"},
		{[]string{"status", "--ui-lang=kk"}, "ru", 1, "kk"},
		{[]string{"status", "--ui-lang", "kk"}, "", 1, "kk"},
		// --ui-lang=ru is the value of -C: the guess (ru) is wrong.
		{[]string{"-C", "--ui-lang=ru", "status"}, "", 2, "en"},
		// the old --ui-lang, misplaced: said so in Kazakh, nothing run
		{[]string{"--lang", "kk", "status"}, "", 1, ""},
		{[]string{"status", "--", "--ui-lang", "ru"}, "", 1, "en"},
	} {
		builds, ran := 0, ""
		group := func(env *console.Env) []*cli.Command {
			builds++
			return []*cli.Command{{Name: "status", Action: func(*cli.Context) error { ran = env.Loc.Lang; return nil }}}
		}
		var out, errOut bytes.Buffer
		getenv := func(k string) string {
			if k == "TILMASH_LANG" {
				return tc.env
			}
			return ""
		}
		inv := Invocation{Dir: t.TempDir(), Args: tc.args, Stdout: &out, Stderr: &errOut, Getenv: getenv}
		want := 0
		if tc.lang == "" {
			want = 2 // a usage error
		}
		if code := Main(inv, "1.2.3", group); code != want {
			t.Errorf("%q: exit %d: %s", tc.args, code, errOut.String())
			continue
		}
		if builds != tc.builds || ran != tc.lang {
			t.Errorf("%q (TILMASH_LANG=%s): built %d times, ran in %q; want %d, %q", tc.args, tc.env, builds, ran, tc.builds, tc.lang)
		}
	}
}
