package pgstore_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tilmash/tilmash/internal/tm/pgstore"
)

// TestConnectErrorSaysItOnce: with no server on the port, pgx's error
// joined one line per attempt (each address, with and without TLS), so
// "connection refused" came two or four times, each line naming the
// address twice. The error now says each reason once, with the addresses
// that gave it, and still unwraps to pgx's error.
func TestConnectErrorSaysItOnce(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close() // a port nothing listens on now
	for _, host := range []string{"127.0.0.1", "localhost"} {
		_, err := pgstore.Open(context.Background(), "postgres://newsroom@"+host+":"+port+"/tilmash?connect_timeout=5", pgstore.Options{})
		if err == nil {
			t.Fatalf("%s: opened a memory on a closed port", host)
		}
		msg := err.Error()
		if n := strings.Count(msg, "connection refused"); n != 1 {
			t.Errorf("%s: %q says connection refused %d times", host, msg, n)
		}
		if !strings.Contains(msg, ":"+port+": connection refused") || !strings.Contains(msg, "user=newsroom database=tilmash") {
			t.Errorf("%s: %q does not name the address and the database", host, msg)
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: %q is not one line", host, msg)
		}
		var ce *pgstore.ConnectError
		var pe *pgconn.ConnectError
		if !errors.As(err, &ce) || !errors.As(err, &pe) || pgstore.ProblemOf(err) != pgstore.Unreachable {
			t.Errorf("%s: %T does not unwrap to pgx's error, or is not Unreachable", host, err)
		}
	}
}
