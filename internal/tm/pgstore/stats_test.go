package pgstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/testenv/pgtest"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
)

// TestStatsOneSnapshot: tm stats counted units, documents and texts in
// three statements, so another machine's update committed between them
// gave figures of two memories (17 units of three documents, the third
// one's units not counted). Another session here writes a document and
// its unit and commits while Stats waits between its statements (on a
// lock the session holds on tm_source): the figures must be all before.
func TestStatsOneSnapshot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	u, conn := pgtest.Schema(t, "tm_stats")
	s, err := pgstore.Open(ctx, u, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	for _, q := range []string{
		`LOCK TABLE tm_source IN ACCESS EXCLUSIVE MODE`,
		`INSERT INTO tm_unit(id, source, grp, confirmed, time, note) VALUES (1, 'doc/x', 1, true, 0, '')`,
		`INSERT INTO tm_source(name, hash, stamp, time, units) VALUES ('doc/x', 'h', 's', 0, 1)`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	type result struct {
		st  tm.Stats
		err error
	}
	done := make(chan result, 1)
	go func() {
		st, err := s.Stats(ctx)
		done <- result{st, err}
	}()
	// Wait (on the state, not a clock) until Stats is blocked on the
	// lock: it has counted the units.
	for waiting := 0; waiting == 0; {
		err := tx.QueryRow(ctx, `SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'tm_source'::regclass`).Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case r := <-done:
			t.Fatalf("Stats returned %+v, %v without waiting for the lock on tm_source", r.st, r.err)
		default:
		}
		if waiting == 0 {
			time.Sleep(5 * time.Millisecond)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.st.Units != 0 || r.st.Confirmed != 0 || r.st.Documents != 0 {
		t.Errorf("Stats = %d units (%d confirmed) of %d documents, want the memory before the other session's commit: 0, 0, 0", r.st.Units, r.st.Confirmed, r.st.Documents)
	}
}
