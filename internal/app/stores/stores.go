// Package stores gives the application layer the translation memory's
// real stores: the embedded one in a workspace's .tilmash folder (SQLite,
// package sqlitestore) and the shared one on a PostgreSQL server (package
// pgstore). Package app opens a memory only through [app.MemoryStores],
// so that what does not open one links neither database; cmd/tilmash
// wires these, as do the tests that need the program's stores.
package stores

import (
	"context"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/pgstore"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
)

// Memory returns the stores of the translation memory.
func Memory() app.MemoryStores {
	return app.MemoryStores{File: openFile, Server: openServer}
}

// openFile opens (creating it when missing) the embedded memory at path.
func openFile(path string) (tm.Store, error) {
	st, err := sqlitestore.Open(path)
	if err != nil {
		return nil, err // not a typed nil in the interface
	}
	return st, nil
}

// openServer opens the memory on the PostgreSQL server of url.
func openServer(ctx context.Context, url string, opt app.ServerOptions) (tm.Store, error) {
	st, err := pgstore.Open(ctx, url, pgstore.Options{LockWait: opt.LockWait, Name: opt.Name})
	if err != nil {
		return nil, err
	}
	return st, nil
}
