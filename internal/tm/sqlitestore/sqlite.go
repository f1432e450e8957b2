// Package sqlitestore keeps a translation memory in one SQLite file,
// through the pure-Go driver modernc.org/sqlite: no server, no cgo.
//
// Layout: a table of units, each with its texts in one column, and
// tilmash's own index of the texts' words (index.go): for each case-folded
// word, the texts holding it, as delta-varint lists in segments. It
// replaced an FTS5 index, whose tokenizing and segment merging in the
// transpiled C took most of a build's time and whose queries for frequent
// words were slow; the index here answers exactly the two questions the
// memory asks — the texts holding a word or a word starting with a prefix
// (a concordance: Russian and Kazakh endings follow the stem), and the
// rarest words of a sentence with their texts (fuzzy candidates) — and is
// updated by small segments, in the same transaction as the units. What
// it gives up, as FTS5's word index did, is a hit inside a word
// (прокуратур in Генпрокуратура), and phrase queries.
package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver

	"github.com/tilmash/tilmash/internal/tm"
)

// schema is the SQL that makes the tables (a function: nothing to build
// at start-up).
func schema() string {
	return `
CREATE TABLE IF NOT EXISTS source(
	name TEXT PRIMARY KEY, hash TEXT NOT NULL, stamp TEXT NOT NULL,
	time INTEGER NOT NULL, units INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS unit(
	id INTEGER PRIMARY KEY, source TEXT NOT NULL, grp INTEGER NOT NULL,
	confirmed INTEGER NOT NULL, time INTEGER NOT NULL, note TEXT NOT NULL,
	vars TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS unit_source ON unit(source, grp);
-- What a concordance orders its candidates by, dense: thousands of them
-- are read from here, not from as many pages of the units.
CREATE INDEX IF NOT EXISTS unit_order ON unit(id, confirmed, time);
CREATE TABLE IF NOT EXISTS lang(code INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, texts INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS seg(id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL, postings INTEGER NOT NULL);
` + postingTable("posting") + postingIndex + `;
` + listTable("list") + `
CREATE TABLE IF NOT EXISTS deleted(id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
`
}

// SQLite's page cache, in KiB (negative): an Apply writing a million
// groups keeps the words' b-tree in 32 MB; the queries read scattered
// pages of a file of a gigabyte, which no cache of a few tens of MB
// holds, and a smaller cache makes them faster (a look-up at 1M groups
// takes about a tenth less CPU with 16 MB than with 32, and the process
// less memory).
const (
	readCache  = "-16384"
	applyCache = "-32768"
)

// maxLangs is how many languages one memory can hold: a language's number
// is the low six bits of a text id.
const maxLangs = 63

// Store is a memory in an SQLite file.
type Store struct {
	db    *sql.DB
	stmts map[string]*sql.Stmt // prepared queries by their text
	langs map[string]int64     // language → number, as stored
	names map[int64]string

	// When segments are merged (index.go); tests lower them.
	maxSegments int
	maxDeleted  int64

	// What queries read, kept while the file's data_version stays.
	version int64
	view    *view

	similar similarScratch

	path string   // the file, "" for a build's
	lock *os.File // path+".lock", locked shared while open
}

// Open opens (creating it when missing) the memory in the file path. A
// memory written by an earlier tilmash, with an FTS5 index, is given the
// word index in place, in one transaction.
//
// Every Store holds a shared lock on the file path+".lock" while it is
// open, so that a rebuild can tell whether it alone has the memory open
// (see [Store.Apply]).
func Open(path string) (*Store, error) {
	lock, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockShared(lock); err != nil {
		lock.Close()
		return nil, fmt.Errorf("%s: %w", lock.Name(), err)
	}
	s, err := open(path, false)
	if err != nil {
		lock.Close()
		return nil, err
	}
	s.path, s.lock = path, lock
	return s, nil
}

// open opens the file path; for a build (a new file no one else reads,
// replaced when the build fails), without a journal and without syncs.
func open(path string, build bool) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "page_size(16384)") // a new file's: a build writes a quarter of the pages
	q.Add("_pragma", "busy_timeout(10000)")
	if build {
		q.Add("_pragma", "journal_mode(OFF)")
		q.Add("_pragma", "synchronous(OFF)")
		q.Add("_pragma", "locking_mode(EXCLUSIVE)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	q.Add("_pragma", "cache_size("+readCache+")")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, stmts: map[string]*sql.Stmt{}, maxSegments: maxSegments, maxDeleted: maxDeleted}
	fail := func(err error) (*Store, error) {
		s.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var old bool
	if err := db.QueryRow(`SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE name = 'text_fts')`).Scan(&old); err != nil {
		return fail(err)
	}
	if old {
		if err := s.migrate(context.Background()); err != nil {
			return fail(err)
		}
	}
	if _, err := db.Exec(schema()); err != nil {
		return fail(err)
	}
	var version int64
	if err := db.QueryRow(`SELECT coalesce((SELECT value FROM meta WHERE key = 'index'), 0)`).Scan(&version); err != nil {
		return fail(err)
	}
	if version < indexVersion {
		if err := s.reindex(context.Background()); err != nil {
			return fail(err)
		}
	}
	if err := s.loadLangs(context.Background(), db); err != nil {
		return fail(err)
	}
	return s, nil
}

// migrate replaces the FTS5 index of an earlier tilmash by the word index.
func (s *Store) migrate(ctx context.Context) error {
	return s.reindexAfter(ctx,
		`ALTER TABLE lang ADD COLUMN texts INTEGER NOT NULL DEFAULT 0`,
		`DROP TABLE IF EXISTS text_vocab`, `DROP TABLE IF EXISTS text_fts`, `DROP TABLE IF EXISTS vocab`,
		schema())
}

// indexVersion is the version of the word index's contents, in table
// meta: 2 added the texts' anchors (anchorWord), 3 counts a text's words
// for them as a person does (anchorText). A memory with an older index
// gets it again when opened.
const indexVersion = 3

// reindex writes the word index again from the units, in one transaction.
func (s *Store) reindex(ctx context.Context) error {
	return s.reindexAfter(ctx, `DELETE FROM posting`, `DELETE FROM list`, `DELETE FROM seg`, `DELETE FROM deleted`, `UPDATE lang SET texts = 0`)
}

// reindexAfter runs statements that leave the word index empty, then
// indexes every unit, all in one transaction.
func (s *Store) reindexAfter(ctx context.Context, statements ...string) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	for _, q := range statements {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := s.index(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// index indexes every unit, into an empty index, and records its
// version.
func (s *Store) index(ctx context.Context, tx *sql.Tx) error {
	if err := s.loadLangs(ctx, tx); err != nil {
		return err
	}
	w, err := s.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	for last := int64(0); ; {
		rows, err := tx.QueryContext(ctx, `SELECT id, vars FROM unit WHERE id > ? ORDER BY id LIMIT 5000`, last)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			var vars string
			if err := rows.Scan(&last, &vars); err != nil {
				rows.Close()
				return err
			}
			n++
			for _, v := range decodeVars(vars) {
				if code, ok := s.langs[v.Lang]; ok {
					w.index(last, code, v.Text)
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if n == 0 {
			w.next = max(w.next, last+1)
			break
		}
	}
	if err := w.finish(ctx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES('index', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, indexVersion)
	return err
}

type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (s *Store) loadLangs(ctx context.Context, q queryer) error {
	s.langs, s.names = map[string]int64{}, map[int64]string{}
	rows, err := q.QueryContext(ctx, `SELECT code, name FROM lang`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code int64
		var name string
		if err := rows.Scan(&code, &name); err != nil {
			return err
		}
		s.langs[name], s.names[code] = code, name
	}
	return rows.Err()
}

// Close closes the file.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	err := s.db.Close()
	if s.lock != nil {
		s.lock.Close() // and its lock
	}
	return err
}

// Sources lists the sources.
func (s *Store) Sources(ctx context.Context) ([]tm.Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, hash, stamp, time, units FROM source ORDER BY name`)
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

// Apply makes the changes in one transaction. A rebuild (reset, or the
// first changes of an empty memory) writes a new file instead (rebuild.go).
func (s *Store) Apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) error {
	if s.path != "" {
		if !reset {
			var empty bool
			if err := s.db.QueryRowContext(ctx, `SELECT NOT EXISTS(SELECT 1 FROM source) AND NOT EXISTS(SELECT 1 FROM unit)`).Scan(&empty); err != nil {
				return err
			}
			reset = empty
		}
		if reset {
			return s.rebuild(ctx, changes)
		}
	}
	return s.apply(ctx, reset, changes)
}

// apply makes the changes in one transaction.
func (s *Store) apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) (err error) {
	if _, err := s.db.ExecContext(ctx, `PRAGMA cache_size = `+applyCache); err != nil {
		return err
	}
	defer s.db.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = `+readCache)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	langs, names := s.langs, s.names
	defer func() {
		s.view = nil // read again by the next query
		if err != nil {
			tx.Rollback()
			s.langs, s.names = langs, names // numbers given in the failed transaction are gone
		}
	}()
	s.langs, s.names = copyMap(langs), copyMap(names)
	if reset {
		for _, q := range []string{`DELETE FROM unit`, `DELETE FROM source`, `DELETE FROM posting`, `DELETE FROM list`, `DELETE FROM seg`,
			`DELETE FROM deleted`, `UPDATE lang SET texts = 0`, `DELETE FROM meta WHERE key = 'next'`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	w, err := s.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	for c, err := range changes {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !reset && !c.KeepUnits {
			if err := w.removeUnits(ctx, c.Source.Name); err != nil {
				return err
			}
		}
		if c.Remove {
			if _, err := w.delSource.ExecContext(ctx, c.Source.Name); err != nil {
				return err
			}
			continue
		}
		src := c.Source
		if c.KeepUnits {
			if _, err := w.keepSource.ExecContext(ctx, src.Name, src.Hash, src.Stamp, src.Time.UnixNano()); err != nil {
				return err
			}
			continue
		}
		for i := range c.Units {
			if err := w.insert(ctx, &c.Units[i]); err != nil {
				return err
			}
		}
		if _, err := w.putSource.ExecContext(ctx, src.Name, src.Hash, src.Stamp, src.Time.UnixNano(), src.Units); err != nil {
			return err
		}
	}
	if err := w.finish(ctx); err != nil {
		return err
	}
	if !reset {
		if err := w.compact(ctx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// writer writes the units of one transaction, many rows a statement, and
// indexes their texts: a goroutine of its own builds the lists (a build
// tokenizes millions of texts: that work runs beside SQLite's) and
// writes a segment whenever its builder is full, and at the end.
type writer struct {
	s                    *Store
	tx                   *sql.Tx
	delSource, putSource *sql.Stmt
	keepSource           *sql.Stmt // a touched source's new stamp, while its hash is the same
	selUnits, delUnits   *sql.Stmt
	next                 int64 // the next unit id
	list                 int64 // the next list id
	units                *rowInserter
	texts                []text
	langTexts            map[int64]int // texts added (removed) by language number
	deleted              []int64       // units removed

	batches chan []text
	built   chan error
}

// text is a unit's text in the language numbered code, to index.
type text struct {
	unit, code int64
	text       string
}

const textBatch = 2000

func (s *Store) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{s: s, tx: tx, langTexts: map[int64]int{}, units: newRowInserter(tx, "unit(id, source, grp, confirmed, time, note, vars)", 7, 1000)}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	w.delSource = prep(`DELETE FROM source WHERE name = ?`)
	w.putSource = prep(`INSERT OR REPLACE INTO source(name, hash, stamp, time, units) VALUES(?, ?, ?, ?, ?)`)
	w.keepSource = prep(`UPDATE source SET stamp = ?3, time = ?4 WHERE name = ?1 AND hash = ?2`)
	w.selUnits = prep(`SELECT id, vars FROM unit WHERE source = ?`)
	w.delUnits = prep(`DELETE FROM unit WHERE source = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	var seg int64
	err = tx.QueryRowContext(ctx, `SELECT
		coalesce((SELECT value FROM meta WHERE key = 'next'), (SELECT coalesce(max(id), 0) + 1 FROM unit)),
		(SELECT coalesce(max(id), 0) + 1 FROM seg), (SELECT coalesce(max(id), 0) + 1 FROM list)`).Scan(&w.next, &seg, &w.list)
	if err != nil {
		w.close()
		return nil, err
	}
	w.batches, w.built = make(chan []text, 4), make(chan error, 1)
	go w.build(ctx, seg)
	return w, nil
}

// build indexes the texts it is sent, writing a segment whenever its
// builder is full and when the batches end. After an error it only
// drains them.
func (w *writer) build(ctx context.Context, seg int64) {
	b := newBuilder()
	var err error
	for batch := range w.batches {
		if err != nil {
			continue
		}
		for _, t := range batch {
			b.add(t.unit, t.code, t.text)
		}
		if b.full() {
			_, err = writeSegment(ctx, w.tx, seg, b, &w.list)
			seg++
			b = newBuilder()
		}
	}
	if err == nil && !b.empty() {
		_, err = writeSegment(ctx, w.tx, seg, b, &w.list)
	}
	w.built <- err
}

// close stops the index's goroutine of an Apply that failed.
func (w *writer) close() {
	if w.batches != nil {
		close(w.batches)
		<-w.built
		w.batches = nil
	}
	for _, st := range []*sql.Stmt{w.delSource, w.putSource, w.keepSource, w.selUnits, w.delUnits} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) index(unit, code int64, t string) {
	w.langTexts[code]++
	w.texts = append(w.texts, text{unit, code, t})
	if len(w.texts) >= textBatch {
		w.batches <- w.texts
		w.texts = make([]text, 0, textBatch)
	}
}

// finish writes what is left: units, the last segment, the deleted
// units, the counts of texts.
func (w *writer) finish(ctx context.Context) error {
	if err := w.units.flush(ctx); err != nil {
		return err
	}
	if len(w.texts) > 0 {
		w.batches <- w.texts
		w.texts = nil
	}
	close(w.batches)
	err := <-w.built
	w.batches = nil
	if err != nil {
		return err
	}
	ins := newRowInserter(w.tx, "deleted(id)", 1, 500)
	for _, id := range w.deleted {
		if err := ins.add(ctx, id); err != nil {
			return err
		}
	}
	if err := ins.flush(ctx); err != nil {
		return err
	}
	for code, n := range w.langTexts {
		if n == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(ctx, `UPDATE lang SET texts = texts + ? WHERE code = ?`, n, code); err != nil {
			return err
		}
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES('next', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, w.next)
	return err
}

func (w *writer) removeUnits(ctx context.Context, source string) error {
	if err := w.units.flush(ctx); err != nil {
		return err
	}
	rows, err := w.selUnits.QueryContext(ctx, source)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var vars string
		if err := rows.Scan(&id, &vars); err != nil {
			rows.Close()
			return err
		}
		w.deleted = append(w.deleted, id)
		for _, v := range decodeVars(vars) {
			if code, ok := w.s.langs[v.Lang]; ok {
				w.langTexts[code]--
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = w.delUnits.ExecContext(ctx, source)
	return err
}

func (w *writer) langCode(ctx context.Context, lang string) (int64, error) {
	if c, ok := w.s.langs[lang]; ok {
		return c, nil
	}
	c := int64(len(w.s.langs) + 1)
	if c > maxLangs {
		return 0, fmt.Errorf("the memory cannot hold more than %d languages (adding %q)", maxLangs, lang)
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO lang(code, name) VALUES(?, ?)`, c, lang); err != nil {
		return 0, err
	}
	w.s.langs[lang], w.s.names[c] = c, lang
	return c, nil
}

func (w *writer) insert(ctx context.Context, u *tm.Unit) error {
	id := w.next
	w.next++
	conf := 0
	if u.Confirmed {
		conf = 1
	}
	for _, v := range u.Variants {
		code, err := w.langCode(ctx, v.Lang)
		if err != nil {
			return err
		}
		w.index(id, code, v.Text)
	}
	return w.units.add(ctx, id, u.Source, u.Group, conf, u.Time.UnixNano(), u.Note, encodeVars(u.Variants))
}

// Variants are stored in one column: language, U+001F, text, with U+001E
// between variants. Texts never hold these control characters: they are
// sentences of stored texts or TMX segments, and are cleaned on the way in.
func encodeVars(vs []tm.Variant) string {
	var b strings.Builder
	n := 0
	for _, v := range vs {
		n += len(v.Lang) + len(v.Text) + 2
	}
	b.Grow(n)
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(0x1e)
		}
		b.WriteString(v.Lang)
		b.WriteByte(0x1f)
		if !strings.ContainsAny(v.Text, "\x1e\x1f") {
			b.WriteString(v.Text)
			continue
		}
		b.WriteString(strings.Map(func(r rune) rune {
			if r == 0x1e || r == 0x1f {
				return ' '
			}
			return r
		}, v.Text))
	}
	return b.String()
}

func decodeVars(s string) []tm.Variant {
	var out []tm.Variant
	for _, part := range strings.Split(s, "\x1e") {
		lang, text, _ := strings.Cut(part, "\x1f")
		out = append(out, tm.Variant{Lang: lang, Text: text})
	}
	return out
}

// prepared returns the statement of q, prepared once.
func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	st, ok := s.stmts[q]
	if !ok {
		var err error
		if st, err = s.db.PrepareContext(ctx, q); err != nil {
			return nil, err
		}
		s.stmts[q] = st
	}
	return st, nil
}

const unitCols = `SELECT id, source, grp, confirmed, time, note, vars FROM unit`

type scanner interface{ Scan(dest ...any) error }

func scanUnit(r scanner) (tm.Unit, error) {
	var u tm.Unit
	var conf int
	var t int64
	var vars string
	if err := r.Scan(&u.ID, &u.Source, &u.Group, &conf, &t, &u.Note, &vars); err != nil {
		return u, err
	}
	u.Confirmed = conf != 0
	u.Time = time.Unix(0, t).UTC()
	u.Variants = decodeVars(vars)
	return u, nil
}

func (s *Store) scanUnits(ctx context.Context, q string, fn func(*tm.Unit) error) error {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return err
		}
		if err := fn(&u); err != nil {
			return err
		}
	}
	return rows.Err()
}

// All calls fn for every unit in source and group order.
func (s *Store) All(ctx context.Context, fn func(*tm.Unit) error) error {
	return s.scanUnits(ctx, unitCols+` ORDER BY source, grp`, fn)
}

// Stats counts the units.
func (s *Store) Stats(ctx context.Context) (tm.Stats, error) {
	st := tm.Stats{Langs: map[string]int{}}
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(confirmed), 0) FROM unit`).Scan(&st.Units, &st.Confirmed)
	if err != nil {
		return st, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT
		coalesce(sum(name LIKE 'doc/%'), 0), coalesce(sum(name LIKE 'tmx/%'), 0) FROM source`).Scan(&st.Documents, &st.Imports)
	if err != nil {
		return st, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, texts FROM lang WHERE texts > 0`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return st, err
		}
		st.Langs[name] = n
	}
	return st, rows.Err()
}
