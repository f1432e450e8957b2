package pgstore_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tilmash/tilmash/internal/testenv/pgtest"
	"github.com/tilmash/tilmash/internal/tm"
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
		if !errors.As(err, &ce) || !errors.As(err, &pe) || tm.ProblemOf(err) != tm.Unreachable {
			t.Errorf("%s: %T does not unwrap to pgx's error, or is not Unreachable", host, err)
		}
	}
}

// proxy forwards connections from a port of its own to addr until cut
// is called, which closes the port and every connection through it: a
// server that went away in the middle of a session.
func proxy(t *testing.T, addr string) (port string, cut func()) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", addr)
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, c, s)
			mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	cut = func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	}
	t.Cleanup(cut)
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port), cut
}

// TestBrokenSessionSaysItOnce: a server that goes away after the memory
// was opened (a restart, a network cut in the middle of a command) gave
// pgx's error as it is: a line per address and attempt, each naming the
// address, joined into the message tilmash printed. It is one line now,
// saying once what each address answered, and still a server problem
// (Unreachable: the hint says to check the server and try again).
func TestBrokenSessionSaysItOnce(t *testing.T) {
	u, _ := pgtest.Schema(t, "tm_broken")
	pu, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	port, cut := proxy(t, pu.Host)
	pu.Host = "localhost:" + port
	q := pu.Query()
	q.Set("connect_timeout", "5")
	pu.RawQuery = q.Encode()
	ctx := context.Background()
	s, err := pgstore.Open(ctx, pu.String(), pgstore.Options{LockWait: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	cut()
	for i := range 2 { // the connection cut, then a new one refused
		_, err := s.Stats(ctx)
		if err == nil {
			t.Fatalf("%d: Stats on a server that went away gave no error", i)
		}
		msg := err.Error()
		t.Logf("%d: %s", i, msg)
		if strings.Contains(msg, "\n") {
			t.Errorf("%d: %q is not one line", i, msg)
		}
		if n := strings.Count(msg, ":"+port); n > 2 {
			t.Errorf("%d: %q names the address %d times", i, msg, n)
		}
		if tm.ProblemOf(err) != tm.Unreachable {
			t.Errorf("%d: %q is not Unreachable", i, msg)
		}
	}
}
