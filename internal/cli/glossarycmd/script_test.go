package glossarycmd_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
	_ "github.com/tilmash/tilmash/internal/cli/glossarycmd"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) { clitest.Main(m) }

// TestScripts runs the end-to-end scripts of glossary lint, list, show,
// add and check, with the status and align-files hooks, in
// testdata/script. $REPO is the repository root, so that a script can copy
// the house glossary and the demo document into its workspace.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, clitest.Params("testdata/script", *update, func(e *testscript.Env) error {
		e.Setenv("REPO", repo)
		return houseWorkspace(repo, e.WorkDir)
	}, nil))
}

// houseWorkspace makes $WORK/house, a workspace with the repository's
// house glossary (every file of it, as it is now), and puts the demo
// document's texts in $WORK/demo, for the scripts that check them.
func houseWorkspace(repo, work string) error {
	dir := filepath.Join(work, "house")
	if err := os.MkdirAll(filepath.Join(dir, "glossary"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "tilmash.yaml"), []byte("languages: [en, ru, kk]\nsource: en\n"), 0o644); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(repo, "glossary", "*.yaml"))
	if err != nil {
		return err
	}
	copyFile := func(from, to string) error {
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	}
	for _, f := range files {
		if err := copyFile(f, filepath.Join(dir, "glossary", filepath.Base(f))); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(work, "demo"), 0o755); err != nil {
		return err
	}
	for _, l := range []string{"en", "ru", "kk"} {
		if err := copyFile(filepath.Join(repo, "documents", "demo-term-errors", l+".txt"), filepath.Join(work, "demo", l+".txt")); err != nil {
			return err
		}
	}
	return nil
}
