// Package pgstore keeps a translation memory in PostgreSQL, through pgx,
// so that a team shares one live memory. Candidates come from pg_trgm: a
// GIN trigram index on the texts answers both the concordance (ILIKE on
// each word's stem) and the fuzzy look-up (the % similarity operator).
//
// Every Apply takes one transaction-level advisory lock, so two
// translators updating the memory at once are serialised, never mixed.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"net"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/tm"
)

const schema = `
CREATE TABLE IF NOT EXISTS tm_source(
	name text PRIMARY KEY, hash text NOT NULL, stamp text NOT NULL,
	time bigint NOT NULL, units integer NOT NULL);
CREATE SEQUENCE IF NOT EXISTS tm_unit_id;
CREATE TABLE IF NOT EXISTS tm_unit(
	id bigint PRIMARY KEY, source text NOT NULL, grp integer NOT NULL,
	confirmed boolean NOT NULL, time bigint NOT NULL, note text NOT NULL);
CREATE INDEX IF NOT EXISTS tm_unit_source ON tm_unit(source, grp);
CREATE TABLE IF NOT EXISTS tm_text(
	unit bigint NOT NULL REFERENCES tm_unit(id) ON DELETE CASCADE,
	pos integer NOT NULL, lang text NOT NULL, text text NOT NULL,
	PRIMARY KEY(unit, pos));
CREATE INDEX IF NOT EXISTS tm_text_trgm ON tm_text USING gin (text gin_trgm_ops);
CREATE TABLE IF NOT EXISTS tm_meta(key text PRIMARY KEY, value text NOT NULL);
INSERT INTO tm_meta(key, value) VALUES('id', md5(random()::text || clock_timestamp()::text)) ON CONFLICT DO NOTHING;
`

// ApplyLock is the first key of the advisory lock every Apply holds; the
// second is the memory's schema (applyKey), so that a team keeping two
// memories in two schemas of one database does not wait on the other's
// updates. [LockApply] takes it.
const ApplyLock = 0x746d // "tm"

// applyKey is the second key of the update lock: the hash of the schema the
// session's search path puts the memory in.
const applyKey = `hashtext(current_schema())`

// LockApply takes the update lock of the memory tx's search path reaches,
// waiting for it as long as ctx allows: a session holding it keeps that
// memory from changing until its transaction ends, as another machine's
// update under way does.
func LockApply(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, `+applyKey+`)`, ApplyLock)
	return err
}

// Store is a memory in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	opt  Options
}

var _ tm.SharedStore = (*Store)(nil)

// Options steer a [Store].
type Options struct {
	// LockWait is how long an Apply waits for another's (another
	// translator's update) to finish; 0 tries once. It then fails with a
	// [*tm.BusyError] instead of hanging behind, say, a computer that went to
	// sleep in the middle of an update.
	LockWait time.Duration
	// Name is the session's application_name, which names it to the
	// others when it holds the memory (such as "tilmash@HOST").
	Name string
}

// Open connects to the database at url (postgres://user@host/db; the
// password from PGPASSWORD or ~/.pgpass when the URL has none) and creates
// the tables when missing. The database needs the pg_trgm extension; Open
// creates it when the role may. An error of Open, or of a command of the
// store, that a person can act on (no server, a refused password, no
// database, no pg_trgm, no right to create the tables) is a
// [*tm.StoreError] saying which [tm.Problem] it is.
func Open(ctx context.Context, url string, opt Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, storeError(err)
	}
	cfg.ConnConfig.RuntimeParams["pg_trgm.similarity_threshold"] = "0.3"
	if opt.Name != "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = opt.Name
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, storeError(err)
	}
	if err := prepare(ctx, pool, tm.FirstSchema(cfg.ConnConfig.RuntimeParams["search_path"])); err != nil {
		pool.Close()
		return nil, storeError(err)
	}
	return &Store{pool: pool, opt: opt}, nil
}

// ConnectError is an error of [Open] that no connection was made, said
// once per reason: pgx tries every address of the host, each twice with
// the default sslmode=prefer (TLS, then without), and joins one line per
// attempt, so a server that is not running read "connection refused" two
// or four times, each line naming the address twice. It unwraps to pgx's
// error.
type ConnectError struct {
	User, Database string
	// Reasons are what each address answered, in the order pgx tried
	// them, one for all the addresses that answered the same.
	Reasons []ConnectReason
	err     error
}

// ConnectReason is what one or more addresses answered.
type ConnectReason struct {
	Addrs  []string
	Reason string
}

func (e *ConnectError) Error() string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = strings.Join(r.Addrs, ", ") + ": " + r.Reason
	}
	return fmt.Sprintf("failed to connect to user=%s database=%s at %s", e.User, e.Database, strings.Join(parts, "; "))
}

func (e *ConnectError) Unwrap() error { return e.err }

// commandError makes *err, the error of a command on an open store, as Open
// says its errors (storeError): once the server went away (restarted, the
// network cut in the middle of a session), the pool connects again for
// the next query, and pgx's error of that attempt is a line per address
// and attempt (connectError).
func commandError(err *error) { *err = storeError(*err) }

// storeError is err as Open and every command of a [Store] return it: a
// failed connection said once per reason ([ConnectError]), and wrapped in
// a [*tm.StoreError] when it is a [tm.Problem] a person can act on.
func storeError(err error) error {
	var said *tm.StoreError
	if err == nil || errors.As(err, &said) {
		return err
	}
	err = connectError(err)
	if p := problemOf(err); p != tm.OtherProblem {
		se := &tm.StoreError{Problem: p, Err: err}
		var op *trgmOutOfPath
		if errors.As(err, &op) {
			se.Schema = op.schema
		}
		return se
	}
	return err
}

// connectError is err as a *ConnectError when it is pgx's error of a
// connection attempt, otherwise err.
func connectError(err error) error {
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) || ce.Config == nil {
		return err
	}
	attempts := []error{ce.Unwrap()}
	if joined, ok := ce.Unwrap().(interface{ Unwrap() []error }); ok {
		attempts = joined.Unwrap()
	}
	out := &ConnectError{User: ce.Config.User, Database: ce.Config.Database, err: err}
	for _, a := range attempts {
		if a == nil {
			continue
		}
		addr, reason := attemptOf(a)
		i := slices.IndexFunc(out.Reasons, func(r ConnectReason) bool { return r.Reason == reason })
		switch {
		case i < 0:
			out.Reasons = append(out.Reasons, ConnectReason{Addrs: []string{addr}, Reason: reason})
		case !slices.Contains(out.Reasons[i].Addrs, addr):
			out.Reasons[i].Addrs = append(out.Reasons[i].Addrs, addr)
		}
	}
	if len(out.Reasons) == 0 {
		return err
	}
	return out
}

// attemptOf is the address and the reason of one failed attempt: for a
// network error, the system's words (connection refused, i/o timeout);
// otherwise what the server or pgx said, after the address pgx puts
// first ("127.0.0.1:5432 (localhost): ").
func attemptOf(a error) (addr, reason string) {
	var op *net.OpError
	if errors.As(a, &op) && op.Addr != nil {
		var errno syscall.Errno
		var ne net.Error
		switch {
		case errors.As(op.Err, &errno):
			return op.Addr.String(), errno.Error()
		case errors.As(op.Err, &ne) && ne.Timeout():
			return op.Addr.String(), "timeout"
		}
		return op.Addr.String(), op.Err.Error()
	}
	text := a.Error()
	if head, rest, ok := strings.Cut(text, "): "); ok && strings.Contains(head, " (") {
		return strings.SplitN(head, " (", 2)[0], rest
	}
	return "", text
}

// noTrgm is the error of a database without pg_trgm whose role may not
// create it.
type noTrgm struct{ err error }

func (e *noTrgm) Error() string { return "no pg_trgm: " + e.err.Error() }
func (e *noTrgm) Unwrap() error { return e.err }

// noSchema is the error of a search_path whose first schema, the one the
// memory is meant to be in, does not exist: the server would skip it
// silently and put the memory into the next one (public, most often
// another desk's memory or none at all).
type noSchema struct{ name string }

func (e *noSchema) Error() string {
	return fmt.Sprintf("schema %q, the first of search_path, does not exist", e.name)
}

// trgmOutOfPath is the error of a search_path that leaves out the
// schema the database's pg_trgm is in.
type trgmOutOfPath struct{ schema, path string }

func (e *trgmOutOfPath) Error() string {
	return fmt.Sprintf("the pg_trgm extension is in schema %q, which search_path %q leaves out", e.schema, e.path)
}

// problemOf tells which [tm.Problem] pgx's error (of [Open], or of a
// command on an open store) is.
func problemOf(err error) tm.Problem {
	var nt *noTrgm
	var ns *noSchema
	var op *trgmOutOfPath
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case err == nil:
		return tm.OtherProblem
	case errors.As(err, &nt):
		return tm.NoExtension
	case errors.As(err, &ns):
		return tm.NoSchema
	case errors.As(err, &op):
		return tm.ExtensionOutOfPath
	case errors.As(err, &pe):
		switch {
		case pe.Code == "28P01" || pe.Code == "28000":
			return tm.AuthFailed
		case pe.Code == "3D000":
			return tm.NoDatabase
		case pe.Code == "42501":
			return tm.Denied
		case strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P"): // connection exceptions, the server shutting down or starting up
			return tm.Unreachable
		}
		return tm.OtherProblem
	case errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, pgconn.ErrConnClosed):
		// (EOF: the server went away in the middle of a command; a
		// connection closed: it went away while the pool kept it idle,
		// as the BEGIN of a transaction finds)
		return tm.Unreachable
	}
	return tm.OtherProblem
}

// schemaLock is the advisory lock held while the tables are created.
const schemaLock = 0x746d73 // "tms"

// prepare creates the pg_trgm extension and the tables when missing from
// the memory's schema, the first of the search path (tables of the same
// names in a later schema, such as public, are another memory: looked up
// through the whole path, they were taken for this one's, and a desk's new
// memory in its own schema read and wrote public's). A
// memory whose tables exist is only looked at: CREATE INDEX IF NOT EXISTS
// takes a SHARE lock on its table before it finds the index there, so
// running the schema at every open made each translator's command wait for
// any other's update (and time out behind a rebuild).
func prepare(ctx context.Context, pool *pgxpool.Pool, schemaName string) error {
	var ready, inSchema, inPath bool
	var extSchema, searchPath string
	err := pool.QueryRow(ctx, `SELECT COALESCE(n.nspname, ''), COALESCE(n.nspname = ANY(current_schemas(true)), false),
		current_setting('search_path'),
		to_regclass(quote_ident(current_schema()) || '.tm_source') IS NOT NULL
		AND to_regclass(quote_ident(current_schema()) || '.tm_unit_id') IS NOT NULL
		AND to_regclass(quote_ident(current_schema()) || '.tm_unit_source') IS NOT NULL
		AND to_regclass(quote_ident(current_schema()) || '.tm_text_trgm') IS NOT NULL
		AND to_regclass(quote_ident(current_schema()) || '.tm_meta') IS NOT NULL,
		$1 = '' OR EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1)
		FROM (SELECT 1) AS one
		LEFT JOIN pg_extension e ON e.extname = 'pg_trgm'
		LEFT JOIN pg_namespace n ON n.oid = e.extnamespace`, schemaName).Scan(&extSchema, &inPath, &searchPath, &ready, &inSchema)
	has := extSchema != ""
	switch {
	case err != nil:
		return err
	case !inSchema:
		return &noSchema{schemaName}
	case has && !inPath:
		// The trigram index and searches name gin_trgm_ops and %
		// unqualified: without the extension's schema in the path
		// they fail with "operator class does not exist", which
		// names no cause. A search_path a tool wrote as a form
		// ("business,+public": + is no space in a postgres:// URL)
		// does this.
		return &trgmOutOfPath{schema: extSchema, path: searchPath}
	case has && ready:
		return nil
	}
	if !has {
		if _, err := pool.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm`); err != nil {
			return &noTrgm{err}
		}
	}
	// Two first opens at once would race in the catalogue: one at a time.
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, schemaLock); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, schema)
		return err
	})
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Sources lists the sources.
func (s *Store) Sources(ctx context.Context) (_ []tm.Source, err error) {
	defer commandError(&err)
	return sources(ctx, s.pool)
}

// sources lists the sources through q (the pool, or a transaction).
func sources(ctx context.Context, q querier) ([]tm.Source, error) {
	rows, err := q.Query(ctx, `SELECT name, hash, stamp, time, units FROM tm_source ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tm.Source
	for rows.Next() {
		var src tm.Source
		var t int64
		if err := rows.Scan(&src.Name, &src.Hash, &src.Stamp, &t, &src.Units); err != nil {
			return nil, err
		}
		src.Time = time.Unix(0, t).UTC()
		out = append(out, src)
	}
	return out, rows.Err()
}

// Apply makes the changes in one transaction.
func (s *Store) Apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) (err error) {
	defer commandError(&err)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := s.lock(ctx, tx); err != nil {
			return err
		}
		return apply(ctx, tx, reset, changes)
	})
}

// ApplyPlanned decides the changes under the update lock: plan is given
// the memory as it is once the lock is held, so an update that waited for
// another's decides on what that one wrote, never on what it read before.
func (s *Store) ApplyPlanned(ctx context.Context, plan func(tm.Current) (iter.Seq2[tm.Change, error], error)) (err error) {
	defer commandError(&err)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := s.lock(ctx, tx); err != nil {
			return err
		}
		cur, err := current(ctx, tx)
		if err != nil {
			return err
		}
		changes, err := plan(cur)
		if err != nil || changes == nil {
			return err
		}
		return apply(ctx, tx, false, changes)
	})
}

// Current reads the memory as it is, without the update lock.
func (s *Store) Current(ctx context.Context) (_ tm.Current, err error) {
	defer commandError(&err)
	return current(ctx, s.pool)
}

// querier is the pool, or a transaction.
type querier interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
	QueryRow(context.Context, string, ...any) pgx.Row
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}

// current reads the memory's identity and sources through q.
func current(ctx context.Context, q querier) (tm.Current, error) {
	var cur tm.Current
	err := q.QueryRow(ctx, `SELECT value FROM tm_meta WHERE key = 'id'`).Scan(&cur.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		// A memory whose identity row went (its rows deleted by hand)
		// gets a new one: it is another memory to the workspaces' bases.
		_, err = q.Exec(ctx, `INSERT INTO tm_meta(key, value) VALUES('id', md5(random()::text || clock_timestamp()::text)) ON CONFLICT DO NOTHING`)
		if err == nil {
			err = q.QueryRow(ctx, `SELECT value FROM tm_meta WHERE key = 'id'`).Scan(&cur.ID)
		}
	}
	if err != nil {
		return cur, err
	}
	cur.Sources, err = sources(ctx, q)
	return cur, err
}

// apply makes the changes in tx, which holds the update lock.
func apply(ctx context.Context, tx pgx.Tx, reset bool, changes iter.Seq2[tm.Change, error]) error {
	// A rebuild deletes the rows rather than TRUNCATE them: TRUNCATE's
	// ACCESS EXCLUSIVE lock stopped every other translator's look-up
	// until the rebuild committed (and their commands timed out); the
	// others go on reading the old memory until the new one commits.
	if reset {
		if _, err := tx.Exec(ctx, `DELETE FROM tm_text; DELETE FROM tm_unit; DELETE FROM tm_source`); err != nil {
			return err
		}
	}
	for c, err := range changes {
		if err != nil {
			return err
		}
		if !reset && !c.KeepUnits {
			if _, err := tx.Exec(ctx, `DELETE FROM tm_unit WHERE source = $1`, c.Source.Name); err != nil {
				return err
			}
		}
		if c.Remove {
			if _, err := tx.Exec(ctx, `DELETE FROM tm_source WHERE name = $1`, c.Source.Name); err != nil {
				return err
			}
			continue
		}
		src := c.Source
		if c.KeepUnits {
			_, err := tx.Exec(ctx, `UPDATE tm_source SET stamp = $3, time = $4 WHERE name = $1 AND hash = $2`,
				src.Name, src.Hash, src.Stamp, src.Time.UnixNano())
			if err != nil {
				return err
			}
			continue
		}
		if len(c.Units) > 0 {
			if err := insert(ctx, tx, c.Units); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO tm_source(name, hash, stamp, time, units) VALUES($1, $2, $3, $4, $5)
			ON CONFLICT (name) DO UPDATE SET hash = $2, stamp = $3, time = $4, units = $5`,
			src.Name, src.Hash, src.Stamp, src.Time.UnixNano(), src.Units)
		if err != nil {
			return err
		}
	}
	return nil
}

// lock takes the advisory lock of an Apply in tx, waiting up to LockWait
// for another's. The wait is the server's (lock_timeout bounds it): the
// lock is taken the moment the holder's transaction ends, where asking
// again every so often took it up to a poll later, and asked the server
// all the while.
func (s *Store) lock(ctx context.Context, tx pgx.Tx) error {
	var got bool
	if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock($1, `+applyKey+`)`, ApplyLock).Scan(&got); err != nil {
		return err
	}
	if got {
		return nil
	}
	if s.opt.LockWait <= 0 {
		return s.holder(ctx, tx)
	}
	// In a savepoint: the timeout's error aborts it, not tx, which then
	// names the holder; and lock_timeout, set for the wait, is put back.
	var was string
	if err := tx.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&was); err != nil {
		return err
	}
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	wait := min(max(s.opt.LockWait.Milliseconds(), 1), math.MaxInt32) // lock_timeout's range; 0 would wait for ever
	if _, err := sp.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, strconv.FormatInt(wait, 10)+"ms"); err != nil {
		return err
	}
	_, err = sp.Exec(ctx, `SELECT pg_advisory_xact_lock($1, `+applyKey+`)`, ApplyLock)
	var pe *pgconn.PgError
	switch {
	case err == nil:
		if _, err := sp.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, was); err != nil {
			return err
		}
		return sp.Commit(ctx)
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, &pe) && pe.Code == "55P03": // lock_not_available: the wait timed out
		if err := sp.Rollback(ctx); err != nil {
			return err
		}
		return s.holder(ctx, tx)
	}
	return err
}

// holder is the [tm.BusyError] naming the session that holds the lock.
func (s *Store) holder(ctx context.Context, tx pgx.Tx) error {
	e := &tm.BusyError{Wait: s.opt.LockWait}
	var since *time.Time
	// A lock of two int4 keys is classid (the first), objid (the second, as
	// an unsigned oid) and objsubid 2.
	err := tx.QueryRow(ctx, `SELECT a.pid, coalesce(nullif(a.application_name, ''), host(a.client_addr), ''), a.xact_start
		FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1
		AND l.objid = (`+applyKey+`::bigint & 4294967295)::oid AND l.objsubid = 2
		AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1`, ApplyLock).Scan(&e.PID, &e.Name, &since)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	if since != nil {
		e.Since = *since
	}
	return e
}

// clean drops the NUL bytes PostgreSQL text cannot hold.
func clean(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

func insert(ctx context.Context, tx pgx.Tx, units []tm.Unit) error {
	rows, err := tx.Query(ctx, `SELECT nextval('tm_unit_id') FROM generate_series(1, $1)`, len(units))
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	var urows, trows [][]any
	for i := range units {
		u := &units[i]
		urows = append(urows, []any{ids[i], u.Source, u.Group, u.Confirmed, u.Time.UnixNano(), clean(u.Note)})
		for p, v := range u.Variants {
			trows = append(trows, []any{ids[i], p, v.Lang, clean(v.Text)})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"tm_unit"}, []string{"id", "source", "grp", "confirmed", "time", "note"}, pgx.CopyFromRows(urows)); err != nil {
		return err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"tm_text"}, []string{"unit", "pos", "lang", "text"}, pgx.CopyFromRows(trows))
	return err
}

// likeEscape escapes LIKE's wildcards.
var likeEscape = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
}}

// Words finds units whose texts hold each prefix (as a substring).
func (s *Store) Words(ctx context.Context, lang string, prefixes []string, offset, limit int) (_ []tm.Unit, err error) {
	defer commandError(&err)
	if len(prefixes) == 0 {
		return nil, nil
	}
	var conds []string
	args := []any{lang, limit, offset}
	for _, p := range prefixes {
		args = append(args, "%"+likeEscape.Get().Replace(p)+"%")
		conds = append(conds, fmt.Sprintf("t.text ILIKE $%d", len(args)))
	}
	q := `SELECT u.id FROM tm_unit u WHERE u.id IN (SELECT t.unit FROM tm_text t WHERE ($1 = '' OR t.lang = $1) AND ` +
		strings.Join(conds, " AND ") + `) ORDER BY u.confirmed DESC, u.time DESC, u.id DESC LIMIT $2 OFFSET $3`
	return s.unitsOf(ctx, q, args...)
}

// Similar finds the units whose text in lang is most similar by trigrams.
func (s *Store) Similar(ctx context.Context, lang, text string, limit int) (_ []tm.Unit, err error) {
	defer commandError(&err)
	q := `SELECT unit FROM tm_text WHERE lang = $1 AND text % $2 ORDER BY similarity(text, $2) DESC, unit DESC LIMIT $3`
	return s.unitsOf(ctx, q, lang, clean(text), limit)
}

const unitCols = `SELECT u.id, u.source, u.grp, u.confirmed, u.time, u.note,
	array_agg(t.lang ORDER BY t.pos), array_agg(t.text ORDER BY t.pos)
	FROM tm_unit u JOIN tm_text t ON t.unit = u.id`

func (s *Store) unitsOf(ctx context.Context, q string, args ...any) ([]tm.Unit, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	byID := map[int64]tm.Unit{}
	err = s.scan(ctx, unitCols+` WHERE u.id = ANY($1) GROUP BY u.id`, func(u *tm.Unit) error {
		byID[u.ID] = *u
		return nil
	}, ids)
	if err != nil {
		return nil, err
	}
	return tm.InOrder(ids, byID), nil
}

func (s *Store) scan(ctx context.Context, q string, fn func(*tm.Unit) error, args ...any) error {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var u tm.Unit
		var t int64
		var langs, texts []string
		if err := rows.Scan(&u.ID, &u.Source, &u.Group, &u.Confirmed, &t, &u.Note, &langs, &texts); err != nil {
			return err
		}
		u.Time = time.Unix(0, t).UTC()
		for i := range langs {
			u.Variants = append(u.Variants, tm.Variant{Lang: langs[i], Text: texts[i]})
		}
		if err := fn(&u); err != nil {
			return err
		}
	}
	return rows.Err()
}

// All calls fn for every unit in source and group order.
func (s *Store) All(ctx context.Context, fn func(*tm.Unit) error) (err error) {
	defer commandError(&err)
	return s.scan(ctx, unitCols+` GROUP BY u.id ORDER BY u.source, u.grp`, fn)
}

// Stats counts the units.
func (s *Store) Stats(ctx context.Context) (_ tm.Stats, err error) {
	defer commandError(&err)
	st := tm.Stats{Langs: map[string]int{}}
	// One snapshot for the three counts: another machine's update
	// committed between them gave figures of two memories (17 units of
	// three documents, one of whose units were not counted).
	// (Not pgx.BeginTxFunc: the rollback's "conn closed" would replace
	// the error of a server that went away in the middle.)
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return st, err
	}
	defer func() { _ = tx.Rollback(ctx) }() // read only: nothing to undo
	err = func() error {
		err := tx.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE confirmed) FROM tm_unit`).Scan(&st.Units, &st.Confirmed)
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE name LIKE 'doc/%'), count(*) FILTER (WHERE name LIKE 'tmx/%') FROM tm_source`).Scan(&st.Documents, &st.Imports)
		if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT lang, count(*) FROM tm_text GROUP BY lang`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l string
			var n int
			if err := rows.Scan(&l, &n); err != nil {
				return err
			}
			st.Langs[l] = n
		}
		return rows.Err()
	}()
	return st, err
}
