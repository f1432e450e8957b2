package sqlitestore

import (
	"context"
	"fmt"
	"slices"

	"github.com/tilmash/tilmash/internal/tm"
)

// Verify checks that the word index agrees with the units: the segments
// cover disjoint ranges in order, every word of every text is listed
// with it, every listed text is a unit's text or a deleted unit's, and
// the counts of texts by language are right. It reads the whole memory:
// a test's check, the analogue of FTS5's integrity-check.
func (s *Store) Verify(ctx context.Context) error {
	segs, err := loadSegments(ctx, s.db)
	if err != nil {
		return err
	}
	for i := 1; i < len(segs); i++ {
		if segs[i].lo <= segs[i-1].hi || segs[i].lo > segs[i].hi {
			return fmt.Errorf("segment %d [%d, %d] after segment %d [%d, %d]", segs[i].id, segs[i].lo, segs[i].hi, segs[i-1].id, segs[i-1].lo, segs[i-1].hi)
		}
	}
	deleted := map[int64]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM deleted`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		deleted[id] = true
	}
	rows.Close()
	// Every list, as word → text ids.
	var orphans, missing int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM list WHERE id NOT IN (SELECT list FROM posting)),
		(SELECT count(*) FROM posting WHERE list NOT IN (SELECT id FROM list))`).Scan(&orphans, &missing); err != nil || orphans+missing > 0 {
		return fmt.Errorf("%d lists of no word, %d words without their list (%v)", orphans, missing, err)
	}
	index := map[string][]uint64{}
	rows, err = s.db.QueryContext(ctx, `SELECT p.word, p.seg, p.n, l.ids FROM posting p JOIN list l ON l.id = p.list ORDER BY p.word, p.seg`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var w string
		var seg, n int64
		var list []byte
		if err := rows.Scan(&w, &seg, &n, &list); err != nil {
			rows.Close()
			return err
		}
		ids, err := decode(nil, list, -1)
		if err != nil {
			rows.Close()
			return err
		}
		if int64(len(ids)) != n || !slices.IsSorted(ids) {
			rows.Close()
			return fmt.Errorf("the list of %q in segment %d: %d ids (%d said), sorted %v", w, seg, len(ids), n, slices.IsSorted(ids))
		}
		index[w] = append(index[w], ids...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	counts := map[string]int{}
	want := map[string]map[uint64]bool{}
	err = s.All(ctx, func(u *tm.Unit) error {
		if deleted[u.ID] {
			return fmt.Errorf("unit %d is live and deleted", u.ID)
		}
		for _, v := range u.Variants {
			counts[v.Lang]++
			id := textID(u.ID, s.langs[v.Lang])
			words := tm.Words(v.Text)
			words = append(words, textAnchors(s.langs[v.Lang], v.Text)...)
			for _, w := range words {
				if want[w] == nil {
					want[w] = map[uint64]bool{}
				}
				want[w][id] = true
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for w, ids := range index {
		for _, id := range ids {
			if !want[w][id] && !deleted[int64(id>>6)] {
				return fmt.Errorf("%q lists text %d, which does not hold it", w, id)
			}
			delete(want[w], id)
		}
	}
	for w, ids := range want {
		for id := range ids {
			return fmt.Errorf("%q is not listed with text %d", w, id)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	for l, n := range counts {
		if st.Langs[l] != n {
			return fmt.Errorf("%d texts in %s counted, %d there", st.Langs[l], l, n)
		}
	}
	return nil
}
