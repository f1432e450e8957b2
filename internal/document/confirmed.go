package document

import (
	"hash/maphash"
	"time"
)

// StampConfirmed dates the confirmations of after, an edit of before:
// a confirmed group of after that before holds confirmed with the same
// sentence texts keeps its date (or its lack of one, in a file written
// before tilmash kept dates); any other confirmed group, one a person just
// confirmed or whose text they changed while it stayed confirmed, is dated
// now (UTC, to the second); a group that is not confirmed has no date.
// Groups are matched by their texts, not their positions or spans, so an
// edit that shifts or renumbers other groups leaves their dates alone.
func StampConfirmed(before, after *Alignment, now time.Time) {
	now = now.UTC().Truncate(time.Second)
	seed := maphash.MakeSeed()
	dates := map[uint64][]time.Time{}
	if before != nil {
		for _, g := range before.Groups {
			if g.Status == Confirmed {
				k := g.textKey(seed, before.Languages)
				dates[k] = append(dates[k], g.ConfirmedAt)
			}
		}
	}
	for _, g := range after.Groups {
		if g.Status != Confirmed {
			g.ConfirmedAt = time.Time{}
			continue
		}
		k := g.textKey(seed, after.Languages)
		if ds := dates[k]; len(ds) > 0 {
			g.ConfirmedAt, dates[k] = ds[0], ds[1:]
			continue
		}
		g.ConfirmedAt = now
	}
}

// textKey hashes the group's sentence texts, language by language.
func (g *Group) textKey(seed maphash.Seed, langs []string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, l := range langs {
		h.WriteString(l)
		h.WriteByte(0)
		for _, s := range g.Sents[l] {
			h.WriteString(s.Text)
			h.WriteByte(1)
		}
		h.WriteByte(2)
	}
	return h.Sum64()
}
