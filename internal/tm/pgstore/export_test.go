package pgstore

import "github.com/tilmash/tilmash/internal/tm"

// ProblemOf is the [tm.Problem] that pgx's error err says as [Open] and
// every command of a [Store] return it, for the tests.
func ProblemOf(err error) tm.Problem { return tm.ProblemOf(storeError(err)) }
