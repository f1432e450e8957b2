package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/tm"
)

// A rebuild (tm rebuild, or the first changes written to an empty memory)
// writes a new file beside the memory, path+".new", with no journal and no
// syncs: every page is written once, where the write-ahead log writes it
// twice (to the log, then to the file) and checksums it. A build that
// fails or is killed leaves the memory as it was (the half-written new
// file is no one's: the next rebuild starts it again). The new file is
// synced, then takes the memory's place:
//
//   - When no other Store has the memory open (no one else holds
//     path+".lock"), by a rename, under the lock held exclusively: others
//     wait for it in Open. A rename is the only safe way: a process with
//     the old file open would share its write-ahead log and its index
//     (path+"-wal", path+"-shm") with the new file.
//   - Otherwise, by copying it into the memory in one transaction, which
//     the other stores see as any other writer's (data_version).

// newSuffix names the file a rebuild writes.
const newSuffix = ".new"

func (s *Store) rebuild(ctx context.Context, changes iter.Seq2[tm.Change, error]) (err error) {
	tmp := s.path + newSuffix
	// The lock of the new file's name: two rebuilds do not write it at
	// once (the second takes the slow way).
	own, err := os.OpenFile(tmp+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer own.Close()
	if !tryLockExclusive(own) {
		return s.apply(ctx, true, changes)
	}
	for _, stale := range []string{tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"} {
		if err := os.Remove(stale); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	b, err := open(tmp, true)
	if err != nil {
		return err
	}
	if err := b.apply(ctx, true, changes); err != nil {
		b.Close()
		return err
	}
	if err := b.Close(); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if !tryLockExclusive(s.lock) {
		return s.copyFrom(ctx, tmp)
	}
	defer lockShared(s.lock) // back to shared, as every open Store
	return s.replaceBy(ctx, tmp)
}

// replaceBy renames the file tmp over the memory and opens it, while no
// one else has the memory open.
func (s *Store) replaceBy(ctx context.Context, tmp string) error {
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = map[string]*sql.Stmt{}
	s.view = nil
	// The last connection: the log is written into the file and removed.
	if err := s.db.Close(); err != nil {
		return err
	}
	renamed := os.Rename(tmp, s.path)
	if renamed == nil {
		renamed = syncFile(filepath.Dir(s.path))
	}
	n, err := open(s.path, false) // the new file, or the old one if the rename failed
	if err != nil {
		return errors.Join(renamed, err)
	}
	s.db, s.stmts, s.langs, s.names, s.version = n.db, n.stmts, n.langs, n.names, 0
	return renamed
}

// copyFrom replaces the memory's tables by those of the file tmp, in one
// transaction, and removes tmp.
func (s *Store) copyFrom(ctx context.Context, tmp string) (err error) {
	defer os.Remove(tmp)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS b`, tmp); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE b`)
	s.view = nil
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	for _, t := range []string{"source", "unit", "lang", "seg", "posting", "list", "deleted", "meta"} {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`DELETE FROM main.%s; INSERT INTO main.%[1]s SELECT * FROM b.%[1]s`, t)); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return s.loadLangs(ctx, conn)
}

// syncFile flushes a file or a folder to the disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
