package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/tm"
)

// The word index.
//
// A text of a unit is numbered by its unit's id times 64 plus its
// language's number (a "text id"). The index maps each case-folded word
// ([tm.EachWord]) to the ascending list of the texts holding it, kept as
// delta varints, in segments: a segment covers a range of unit ids (a
// build writes one per chunk of units, an update one for the units it
// wrote) and holds one row per word, table posting(word, seg, n, list),
// keyed by word first, so that every segment's list of a word, and the
// words of a prefix, are one range of a dense b-tree; the lists
// themselves are rows of table list(id, ids). A word's document frequency
// is the sum of its n, read without touching a list.
//
// Units removed by an update stay in the lists until their segment is
// merged; their ids are listed in table deleted and left out by every
// query. Segments are merged as in a log-structured merge tree: when the
// newest segments hold four of the same size class (a factor of four),
// they become one; when too many segments or deleted units pile up, all
// of them are merged.

// textID is the id of a unit's text in the language numbered code.
func textID(unit, code int64) uint64 { return uint64(unit)<<6 | uint64(code) }

// plist is a word's (or an anchor's) list being built.
type plist struct {
	last uint64
	n    int32
	hash uint32 // wordHash of the word
	buf  []byte
}

// builder gathers the texts of one segment in memory.
type builder struct {
	words    wordTable        // word → its list in lists
	anchors  map[uint64]int32 // anchor (code<<40 | n<<8 | class) → its list in lists
	lists    []plist
	bytes    int   // the lists' size
	lo, hi   int64 // the unit ids it holds
	postings int
}

// Bounds of a segment built in memory: the size of its lists, and its
// words (each costs about a hundred bytes besides its list). A build of a
// million groups writes a handful of segments and stays far below the
// process's 300 MB.
const (
	segmentBytes = 24 << 20
	segmentWords = 400000
)

func newBuilder() *builder {
	return &builder{words: newWordTable(), anchors: map[uint64]int32{}, lo: -1}
}

func (b *builder) empty() bool { return b.lo < 0 }

func (b *builder) full() bool { return b.bytes >= segmentBytes || b.words.n >= segmentWords }

// add indexes the text of unit in the language numbered code. Units come
// in ascending id order.
func (b *builder) add(unit, code int64, text string) {
	if b.lo < 0 {
		b.lo = unit
	}
	b.hi = unit
	id := textID(unit, code)
	var a anchorText
	tm.EachWordJoined(text, func(w []byte, joined bool) {
		k := b.words.find(w, int32(len(b.lists)))
		if int(k) == len(b.lists) {
			b.lists = append(b.lists, plist{hash: wordHash(w)})
		}
		b.post(k, id)
		a.word(b.lists[k].hash, joined)
	})
	n, classes := a.anchors()
	for _, c := range classes {
		key := uint64(code)<<40 | uint64(n)<<8 | uint64(c)
		k, ok := b.anchors[key]
		if !ok {
			k = int32(len(b.lists))
			b.anchors[key] = k
			b.lists = append(b.lists, plist{})
		}
		b.post(k, id)
	}
}

// wordTable maps words to numbers, by open addressing: a build looks up
// every word of millions of texts, and a map of strings, whose keys the
// garbage collector scans and compares through a pointer, took a third of
// a build's time. Here the words are in one arena and a slot holds the
// high half of a word's hash beside its number.
type wordTable struct {
	slots []uint64 // hash>>32<<32 | number+1; 0 is empty
	spans []uint64 // by number: the word's offset in arena<<32 | its length; 0 for a number not a word's
	arena []byte
	n     int // words
	seed  maphash.Seed
}

func newWordTable() wordTable {
	return wordTable{slots: make([]uint64, 1<<12), seed: maphash.MakeSeed()}
}

// find returns the number of w, giving it next when w is new.
func (t *wordTable) find(w []byte, next int32) int32 {
	h := maphash.Bytes(t.seed, w)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = h>>32<<32 | uint64(next+1)
			for len(t.spans) <= int(next) {
				t.spans = append(t.spans, 0)
			}
			t.spans[next] = uint64(len(t.arena))<<32 | uint64(len(w))
			t.arena = append(t.arena, w...)
			if t.n++; t.n*2 > len(t.slots) {
				t.grow()
			}
			return next
		}
		if s>>32 == h>>32 {
			k := int32(s&(1<<32-1)) - 1
			sp := t.spans[k]
			if string(t.arena[sp>>32:sp>>32+sp&(1<<32-1)]) == string(w) {
				return k
			}
		}
	}
}

func (t *wordTable) grow() {
	slots := make([]uint64, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for k, sp := range t.spans {
		if sp == 0 {
			continue
		}
		h := maphash.Bytes(t.seed, t.arena[sp>>32:sp>>32+sp&(1<<32-1)])
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = h>>32<<32 | uint64(k+1)
	}
	t.slots = slots
}

// The anchors of a text are its length and the hash classes of its
// first two words and its last, counted as a person counts them: a word
// is a run of the index's words with no space between them
// (EachWordJoined), so that Премьер-министр, It's or 1.5 is one word,
// and a sentence with one word replaced by another keeps its length and
// two of its anchors whatever the index makes of the words. The fuzzy
// look-up reads the anchors' keys (anchorWord) of its sentence: among the
// many texts that hold the same rare words (boilerplate, sentences that
// quote a part of another), one of the same length that starts and ends
// the same is the likely original.

// anchorText gathers the anchors of a text from its words, in order.
type anchorText struct {
	n             int    // the words (as a person counts them) so far
	cur           uint32 // the hash of the last one
	first, second uint32
}

// word adds an index word of hash h (wordHash); joined tells that no
// space separates it from the word before.
func (a *anchorText) word(h uint32, joined bool) {
	if joined && a.n > 0 {
		a.cur = (a.cur ^ h) * 16777619
		return
	}
	switch a.n {
	case 1:
		a.first = a.cur
	case 2:
		a.second = a.cur
	}
	a.n++
	a.cur = h
}

// anchors returns the text's length and the classes of its anchor words,
// at most three.
func (a *anchorText) anchors() (int, []uint32) {
	first, second := a.first, a.second
	switch a.n {
	case 0:
		return 0, nil
	case 1:
		return 1, []uint32{a.cur % anchorClasses}
	case 2:
		return 2, []uint32{first % anchorClasses, a.cur % anchorClasses}
	}
	return a.n, []uint32{first % anchorClasses, second % anchorClasses, a.cur % anchorClasses}
}

// textAnchors returns the index's anchor keys of a text in the language
// numbered code (what the look-up reads and Verify checks).
func textAnchors(code int64, text string) []string {
	var a anchorText
	tm.EachWordJoined(text, func(w []byte, joined bool) { a.word(wordHash(w), joined) })
	n, classes := a.anchors()
	var out []string
	for _, c := range classes {
		out = append(out, string(anchorWord(nil, code, n, c)))
	}
	return out
}

// wordHash is FNV-1a of a word.
func wordHash(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// anchorWord appends to buf the index's key of the texts in the language
// numbered code that have n words and, among their anchors, a word of
// hash class c: "\x01", the code, n and the class, separated by ":". No
// word of a text holds that first byte, and a concordance's prefixes sort
// above it. Classes rather than words keep the keys few (a key of its own
// for every length and word would double the index's rows and slow a
// build by a third); a text of another word in the same class gets the
// bonus by chance, one time in anchorClasses.
func anchorWord(buf []byte, code int64, n int, c uint32) []byte {
	buf = append(buf, 1)
	buf = strconv.AppendInt(buf, code, 10)
	buf = append(buf, ':')
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, ':')
	return strconv.AppendInt(buf, int64(c), 10)
}

// anchorClasses is how many classes anchorWord sorts words into.
const anchorClasses = 64

// post lists text id in list k.
func (b *builder) post(k int32, id uint64) {
	p := &b.lists[k]
	if p.n > 0 && p.last == id {
		return // the word again in the same text
	}
	n := len(p.buf)
	p.buf = binary.AppendUvarint(p.buf, id-p.last)
	b.bytes += len(p.buf) - n
	p.last = id
	p.n++
	b.postings++
}

// segment is a segment's record.
type segment struct {
	id, lo, hi int64
	postings   int64
}

// level is the size class of a segment: a factor of four apart.
func (s segment) level() int { return bits.Len64(uint64(s.postings)>>12) / 2 }

// writeSegment writes the builder's lists as segment id, numbering them
// from *list.
func writeSegment(ctx context.Context, tx *sql.Tx, id int64, b *builder, list *int64) (segment, error) {
	seg := segment{id: id, lo: b.lo, hi: b.hi, postings: int64(b.postings)}
	type word struct {
		w string
		k int32
	}
	words := make([]word, 0, len(b.lists))
	for k, sp := range b.words.spans {
		if sp != 0 {
			words = append(words, word{string(b.words.arena[sp>>32 : sp>>32+sp&(1<<32-1)]), int32(k)})
		}
	}
	for a, k := range b.anchors {
		words = append(words, word{string(anchorWord(nil, int64(a>>40), int(a>>8&(1<<32-1)), uint32(a&0xff))), k})
	}
	slices.SortFunc(words, func(x, y word) int { return strings.Compare(x.w, y.w) })
	ins := newRowInserter(tx, "posting(word, seg, n, list)", 4, 500)
	lists := newRowInserter(tx, "list(id, ids)", 2, 200)
	for _, w := range words {
		p := &b.lists[w.k]
		if err := lists.add(ctx, *list, p.buf); err != nil {
			return seg, err
		}
		if err := ins.add(ctx, w.w, id, p.n, *list); err != nil {
			return seg, err
		}
		*list++
	}
	if err := ins.flush(ctx); err != nil {
		return seg, err
	}
	if err := lists.flush(ctx); err != nil {
		return seg, err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO seg(id, lo, hi, postings) VALUES(?, ?, ?, ?)`, seg.id, seg.lo, seg.hi, seg.postings)
	return seg, err
}

// rowInserter inserts rows many at a time, one statement each. OR FAIL:
// a failing statement need not be undone by itself (the transaction is),
// so SQLite keeps no statement journal.
type rowInserter struct {
	tx    *sql.Tx
	into  string
	cols  int
	batch int
	args  []any
	full  *sql.Stmt
}

func newRowInserter(tx *sql.Tx, into string, cols, batch int) *rowInserter {
	return &rowInserter{tx: tx, into: into, cols: cols, batch: batch, args: make([]any, 0, cols*batch)}
}

func (r *rowInserter) add(ctx context.Context, vals ...any) error {
	r.args = append(r.args, vals...)
	if len(r.args) < r.cols*r.batch {
		return nil
	}
	if r.full == nil {
		st, err := r.tx.PrepareContext(ctx, `INSERT OR FAIL INTO `+r.into+` VALUES`+placeholders(r.batch, r.cols))
		if err != nil {
			return err
		}
		r.full = st
	}
	_, err := r.full.ExecContext(ctx, r.args...)
	r.args = r.args[:0]
	return err
}

func (r *rowInserter) flush(ctx context.Context) error {
	defer func() {
		if r.full != nil {
			r.full.Close()
			r.full = nil
		}
	}()
	if len(r.args) == 0 {
		return nil
	}
	_, err := r.tx.ExecContext(ctx, `INSERT OR FAIL INTO `+r.into+` VALUES`+placeholders(len(r.args)/r.cols, r.cols), r.args...)
	r.args = r.args[:0]
	return err
}

func placeholders(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

// decode appends the text ids of a list to out; with code ≥ 0 only those
// of that language.
func decode(out []uint64, buf []byte, code int64) ([]uint64, error) {
	var id uint64
	for len(buf) > 0 {
		// The deltas of a word's texts take one to three bytes.
		var d uint64
		switch {
		case buf[0] < 0x80:
			d = uint64(buf[0])
			buf = buf[1:]
		case len(buf) > 1 && buf[1] < 0x80:
			d = uint64(buf[0]&0x7f) | uint64(buf[1])<<7
			buf = buf[2:]
		case len(buf) > 2 && buf[2] < 0x80:
			d = uint64(buf[0]&0x7f) | uint64(buf[1]&0x7f)<<7 | uint64(buf[2])<<14
			buf = buf[3:]
		default:
			var k int
			if d, k = binary.Uvarint(buf); k <= 0 {
				return out, errDamaged
			}
			buf = buf[k:]
		}
		id += d
		if code < 0 || int64(id&63) == code {
			out = append(out, id)
		}
	}
	return out, nil
}

func encode(buf []byte, ids []uint64) []byte {
	var last uint64
	for _, id := range ids {
		buf = binary.AppendUvarint(buf, id-last)
		last = id
	}
	return buf
}

// Merging. Segments merged become one segment with a new id; the
// deleted units in their range leave the lists and table deleted.
const (
	// mergeWidth is how many segments of one size class are merged.
	mergeWidth = 4
	// maxSegments is how many segments there may be before all are merged.
	maxSegments = 24
	// maxDeleted is how many deleted units may wait in the lists (at
	// least; an eighth of the units when more) before all are merged.
	maxDeleted = 50000
)

// compact merges segments as needed after an update.
func (w *writer) compact(ctx context.Context) error {
	segs, err := loadSegments(ctx, w.tx)
	if err != nil {
		return err
	}
	var deleted, span int64
	if err := w.tx.QueryRowContext(ctx, `SELECT count(*) FROM deleted`).Scan(&deleted); err != nil {
		return err
	}
	for _, s := range segs {
		span += s.hi - s.lo + 1
	}
	if len(segs) > w.s.maxSegments || deleted > max(w.s.maxDeleted, span/8) {
		return w.merge(ctx, segs)
	}
	for len(segs) >= mergeWidth {
		tail := segs[len(segs)-mergeWidth:]
		l := tail[0].level()
		same := true
		for _, s := range tail[1:] {
			if s.level() != l {
				same = false
			}
		}
		if !same {
			break
		}
		merged, err := w.mergeTail(ctx, tail)
		if err != nil {
			return err
		}
		segs = append(segs[:len(segs)-mergeWidth], merged)
	}
	return nil
}

func loadSegments(ctx context.Context, q queryer) ([]segment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, lo, hi, postings FROM seg ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []segment
	for rows.Next() {
		var s segment
		if err := rows.Scan(&s.id, &s.lo, &s.hi, &s.postings); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// merge merges every segment into one: the lists are read in word order
// and written to a new table, which replaces the old.
func (w *writer) merge(ctx context.Context, segs []segment) error {
	if len(segs) == 0 {
		return nil
	}
	if _, err := w.tx.ExecContext(ctx, newTables()); err != nil {
		return err
	}
	merged, err := w.mergeInto(ctx, segs, `SELECT p.word, l.ids FROM posting p JOIN list l ON l.id = p.list ORDER BY p.word, p.seg`)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`DROP TABLE posting`, `ALTER TABLE posting_new RENAME TO posting`, postingIndex,
		`DROP TABLE list`, `ALTER TABLE list_new RENAME TO list`,
		`DELETE FROM seg`, `DELETE FROM deleted`,
	} {
		if _, err := w.tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO seg(id, lo, hi, postings) VALUES(?, ?, ?, ?)`, merged.id, merged.lo, merged.hi, merged.postings)
	return err
}

// mergeTail merges the newest segments, which cover the newest units.
func (w *writer) mergeTail(ctx context.Context, tail []segment) (segment, error) {
	if _, err := w.tx.ExecContext(ctx, newTables()); err != nil {
		return segment{}, err
	}
	first := fmt.Sprint(tail[0].id)
	merged, err := w.mergeInto(ctx, tail, `SELECT p.word, l.ids FROM posting p JOIN list l ON l.id = p.list WHERE p.seg >= `+first+` ORDER BY p.word, p.seg`)
	if err != nil {
		return merged, err
	}
	for _, q := range []string{
		`DELETE FROM list WHERE id IN (SELECT list FROM posting WHERE seg >= ` + first + `)`,
		`DELETE FROM posting WHERE seg >= ` + first,
		`INSERT INTO posting SELECT * FROM posting_new`,
		`INSERT INTO list SELECT * FROM list_new`,
		`DROP TABLE posting_new`, `DROP TABLE list_new`,
		`DELETE FROM seg WHERE id >= ` + fmt.Sprint(tail[0].id),
		fmt.Sprintf(`DELETE FROM deleted WHERE id BETWEEN %d AND %d`, merged.lo, merged.hi),
	} {
		if _, err := w.tx.ExecContext(ctx, q); err != nil {
			return merged, err
		}
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO seg(id, lo, hi, postings) VALUES(?, ?, ?, ?)`, merged.id, merged.lo, merged.hi, merged.postings)
	return merged, err
}

// mergeInto reads the lists of segs (query gives word, ids in word then
// segment order) and writes each word's merged list, without the deleted
// units, to posting_new and list_new as one new segment.
func (w *writer) mergeInto(ctx context.Context, segs []segment, query string) (segment, error) {
	merged := segment{id: segs[len(segs)-1].id + 1, lo: segs[0].lo, hi: segs[len(segs)-1].hi}
	deleted := map[int64]bool{}
	rows, err := w.tx.QueryContext(ctx, `SELECT id FROM deleted WHERE id BETWEEN ? AND ?`, merged.lo, merged.hi)
	if err != nil {
		return merged, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return merged, err
		}
		deleted[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return merged, err
	}
	ins := newRowInserter(w.tx, "posting_new(word, seg, n, list)", 4, 500)
	lists := newRowInserter(w.tx, "list_new(id, ids)", 2, 200)
	var word string
	var ids []uint64
	var buf []byte
	put := func() error {
		if len(deleted) > 0 {
			ids = slices.DeleteFunc(ids, func(id uint64) bool { return deleted[int64(id>>6)] })
		}
		if len(ids) == 0 {
			return nil
		}
		buf = encode(buf[:0], ids)
		merged.postings += int64(len(ids))
		// The row keeps its own copy: the inserter sends rows in batches.
		if err := lists.add(ctx, w.list, slices.Clone(buf)); err != nil {
			return err
		}
		w.list++
		return ins.add(ctx, word, merged.id, len(ids), w.list-1)
	}
	rows, err = w.tx.QueryContext(ctx, query)
	if err != nil {
		return merged, err
	}
	defer rows.Close()
	first := true
	for rows.Next() {
		var wd string
		var list []byte
		if err := rows.Scan(&wd, &list); err != nil {
			return merged, err
		}
		if first || wd != word {
			if !first {
				if err := put(); err != nil {
					return merged, err
				}
			}
			first, word, ids = false, wd, ids[:0]
		}
		if ids, err = decode(ids, list, -1); err != nil {
			return merged, err
		}
	}
	if err := rows.Err(); err != nil {
		return merged, err
	}
	if !first {
		if err := put(); err != nil {
			return merged, err
		}
	}
	if err := ins.flush(ctx); err != nil {
		return merged, err
	}
	return merged, lists.flush(ctx)
}

func postingTable(name string) string {
	return `CREATE TABLE IF NOT EXISTS ` + name + `(word TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL, list INTEGER NOT NULL,
	PRIMARY KEY(word, seg)) WITHOUT ROWID;`
}

func listTable(name string) string {
	return `CREATE TABLE IF NOT EXISTS ` + name + `(id INTEGER PRIMARY KEY, ids BLOB NOT NULL);`
}

// newTables are the tables a merge writes, replacing the lists it reads.
func newTables() string {
	return `DROP TABLE IF EXISTS posting_new; DROP TABLE IF EXISTS list_new; ` + postingTable("posting_new") + listTable("list_new")
}

const postingIndex = `CREATE INDEX IF NOT EXISTS posting_seg ON posting(seg)`
