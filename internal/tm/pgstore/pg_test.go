package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tilmash/tilmash/internal/testenv/pgtest"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

// open gives each test a schema of its own in the test database, dropped
// at the end.
func open(t *testing.T) tm.Store {
	t.Helper()
	_, s := openURL(t)
	return s
}

// openURL is open, with the URL that reaches the test's schema.
func openURL(t *testing.T) (string, *pgstore.Store) {
	t.Helper()
	u := pgtest.URL(t, "tm_test")
	ctx := context.Background()
	s, err := pgstore.Open(ctx, u, pgstore.Options{LockWait: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return u, s
}

func TestStore(t *testing.T) {
	t.Parallel()
	storetest.Run(t, open)
}

// TestOpenWhileAnotherWrites: a translator's command opens the memory
// while another's update holds its transaction open. Open ran the
// schema's CREATE INDEX IF NOT EXISTS, whose SHARE lock waits for every
// writer: each command stalled behind the others' updates, and timed out
// ("cannot open the translation memory") behind a long one.
func TestOpenWhileAnotherWrites(t *testing.T) {
	t.Parallel()
	url, _ := openURL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `LOCK TABLE tm_unit, tm_text, tm_source IN ROW EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	octx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	s, err := pgstore.Open(octx, url, pgstore.Options{})
	if err != nil {
		t.Fatalf("open while another translator's update is under way: %v", err)
	}
	defer s.Close()
	if _, err := s.Sources(octx); err != nil {
		t.Fatal(err)
	}
}

// TestReadDuringRebuild: while one translator's tm rebuild is writing the
// new memory, another's look-up reads the old one at once. A rebuild
// emptied the tables with TRUNCATE, whose ACCESS EXCLUSIVE lock made every
// reader wait for the whole rebuild.
func TestReadDuringRebuild(t *testing.T) {
	t.Parallel()
	url, s := openURL(t)
	ctx := context.Background()
	unit := func(src, text string) tm.Unit {
		return tm.Unit{Source: src, Group: 1, Confirmed: true, Time: time.Unix(1, 0),
			Variants: []tm.Variant{{Lang: "en", Text: text}, {Lang: "ru", Text: "перевод " + text}}}
	}
	change := func(name, text string) tm.Change {
		return tm.Change{Source: tm.Source{Name: name, Hash: name, Stamp: name, Units: 1}, Units: []tm.Unit{unit(name, text)}}
	}
	old := "The prosecutor opened an inquiry into the prison."
	if err := s.Apply(ctx, false, func(yield func(tm.Change, error) bool) {
		yield(change("doc/old", old), nil)
	}); err != nil {
		t.Fatal(err)
	}
	reader, err := pgstore.Open(ctx, url, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var seen []tm.Unit
	var readErr error
	err = s.Apply(ctx, true, func(yield func(tm.Change, error) bool) {
		if !yield(change("doc/new", "A new article about the weather."), nil) {
			return
		}
		// The rebuild is under way: another translator looks up.
		rctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		seen, readErr = reader.Similar(rctx, "en", old, 5)
	})
	if err != nil {
		t.Fatal(err)
	}
	if readErr != nil {
		t.Fatalf("a look-up during a rebuild: %v", readErr)
	}
	if len(seen) != 1 || seen[0].Source != "doc/old" {
		t.Errorf("a look-up during a rebuild found %+v, want the old memory's doc/old", seen)
	}
	srcs, err := reader.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || srcs[0].Name != "doc/new" {
		t.Errorf("after the rebuild the sources are %+v, want doc/new alone", srcs)
	}
}

// TestProblemOf: what kept Open from the memory decides the hint a person
// gets; an error tilmash wrote in English ("the database has no pg_trgm
// extension...") ended up in the Russian and Kazakh messages.
func TestProblemOf(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, c := range []struct {
		err  error
		want tm.Problem
	}{
		{&pgconn.PgError{Code: "28P01"}, tm.AuthFailed},
		{fmt.Errorf("connect: %w", &pgconn.PgError{Code: "3D000"}), tm.NoDatabase},
		{&pgconn.PgError{Code: "42501", Message: "permission denied for schema public"}, tm.Denied},
		{&pgconn.PgError{Code: "57P03"}, tm.Unreachable},
		{fmt.Errorf("timeout: %w", context.DeadlineExceeded), tm.Unreachable},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, tm.Unreachable},
		{fmt.Errorf("query: %w", io.ErrUnexpectedEOF), tm.Unreachable}, // the server died under a look-up
		{&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, tm.Unreachable},
		{errors.New("something else"), tm.OtherProblem},
	} {
		if got := pgstore.ProblemOf(c.err); got != c.want {
			t.Errorf("ProblemOf(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	// No server on the port: a real refusal, without PostgreSQL.
	_, err := pgstore.Open(ctx, "postgres://newsroom:x@127.0.0.1:1/tilmash?connect_timeout=2", pgstore.Options{})
	if p := tm.ProblemOf(err); p != tm.Unreachable {
		t.Errorf("no server: ProblemOf(%v) = %d, want Unreachable", err, p)
	}
	base := os.Getenv(pgtest.EnvURL)
	if base == "" {
		return
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	wrong := *u
	wrong.User = url.UserPassword(u.User.Username(), "not-the-password")
	_, err = pgstore.Open(ctx, wrong.String(), pgstore.Options{})
	if p := tm.ProblemOf(err); p != tm.AuthFailed {
		t.Errorf("wrong password: ProblemOf(%v) = %d, want Auth", err, p)
	}
	nodb := *u
	nodb.Path = "/tilmash_no_such_database"
	_, err = pgstore.Open(ctx, nodb.String(), pgstore.Options{})
	if p := tm.ProblemOf(err); p != tm.NoDatabase {
		t.Errorf("no database: ProblemOf(%v) = %d, want NoDatabase", err, p)
	}
}

// TestApplyWhileAnotherHoldsTheMemory: another translator's update holds
// the memory (their computer went to sleep in the middle of it). An Apply
// waited for it without end, and every tm command of everyone else hung
// with no word; it now waits LockWait, then fails with a BusyError that
// names the holder, and changes nothing.
func TestApplyWhileAnotherHoldsTheMemory(t *testing.T) {
	t.Parallel()
	url, _ := openURL(t)
	ctx := context.Background()
	holder, err := pgstore.Open(ctx, url, pgstore.Options{LockWait: time.Second, Name: "tilmash@sleeping-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	waiter, err := pgstore.Open(ctx, url, pgstore.Options{LockWait: 300 * time.Millisecond, Name: "tilmash@desk"})
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()
	change := tm.Change{Source: tm.Source{Name: "doc/x", Hash: "h", Stamp: "s", Units: 1},
		Units: []tm.Unit{{Source: "doc/x", Group: 1, Time: time.Unix(1, 0), Variants: []tm.Variant{{Lang: "en", Text: "x"}}}}}
	var busy *tm.BusyError
	start := time.Now()
	err = holder.Apply(ctx, false, func(yield func(tm.Change, error) bool) {
		// In the middle of the holder's update, the other one's.
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		werr := waiter.Apply(wctx, false, tm.Changes(change))
		if !errors.As(werr, &busy) {
			t.Errorf("Apply while another holds the memory = %v, want a BusyError", werr)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("the waiting Apply took %s", waited)
	}
	if busy != nil && (busy.Name != "tilmash@sleeping-laptop" || busy.PID == 0 || busy.Since.IsZero()) {
		t.Errorf("the BusyError does not name the holder: %+v", busy)
	}
	if srcs, err := waiter.Sources(ctx); err != nil || len(srcs) != 0 {
		t.Errorf("after the refused Apply: sources %v %v, want none", srcs, err)
	}
	// Once the holder is done, the same Apply goes through.
	if err := waiter.Apply(ctx, false, tm.Changes(change)); err != nil {
		t.Fatal(err)
	}
}

// TestSharedUpdatesAtOnce: two translators' updates at once. Bob's update
// read the memory's sources before it waited for the lock alice's update
// held, and decided on what it had read: alice's newer version of a
// document bob had changed too was overwritten by bob's, without a word.
// The decision is now made under the lock, on what alice wrote: a
// conflict; the memory keeps alice's, and bob is told.
func TestSharedUpdatesAtOnce(t *testing.T) {
	t.Parallel()
	_, st := openURL(t)
	ctx := context.Background()
	alice := storetest.NewMachine(t, st, storetest.NewWorkspace(t, storetest.Docs))
	alice.Update()
	bob := storetest.NewMachine(t, st, alice.WS)
	bob.Update()
	bob.Note("prosecutor", 1, "bob")
	alice.Note("prosecutor", 1, "alice")
	var rep tm.UpdateReport
	var bobErr error
	done := make(chan struct{})
	// In the middle of alice's update, holding the lock, bob's starts.
	bobWaits := waiting(bob, st)
	alice.Store = &midway{Store: st, during: func() {
		go func() {
			defer close(done)
			rep, bobErr = bob.Memory.Update(ctx)
		}()
		bobWaits(done) // what bob reads before waiting, he has read
	}}
	if arep := alice.Update(); arep.Read != 1 {
		t.Fatalf("alice's update: %+v", arep)
	}
	<-done
	if bobErr != nil {
		t.Fatal(bobErr)
	}
	if notes := storetest.Notes(t, st, "prosecutor"); rep.Read != 0 || rep.Conflicts != 1 || notes != "alice||" {
		t.Errorf("bob's update while alice's was under way: %+v; the memory holds %q, want alice's and a conflict", rep, notes)
	}
}

// TestSharedImportsAtOnce: two translators import their OmegaT
// project_save.tmx under the same name at once. Bob's import checked that
// no other machine had the name before it waited for the lock alice's
// import held, so it replaced alice's import once she was done. The check
// is now made under the lock, on what alice wrote: bob is refused, and
// alice's import stays.
func TestSharedImportsAtOnce(t *testing.T) {
	t.Parallel()
	_, st := openURL(t)
	ctx := context.Background()
	save := func(text string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>` + text + `</seg></tuv><tuv xml:lang="ru"><seg>Мажилис принял закон.</seg></tuv></tu></body></tmx>`
	}
	alice := storetest.NewMachine(t, st, nil)
	bob := storetest.NewMachine(t, st, nil)
	var bobErr error
	done := make(chan struct{})
	bobWaits := waiting(bob, st)
	alice.Store = &midway{Store: st, during: func() {
		go func() {
			defer close(done)
			_, bobErr = bob.Memory.ImportTMX(ctx, strings.NewReader(save("Bob's law.")), "project_save.tmx", "project_save")
		}()
		bobWaits(done) // what bob checks before waiting, he has checked
	}}
	if _, err := alice.Memory.ImportTMX(ctx, strings.NewReader(save("Alice's law.")), "project_save.tmx", "project_save"); err != nil {
		t.Fatal(err)
	}
	<-done
	var taken *tm.TakenError
	if !errors.As(bobErr, &taken) {
		t.Errorf("bob's import of the name alice's import was taking: %v, want a TakenError", bobErr)
	}
	if hits, err := alice.Search(ctx, tm.Query{Text: "Alice"}); err != nil || len(hits) != 1 {
		t.Errorf("alice's import after bob's: %d hits %v, want it kept", len(hits), err)
	}
	if _, err := os.Stat(bob.WS.Path(tm.Folder, tm.ImportsFolder, "project_save.tmx")); err == nil {
		t.Errorf("bob's refused import left a kept copy, which a rebuild would read")
	}
}

// midway is a store that calls during in the middle of each update, while
// it holds the lock.
type midway struct {
	*pgstore.Store
	during func()
}

func (m *midway) Apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) error {
	return m.Store.Apply(ctx, reset, func(yield func(tm.Change, error) bool) {
		m.during()
		for c, err := range changes {
			if !yield(c, err) {
				return
			}
		}
	})
}

func (m *midway) ApplyPlanned(ctx context.Context, plan func(tm.Current) (iter.Seq2[tm.Change, error], error)) error {
	return m.Store.ApplyPlanned(ctx, func(cur tm.Current) (iter.Seq2[tm.Change, error], error) {
		m.during()
		return plan(cur)
	})
}

// waiting gives m the store st through one that tells when m's memory
// asks it to write (Apply or ApplyPlanned, which wait for the update
// lock): everything m read before it waits for the lock, it has read
// then. The function it returns blocks until that moment, or until done
// is closed (m's command ended without writing). It replaced a sleep of
// 700ms that only made the order likely.
func waiting(m *storetest.Machine, st *pgstore.Store) func(done <-chan struct{}) {
	w := &writing{Store: st, start: make(chan struct{})}
	m.Store = w
	return func(done <-chan struct{}) {
		select {
		case <-w.start:
		case <-done:
		}
	}
}

// writing is a store that closes start when it is first asked to write.
type writing struct {
	*pgstore.Store
	once  sync.Once
	start chan struct{}
}

func (w *writing) Apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) error {
	w.once.Do(func() { close(w.start) })
	return w.Store.Apply(ctx, reset, changes)
}

func (w *writing) ApplyPlanned(ctx context.Context, plan func(tm.Current) (iter.Seq2[tm.Change, error], error)) error {
	w.once.Do(func() { close(w.start) })
	return w.Store.ApplyPlanned(ctx, plan)
}

// TestSharedUpdateNothingToWrite: another translator's update holds the
// memory (a long rebuild); this workspace has nothing to publish. Its
// update (before every tm search) must not wait for the lock: it reads the
// memory as it is, finds nothing to write, and takes no lock.
func TestSharedUpdateNothingToWrite(t *testing.T) {
	t.Parallel()
	url, st := openURL(t)
	ctx := context.Background()
	alice := storetest.NewMachine(t, st, storetest.NewWorkspace(t, storetest.Docs))
	alice.Update()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	release := pgtest.HoldUpdates(t, conn)
	defer release()
	uctx, cancel := context.WithTimeout(ctx, 3*time.Second) // the store waits 10 s for the lock
	defer cancel()
	if rep, err := alice.Memory.Update(uctx); err != nil || rep.Unchanged != 2 {
		t.Errorf("an update with nothing to write while another holds the memory: %+v %v", rep, err)
	}
}

// TestMemoryIdentity: each workspace's bases (tm-shared.json) are of one
// memory, named by its identity: the same across opens, given to a memory
// made by an earlier tilmash (no tm_meta table) when opened, and a new one
// when the memory's rows were deleted by hand.
func TestMemoryIdentity(t *testing.T) {
	t.Parallel()
	url, st := openURL(t)
	ctx := context.Background()
	first, err := st.Current(ctx)
	if err != nil || first.ID == "" {
		t.Fatalf("identity of a new memory: %+v %v", first, err)
	}
	again, err := pgstore.Open(ctx, url, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if cur, err := again.Current(ctx); err != nil || cur.ID != first.ID {
		t.Errorf("identity after another open: %q %v, want %q", cur.ID, err, first.ID)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `DELETE FROM tm_meta`); err != nil {
		t.Fatal(err)
	}
	if cur, err := again.Current(ctx); err != nil || cur.ID == "" || cur.ID == first.ID {
		t.Errorf("identity after the rows went: %q %v, want a new one", cur.ID, err)
	}
	if _, err := conn.Exec(ctx, `DROP TABLE tm_meta`); err != nil {
		t.Fatal(err)
	}
	old, err := pgstore.Open(ctx, url, pgstore.Options{})
	if err != nil {
		t.Fatalf("open of a memory an earlier tilmash made: %v", err)
	}
	defer old.Close()
	if cur, err := old.Current(ctx); err != nil || cur.ID == "" {
		t.Errorf("identity of a memory an earlier tilmash made: %q %v", cur.ID, err)
	}
}

// TestApplyWaitsOnTheServer: an Apply that finds the memory held waits
// in the server for the lock (its session shows in pg_stat_activity
// waiting on an advisory lock), where it asked again every 200ms and took
// the lock up to that much after it was free; and it goes through once the
// holder's transaction ends.
func TestApplyWaitsOnTheServer(t *testing.T) {
	t.Parallel()
	url, conn := pgtest.Schema(t, "tm_test")
	ctx := context.Background()
	name := fmt.Sprintf("tilmash@waiter-%d", time.Now().UnixNano())
	waiter, err := pgstore.Open(ctx, url, pgstore.Options{LockWait: time.Minute, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()
	watch, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close(ctx)
	release := pgtest.HoldUpdates(t, conn)
	change := tm.Change{Source: tm.Source{Name: "doc/x", Hash: "h", Stamp: "s", Units: 1},
		Units: []tm.Unit{{Source: "doc/x", Group: 1, Time: time.Unix(1, 0), Variants: []tm.Variant{{Lang: "en", Text: "x"}}}}}
	done := make(chan error, 1)
	go func() { done <- waiter.Apply(ctx, false, tm.Changes(change)) }()
	for giveUp := time.Now().Add(30 * time.Second); ; {
		var waits bool
		if err := watch.QueryRow(ctx, `SELECT EXISTS (SELECT FROM pg_stat_activity
			WHERE application_name = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory')`, name).Scan(&waits); err != nil {
			t.Fatal(err)
		}
		if waits {
			break
		}
		if time.Now().After(giveUp) {
			t.Fatal("the waiting Apply's session never waited for the lock in the server")
		}
		select {
		case err := <-done:
			t.Fatalf("Apply while the memory is held returned %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	release()
	if err := <-done; err != nil {
		t.Fatalf("Apply once the holder is done: %v", err)
	}
	if srcs, err := waiter.Sources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("sources %v %v, want doc/x", srcs, err)
	}
}

// TestMemoriesInTwoSchemas: a team keeps two memories in two schemas of
// one database (one per desk). The update lock was one for the whole
// database, so an update of one memory made every update of the other
// wait, and fail with a BusyError naming a session that never touched it.
// Each memory now has its own lock; the same memory still waits.
func TestMemoriesInTwoSchemas(t *testing.T) {
	t.Parallel()
	urlA, _ := openURL(t)
	urlB, _ := openURL(t)
	ctx := context.Background()
	opt := pgstore.Options{LockWait: 300 * time.Millisecond}
	holder, err := pgstore.Open(ctx, urlA, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	sameA, err := pgstore.Open(ctx, urlA, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer sameA.Close()
	otherB, err := pgstore.Open(ctx, urlB, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer otherB.Close()
	change := tm.Change{Source: tm.Source{Name: "doc/x", Hash: "h", Stamp: "s", Units: 1},
		Units: []tm.Unit{{Source: "doc/x", Group: 1, Time: time.Unix(1, 0), Variants: []tm.Variant{{Lang: "en", Text: "x"}}}}}
	err = holder.Apply(ctx, false, func(yield func(tm.Change, error) bool) {
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if err := otherB.Apply(wctx, false, tm.Changes(change)); err != nil {
			t.Errorf("Apply to the other schema's memory while one holds this one: %v", err)
		}
		var busy *tm.BusyError
		if err := sameA.Apply(wctx, false, tm.Changes(change)); !errors.As(err, &busy) {
			t.Errorf("Apply to the held memory = %v, want a BusyError", err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if srcs, err := otherB.Sources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("the other memory's sources: %v %v, want doc/x", srcs, err)
	}
}
