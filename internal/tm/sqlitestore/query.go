package sqlitestore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/tm"
)

// view is what the queries read besides the lists: the segments and the
// deleted units. It is kept while the file's data_version stays (another
// process's commit changes it; an Apply of this store drops it).
type view struct {
	segs    []segment
	deleted map[int64]bool
	df      map[string]int64 // document frequencies asked for, at most dfCacheSize
	// The candidates of the last concordance query, in its order: the
	// pages of one search need them once.
	words     string
	wordsIDs  []int64
	wordsDone bool
}

// current returns the view, read again when the file changed.
func (s *Store) current(ctx context.Context) (*view, error) {
	var version int64
	st, err := s.prepared(ctx, `PRAGMA data_version`)
	if err != nil {
		return nil, err
	}
	if err := st.QueryRowContext(ctx).Scan(&version); err != nil {
		return nil, err
	}
	if s.view != nil && version == s.version {
		return s.view, nil
	}
	v := &view{deleted: map[int64]bool{}, df: map[string]int64{}}
	if v.segs, err = loadSegments(ctx, s.db); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM deleted`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		v.deleted[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.loadLangs(ctx, s.db); err != nil {
		return nil, err
	}
	s.view, s.version = v, version
	return v, nil
}

// each calls fn with every text id of a list.
func each(buf []byte, fn func(uint64)) error {
	var id uint64
	for len(buf) > 0 {
		d, k := binary.Uvarint(buf)
		if k <= 0 {
			return errDamaged
		}
		buf = buf[k:]
		id += d
		fn(id)
	}
	return nil
}

// prefixEnd is the least string above every string starting with p
// (SQLite compares text byte by byte).
func prefixEnd(p string) string {
	b := []byte(p)
	for len(b) > 0 && b[len(b)-1] == 0xff {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return "\xff"
	}
	b[len(b)-1]++
	return string(b)
}

// Words finds units with words starting with each prefix, in one text,
// confirmed and newest first. The segments are read from the newest: in
// each, a bitmap of its units for every prefix (and language), the
// prefix's words' lists set in it, and the bitmaps' intersection gives
// the texts holding all; at most wordsCap units are taken, the last
// stored first, then ordered. A word in more than wordsCap texts is thus
// looked for among the last stored: a concordance of "the" shows recent
// groups, not all of them.
func (s *Store) Words(ctx context.Context, lang string, prefixes []string, offset, limit int) ([]tm.Unit, error) {
	v, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	code := int64(-1)
	if lang != "" {
		c, ok := s.langs[lang]
		if !ok {
			return nil, nil
		}
		code = c
	}
	if len(prefixes) == 0 || limit <= 0 {
		return nil, nil
	}
	key := lang + "\x00" + strings.Join(prefixes, "\x00")
	if !v.wordsDone || v.words != key {
		ids, err := s.wordCandidates(ctx, v, code, prefixes)
		if err != nil {
			return nil, err
		}
		if ids, err = s.concordanceOrder(ctx, ids); err != nil {
			return nil, err
		}
		v.words, v.wordsIDs, v.wordsDone = key, ids, true
	}
	ids := v.wordsIDs
	if offset >= len(ids) {
		return nil, nil
	}
	return s.load(ctx, ids[offset:min(len(ids), offset+limit)])
}

// wordsCap bounds the units a concordance query takes from the index.
const wordsCap = 2000

// wordCandidates are the units, newest first, with a text (in the
// language numbered code, or any when code < 0) holding a word that
// starts with each prefix.
func (s *Store) wordCandidates(ctx context.Context, v *view, code int64, prefixes []string) ([]int64, error) {
	st, err := s.prepared(ctx, `SELECT l.ids FROM posting p JOIN list l ON l.id = p.list WHERE p.word >= ? AND p.word < ? AND p.seg = ?`)
	if err != nil {
		return nil, err
	}
	var out []int64
	for si := len(v.segs) - 1; si >= 0 && len(out) < wordsCap; si-- {
		seg := v.segs[si]
		words := int(seg.hi-seg.lo+1+63) / 64
		var acc map[uint64][]uint64 // language number → units holding every prefix so far
		for pi, p := range prefixes {
			cur := map[uint64][]uint64{}
			// (max: the index's anchor keys sort below every word.)
			rows, err := st.QueryContext(ctx, max(p, "\x02"), prefixEnd(p), seg.id)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var list []byte
				if err := rows.Scan(&list); err != nil {
					rows.Close()
					return nil, err
				}
				err := each(list, func(id uint64) {
					c := id & 63
					if code >= 0 && c != uint64(code) {
						return
					}
					if pi > 0 && acc[c] == nil {
						return
					}
					bm := cur[c]
					if bm == nil {
						bm = make([]uint64, words)
						cur[c] = bm
					}
					u := int64(id>>6) - seg.lo
					if u >= 0 && int(u>>6) < len(bm) {
						bm[u>>6] |= 1 << (u & 63)
					}
				})
				if err != nil {
					rows.Close()
					return nil, err
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
			if pi > 0 {
				for c, bm := range cur {
					for i, w := range acc[c] {
						bm[i] &= w
					}
				}
			}
			acc = cur
			if len(acc) == 0 {
				break
			}
		}
		if len(acc) == 0 {
			continue
		}
		union := make([]uint64, words)
		for _, bm := range acc {
			for i, w := range bm {
				union[i] |= w
			}
		}
		for i := len(union) - 1; i >= 0 && len(out) < wordsCap; i-- {
			for w := union[i]; w != 0 && len(out) < wordsCap; {
				b := 63 - bits.LeadingZeros64(w)
				w &^= 1 << b
				if u := seg.lo + int64(i)*64 + int64(b); !v.deleted[u] {
					out = append(out, u)
				}
			}
		}
	}
	return out, nil
}

// concordanceOrder sorts units confirmed first, then newest, then the
// last stored.
func (s *Store) concordanceOrder(ctx context.Context, ids []int64) ([]int64, error) {
	type key struct {
		id, time  int64
		confirmed bool
	}
	keys := make([]key, 0, len(ids))
	err := queryIn(ctx, s, `SELECT id, confirmed, time FROM unit INDEXED BY unit_order WHERE id IN `, ids, func(rows *sql.Rows) error {
		var k key
		if err := rows.Scan(&k.id, &k.confirmed, &k.time); err != nil {
			return err
		}
		keys = append(keys, k)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.confirmed != b.confirmed {
			if a.confirmed {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.time, a.time); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	out := make([]int64, len(keys))
	for i, k := range keys {
		out[i] = k.id
	}
	return out, nil
}

// loadBatch is how many ids one query of units names.
const loadBatch = 500

// dfCacheSize bounds the document frequencies a view keeps.
const dfCacheSize = 100000

// Fuzzy look-up. A sentence's candidates are the texts that share the
// most of its rarest words: the words are ranked by their document
// frequency (the sum of their lists' lengths), the rarest are read one by
// one until their texts add up to vocabCap (at least minWords words, at
// most maxWords), and the texts holding most of them are the candidates.
// Reading two words or more means a sentence whose rarest word was
// replaced still finds its original by the next.
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
	v, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	code, ok := s.langs[lang]
	if !ok || limit <= 0 {
		return nil, nil
	}
	type word struct {
		w  string
		df int64
	}
	var words []word
	seen := map[string]bool{}
	var distinct []string
	var a anchorText // its anchors
	tm.EachWordJoined(text, func(w []byte, joined bool) {
		a.word(wordHash(w), joined)
		if seen[string(w)] {
			return
		}
		seen[string(w)] = true
		// The frequencies of words looked up before in this view: the
		// common words of a text come again in the next sentence.
		if df, ok := v.df[string(w)]; ok {
			if df > 0 {
				words = append(words, word{string(w), df})
			}
			return
		}
		distinct = append(distinct, string(w))
	})
	if len(v.df)+len(distinct) > dfCacheSize {
		v.df = map[string]int64{}
	}
	err = queryIn(ctx, s, `SELECT word, sum(n) FROM posting WHERE word IN `, distinct, func(rows *sql.Rows) error {
		var wd word
		if err := rows.Scan(&wd.w, &wd.df); err != nil {
			return err
		}
		if wd.df > 0 {
			words = append(words, wd)
			v.df[wd.w] = wd.df
		}
		return nil
	}, ` GROUP BY word`)
	if err != nil {
		return nil, err
	}
	for _, w := range distinct {
		if _, ok := v.df[w]; !ok {
			v.df[w] = 0 // in no text
		}
	}
	slices.SortStableFunc(words, func(a, b word) int { return cmp.Or(cmp.Compare(a.df, b.df), strings.Compare(a.w, b.w)) })
	var chosen []string
	total := int64(0)
	for i, w := range words {
		if i >= maxWords || (i >= minWords && total+w.df > vocabCap) {
			break
		}
		total += w.df
		chosen = append(chosen, w.w)
	}
	if len(chosen) == 0 {
		return nil, nil
	}
	// Their lists in one query, each word's segments in order, decoded
	// into one buffer kept for the next look-up; the bytes are read in
	// place (RawBytes), not copied. The anchors' lists come first (their
	// keys sort below every word), read whole.
	// The anchors' keys at the sentence's length only: reading them at
	// one word more or less too found the original a little more often
	// at 1M groups, when the length counted the index's words (a word
	// replaced by one the index splits in two), but made a look-up a
	// third slower.
	keys := chosen
	n, classes := a.anchors()
	for _, c := range classes {
		keys = append(keys, string(anchorWord(nil, code, n, c)))
	}
	in, args := inList(keys)
	read, err := s.prepared(ctx, `SELECT p.word, l.ids FROM posting p JOIN list l ON l.id = p.list WHERE p.word IN `+in+` ORDER BY p.word, p.seg`)
	if err != nil {
		return nil, err
	}
	rows, err := read.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	sc := &s.similar
	ids, lists, prev := sc.ids[:0], sc.lists[:0], sc.word[:0]
	start := 0
	same := sc.same[:0]
	// cut ends a word's list: its newest wordRows texts; an anchor's
	// list is read whole.
	cut := func() {
		if prev[0] == 1 {
			same = append(same, ids[start:len(ids):len(ids)])
		} else {
			lists = append(lists, ids[max(start, len(ids)-wordRows):len(ids):len(ids)])
		}
		start = len(ids)
	}
	var w, list sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&w, &list); err != nil {
			rows.Close()
			return nil, err
		}
		if len(prev) > 0 && string(w) != string(prev) {
			cut()
		}
		prev = append(prev[:0], w...)
		if ids, err = decode(ids, list, code); err != nil {
			rows.Close()
			return nil, err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(prev) > 0 {
		cut()
	}
	sc.ids, sc.lists, sc.word, sc.same = ids, lists, prev, same
	return s.load(ctx, sc.mostShared(lists, same, v.deleted, limit))
}

// similarScratch is the memory one look-up works in, kept by the store
// for the next (a store serves one goroutine at a time).
type similarScratch struct {
	ids   []uint64   // the lists, one after the other
	lists [][]uint64 // each word's list, in ids
	same  [][]uint64 // the anchors' lists, in ids
	full  []bool
	sp    []int
	word  []byte
	pos   []int
	head  []uint64
	best  []int64 // mostShared's newest ids of each rank, limit apiece
	n     []int
}

// mostShared merges ascending lists of text ids and returns the units of
// the limit ids found in most lists, among equals those in most lists of
// same (the anchors' lists) first, then the newest, leaving out deleted
// units. It walks the lists from their ends, newest first, and keeps for
// every rank the first limit units it meets.
func (sc *similarScratch) mostShared(lists [][]uint64, same [][]uint64, deleted map[int64]bool, limit int) []int64 {
	k := len(lists)
	if k == 0 || limit <= 0 {
		return nil
	}
	// pos[i] is list i's next id from the end, head[i] that id, or 0
	// when the list is done (a text id is never 0: languages are
	// numbered from 1).
	sc.pos, sc.head = sc.pos[:0], sc.head[:0]
	for _, l := range lists {
		sc.pos = append(sc.pos, len(l)-1)
		h := uint64(0)
		if len(l) > 0 {
			h = l[len(l)-1]
		}
		sc.head = append(sc.head, h)
	}
	pos, head := sc.pos[:k], sc.head[:k]
	// sp[j] is the position in same[j] of the greatest id not above the
	// ids met.
	sc.sp = sc.sp[:0]
	for _, l := range same {
		sc.sp = append(sc.sp, len(l)-1)
	}
	sp := sc.sp
	// A unit found in c lists and b lists of same has rank
	// r = (c-1)*(s+1) + b; best[r*limit:][:n[r]] holds those of rank r.
	s := len(same)
	ranks := k * (s + 1)
	if cap(sc.best) < ranks*limit {
		sc.best = make([]int64, ranks*limit)
	}
	best := sc.best[:ranks*limit]
	sc.n = append(sc.n[:0], make([]int, ranks)...)
	n := sc.n[:ranks]
	checkDeleted := len(deleted) > 0
	// full[c-1]: every rank of the units found in c lists has its limit.
	sc.full = append(sc.full[:0], make([]bool, k)...)
	full := sc.full[:k]
	for {
		most := head[0]
		for _, h := range head[1:] {
			most = max(most, h)
		}
		if most == 0 {
			break
		}
		c := 0
		for i, h := range head {
			if h == most {
				c++
				p := pos[i] - 1
				pos[i] = p
				if p >= 0 {
					head[i] = lists[i][p]
				} else {
					head[i] = 0
				}
			}
		}
		r := (c - 1) * (s + 1)
		if full[c-1] {
			continue // sp catches up at the next unit that needs it
		}
		for j, l := range same {
			p := sp[j]
			for p >= 0 && l[p] > most {
				p--
			}
			sp[j] = p
			if p >= 0 && l[p] == most {
				r++
			}
		}
		if n[r] < limit {
			u := int64(most >> 6)
			if !checkDeleted || !deleted[u] {
				best[r*limit+n[r]] = u
				n[r]++
				if n[r] == limit {
					full[c-1] = !slices.ContainsFunc(n[(c-1)*(s+1):c*(s+1)], func(x int) bool { return x < limit })
				}
			}
		}
	}
	var out []int64
	for r := ranks - 1; r >= 0 && len(out) < limit; r-- {
		out = append(out, best[r*limit:][:min(n[r], limit-len(out))]...)
	}
	return out
}

// load reads units by id, in the order of ids, one query for each
// loadBatch of them.
func (s *Store) load(ctx context.Context, ids []int64) ([]tm.Unit, error) {
	byID := make(map[int64]tm.Unit, len(ids))
	err := queryIn(ctx, s, unitCols+` WHERE id IN `, ids, func(rows *sql.Rows) error {
		u, err := scanUnit(rows)
		if err != nil {
			return err
		}
		byID[u.ID] = u
		return nil
	})
	if err != nil {
		return nil, err
	}
	return tm.InOrder(ids, byID), nil
}

var errDamaged = errors.New("a damaged list in the word index")

// queryIn runs the query head + "(?,…)" + tail for each loadBatch of
// vals, and calls row for every row of the answers.
func queryIn[T any](ctx context.Context, s *Store, head string, vals []T, row func(*sql.Rows) error, tail ...string) error {
	for start := 0; start < len(vals); start += loadBatch {
		in, args := inList(vals[start:min(len(vals), start+loadBatch)])
		st, err := s.prepared(ctx, head+in+strings.Join(tail, ""))
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// inList is the placeholders of an IN list for n values and the values,
// padded with the last to a power of two: a few statements serve every
// length.
func inList[T any](vals []T) (string, []any) {
	n := 1
	for n < len(vals) {
		n *= 2
	}
	args := make([]any, n)
	for i := range args {
		args[i] = vals[min(i, len(vals)-1)]
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")", args
}
