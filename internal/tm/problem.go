package tm

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Problem is what kept a store from the memory, as far as a person can
// act on it: the hint they are given depends on it. A store says it by
// returning a [*StoreError]; [ProblemOf] reads it, so that the
// application layer gives its hints without knowing the store's driver.
type Problem int

const (
	OtherProblem       Problem = iota // nothing a person can act on, or not known
	Unreachable                       // no server answered (not running, wrong host or port, a firewall, a timeout), or it went away
	AuthFailed                        // the server refused the user or the password
	NoDatabase                        // the server has no such database
	NoExtension                       // the database lacks an extension the store needs (pg_trgm) and the user may not create it
	Denied                            // the user may not create the memory's tables
	NoSchema                          // the schema search_path names first for the memory does not exist
	ExtensionOutOfPath                // the database has pg_trgm in a schema search_path leaves out ([StoreError.Schema])
)

// StoreError is an error of a store that says what kept it from the
// memory. It reads as, and unwraps to, the store's own error.
type StoreError struct {
	Problem Problem
	Err     error
	// Schema is the schema the problem is about where the store knows
	// one the address does not show: for ExtensionOutOfPath, the
	// extension's.
	Schema string
}

func (e *StoreError) Error() string { return e.Err.Error() }
func (e *StoreError) Unwrap() error { return e.Err }

// FirstSchema is the schema a PostgreSQL search_path (as a URL's
// ?search_path= gives it) names first, as the server reads the name: a
// quoted one as written, any other in lower case; "" when there is none
// or it is "$user".
func FirstSchema(searchPath string) string {
	first, _, _ := strings.Cut(searchPath, ",")
	first = strings.TrimSpace(first)
	if len(first) >= 2 && first[0] == '"' && first[len(first)-1] == '"' {
		return strings.ReplaceAll(first[1:len(first)-1], `""`, `"`)
	}
	if first == "$user" {
		return ""
	}
	return strings.ToLower(first)
}

// ProblemOf is the [Problem] of the first [*StoreError] err holds;
// [OtherProblem] when it holds none.
func ProblemOf(err error) Problem {
	var se *StoreError
	if errors.As(err, &se) {
		return se.Problem
	}
	return OtherProblem
}

// BusyError is the error of an update of a memory that other workspaces
// update too ([SharedStore]) when another session held the memory for
// longer than the store was told to wait: who holds it, as far as the
// store can tell.
type BusyError struct {
	PID   int       // the holder's process on the server (0 when unknown)
	Name  string    // its application name, or its client address
	Since time.Time // when its transaction began (zero when unknown)
	Wait  time.Duration
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another session (%s, server process %d) is updating the memory; not free within %s", e.Name, e.PID, e.Wait)
}
