// Package testenv lets tests ask for the outside parts they need — a
// program such as xmllint or tmux, the shared corpora beside the clone — and
// decides in one place what happens when a part is missing.
//
// On a developer's machine a missing part skips the test with one line that
// says what is missing and how to install it. In CI (the environment
// variable CI is "true", as .ci/run sets it, or TILMASH_TEST_REQUIRE_ALL is
// set) a missing part fails the test instead: CI installs every part, so a
// skip there would hide a test that silently stopped running.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Strict reports whether a missing part fails a test instead of skipping it.
func Strict() bool {
	return os.Getenv("CI") == "true" || os.Getenv("TILMASH_TEST_REQUIRE_ALL") != ""
}

// Missing skips t (or fails it, under [Strict]) because what is not there;
// install tells a developer how to get it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	msg := fmt.Sprintf("MISSING %s — %s", what, install)
	if Strict() {
		t.Fatalf("%s (CI must install every part its tests use)", msg)
	}
	t.Skip("SKIP: " + msg)
}

// Command returns the path of the program name, or skips/fails t through
// [Missing] when it is not on $PATH.
func Command(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "the program "+name, install)
	}
	return p
}

// Python3 returns the interpreter that python3 on $PATH runs, or
// skips/fails t through [Missing] when there is none. A version manager's
// python3 (pyenv's shim) is a script that looks the version up at every
// call, starting a shell and a dozen programs: half a second of CPU, where
// the interpreter starts in 30 ms. So the interpreter is asked once for its
// own path (sys.executable), and that is run: the same Python, without the
// shim.
func Python3(t testing.TB) string {
	t.Helper()
	p := python3()
	if p == "" {
		Missing(t, "the program python3", "apt-get install python3")
	}
	return p
}

var python3 = sync.OnceValue(func() string {
	p, err := exec.LookPath("python3")
	if err != nil {
		return ""
	}
	return resolvePython(p)
})

// resolvePython returns the sys.executable of the interpreter p starts, or
// p when it does not say or names no program.
func resolvePython(p string) string {
	out, err := exec.Command(p, "-c", "import sys; print(sys.executable)").Output()
	exe := strings.TrimSpace(string(out))
	if err != nil || !filepath.IsAbs(exe) {
		return p
	}
	if fi, err := os.Stat(exe); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
		return p
	}
	return exe
}

// Shared returns the path of elem inside the shared folder that stands
// beside the repository (../shared from the repository root), found by
// walking up from the test's working directory; it skips/fails t through
// [Missing] when that is not there.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	if p, ok := SharedPath(elem...); ok {
		return p
	}
	Missing(t, filepath.Join(append([]string{"../shared"}, elem...)...),
		"the shared corpora, schemas and eval scripts stand beside the repository in CI and on the developers' machines; a fresh clone does not have them")
	return ""
}

// SharedPath is [Shared] for code that is not a test (benchmarks' setup,
// TestMain): it reports whether the path exists instead of skipping.
func SharedPath(elem ...string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
			p := filepath.Join(append([]string{filepath.Dir(dir), "shared"}, elem...)...)
			if _, err := os.Stat(p); err == nil {
				return p, true
			}
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Python returns a Python interpreter that can import module, trying
// Debian's /usr/bin/python3 first (where apt-get installs modules such as
// Translate Toolkit) and then python3 on $PATH (which may be another
// installation without them); it skips/fails t through [Missing] when
// neither can. The answer for a module is found once for the test binary:
// the probe starts Python and imports the module (0.15 s of CPU for
// Translate Toolkit's), and several tests of a package ask.
func Python(t testing.TB, module, install string) string {
	t.Helper()
	v, _ := pythons.LoadOrStore(module, sync.OnceValue(func() string {
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import "+module).Run() == nil {
				return p
			}
		}
		return ""
	}))
	if p := v.(func() string)(); p != "" {
		return p
	}
	Missing(t, "the Python module "+module, install)
	return ""
}

// pythons holds, by module, the function that finds Python's answer once.
var pythons sync.Map

// Dictionaries writes, for the rest of t, hunspell dictionaries that know
// only the words given for each (dictionary name such as ru_RU: words),
// and returns their folder: a $DICPATH for tilmash (app.App's DicPath).
// Tests whose spelling must find nothing, or only a word left out, load
// these in a fraction of the time the installed dictionaries take.
func Dictionaries(t testing.TB, words map[string][]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := WriteDictionaries(dir, words); err != nil {
		t.Fatal(err)
	}
	return dir
}

// WriteDictionaries writes into folder dir the hunspell dictionaries of
// [Dictionaries].
func WriteDictionaries(dir string, words map[string][]string) error {
	for dict, list := range words {
		dic := fmt.Sprintf("%d\n%s\n", len(list), strings.Join(list, "\n"))
		if err := os.WriteFile(filepath.Join(dir, dict+".aff"), []byte("SET UTF-8\n"), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, dict+".dic"), []byte(dic), 0o644); err != nil {
			return err
		}
	}
	return nil
}
