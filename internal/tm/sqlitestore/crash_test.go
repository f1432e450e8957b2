package sqlitestore_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
)

func unitsOf(source string, n int) []tm.Unit {
	units := make([]tm.Unit, n)
	for i := range units {
		units[i] = tm.Unit{Source: source, Group: i + 1, Variants: []tm.Variant{
			{Lang: "en", Text: fmt.Sprintf("Sentence %d of %s about the budget.", i, source)},
			{Lang: "ru", Text: fmt.Sprintf("Предложение %d из %s о бюджете.", i, source)},
		}}
	}
	return units
}

// TestCrashDuringApply kills a process in the middle of a large Apply and
// checks that the memory is exactly as it was before: no rebuild needed.
func TestCrashDuringApply(t *testing.T) { crashDuring(t, "TestCrashDuringApply", false) }

// TestCrashDuringRebuild does the same to a rebuild, which writes a new
// file beside the memory: the memory stays as it was, and the next
// rebuild replaces it.
func TestCrashDuringRebuild(t *testing.T) { crashDuring(t, "TestCrashDuringRebuild", true) }

func crashDuring(t *testing.T, name string, reset bool) {
	ctx := context.Background()
	if path := os.Getenv("TM_CRASH_CHILD"); path != "" {
		s, err := sqlitestore.Open(path)
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(1)
		}
		// Replace the old document and add new ones, for ever.
		s.Apply(ctx, reset, func(yield func(tm.Change, error) bool) {
			for d := 0; ; d++ {
				name := fmt.Sprintf("doc/new-%d", d)
				if d == 0 {
					name = "doc/old"
				}
				if !yield(tm.Change{Source: tm.Source{Name: name, Hash: "h"}, Units: unitsOf(name, 500)}, nil) {
					return
				}
				if d == 20 {
					fmt.Println("writing")
				}
			}
		})
		os.Exit(1)
	}
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	s, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/old", Hash: "old", Units: 300}, Units: unitsOf("doc/old", 300)})); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	srcBefore, _ := s.Sources(ctx)
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run", "^"+name+"$")
	cmd.Env = append(os.Environ(), "TM_CRASH_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	cmd.Process.Kill() // SIGKILL: no deferred code, no rollback
	cmd.Wait()
	if strings.TrimSpace(line) != "writing" {
		t.Fatalf("the child said %q", line)
	}

	if _, err := os.Stat(path + ".new"); reset && err != nil {
		t.Errorf("the killed rebuild wrote no new file beside the memory: %v", err)
	}
	s, err = sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, _ := s.Stats(ctx)
	srcAfter, _ := s.Sources(ctx)
	if !reflect.DeepEqual(before, after) || !reflect.DeepEqual(srcBefore, srcAfter) {
		t.Errorf("after the crash: %+v %+v, before: %+v %+v", after, srcAfter, before, srcBefore)
	}
	hits, err := s.Words(ctx, "ru", []string{"бюджет"}, 0, 1000)
	if err != nil || len(hits) != 300 {
		t.Errorf("the index after the crash finds %d units, want 300 (%v)", len(hits), err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("the word index after the crash: %v", err)
	}
	if !reset {
		return
	}
	// The next rebuild is not hindered by what the killed one left.
	if err := s.Apply(ctx, true, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/b", Hash: "b", Units: 7}, Units: unitsOf("doc/b", 7)})); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.Words(ctx, "ru", []string{"бюджет"}, 0, 1000); err != nil || len(hits) != 7 {
		t.Errorf("the rebuilt memory finds %d units, want 7 (%v)", len(hits), err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("the word index after the next rebuild: %v", err)
	}
}
