package app

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestWriteTermBaseGaps: a term base's entries without a form in a
// workspace language are gaps, by language, which leave the glossary
// usable; its other problems are blocking.
func TestWriteTermBaseGaps(t *testing.T) {
	for _, tc := range []struct {
		name, tsv    string
		wantGaps     map[string][]string
		wantBlocking int
		wantWarnings int
	}{
		{name: "two languages", tsv: "# en\tkk\tcomment\tid\tkind\nKassym-Jomart Tokayev\tҚасым-Жомарт Тоқаев\t\ttokayev\tperson\nNursultan Nazarbayev\tНұрсұлтан Назарбаев\t\tnazarbayev\tperson\n",
			wantGaps: map[string][]string{"ru": {"tokayev", "nazarbayev"}}},
		{name: "en and ru", tsv: "# en\tru\tcomment\tid\tkind\nMinistry of Finance\tМинистерство финансов\t\tminfin\torganization\n",
			wantGaps: map[string][]string{"kk": {"minfin"}}},
		{name: "a term two entries share: a warning, neither", tsv: "# en\tkk\tcomment\tid\tkind\nMinistry of Finance\tҚаржы министрлігі\t\tminfin\torganization\nMinistry of Finance\tҚаржымині\t\tminfin-2\torganization\n",
			wantGaps: map[string][]string{"ru": {"minfin", "minfin-2"}}, wantWarnings: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
			if err != nil {
				t.Fatal(err)
			}
			ap := New("test")
			tb, err := ap.ReadTermBase(ws, []byte(tc.tsv), "partner.tsv", "", nil)
			if err != nil {
				t.Fatal(err)
			}
			dest, shown := ImportedName(ws, "partner.tsv")
			res, err := ap.WriteTermBase(ws, tb, dest, shown, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			gaps := map[string][]string{}
			for _, g := range res.Gaps {
				gaps[g.Lang] = g.IDs
			}
			if len(gaps) != len(tc.wantGaps) {
				t.Errorf("gaps %v, want %v", gaps, tc.wantGaps)
			}
			for l, ids := range tc.wantGaps {
				if !slices.Equal(gaps[l], ids) {
					t.Errorf("%s gaps %v, want %v", l, gaps[l], ids)
				}
			}
			if len(res.Blocking) != tc.wantBlocking {
				t.Errorf("blocking %v, want %d", res.Blocking, tc.wantBlocking)
			}
			if n := len(res.Problems) - len(res.Blocking) - countGaps(res.Gaps); n != tc.wantWarnings {
				t.Errorf("%d warnings among %v, want %d", n, res.Problems, tc.wantWarnings)
			}
		})
	}
}

func countGaps(gaps []check.Gap) int {
	n := 0
	for _, g := range gaps {
		n += len(g.IDs)
	}
	return n
}
