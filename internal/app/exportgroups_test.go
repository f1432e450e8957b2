package app

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
)

// TestExportGroupsLangs: export DOC writes the languages given, or every
// workspace language of the alignment in the workspace's order; a
// language the alignment lacks and a document with no groups are
// refused.
func TestExportGroupsLangs(t *testing.T) {
	for _, tc := range []struct {
		name      string
		given     []string
		unaligned bool
		want      []string
		wantErr   string
	}{
		{name: "all", want: []string{"en", "ru", "kk"}},
		{name: "given", given: []string{"kk", "en"}, want: []string{"kk", "en"}},
		{name: "not in the alignment", given: []string{"en", "de"}, wantErr: "export.bad-lang.unknown"},
		{name: "not aligned", unaligned: true, wantErr: "export.not-aligned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, d := xliffDoc(t)
			if tc.unaligned {
				if err := os.Remove(d.AlignmentFile()); err != nil {
					t.Fatal(err)
				}
			}
			a, langs, err := ExportGroupsLangs(d, tc.given)
			if tc.wantErr != "" {
				var le *locale.Error
				if !errors.As(err, &le) || le.ID != tc.wantErr {
					t.Fatalf("%v, %v; want error %s", langs, err, tc.wantErr)
				}
				return
			}
			if err != nil || a == nil || !slices.Equal(langs, tc.want) {
				t.Fatalf("%v, %v; want %v", langs, err, tc.want)
			}
		})
	}
}

// TestExportGroupsState: an alignment that matches its texts has nothing
// to warn of; a sentence added to a text since is in no group (and the
// alignment no longer matches).
func TestExportGroupsState(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	a, langs, err := ExportGroupsLangs(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ap.ExportGroupsState(d, a, langs)
	if err != nil || len(st.Stale) > 0 || len(st.Unaligned) > 0 {
		t.Fatalf("fresh: %+v, %v; want nothing", st, err)
	}
	text, err := d.Text("ru")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ap.Import(ws, d.ID, "ru", []byte(text+"\nНовое предложение в конце.\n"), "ru.txt", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if d, err = document.Open(ws, d.ID); err != nil {
		t.Fatal(err)
	}
	st, err = ap.ExportGroupsState(d, a, langs)
	if err != nil || st.Unaligned["ru"] == 0 && len(st.Stale) == 0 {
		t.Fatalf("after an added sentence: %+v, %v; want it said", st, err)
	}
	if st.Unaligned["en"] != 0 || st.Unaligned["kk"] != 0 {
		t.Errorf("unaligned %v, want Russian only", st.Unaligned)
	}
}

// TestExportGroupsOptions: export's options carry the languages, the
// units, the forced blockers, and for HTML alone the marks.
func TestExportGroupsOptions(t *testing.T) {
	ap, _, d := xliffDoc(t)
	a, langs, err := ExportGroupsLangs(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ap.Inspect(d, a, langs, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Blockers) == 0 {
		t.Fatal("the sample has no flagged group")
	}
	labels := func(id string, _ map[string]any) string { return id }
	for _, format := range []string{"tmx", "html"} {
		opt := ap.ExportGroupsOptions(d, a, v, format, langs, export.UnitsGroups, labels)
		if !slices.Equal(opt.Langs, langs) || opt.Units != export.UnitsGroups || len(opt.Forced) != len(v.Blockers) || opt.Version != "test" {
			t.Errorf("%s: options %+v", format, opt)
		}
		want := 0
		if format == "html" {
			want = len(v.Marks(a, langs, func(f check.Finding) string { return f.Error() }))
		}
		if len(opt.Marks) != want {
			t.Errorf("%s: %d marks, want %d", format, len(opt.Marks), want)
		}
	}
}

// TestExportLocalizedLang: export --lang takes a workspace language the
// document has a text in.
func TestExportLocalizedLang(t *testing.T) {
	_, ws, d := xliffDoc(t)
	ws.Config.Languages = append(ws.Config.Languages, "de")
	for _, tc := range []struct {
		lang, wantErr string
	}{
		{lang: "kk"},
		{lang: "en"},
		{lang: "de", wantErr: "document.missing-language"},
		{lang: "fr", wantErr: "document.bad-language"},
	} {
		err := ExportLocalizedLang(d, tc.lang)
		var le *locale.Error
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tc.lang, err)
		case tc.wantErr != "" && (!errors.As(err, &le) || !strings.Contains(le.ID, tc.wantErr)):
			t.Errorf("%s: %v, want error %s", tc.lang, err, tc.wantErr)
		}
	}
}
