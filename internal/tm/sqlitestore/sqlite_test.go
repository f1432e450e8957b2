package sqlitestore_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/sqlitestore"
	"github.com/tilmash/tilmash/internal/tm/storetest"
)

func open(t *testing.T) tm.Store {
	t.Helper()
	s, err := sqlitestore.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestOpenMigratesFTS5 opens a memory written by tilmash before the word
// index (units beside an FTS5 index): Open gives it the word index in
// place, keeping its units and imports, so no rebuild is needed.
func TestOpenMigratesFTS5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE source(name TEXT PRIMARY KEY, hash TEXT NOT NULL, stamp TEXT NOT NULL, time INTEGER NOT NULL, units INTEGER NOT NULL)`,
		`CREATE TABLE unit(id INTEGER PRIMARY KEY, source TEXT NOT NULL, grp INTEGER NOT NULL, confirmed INTEGER NOT NULL, time INTEGER NOT NULL, note TEXT NOT NULL, vars TEXT NOT NULL)`,
		`CREATE INDEX unit_source ON unit(source, grp)`,
		`CREATE TABLE lang(code INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)`,
		`CREATE VIRTUAL TABLE text_fts USING fts5(text, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0')`,
		`CREATE VIRTUAL TABLE text_vocab USING fts5vocab(text_fts, 'row')`,
		`CREATE TABLE vocab(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID`,
		`INSERT INTO lang VALUES(1, 'en'), (2, 'ru')`,
		`INSERT INTO source VALUES('tmx/old', 'h', 's', 0, 2)`,
		"INSERT INTO unit VALUES(7, 'tmx/old', 1, 1, 0, '', 'en\x1fThe budget of Astana.\x1eru\x1fБюджет Астаны.')",
		"INSERT INTO unit VALUES(9, 'tmx/old', 2, 0, 0, '', 'en\x1fTokayev arrived.')",
		`INSERT INTO text_fts(rowid, text) VALUES(7*64+1, 'The budget of Astana.'), (7*64+2, 'Бюджет Астаны.'), (9*64+1, 'Tokayev arrived.')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.Words(ctx, "ru", []string{"астан"}, 0, 10); err != nil || len(hits) != 1 || hits[0].ID != 7 {
		t.Errorf("Words after the migration: %+v %v", hits, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Units != 2 || st.Langs["en"] != 2 || st.Langs["ru"] != 1 {
		t.Errorf("Stats after the migration: %+v %v", st, err)
	}
	// New units get new ids.
	if err := s.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/new", Units: 1}, Units: unitsOf("doc/new", 1)})); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.Similar(ctx, "en", "Tokayev arrived.", 5); err != nil || len(hits) != 1 || hits[0].ID != 9 {
		t.Errorf("Similar after the migration: %+v %v", hits, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestSeesAnotherWriter has one store answer queries (so that it keeps a
// view of the index) while a second one, as another tilmash process
// would, writes the same file: the first one's next queries see the new
// units, and no longer the removed ones.
func TestSeesAnotherWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	reader, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	writer, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	put := func(source, text string) {
		t.Helper()
		u := tm.Unit{Source: source, Group: 1, Variants: []tm.Variant{{Lang: "en", Text: text}}}
		if err := writer.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: source, Units: 1}, Units: []tm.Unit{u}})); err != nil {
			t.Fatal(err)
		}
	}
	similar := func(text string) []string {
		t.Helper()
		us, err := reader.Similar(ctx, "en", text, 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range us {
			out = append(out, u.TextIn("en"))
		}
		return out
	}
	put("doc/a", "The talks lasted three hours.")
	if got := similar("The talks lasted two hours."); len(got) != 1 {
		t.Fatalf("before: %q", got)
	}
	put("doc/b", "The talks in Astana lasted two hours.")
	if got := similar("The talks lasted two hours."); len(got) != 2 {
		t.Fatalf("after a unit was added by another store: %q", got)
	}
	if err := writer.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/a"}, Remove: true})); err != nil {
		t.Fatal(err)
	}
	if got := similar("The talks lasted two hours."); len(got) != 1 || got[0] != "The talks in Astana lasted two hours." {
		t.Fatalf("after a unit was removed by another store: %q", got)
	}
	if us, err := reader.Words(ctx, "en", []string{"astana"}, 0, 10); err != nil || len(us) != 1 {
		t.Fatalf("Words after the changes: %v, %v", us, err)
	}
}

// TestSimilarFindsTheOriginalAmongCopies is the fuzzy look-up's candidate
// choice in a memory where many newer texts copy most of an old one (a
// newsroom's boilerplate; the bench memory's synthetic sentences): 60
// texts hold all of its rarer words, each with other first words. The
// candidates were the newest texts holding most of the sentence's rarest
// words, so the original, the oldest, was never one of them; among texts
// that hold as many, those of its length that start and end with its
// words now come first.
func TestSimilarFindsTheOriginalAmongCopies(t *testing.T) {
	ctx := context.Background()
	s, err := sqlitestore.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const original = "The minister worried about looking like muppets today"
	texts := []string{original}
	for i := range 100 { // the first words are common
		texts = append(texts, fmt.Sprintf("The minister walked home on day %d", i))
	}
	for i := range 60 {
		texts = append(texts, fmt.Sprintf("Copy%d number%d worried about looking like muppets today", i, i))
	}
	var units []tm.Unit
	for i, text := range texts {
		units = append(units, tm.Unit{Source: "doc/a", Group: i + 1, Variants: []tm.Variant{{Lang: "en", Text: text}}})
	}
	if err := s.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/a", Units: len(units)}, Units: units})); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"The minister about worried looking like muppets today", // two words swapped
		"The minister worried about seeming like muppets today", // a word replaced
	} {
		us, err := s.Similar(ctx, "en", q, 24)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(us, func(u tm.Unit) bool { return u.TextIn("en") == original }) {
			t.Errorf("Similar(%q): the original is not among the %d candidates", q, len(us))
		}
	}
}

// TestOpenReindexesAnOlderIndex opens a memory whose word index has no
// anchors (written before them): Open writes the index again, and the
// look-up and Verify find them.
func TestOpenReindexesAnOlderIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	s, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ctx, false, tm.Changes(tm.Change{Source: tm.Source{Name: "doc/a", Units: 3}, Units: unitsOf("doc/a", 3)})); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM posting WHERE word < char(2)`,
		`DELETE FROM list WHERE id NOT IN (SELECT list FROM posting)`,
		`DELETE FROM meta WHERE key = 'index'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if s, err = sqlitestore.Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Units != 3 {
		t.Errorf("Stats after the new index: %+v %v", st, err)
	}
}
