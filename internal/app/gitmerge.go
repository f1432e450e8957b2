package app

import (
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// GitDriver is the name of tilmash's merge driver in .gitattributes
// (merge=tilmash) and in git's configuration (merge.tilmash.driver).
const GitDriver = "tilmash"

// gitDriverCommand is what git runs (with sh) to merge a file of the
// driver: the base, ours (where the result goes) and theirs, and the
// file's path in the repository. When git cannot find tilmash on its PATH
// (a git GUI often has a PATH of its own), a driver that is not found
// left the file as ours, without a conflict marker, though git said it
// conflicted: git add then dropped the other side's work without a word.
// So without tilmash the command is git's own text merge, with markers,
// which align finishes as it did before the driver.
const gitDriverCommand = "if command -v tilmash >/dev/null 2>&1; then tilmash git merge-driver %O %A %B %P; " +
	"else git merge-file -L ours -L base -L theirs %A %O %B; fi"

// GitSetup readies the git repository that holds ws for merges of its
// documents: .gitattributes names the driver for alignment.yaml and
// meta.yaml, and the repository's own configuration (.git/config, which a
// clone does not copy) says what the driver runs. It refuses when git is
// missing or ws is not in a git repository.
func (app *App) GitSetup(ws *workspace.Workspace) error {
	if err := addLines(ws, ".gitattributes", gitattributes); err != nil {
		return err
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return locale.NewError("git.missing", nil).WithHint("git.missing.hint")
	}
	if !inGitRepo(git, ws.Root) {
		return locale.NewError("git.not-repo", map[string]any{"Root": ws.Root}).WithHint("git.not-repo.hint")
	}
	return configureDriver(git, ws.Root)
}

// inGitRepo says whether dir is in a git work tree. A folder with no
// .git in it or above it is in none, unless $GIT_DIR or $GIT_WORK_TREE
// says where one is: git is not started to say so (init, in a folder
// outside any repository, no longer runs it).
func inGitRepo(git, dir string) bool {
	if !gitAbove(dir) && os.Getenv("GIT_DIR") == "" && os.Getenv("GIT_WORK_TREE") == "" {
		return false
	}
	out, err := exec.Command(git, "-C", dir, "rev-parse", "--is-inside-work-tree").Output()
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// gitAbove reports whether dir, or a folder above it, holds a .git (the
// folder of a repository, or the file of a worktree or submodule); true
// when dir cannot be made absolute, for git to say.
func gitAbove(dir string) bool {
	d, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	for {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}

// configureDriver sets tilmash's merge driver in the configuration of
// the repository at dir.
func configureDriver(git, dir string) error {
	for _, kv := range [][2]string{
		{"merge." + GitDriver + ".name", "tilmash: alignment.yaml and meta.yaml, offsets and sums worked out from the texts"},
		{"merge." + GitDriver + ".driver", gitDriverCommand},
	} {
		if out, err := exec.Command(git, "-C", dir, "config", "--local", kv[0], kv[1]).CombinedOutput(); err != nil {
			return locale.NewError("git.config-failed", map[string]any{"Error": strings.TrimSpace(string(out))}).WithHint("git.config-failed.hint")
		}
	}
	return nil
}

// GitSetupIfRepo configures the merge driver when ws is in a git
// repository, and does nothing when git is missing or ws is not in one:
// init calls it once the workspace is made, and only warns when it fails
// (the workspace is there; tilmash git setup tries again). It says
// whether it configured the driver.
func (app *App) GitSetupIfRepo(ws *workspace.Workspace) (bool, error) {
	git, err := exec.LookPath("git")
	if err != nil || !inGitRepo(git, ws.Root) {
		return false, nil
	}
	if err := configureDriver(git, ws.Root); err != nil {
		return false, err
	}
	return true, nil
}

// GitMerge is tilmash's git merge driver: it merges base, ours and
// theirs (files git wrote) of the file at repoPath, writes the result to
// ours and returns how many conflicts it left there, with git's markers,
// for a person. The merge is git's own three-way text merge (git
// merge-file, with the base of each conflict); in alignment.yaml and
// meta.yaml, the conflicts that are only in what tilmash works out from
// the texts (spans, sums, sizes), or in lines one side changed, are then
// resolved ([document.MergeDerived]); align works the spans and sums out
// again from the merged texts. addedBoth says that conflicts are left and
// the base is empty: both sides added the file (git's add/add: each clone
// imported and aligned the document), so there was nothing to merge from
// and the whole file is one conflict.
func (app *App) GitMerge(base, ours, theirs, repoPath string) (left int, addedBoth bool, err error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return 0, false, locale.NewError("git.missing", nil).WithHint("git.missing.hint")
	}
	var baseSize int64
	for _, f := range []string{base, ours, theirs} {
		fi, err := os.Stat(f)
		if err != nil {
			return 0, false, err
		}
		if f == base {
			baseSize = fi.Size()
		}
	}
	out, err := exec.Command(git, "merge-file", "-p", "--diff3", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs).Output()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && ee.ExitCode() > 0 && ee.ExitCode() < 128:
		left = ee.ExitCode() // how many conflicts git left
	case err != nil:
		msg := err.Error()
		if ee != nil {
			msg = strings.TrimSpace(string(ee.Stderr))
		}
		return 0, false, locale.NewError("git.merge-failed", map[string]any{"Path": repoPath, "Error": msg}).WithHint("git.merge-failed.hint")
	}
	if name := path.Base(repoPath); left > 0 && (name == document.AlignmentName || name == "meta.yaml") {
		out, left = document.MergeDerived(out)
	}
	// ours is git's own temporary file, read back once the driver exits
	// (non-zero: the merge is left for a person): written in place, not
	// through a temporary file in the work tree a kill would leave behind.
	if err := os.WriteFile(ours, out, 0o644); err != nil {
		return 0, false, err
	}
	return left, left > 0 && baseSize == 0, nil
}
