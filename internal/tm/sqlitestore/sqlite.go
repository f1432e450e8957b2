// Package sqlitestore keeps a translation memory in one SQLite file,
// through the pure-Go driver modernc.org/sqlite: no server, no cgo.
//
// Layout: a table of units, each with its texts in one column, and an
// FTS5 index of the texts. A text's row id in the index is the unit's id
// times 64 plus its language's number, so the language of a hit is known
// without a look-up and a query filters on it inside SQLite.
//
// The index uses FTS5's unicode61 tokenizer (words, case folded), not the
// trigram tokenizer: it keeps a document frequency per word (fts5vocab),
// which lets a fuzzy look-up ask only for the rarest words of a sentence,
// and its prefix queries ("тока"*) find the inflected forms of Russian and
// Kazakh words, whose endings follow the stem. A trigram index answers
// neither question cheaply (a trigram such as "ого" is in half the
// Russian sentences) and is about three times larger. What it gives up is
// a hit inside a word (прокуратур in Генпрокуратура).
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver

	"github.com/tilmash/tilmash/internal/tm"
)

const schema = `
CREATE TABLE IF NOT EXISTS source(
	name TEXT PRIMARY KEY, hash TEXT NOT NULL, stamp TEXT NOT NULL,
	time INTEGER NOT NULL, units INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS unit(
	id INTEGER PRIMARY KEY, source TEXT NOT NULL, grp INTEGER NOT NULL,
	confirmed INTEGER NOT NULL, time INTEGER NOT NULL, note TEXT NOT NULL,
	vars TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS unit_source ON unit(source, grp);
CREATE TABLE IF NOT EXISTS lang(code INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS text_fts USING fts5(
	text, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS text_vocab USING fts5vocab(text_fts, 'row');
CREATE TABLE IF NOT EXISTS vocab(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
`

// maxLangs is how many languages one memory can hold: a language's number
// is the low six bits of a text's row id.
const maxLangs = 63

// Store is a memory in an SQLite file.
type Store struct {
	db    *sql.DB
	vocab *sql.Stmt            // a word's document frequency
	unit  *sql.Stmt            // a unit by id
	stmts map[string]*sql.Stmt // prepared queries by their text
	langs map[string]int64     // language → number, as stored
	names map[int64]string
}

// Open opens (creating it when missing) the memory in the file path.
func Open(path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-65536)") // 64 MB of pages: a rebuild writes each once
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := s.loadLangs(context.Background(), db); err != nil {
		db.Close()
		return nil, err
	}
	if err := fillVocab(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if s.vocab, err = db.Prepare(`SELECT df FROM vocab WHERE term = ?`); err != nil {
		db.Close()
		return nil, err
	}

	if s.unit, err = db.Prepare(unitCols + ` WHERE id = ?`); err != nil {
		db.Close()
		return nil, err
	}
	s.stmts = map[string]*sql.Stmt{}
	return s, nil
}

// fillVocab fills the table of document frequencies from the index once,
// in a memory written before tilmash kept it.
func fillVocab(db *sql.DB) error {
	var empty, units bool
	if err := db.QueryRow(`SELECT NOT EXISTS(SELECT 1 FROM vocab), EXISTS(SELECT 1 FROM unit)`).Scan(&empty, &units); err != nil {
		return err
	}
	if !empty || !units {
		return nil
	}
	_, err := db.Exec(`INSERT INTO vocab(term, df) SELECT term, doc FROM text_vocab`)
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
	s.vocab.Close()
	s.unit.Close()
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
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

// Apply makes the changes in one transaction.
func (s *Store) Apply(ctx context.Context, reset bool, changes iter.Seq2[tm.Change, error]) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	langs, names := s.langs, s.names
	defer func() {
		if err != nil {
			tx.Rollback()
			s.langs, s.names = langs, names // numbers given in the failed transaction are gone
		}
	}()
	s.langs, s.names = copyMap(langs), copyMap(names)
	if reset {
		// A build from scratch merges the index's segments once, at the
		// end, rather than as they come: FTS5 writes a segment at every
		// statement, and merging them four at a time rewrites every
		// posting once a level. crisismerge still bounds their number.
		for _, q := range []string{`DELETE FROM unit`, `DELETE FROM source`, `DELETE FROM vocab`, `INSERT INTO text_fts(text_fts) VALUES('delete-all')`,
			`INSERT INTO text_fts(text_fts, rank) VALUES('automerge', 0)`, `INSERT INTO text_fts(text_fts, rank) VALUES('crisismerge', 256)`} {
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
		if !c.KeepUnits {
			for i := range c.Units {
				if err := w.insert(ctx, &c.Units[i]); err != nil {
					return err
				}
			}
		}
		src := c.Source
		if _, err := w.putSource.ExecContext(ctx, src.Name, src.Hash, src.Stamp, src.Time.UnixNano(), src.Units); err != nil {
			return err
		}
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	if err := w.writeVocab(ctx); err != nil {
		return err
	}
	if reset {
		for _, q := range []string{`INSERT INTO text_fts(text_fts, rank) VALUES('automerge', 4)`, `INSERT INTO text_fts(text_fts, rank) VALUES('crisismerge', 16)`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	if reset || w.inserted >= optimizeAfter {
		// Merge the index's segments into one: a look-up then reads one
		// b-tree per word instead of one per batch written.
		if _, err := tx.ExecContext(ctx, `INSERT INTO text_fts(text_fts) VALUES('optimize')`); err != nil {
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

// writer batches the inserts of one transaction: rows go in by the
// thousand, one statement each. FTS5 writes its pending terms out as a
// new segment at every statement that follows one that changed it, so
// the fewer, larger statements, the fewer segments to merge.
type writer struct {
	s                    *Store
	tx                   *sql.Tx
	delSource, putSource *sql.Stmt
	selUnits, delUnits   *sql.Stmt
	delText              *sql.Stmt
	next                 int64 // the next unit id
	units                []any
	texts                []any
	inserted             int

	// Document frequencies: removed texts are counted down here, inserted
	// ones are counted up by a goroutine of their own (a rebuild tokenizes
	// millions of texts: that work runs beside SQLite's).
	removed map[string]int
	counted chan []any
	added   chan map[string]int
}

const (
	unitBatch = 1000 // units per INSERT (7 values each)
	textBatch = 4000 // texts per INSERT (2 values each)
)

// optimizeAfter is how many units an Apply writes before it merges the
// index (a rebuild always does).
const optimizeAfter = 50000

func (s *Store) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{s: s, tx: tx, removed: map[string]int{}, counted: make(chan []any, 4), added: make(chan map[string]int, 1)}
	go countTexts(w.counted, w.added)
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
	w.selUnits = prep(`SELECT id, vars FROM unit WHERE source = ?`)
	w.delUnits = prep(`DELETE FROM unit WHERE source = ?`)
	w.delText = prep(`DELETE FROM text_fts WHERE rowid = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM unit`).Scan(&w.next); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *writer) close() {
	if w.counted != nil { // an Apply that failed: stop the counter
		close(w.counted)
		<-w.added
		w.counted = nil
	}
	for _, st := range []*sql.Stmt{w.delSource, w.putSource, w.selUnits, w.delUnits, w.delText} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) removeUnits(ctx context.Context, source string) error {
	if err := w.flush(ctx); err != nil {
		return err
	}
	rows, err := w.selUnits.QueryContext(ctx, source)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var vars string
		if err := rows.Scan(&id, &vars); err != nil {
			rows.Close()
			return err
		}
		for _, v := range decodeVars(vars) {
			if code, ok := w.s.langs[v.Lang]; ok {
				ids = append(ids, id<<6|code)
			}
			countWords(w.removed, v.Text, -1)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := w.delText.ExecContext(ctx, id); err != nil {
			return err
		}
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
	w.inserted++
	conf := 0
	if u.Confirmed {
		conf = 1
	}
	w.units = append(w.units, id, u.Source, u.Group, conf, u.Time.UnixNano(), u.Note, encodeVars(u.Variants))
	for _, v := range u.Variants {
		code, err := w.langCode(ctx, v.Lang)
		if err != nil {
			return err
		}
		w.texts = append(w.texts, id<<6|code, v.Text)
	}
	if len(w.units) >= unitBatch*7 {
		if err := w.flushUnits(ctx); err != nil {
			return err
		}
	}
	if len(w.texts) >= textBatch*2 {
		return w.flushTexts(ctx)
	}
	return nil
}

func (w *writer) flush(ctx context.Context) error {
	if err := w.flushUnits(ctx); err != nil {
		return err
	}
	return w.flushTexts(ctx)
}

func (w *writer) flushUnits(ctx context.Context) error {
	if len(w.units) > 0 {
		q := `INSERT INTO unit(id, source, grp, confirmed, time, note, vars) VALUES` + placeholders(len(w.units)/7, 7)
		if _, err := w.tx.ExecContext(ctx, q, w.units...); err != nil {
			return err
		}
		w.units = w.units[:0]
	}
	return nil
}

func (w *writer) flushTexts(ctx context.Context) error {
	if len(w.texts) > 0 {
		q := `INSERT INTO text_fts(rowid, text) VALUES` + placeholders(len(w.texts)/2, 2)
		if _, err := w.tx.ExecContext(ctx, q, w.texts...); err != nil {
			return err
		}
		w.counted <- w.texts
		w.texts = make([]any, 0, textBatch*2)
	}
	return nil
}

// countWords adds sign to the count of each distinct word of text.
func countWords(counts map[string]int, text string, sign int) {
	toks := tm.Tokens(text)
	for i, t := range toks {
		dup := false
		for _, p := range toks[:i] {
			if p.Key == t.Key {
				dup = true
				break
			}
		}
		if !dup {
			counts[t.Key] += sign
		}
	}
}

// countTexts counts the words of the texts it is sent (row id, text
// pairs) until its channel closes, then sends the counts.
func countTexts(in <-chan []any, out chan<- map[string]int) {
	counts := map[string]int{}
	for texts := range in {
		for i := 1; i < len(texts); i += 2 {
			countWords(counts, texts[i].(string), 1)
		}
	}
	out <- counts
}

// writeVocab adds the transaction's counts to the vocab table.
func (w *writer) writeVocab(ctx context.Context) error {
	close(w.counted)
	added := <-w.added
	w.counted = nil
	for k, n := range w.removed {
		added[k] += n
	}
	const batch = 2000
	args := make([]any, 0, 2*batch)
	put := func() error {
		if len(args) == 0 {
			return nil
		}
		q := `INSERT INTO vocab(term, df) VALUES` + placeholders(len(args)/2, 2) + ` ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`
		_, err := w.tx.ExecContext(ctx, q, args...)
		args = args[:0]
		return err
	}
	for k, n := range added {
		if n == 0 {
			continue
		}
		args = append(args, k, n)
		if len(args) == 2*batch {
			if err := put(); err != nil {
				return err
			}
		}
	}
	return put()
}

func placeholders(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

// Variants are stored in one column: language, U+001F, text, with U+001E
// between variants. Texts never hold these control characters: they are
// sentences of stored texts or TMX segments, and are cleaned on the way in.
func encodeVars(vs []tm.Variant) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(0x1e)
		}
		b.WriteString(v.Lang)
		b.WriteByte(0x1f)
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

// ftsQuote makes a word an FTS5 string.
func ftsQuote(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }

// langFilter is the SQL condition on a text's row id for lang, or "" for
// every language; ok is false for a language the memory has no text in.
func (s *Store) langFilter(lang string) (string, bool) {
	if lang == "" {
		return "", true
	}
	code, ok := s.langs[lang]
	if !ok {
		return "", false
	}
	return " AND (rowid & 63) = " + strconv.FormatInt(code, 10), true
}

// Words finds units with words starting with each prefix, confirmed and
// newest first. The index gives the matching texts, the last stored
// first, at most wordsCap of them; SQLite joins them to their units and
// sorts them, so only the page asked for comes back. A word in more than
// wordsCap texts is thus looked for among the last stored: a concordance
// of "the" shows recent groups, not all of them.
func (s *Store) Words(ctx context.Context, lang string, prefixes []string, offset, limit int) ([]tm.Unit, error) {
	filter, ok := s.langFilter(lang)
	if !ok || len(prefixes) == 0 || limit <= 0 {
		return nil, nil
	}
	parts := make([]string, len(prefixes))
	for i, p := range prefixes {
		parts[i] = ftsQuote(p) + "*"
	}
	q := unitCols + ` WHERE id IN (SELECT rowid >> 6 FROM text_fts WHERE text_fts MATCH ?` + filter + `
		ORDER BY rowid DESC LIMIT ` + strconv.Itoa(wordsCap) + `)
		ORDER BY confirmed DESC, time DESC, id DESC LIMIT ? OFFSET ?`
	st, err := s.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, strings.Join(parts, " AND "), limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tm.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// wordsCap bounds the texts a concordance query reads from the index.
const wordsCap = 2000

// Fuzzy look-up. A sentence's candidates are the texts that share the
// most of its rarest words: the words are ranked by their document
// frequency (table vocab, kept by every Apply), the rarest are asked
// for one by one until their texts add up to vocabCap (at least
// minWords words, at most maxWords), and the texts holding most of them
// are the candidates. Asking for two words or more means a sentence
// whose rarest word was replaced still finds its original by the next.
const (
	vocabCap = 20000
	minWords = 2
	maxWords = 5
	// wordRows bounds the texts read for one word, newest first: a word
	// in every other sentence is not worth more.
	wordRows = 20000
)

// Similar finds the units sharing the most of the rarest words of text.
func (s *Store) Similar(ctx context.Context, lang, text string, limit int) ([]tm.Unit, error) {
	code, ok := s.langs[lang]
	if !ok {
		return nil, nil
	}
	type word struct {
		w  string
		df int64
	}
	var words []word
	seen := map[string]bool{}
	for _, w := range tm.Words(text) {
		if seen[w] {
			continue
		}
		seen[w] = true
		var df int64
		err := s.vocab.QueryRowContext(ctx, w).Scan(&df)
		if errors.Is(err, sql.ErrNoRows) || df <= 0 {
			continue // in no text of the memory
		}
		if err != nil {
			return nil, err
		}
		words = append(words, word{w, df})
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].df < words[j].df })
	// The texts of each word chosen, counted inside SQLite: at a million
	// groups they are thousands of rows, too many to hand to Go one by one.
	var parts []string
	var args []any
	total := int64(0)
	for i, w := range words {
		if i >= maxWords || (i >= minWords && total+w.df > vocabCap) {
			break
		}
		total += w.df
		parts = append(parts, `SELECT * FROM (SELECT rowid FROM text_fts WHERE text_fts MATCH ? AND (rowid & 63) = ? ORDER BY rowid DESC LIMIT ?)`)
		args = append(args, ftsQuote(w.w), code, wordRows)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	q := `SELECT rowid >> 6 AS id FROM (` + strings.Join(parts, " UNION ALL ") + `) GROUP BY id ORDER BY count(*) DESC, id DESC LIMIT ?`
	st, err := s.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.load(ctx, ids)
}

// load reads units by id, in the order of ids.
func (s *Store) load(ctx context.Context, ids []int64) ([]tm.Unit, error) {
	out := make([]tm.Unit, 0, len(ids))
	for _, id := range ids {
		u, err := scanUnit(s.unit.QueryRowContext(ctx, id))
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
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
	rows, err := s.db.QueryContext(ctx, `SELECT rowid & 63, count(*) FROM text_fts GROUP BY 1`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var code int64
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return st, err
		}
		st.Langs[s.names[code]] += n
	}
	return st, rows.Err()
}
