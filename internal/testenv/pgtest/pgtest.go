// Package pgtest gives a test a PostgreSQL schema of its own in the database the tests may use,
// for the shared translation memory's tests (pgstore, the tm commands, serve's concordance).
package pgtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
)

// EnvURL names the environment variable that holds the URL of a PostgreSQL database with pg_trgm
// the tests may use (.ci/run starts a server and sets it).
const EnvURL = "TILMASH_TEST_POSTGRES"

// Schema creates a schema named PREFIX_RANDOM in the database EnvURL names, dropped when the test
// ends, and returns a URL whose search_path is that schema, then public (where pg_trgm lives), and
// a connection to the database for the test's own statements, closed when the test ends, whose
// search path is the schema too (so [HoldUpdates] on it holds that memory). Without
// EnvURL the test is skipped with one loud line.
func Schema(t testing.TB, prefix string) (string, *pgx.Conn) {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		testenv.Missing(t, "a PostgreSQL server ($"+EnvURL+")",
			"apt-get install postgresql postgresql-contrib, start it, create a database with pg_trgm and set "+EnvURL+"=postgres://user:pass@127.0.0.1/db")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	schema := fmt.Sprintf("%s_%d", prefix, rand.Uint64())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		conn.Close(ctx)
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "SET search_path TO "+schema+", public"); err != nil {
		conn.Close(ctx)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// A fresh connection: the test may have left conn in a failed transaction.
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
		conn.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String(), conn
}

// HoldUpdates begins a transaction on conn that holds the update lock (pgstore.LockApply) of the
// memory conn's search path reaches, as another translator's update under way does. release ends it; the end of
// the test does, if release was not called.
func HoldUpdates(t testing.TB, conn *pgx.Conn) (release func()) {
	t.Helper()
	ctx := context.Background()
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	release = func() { tx.Rollback(ctx) }
	t.Cleanup(release)
	if err := pgstore.LockApply(ctx, tx); err != nil {
		t.Fatal(err)
	}
	return release
}
