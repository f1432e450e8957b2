// Package pgtest gives a test a PostgreSQL schema of its own in the database the tests may use,
// for the shared translation memory's tests (pgstore, the tm commands, serve's concordance).
package pgtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
)

// EnvURL names the environment variable that holds the URL of a PostgreSQL database with pg_trgm
// the tests may use (.ci/run starts a server and sets it).
const EnvURL = "TILMASH_TEST_POSTGRES"

// admin is the one connection of the test binary that creates and drops the tests' schemas.
// A connection costs the server a process and the client and server a password exchange (and a
// TLS handshake when the server offers TLS): a tenth of a second on a busy machine, which a
// connection of its own for each test's CREATE SCHEMA and another for its DROP SCHEMA cost
// every test.
var admin struct {
	sync.Mutex
	conn *pgx.Conn
}

// adminExec runs statement sql on the admin connection to the database at base, connecting
// when needed, and again once if the connection broke (the server restarted between tests).
func adminExec(ctx context.Context, base, sql string) error {
	admin.Lock()
	defer admin.Unlock()
	err := adminExecLocked(ctx, base, sql)
	if err != nil && admin.conn != nil && admin.conn.IsClosed() {
		err = adminExecLocked(ctx, base, sql)
	}
	return err
}

// adminExecLocked is adminExec's one attempt, with admin held.
func adminExecLocked(ctx context.Context, base, sql string) error {
	if admin.conn == nil || admin.conn.IsClosed() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		// A schema whose objects a test left locked fails its DROP instead of stopping
		// every other test's CREATE SCHEMA behind it.
		if _, err := conn.Exec(ctx, "SET lock_timeout = '20s'"); err != nil {
			conn.Close(ctx)
			return err
		}
		admin.conn = conn
	}
	_, err := admin.conn.Exec(ctx, sql)
	return err
}

// URL creates a schema named PREFIX_RANDOM in the database EnvURL names, dropped when the test
// ends, and returns a URL whose search_path is that schema, then public (where pg_trgm lives).
// Without EnvURL the test is skipped with one loud line.
func URL(t testing.TB, prefix string) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		testenv.Missing(t, "a PostgreSQL server ($"+EnvURL+")",
			"apt-get install postgresql postgresql-contrib, start it, create a database with pg_trgm and set "+EnvURL+"=postgres://user:pass@127.0.0.1/db")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	ctx := context.Background()
	schema := fmt.Sprintf("%s_%d", prefix, rand.Uint64())
	if err := adminExec(ctx, base, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	t.Cleanup(func() {
		if err := adminExec(ctx, base, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("pgtest: schema %s left in the test database: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// Schema is [URL] with a connection to the database for the test's own statements, closed when
// the test ends (before the schema is dropped), whose search path is the schema too (so
// [HoldUpdates] on it holds that memory).
func Schema(t testing.TB, prefix string) (string, *pgx.Conn) {
	t.Helper()
	u := URL(t, prefix)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return u, conn
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
