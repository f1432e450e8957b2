package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

func langsWorkspace() *workspace.Workspace {
	return &workspace.Workspace{Config: workspace.Config{Languages: []string{"en", "ru", "kk"}}}
}

func TestParseLangs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		err  string // the error's message id
	}{
		{in: "", want: nil},
		{in: "en,ru", want: []string{"en", "ru"}},
		{in: "kk en", want: []string{"kk", "en"}},
		{in: "EN, RU,", want: []string{"en", "ru"}},
		{in: "en,,kk", want: []string{"en", "kk"}},
		{in: "en,de", err: "document.bad-language"},
		{in: "en,en", err: "app.langs-repeated"},
		{in: "en,EN", err: "app.langs-repeated"},
	} {
		got, err := ParseLangs(langsWorkspace(), c.in)
		if c.err != "" {
			if locale.ID(err) != c.err {
				t.Errorf("ParseLangs(%q) = %q, %v; want error %s", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseLangs(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// FuzzParseLangs: --langs gives distinct workspace languages that read back
// as themselves, or one of the two errors a person can act on.
func FuzzParseLangs(f *testing.F) {
	for _, s := range []string{"", "en,ru", "kk en", "EN, ru,", "en,en", "de", "ru-RU", "\xff,en"} {
		f.Add(s)
	}
	ws := langsWorkspace()
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseLangs(ws, in)
		if err != nil {
			if id := locale.ID(err); id != "document.bad-language" && id != "app.langs-repeated" {
				t.Fatalf("ParseLangs(%q): error %s %v", in, id, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, l := range got {
			if !ws.HasLanguage(l) || seen[l] {
				t.Fatalf("ParseLangs(%q) = %q", in, got)
			}
			seen[l] = true
		}
		again, err := ParseLangs(ws, strings.Join(got, ","))
		if err != nil || !slices.Equal(again, got) {
			t.Fatalf("ParseLangs(%q) = %q, which reads back as %q, %v", in, got, again, err)
		}
	})
}
