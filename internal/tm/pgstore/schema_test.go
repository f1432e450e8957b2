package pgstore_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv/pgtest"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
)

// TestOpenRefusesAMissingSchema: a memory name mistyped in search_path
// (?search_path=busines,public) named a schema the server skips without a
// word, so the memory was opened, or made, in public: another desk's
// memory, or a new one in the default schema. Open now refuses it as a
// NoSchema problem naming the schema, and makes nothing.
func TestOpenRefusesAMissingSchema(t *testing.T) {
	u, err := url.Parse(pgtest.URL(t, "tm_schema"))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	real, _, _ := strings.Cut(q.Get("search_path"), ",")
	missing := real + "_missing"
	q.Set("search_path", missing+",public")
	u.RawQuery = q.Encode()
	s, err := pgstore.Open(context.Background(), u.String(), pgstore.Options{})
	if err == nil {
		s.Close()
		t.Fatalf("opened a memory in search_path %s, whose first schema does not exist", q.Get("search_path"))
	}
	if tm.ProblemOf(err) != tm.NoSchema || !strings.Contains(err.Error(), `"`+missing+`"`) {
		t.Errorf("Open = %v (problem %d), want a NoSchema problem naming %s", err, tm.ProblemOf(err), missing)
	}

	// The schema that exists, quoted or in another case, still opens.
	for _, sp := range []string{real + ",public", strings.ToUpper(real) + ",public", `"` + real + `",public`} {
		q.Set("search_path", sp)
		u.RawQuery = q.Encode()
		s, err := pgstore.Open(context.Background(), u.String(), pgstore.Options{})
		if err != nil {
			t.Errorf("search_path %s: %v", sp, err)
			continue
		}
		s.Close()
	}
}

// TestOpenMakesItsOwnMemoryBeforeAnotherInThePath: a desk's new schema
// ahead of another memory in its search_path (business,public with a
// memory in public) was taken for ready, since the tables were looked up
// through the whole path: the desk read and wrote the other memory. Open
// now makes the tables in the first schema.
func TestOpenMakesItsOwnMemoryBeforeAnotherInThePath(t *testing.T) {
	ctx := context.Background()
	other, conn := pgtest.Schema(t, "tm_other")
	s, err := pgstore.Open(ctx, other, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ou, _ := url.Parse(other)
	otherSchema, _, _ := strings.Cut(ou.Query().Get("search_path"), ",")

	u, _ := url.Parse(pgtest.URL(t, "tm_desk"))
	q := u.Query()
	desk, _, _ := strings.Cut(q.Get("search_path"), ",")
	q.Set("search_path", desk+","+otherSchema+",public")
	u.RawQuery = q.Encode()
	s, err = pgstore.Open(ctx, u.String(), pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'tm\_%'`, desk).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("schema %s ahead of a memory in %s has %d of the memory's 4 tables after Open", desk, otherSchema, n)
	}
}

// TestOpenNamesTrgmOutsideThePath: a search_path that leaves out the
// schema the database's pg_trgm is in (a tool writing a form's space as
// "+", ?search_path=desk,+public, which a postgres:// address reads as a
// schema "+public" that the server skips) made the first Open fail with
// "operator class gin_trgm_ops does not exist", and an existing memory's
// searches with "operator does not exist": neither names the cause. Open
// now refuses both as an ExtensionOutOfPath problem naming the schema, and
// makes nothing.
func TestOpenNamesTrgmOutsideThePath(t *testing.T) {
	ctx := context.Background()
	good, conn := pgtest.Schema(t, "tm_trgmpath")
	s, err := pgstore.Open(ctx, good, pgstore.Options{}) // makes pg_trgm when the database lacks it
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var ext string
	if err := conn.QueryRow(ctx, `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`).Scan(&ext); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"tm_trgmpath_new", "tm_trgmpath"} {
		raw := good
		if prefix != "tm_trgmpath" {
			raw = pgtest.URL(t, prefix)
		}
		u, _ := url.Parse(raw)
		q := u.Query()
		first, _, _ := strings.Cut(q.Get("search_path"), ",")
		q.Set("search_path", first+",+"+ext)
		u.RawQuery = q.Encode()
		s, err := pgstore.Open(ctx, u.String(), pgstore.Options{})
		if err == nil {
			s.Close()
			t.Errorf("%s: opened a memory with search_path %s, which leaves out %s", prefix, q.Get("search_path"), ext)
			continue
		}
		var se *tm.StoreError
		if !errors.As(err, &se) || se.Problem != tm.ExtensionOutOfPath || se.Schema != ext {
			t.Errorf("%s: Open = %v, want an ExtensionOutOfPath problem naming %s", prefix, err, ext)
		}
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'tm\_%'`, first).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{true: 0, false: 4}[prefix != "tm_trgmpath"]; n != want {
			t.Errorf("%s: %d tables in %s after the refused Open, want %d", prefix, n, first, want)
		}
	}
}
