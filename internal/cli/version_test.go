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
