package sqlitestore

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/tm"
)

var indexRounds = flag.Int("index.rounds", 60, "TestIndexAgainstModel: updates applied")

// TestIndexAgainstModel applies random updates (documents added, changed,
// removed; merges made frequent) and checks after each that the index
// agrees with the units and that concordance and fuzzy candidates are
// those a scan of every unit gives.
func TestIndexAgainstModel(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.maxSegments, s.maxDeleted = 6, 40
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := map[string][]string{
		"en": {"budget", "budgets", "Tokayev", "talks", "the", "lasted", "hours", "parliament", "Astana", "12", "May"},
		"ru": {"бюджет", "бюджета", "Токаев", "Токаеву", "переговоры", "Астане", "и", "в", "часа", "Парламент"},
		"kk": {"бюджет", "Тоқаев", "Тоқаевқа", "Астанаға", "мен", "үш", "сағат", "келді"},
	}
	sentence := func(lang string) string {
		ws := vocab[lang]
		n := 2 + rng.IntN(6)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = ws[rng.IntN(len(ws))]
		}
		return strings.Join(parts, " ") + "."
	}
	docs := map[string]bool{}
	for round := 0; round < *indexRounds; round++ {
		var changes []tm.Change
		for k := 1 + rng.IntN(3); k > 0; k-- {
			name := fmt.Sprintf("doc/d%d", rng.IntN(12))
			if docs[name] && rng.IntN(4) == 0 {
				changes = append(changes, tm.Change{Source: tm.Source{Name: name}, Remove: true})
				delete(docs, name)
				continue
			}
			units := make([]tm.Unit, 1+rng.IntN(8))
			for g := range units {
				units[g] = tm.Unit{Source: name, Group: g + 1, Confirmed: rng.IntN(2) == 0}
				for _, l := range []string{"en", "ru", "kk"} {
					if rng.IntN(5) > 0 {
						units[g].Variants = append(units[g].Variants, tm.Variant{Lang: l, Text: sentence(l)})
					}
				}
				if len(units[g].Variants) == 0 {
					units[g].Variants = []tm.Variant{{Lang: "en", Text: sentence("en")}}
				}
			}
			changes = append(changes, tm.Change{Source: tm.Source{Name: name, Units: len(units)}, Units: units})
			docs[name] = true
		}
		if err := s.Apply(ctx, round == 30, tm.Changes(changes...)); err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		var all []tm.Unit
		s.All(ctx, func(u *tm.Unit) error { all = append(all, *u); return nil })
		// Concordance: the units with a text holding words starting with
		// each prefix, against a scan.
		for _, q := range []struct {
			lang     string
			prefixes []string
		}{{"ru", []string{"бюдже"}}, {"", []string{"тока"}}, {"", []string{"тоқаев", "астана"}}, {"en", []string{"the", "hour"}}, {"kk", []string{"x"}}} {
			got, err := s.Words(ctx, q.lang, q.prefixes, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, u := range all {
				for _, v := range u.Variants {
					if q.lang != "" && v.Lang != q.lang {
						continue
					}
					ws := tm.Words(v.Text)
					ok := true
					for _, p := range q.prefixes {
						ok = ok && slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, p) })
					}
					if ok {
						want = append(want, u.ID)
						break
					}
				}
			}
			var ids []int64
			for _, u := range got {
				ids = append(ids, u.ID)
			}
			slices.Sort(ids)
			slices.Sort(want)
			if !slices.Equal(ids, want) {
				t.Fatalf("round %d: Words(%q, %q) = %v, want %v", round, q.lang, q.prefixes, ids, want)
			}
			for i := 1; i < len(got); i++ {
				a, b := got[i-1], got[i]
				if a.Confirmed != b.Confirmed && !a.Confirmed || a.Confirmed == b.Confirmed && a.Time.Before(b.Time) {
					t.Fatalf("round %d: Words out of order at %d", round, i)
				}
			}
		}
		// Fuzzy: a live unit's own text finds it among the candidates,
		// and no removed unit comes back.
		live := map[int64]bool{}
		for _, u := range all {
			live[u.ID] = true
		}
		for i := 0; i < 5 && len(all) > 0; i++ {
			u := all[rng.IntN(len(all))]
			v := u.Variants[0]
			cands, err := s.Similar(ctx, v.Lang, v.Text, 1000)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, c := range cands {
				if !live[c.ID] {
					t.Fatalf("round %d: Similar gave unit %d, removed", round, c.ID)
				}
				found = found || c.ID == u.ID
			}
			if !found {
				t.Fatalf("round %d: Similar(%q) misses unit %d", round, v.Text, u.ID)
			}
		}
	}
	segs, _ := loadSegments(ctx, s.db)
	if len(segs) > s.maxSegments {
		t.Errorf("%d segments after the updates, at most %d wanted", len(segs), s.maxSegments)
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, p := range []string{"a", "тока", "z\xff", "abc"} {
		end := prefixEnd(p)
		if !(p < end) || !(p+"\U0010FFFF" < end) || strings.HasPrefix(end, p) && end != p {
			t.Errorf("prefixEnd(%q) = %q", p, end)
		}
	}
}
