package locale

import (
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/tilmash/tilmash/locales"
)

// TestPlainLikeGoI18n renders every message of every catalogue that the
// fast path takes (text and {{.Field}} only) both ways, with strings and
// integers, and wants go-i18n's text exactly. go-i18n has them from one
// bundle a language, which holds every message taken (their IDs are
// unique in a catalogue): a bundle a message parsed the plural rules of
// every CLDR language again for each, half the package's processor time.
func TestPlainLikeGoI18n(t *testing.T) {
	taken := 0
	for _, lang := range []string{"en", "ru", "kk"} {
		tag := language.MustParse(lang)
		b := i18n.NewBundle(tag)
		loc := i18n.NewLocalizer(b, lang)
		for _, m := range locales.Messages(lang) {
			ps, ok := plainPieces(m.Other)
			if !ok || !hasField(ps) || m.One != "" || m.Few != "" || m.Many != "" {
				continue
			}
			taken++
			mm := m
			if err := b.AddMessages(tag, &mm); err != nil {
				t.Fatalf("%s %s: %v", lang, m.ID, err)
			}
			for _, val := range []any{"Алматы «x» <b>&amp;", 42, int64(-7)} {
				data := map[string]any{}
				for _, p := range ps {
					data[p.field] = val
				}
				want, err := loc.Localize(&i18n.LocalizeConfig{MessageID: m.ID, TemplateData: data})
				if err != nil {
					t.Fatalf("%s %s: %v", lang, m.ID, err)
				}
				got, ok := renderPlain(ps, data)
				if !ok || got != want {
					t.Errorf("%s %s with %v:\n got %q\nwant %q", lang, m.ID, val, got, want)
				}
			}
		}
	}
	if taken < 100 {
		t.Errorf("only %d messages took the fast path", taken)
	}
}

func TestPlainPieces(t *testing.T) {
	for _, tc := range []struct {
		tpl  string
		ok   bool
		want []piece
	}{
		{"a {{.X}} b", true, []piece{{"a ", "X"}, {" b", ""}}},
		{"{{ .Name }}", true, []piece{{"", "Name"}, {"", ""}}},
		{"{{.X}}{{.Y2}}", true, []piece{{"", "X"}, {"", "Y2"}, {"", ""}}},
		{"{{if .X}}a{{end}}", false, nil},
		{"{{.X | printf \"%d\"}}", false, nil},
		{"{{- .X}}", false, nil},
		{"{{.X.Y}}", false, nil},
		{"{{.}}", false, nil},
		{"a }} b", false, nil},
		{"a {{.X", false, nil},
		{"{{.2X}}", false, nil},
	} {
		got, ok := plainPieces(tc.tpl)
		if ok != tc.ok || len(got) != len(tc.want) {
			t.Errorf("%q: %v %v, want %v %v", tc.tpl, got, ok, tc.want, tc.ok)
			continue
		}
		for k := range got {
			if got[k] != tc.want[k] {
				t.Errorf("%q: piece %d %v, want %v", tc.tpl, k, got[k], tc.want[k])
			}
		}
	}
	// A missing field or a value of another type goes to go-i18n.
	ps, _ := plainPieces("a {{.X}}")
	if _, ok := renderPlain(ps, map[string]any{}); ok {
		t.Error("a missing field was rendered")
	}
	if _, ok := renderPlain(ps, map[string]any{"X": 1.5}); ok {
		t.Error("a float was rendered")
	}
}

// BenchmarkPlain renders a finding's message, as check does thousands of
// times for a large file.
func BenchmarkPlain(b *testing.B) {
	l, err := New("kk")
	if err != nil {
		b.Fatal(err)
	}
	data := map[string]any{"Lang": "kk", "Expected": "«", "Text": "\""}
	b.ReportAllocs()
	for b.Loop() {
		if s := l.T("qa.typography.quote", data); len(s) < 10 {
			b.Fatal(s)
		}
	}
}

// BenchmarkGoI18n renders the same message through go-i18n's templates, the
// path BenchmarkPlain's messages no longer take.
func BenchmarkGoI18n(b *testing.B) {
	tag := language.Kazakh
	bundle := i18n.NewBundle(tag)
	m := find(locales.Messages("kk"), "qa.typography.quote")
	bundle.AddMessages(tag, m)
	l := i18n.NewLocalizer(bundle, "kk")
	data := map[string]any{"Lang": "kk", "Expected": "«", "Text": "\""}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Localize(&i18n.LocalizeConfig{MessageID: "qa.typography.quote", TemplateData: data}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzPlainLikeGoI18n: any template the fast path takes renders as go-i18n
// (text/template) renders it, for any string value of its fields.
func FuzzPlainLikeGoI18n(f *testing.F) {
	f.Add("a {{.X}} b", "Алматы")
	f.Add("{{ .Name }}{{.N2}}", "<&>")
	f.Add("{{\t.X\n}}", "x")
	f.Add("{{\u00a0.X}}", "x")
	f.Fuzz(func(t *testing.T, tpl, val string) {
		ps, ok := plainPieces(tpl)
		if !ok || !hasField(ps) {
			return
		}
		data := map[string]any{}
		for _, p := range ps {
			data[p.field] = val
		}
		b := i18n.NewBundle(language.English)
		if err := b.AddMessages(language.English, &i18n.Message{ID: "m", Other: tpl}); err != nil {
			t.Fatal(err)
		}
		want, err := i18n.NewLocalizer(b, "en").Localize(&i18n.LocalizeConfig{MessageID: "m", TemplateData: data})
		got, rendered := renderPlain(ps, data)
		if err != nil {
			t.Fatalf("the fast path took %q, which go-i18n refuses: %v", tpl, err)
		}
		if !rendered || got != want {
			t.Fatalf("%q with %q: got %q, go-i18n %q", tpl, val, got, want)
		}
	})
}
