package exportcmd

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
)

// TestDefaultLabels keeps the English words the export package uses on
// its own (when no catalogue is given) the same as the English catalogue,
// and checks that every label exists in each language.
func TestDefaultLabels(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range export.DefaultLabels {
			got := loc.T(id, nil)
			if got == id {
				t.Errorf("%s: label %s is not in the catalogue", lang, id)
			}
			if lang == "en" && got != want && id != "export.html.counts" && id != "export.html.forced" && id != "export.html.generated" {
				t.Errorf("en %s = %q, export.DefaultLabels has %q", id, got, want)
			}
		}
		if got := loc.T("export.html.lang", nil); got != lang {
			t.Errorf("%s: export.html.lang = %q", lang, got)
		}
	}
	en, _ := locale.New("en")
	data := map[string]any{"Groups": 5, "Confirmed": 1, "Flagged": 2, "Findings": 3, "Version": "1.0"}
	for _, id := range []string{"export.html.counts", "export.html.forced", "export.html.generated"} {
		want := export.DefaultLabels[id]
		for k, v := range data {
			want = strings.ReplaceAll(want, "{{."+k+"}}", fmt.Sprint(v))
		}
		if got := en.T(id, data); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
}
