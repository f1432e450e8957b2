package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestInGitRepo: a folder with no .git in it or above it is in no
// repository, and git is not started to say so; in a repository's
// subfolder, or with $GIT_DIR set, git is asked.
func TestInGitRepo(t *testing.T) {
	realGit := testenv.Command(t, "git", "apt-get install git")
	t.Setenv("GIT_DIR", "")
	t.Setenv("GIT_WORK_TREE", "")
	os.Unsetenv("GIT_DIR")
	os.Unsetenv("GIT_WORK_TREE")
	bin := t.TempDir()
	started := filepath.Join(bin, "started")
	git := filepath.Join(bin, "git")
	script := "#!/bin/sh\necho \"$@\" >>'" + started + "'\nexec '" + realGit + "' \"$@\"\n"
	if err := os.WriteFile(git, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	starts := func() int {
		data, _ := os.ReadFile(started)
		os.Remove(started)
		n := 0
		for _, b := range data {
			if b == '\n' {
				n++
			}
		}
		return n
	}

	plain := filepath.Join(t.TempDir(), "ws")
	os.MkdirAll(plain, 0o755)
	if inGitRepo(git, plain) {
		t.Error("a folder outside any repository is in one")
	}
	if n := starts(); n != 0 {
		t.Errorf("git started %d times for a folder with no .git above it", n)
	}

	repo := t.TempDir()
	if out, err := exec.Command(realGit, "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	sub := filepath.Join(repo, "news", "ws")
	os.MkdirAll(sub, 0o755)
	if !inGitRepo(git, sub) {
		t.Error("a repository's subfolder is in none")
	}
	if n := starts(); n != 1 {
		t.Errorf("git started %d times for a repository's subfolder, want 1", n)
	}

	t.Setenv("GIT_DIR", filepath.Join(repo, ".git"))
	inGitRepo(git, plain)
	if n := starts(); n != 1 {
		t.Errorf("git started %d times with $GIT_DIR set, want 1: git says", n)
	}
}
