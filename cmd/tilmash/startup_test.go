package main

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// startupInits are the packages of tilmash that may still run code when
// the program starts, each with its reason. Every other package's
// package-level data is static (arrays and slices of constants) or built
// on first use (internal/lazy), so that a start, --version above all,
// pays only for the Go runtime and the dependencies (issue 17).
var startupInits = map[string]string{
	"internal/align": "tables of the aligner, which other work is changing; to be made static or lazy",
}

// TestStartupRunsNoInit: no package of tilmash runs code at start, but
// those of startupInits. The Go runtime lists every package whose
// initialisation runs code (GODEBUG=inittrace=1).
func TestStartupRunsNoInit(t *testing.T) {
	t.Parallel()
	if testing.CoverMode() != "" {
		t.Skip("coverage counters register every instrumented package at init")
	}
	cmd := exec.Command(tilmashBin(t), "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tilmash --version: %v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init github\.com/tilmash/tilmash/(internal/\S+) @.*$`)
	var found []string
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		pkg := m[1]
		if isTestHelper(pkg) {
			continue
		}
		found = append(found, pkg)
		if _, ok := startupInits[pkg]; !ok {
			t.Errorf("%s runs code at every start; make its package-level data static or build it on first use (internal/lazy):\n%s", pkg, m[0])
		}
	}
	for pkg := range startupInits {
		if !slices.Contains(found, pkg) {
			t.Errorf("%s no longer runs code at start: take it out of startupInits", pkg)
		}
	}
}

// isTestHelper reports whether pkg is only linked into test binaries.
func isTestHelper(pkg string) bool {
	return pkg == "internal/testenv" || strings.HasSuffix(pkg, "test") || strings.HasSuffix(pkg, "tmbench")
}
