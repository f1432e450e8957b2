package document

import (
	"strings"
	"testing"
	"time"
)

// TestStampConfirmed: a group a person confirms, or whose text they change
// while it stays confirmed, is dated now; confirmed groups the edit left
// as they were keep their date (or their lack of one), even when the edit
// moved or renumbered them; other groups have none.
func TestStampConfirmed(t *testing.T) {
	old := time.Date(2026, 11, 2, 8, 30, 0, 0, time.UTC)
	now := time.Date(2026, 12, 6, 19, 20, 7, 123, time.FixedZone("Astana", 5*3600))
	g := func(st Status, at time.Time, en ...string) *Group {
		gr := &Group{Status: st, ConfirmedAt: at, Sents: map[string][]Sentence{}}
		for i, e := range en {
			gr.Sents["en"] = append(gr.Sents["en"], Sentence{Start: 10 * i, End: 10*i + len(e), Text: e})
		}
		return gr
	}
	al := func(gs ...*Group) *Alignment { return &Alignment{Languages: []string{"en"}, Groups: gs} }
	want := now.UTC().Truncate(time.Second)
	for _, c := range []struct {
		name          string
		before, after *Alignment
		dates         []time.Time
	}{
		{"confirmed now", al(g(Aligned, time.Time{}, "One.")), al(g(Confirmed, time.Time{}, "One.")), []time.Time{want}},
		{"left alone", al(g(Confirmed, old, "One."), g(Aligned, time.Time{}, "Two.")),
			al(g(Confirmed, old, "One."), g(Confirmed, time.Time{}, "Two.")), []time.Time{old, want}},
		{"undated stays undated", al(g(Confirmed, time.Time{}, "One.")), al(g(Confirmed, time.Time{}, "One.")), []time.Time{{}}},
		{"text changed, still confirmed", al(g(Confirmed, old, "One.")), al(g(Confirmed, old, "One!")), []time.Time{want}},
		{"renumbered by a merge before it", al(g(Aligned, time.Time{}, "A."), g(Aligned, time.Time{}, "B."), g(Confirmed, old, "One.")),
			al(g(Aligned, time.Time{}, "A.", "B."), g(Confirmed, old, "One.")), []time.Time{{}, old}},
		{"unconfirmed loses its date", al(g(Confirmed, old, "One.")), al(g(Aligned, old, "One.")), []time.Time{{}}},
		{"two alike, one new", al(g(Confirmed, old, "Yes."), g(Aligned, time.Time{}, "Yes.")),
			al(g(Confirmed, old, "Yes."), g(Confirmed, time.Time{}, "Yes.")), []time.Time{old, want}},
		{"no alignment before", nil, al(g(Confirmed, time.Time{}, "One.")), []time.Time{want}},
	} {
		StampConfirmed(c.before, c.after, now)
		for i, gr := range c.after.Groups {
			if !gr.ConfirmedAt.Equal(c.dates[i]) {
				t.Errorf("%s: group %d dated %v, want %v", c.name, i+1, gr.ConfirmedAt, c.dates[i])
			}
		}
	}
}

// TestConfirmedInTheFile: the date is written on confirmed groups only, in
// UTC to the second, reads back, and a date that is not one is refused
// with its line and column.
func TestConfirmedInTheFile(t *testing.T) {
	at := time.Date(2026, 12, 6, 19, 20, 7, 0, time.UTC)
	a := &Alignment{Document: "d", Pivot: "en", Languages: []string{"en"}, Sources: map[string]string{}, Groups: []*Group{
		{Status: Confirmed, Score: 0.9, ConfirmedAt: at, Sents: map[string][]Sentence{"en": {{Start: 0, End: 4, Text: "One."}}}},
		{Status: Aligned, Score: 0.9, ConfirmedAt: at, Sents: map[string][]Sentence{"en": {{Start: 5, End: 9, Text: "Two."}}}},
	}}
	data, err := a.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n    confirmed: 2026-12-06T19:20:07Z\n"); n != 1 {
		t.Fatalf("%d confirmed dates in\n%s", n, data)
	}
	b, err := ParseAlignment("alignment.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Groups[0].ConfirmedAt.Equal(at) || !b.Groups[1].ConfirmedAt.IsZero() {
		t.Errorf("read back %v, %v", b.Groups[0].ConfirmedAt, b.Groups[1].ConfirmedAt)
	}
	for _, bad := range []string{"yesterday", "2026-12-06", "2026-12-06T19:20:07+05:00", "2026-12-06T19:20:07.5Z", "[1]"} {
		in := strings.Replace(string(data), "2026-12-06T19:20:07Z", bad, 1)
		_, err := ParseAlignment("alignment.yaml", []byte(in))
		if err == nil || !strings.Contains(err.Error(), "alignment.yaml:10:16:") || !strings.Contains(err.Error(), "confirmed") {
			t.Errorf("confirmed: %s: error %v, want one at alignment.yaml:10:16 about confirmed", bad, err)
		}
	}
}
