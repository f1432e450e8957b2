package pgstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

// EnvURL names the environment variable holding the URL of a PostgreSQL
// database the tests may use (.ci/run starts one and sets it).
const EnvURL = "TILMASH_TEST_POSTGRES"

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
	defer conn.Close(ctx)
	schema := fmt.Sprintf("tm_test_%d", rand.Uint64())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	s, err := pgstore.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return u.String(), s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestOpenWhileAnotherWrites: a translator's command opens the memory
// while another's update holds its transaction open. Open ran the
// schema's CREATE INDEX IF NOT EXISTS, whose SHARE lock waits for every
// writer: each command stalled behind the others' updates, and timed out
// ("cannot open the translation memory") behind a long one.
func TestOpenWhileAnotherWrites(t *testing.T) {
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
	s, err := pgstore.Open(octx, url)
	if err != nil {
		t.Fatalf("open while another translator's update is under way: %v", err)
	}
	defer s.Close()
	if _, err := s.Sources(octx); err != nil {
		t.Fatal(err)
	}
}
