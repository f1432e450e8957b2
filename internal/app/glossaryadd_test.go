package app

import (
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestGlossaryAddFile: glossary add's entry is checked before the
// workspace is looked for, and goes in the file of its kind unless one
// is named.
func TestGlossaryAddFile(t *testing.T) {
	for _, tc := range []struct {
		id, kind, file     string
		want, wantErr      string
		wantHint, wantMean string
	}{
		{id: "astana", kind: "place", want: "places.yaml"},
		{id: "nurlan-saparov", kind: "person", want: "people.yaml"},
		{id: "vat", kind: "other", want: "terms.yaml"},
		{id: "vat", kind: "other", file: "tax.yaml", want: "tax.yaml"},
		{id: "Shymkent", kind: "place", wantErr: glossary.CodeAddInvalidID, wantMean: "shymkent"},
		{id: "astana", kind: "city", wantErr: "check.list.bad-kind"},
		{id: "astana", kind: "place", file: "../places.yaml", wantErr: "check.add.bad-file", wantHint: "check.add.bad-file.hint"},
		{id: "astana", kind: "place", file: "places.yml", wantErr: "check.add.bad-file"},
	} {
		e := &glossary.Entry{ID: tc.id, Kind: glossary.Kind(tc.kind)}
		got, err := GlossaryAddFile(e, tc.file)
		if tc.wantErr == "" {
			if err != nil || got != tc.want {
				t.Errorf("%s %s %q: %q, %v; want %q", tc.id, tc.kind, tc.file, got, err, tc.want)
			}
			continue
		}
		var le *locale.Error
		if !errors.As(err, &le) || le.ID != tc.wantErr || le.Kind != locale.Usage {
			t.Errorf("%s %s %q: %q, %v; want usage error %s", tc.id, tc.kind, tc.file, got, err, tc.wantErr)
			continue
		}
		if tc.wantHint != "" && le.Hint != tc.wantHint {
			t.Errorf("%s %s %q: hint %q, want %q", tc.id, tc.kind, tc.file, le.Hint, tc.wantHint)
		}
		if tc.wantMean != "" && le.Data["Meant"] != tc.wantMean {
			t.Errorf("%s %s %q: meant %v, want %q", tc.id, tc.kind, tc.file, le.Data["Meant"], tc.wantMean)
		}
	}
}

// TestPersonFiledAsOther: a Russian term that reads as a person's name,
// filed as other, is the one glossary add warns of.
func TestPersonFiledAsOther(t *testing.T) {
	for _, tc := range []struct {
		kind glossary.Kind
		ru   string
		want bool
	}{
		{glossary.Other, "Арман Касымов", true},
		{glossary.Other, "Ольга Ковальская", true},
		{glossary.Person, "Арман Касымов", false},
		{glossary.Other, "налог на добавленную стоимость", false},
		{glossary.Other, "", false},
	} {
		e := &glossary.Entry{ID: "x", Kind: tc.kind, Langs: map[string]*glossary.Form{}}
		if tc.ru != "" {
			e.Langs["ru"] = &glossary.Form{Term: tc.ru}
		}
		if got := PersonFiledAsOther(e); got != tc.want {
			t.Errorf("%s %q: %v, want %v", tc.kind, tc.ru, got, tc.want)
		}
	}
}

// TestShowGlossaryForms: glossary show's entry carries its languages in
// the workspace's order and the forms the glossary generates in each,
// as the workbench's page lists them.
func TestShowGlossaryForms(t *testing.T) {
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	writeGlossary(t, ws, "people.yaml", `terms:
  - id: arman-kasymov
    kind: person
    kk: {term: Арман Қасымов}
    en: {term: Arman Kasymov}
    ru: {term: Арман Касымов}
`)
	ap := New("test")
	for _, id := range []string{"arman-kasymov", "Армана Касымова"} {
		shown, _, err := ap.ShowGlossary(ws, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"en", "ru", "kk"}; !slices.Equal(shown.Langs, want) {
			t.Errorf("%s: langs %v, want %v", id, shown.Langs, want)
		}
		for _, l := range shown.Langs {
			if want := glossary.GeneratedForms(shown.Entry, l); !slices.Equal(shown.Generated[l], want) {
				t.Errorf("%s: %s generated %q, want %q", id, l, shown.Generated[l], want)
			}
		}
		if !slices.Contains(shown.Generated["ru"], "арманом касымовым") {
			t.Errorf("%s: ru generated %q, want the instrumental among them", id, shown.Generated["ru"])
		}
	}
}

// TestCheckFile: check's JSON report counts the findings by severity
// and carries each with its place; the HTML one is a page with the
// finding's text escaped; text is no file.
func TestCheckFile(t *testing.T) {
	ws := cacheWorkspace(t)
	f := check.Finding{Finding: glossary.Finding{Doc: "aral", Group: 3, Lang: "ru", EntryID: "astana", Kind: glossary.FindingForbidden,
		Text: "<Акмола>", Start: 4, End: 14, Expected: "Астана", Segment: "Был <Акмола> тогда."}, Check: check.Terms, Severity: qa.Error, Scope: check.ScopeGroup}
	w := f
	w.Severity = qa.Warning
	run := CheckRun{Checks: []string{check.Terms}, Severity: map[string]check.Severity{check.Terms: qa.Error},
		Reports: []*check.Report{{Name: "aral", Format: "document", Source: "en", Scope: check.ScopeGroup, Units: 5, Findings: []check.Finding{f, w}}}}
	labels := func(id string, _ map[string]any) string { return id }

	data, err := CheckFile(ws, run, "json", CheckFileOptions{Lang: "en", Labels: labels})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Workspace        string
		Checks           []string
		Count            int
		Errors, Warnings int
		Inputs           []struct {
			Name     string
			Units    int
			Findings int
		}
		Findings []struct {
			Doc, Lang, Entry, Kind, Severity, Text string
			Group, Start, End                      int
		}
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v in %s", err, data)
	}
	if got.Workspace != ws.Root || got.Count != 2 || got.Errors != 1 || got.Warnings != 1 || len(got.Inputs) != 1 || got.Inputs[0].Findings != 2 || got.Inputs[0].Units != 5 {
		t.Errorf("JSON report %+v", got)
	}
	if len(got.Findings) != 2 || got.Findings[0].Text != "<Акмола>" || got.Findings[0].Group != 3 || got.Findings[0].Start != 4 || got.Findings[1].Severity != "warning" {
		t.Errorf("JSON findings %+v", got.Findings)
	}

	data, err = CheckFile(ws, run, "html", CheckFileOptions{Lang: "ru", Labels: labels})
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, `lang="ru"`) || !strings.Contains(page, "&lt;Акмола&gt;") || strings.Contains(page, "<Акмола>") {
		t.Errorf("HTML report:\n%s", page)
	}

	if _, err := CheckFile(ws, run, "text", CheckFileOptions{}); err == nil {
		t.Error("a text report file made, want an error")
	}
}

// TestTallyCheck: check's summary counts inputs by kind, findings by
// kind and severity, and names the word lists of the languages whose
// words spelling flagged, once each, sorted.
func TestTallyCheck(t *testing.T) {
	find := func(kind, lang string, sev check.Severity) check.Finding {
		return check.Finding{Finding: glossary.Finding{Kind: kind, Lang: lang}, Severity: sev}
	}
	for _, tc := range []struct {
		name        string
		reports     []*check.Report
		docs, files int
		n, errs     int
		kinds       map[string]int
		lists       []string
	}{
		{name: "nothing", kinds: map[string]int{}},
		{name: "clean", reports: []*check.Report{{Format: "document"}, {Format: "tsv"}, {Format: "tmx"}}, docs: 1, files: 2, kinds: map[string]int{}},
		{name: "findings", reports: []*check.Report{
			{Format: "document", Findings: []check.Finding{find("forbidden", "ru", qa.Error), find("spelling", "kk", qa.Warning), find("spelling", "kk", qa.Warning)}},
			{Format: "tsv", Findings: []check.Finding{find("spelling", "en", qa.Warning), find("numbers", "ru", qa.Error)}},
		}, docs: 1, files: 1, n: 5, errs: 2,
			kinds: map[string]int{"forbidden": 1, "spelling": 3, "numbers": 1},
			lists: []string{"glossary/words.en.txt", "glossary/words.kk.txt"}},
	} {
		got := TallyCheck(tc.reports, "glossary")
		if got.Documents != tc.docs || got.Files != tc.files || got.Findings != tc.n || got.Errors != tc.errs ||
			!maps.Equal(got.Kinds, tc.kinds) || !slices.Equal(got.WordLists, tc.lists) {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
}
