package pgstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

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
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }
