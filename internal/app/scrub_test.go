package app

import (
	"net/url"
	"testing"
)

// TestScrub: the password is taken out of a driver's message, but not
// where it is a name the address printed beside the message shows
// anyway: a role whose password is its name (a test server's
// tilmash_ci) read "failed to connect to user=xxxxx database=xxxxx".
func TestScrub(t *testing.T) {
	for _, c := range []struct{ raw, password, msg, want string }{
		{"postgres://newsroom@db.example.org/tilmash", "s3cret",
			"failed to connect to user=newsroom database=tilmash: password s3cret refused",
			"failed to connect to user=newsroom database=tilmash: password xxxxx refused"},
		{"postgres://newsroom:s3cret@db.example.org/tilmash", "",
			"auth s3cret", "auth xxxxx"},
		{"postgres://tilmash_ci@127.0.0.1:5439/tilmash_ci", "tilmash_ci",
			"failed to connect to user=tilmash_ci database=tilmash_ci at 127.0.0.1:5439: connection refused",
			"failed to connect to user=tilmash_ci database=tilmash_ci at 127.0.0.1:5439: connection refused"},
	} {
		u, err := url.Parse(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := scrub(c.msg, c.password, u, redact(c.raw)); got != c.want {
			t.Errorf("scrub(%q) with %s = %q, want %q", c.msg, c.raw, got, c.want)
		}
	}
}
