package tm_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

// TestSharedMergedConflict: alice and bob both changed a document; bob
// pulls alice's change, merges it with his own, and runs a tm command. The
// memory holds alice's version, his base is the one before both: a
// conflict, and the memory kept alice's until someone ran tm rebuild, though
// bob's merged version is plainly the newer. Alice's version is in bob's
// git history: he has moved on from it, so his is written.
func TestSharedMergedConflict(t *testing.T) {
	git := testenv.Command(t, "git", "apt-get install git")
	st, err := sqlitestore.Open(filepath.Join(t.TempDir(), "shared.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	alice := storetest.NewMachine(t, st, storetest.NewWorkspace(t, storetest.Docs))
	alice.Update()
	bob := storetest.NewMachine(t, st, alice.WS)
	carol := storetest.NewMachine(t, st, alice.WS) // a copy she will not pull again
	commit := func(msg string) {
		t.Helper()
		for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=bob", "-c", "user.email=bob@example.org", "commit", "-q", "--allow-empty", "-m", msg}} {
			if out, err := exec.Command(git, append([]string{"-C", bob.WS.Root}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
	}
	commit("clone")
	bob.Update()
	alice.Note("prosecutor", 1, "alice")
	alice.Update()
	bob.Note("prosecutor", 2, "bob")
	// Before the pull: a conflict, alice's kept.
	if rep := bob.Update(); rep.Conflicts != 1 || storetest.Notes(t, st, "prosecutor") != "alice||" {
		t.Fatalf("bob's update before the pull: %+v; the memory holds %q", rep, storetest.Notes(t, st, "prosecutor"))
	}
	// git pull: alice's commit, then bob's change merged on top of it.
	bob.Pull(alice.WS, "prosecutor")
	commit("alice's change")
	bob.Note("prosecutor", 2, "bob")
	if rep := bob.Update(); rep.Conflicts != 0 || rep.Read != 1 || storetest.Notes(t, st, "prosecutor") != "alice|bob|" {
		t.Errorf("bob's update after merging alice's change: %+v; the memory holds %q, want the merge", rep, storetest.Notes(t, st, "prosecutor"))
	}
	// Alice, who has not pulled the merge, keeps it.
	if rep := alice.Update(); rep.Newer != 1 || storetest.Notes(t, st, "prosecutor") != "alice|bob|" {
		t.Errorf("alice's update: %+v; the memory holds %q", rep, storetest.Notes(t, st, "prosecutor"))
	}
	// carol, who never pulled, publishes her old copy with tm rebuild:
	// bob's next update finds the memory's version in his past, and
	// writes his again.
	if _, err := carol.Rebuild(context.Background()); err != nil || storetest.Notes(t, st, "prosecutor") != "||" {
		t.Fatalf("carol's rebuild: %v; the memory holds %q", err, storetest.Notes(t, st, "prosecutor"))
	}
	if rep := bob.Update(); rep.Newer != 0 || rep.Read != 1 || storetest.Notes(t, st, "prosecutor") != "alice|bob|" {
		t.Errorf("bob's update after carol published an older version: %+v; the memory holds %q", rep, storetest.Notes(t, st, "prosecutor"))
	}
}
