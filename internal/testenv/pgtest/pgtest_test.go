package pgtest

import (
	"context"
	"testing"
)

// TestSchemaAfterTheConnectionBroke: the test binary's one connection for
// the schemas goes away between tests (the server restarted, an
// administrator ended the session): the next test still gets its schema,
// on a new connection, instead of failing on the broken one.
func TestSchemaAfterTheConnectionBroke(t *testing.T) {
	_, conn := Schema(t, "pgtest")
	admin.Lock()
	pid := admin.conn.PgConn().PID()
	admin.Unlock()
	ctx := context.Background()
	var ended bool
	if err := conn.QueryRow(ctx, "SELECT pg_terminate_backend($1, 5000)", pid).Scan(&ended); err != nil || !ended {
		t.Fatalf("ending the schemas' connection: %v %v", ended, err)
	}
	u := URL(t, "pgtest")
	if u == "" {
		t.Fatal("no URL")
	}
	admin.Lock()
	defer admin.Unlock()
	if admin.conn.PgConn().PID() == pid {
		t.Errorf("the schema was made on the ended connection %d", pid)
	}
}
