package tm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/storetest"
	"github.com/tilmash/tilmash/internal/tmx"
)

// cutGroups is a document with a heading, a 2-2-2 group the aligner
// splits, a 2-1-1 group it cannot and a 1-1-1 group: the memory's TMX cut
// for CAT tools adds two units for each of the groups of two sentences.
var cutGroups = []storetest.SentGroup{
	{Status: document.Confirmed, Sents: [3][]string{{"# Videos from Zarechnoye"}, {"# Видео из Заречного"}, {"# Заречныйдан видеолар"}}},
	{Status: document.Confirmed, Sents: [3][]string{
		{"Forty videos appeared online on 26 July 2019.", "They show guards beating prisoners in the colony near Zarechnoye."},
		{"26 июля 2019 года в сети появились сорок видео.", "На них охранники избивают заключённых колонии у Заречного."},
		{"2019 жылғы 26 шілдеде желіде қырық бейне пайда болды.", "Оларда күзетшілер Заречный маңындағы колонияда сотталғандарды ұрып жатыр."},
	}},
	{Status: document.Aligned, Sents: [3][]string{
		{"The prosecutor opened a case.", "It concerns 12 guards."},
		{"Прокурор возбудил дело в отношении 12 охранников."},
		{"Прокурор 12 күзетшіге қатысты іс қозғады."},
	}},
	{Status: document.Aligned, Sents: [3][]string{{"The talks lasted three hours."}, {"Переговоры длились три часа."}, {"Келіссөздер үш сағатқа созылды."}}},
}

func cutMemory(t *testing.T) *tm.Memory {
	t.Helper()
	ws := storetest.NewWorkspace(t, nil)
	storetest.WriteSentGroups(t, ws, "zarechnoye", cutGroups, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	m := newMemory(t, ws)
	if _, err := m.Update(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m
}

func exportTMX(t *testing.T, m *tm.Memory, units string) ([]byte, *tmx.TMX) {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.Export(context.Background(), &buf, tm.ExportOptions{Version: "test", Units: units})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tmx.Read(bytes.NewReader(buf.Bytes()), "memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(doc.Units) {
		t.Errorf("%s: Export says %d units, the file has %d", units, n, len(doc.Units))
	}
	return buf.Bytes(), doc
}

// TestExportCut: tm export writes the document export's sentence cut by
// default, the memory's units alone with --units groups; every source
// sentence of a multi-sentence group stands alone in some unit.
func TestExportCut(t *testing.T) {
	m := cutMemory(t)
	for _, c := range []struct {
		units       string
		want, extra int // units in all; of them, units of the cut
	}{
		{"", 8, 4}, {export.UnitsSentences, 8, 4}, {export.UnitsGroups, 4, 0},
	} {
		data, doc := exportTMX(t, m, c.units)
		extra := 0
		sources := map[string]bool{}
		for _, u := range doc.Units {
			_, cut := u.Prop(tmx.CutProp)
			_, partial := u.Prop(tmx.PartialProp)
			if cut || partial {
				extra++
				if d, _ := u.Prop(tmx.DocumentProp); d != "zarechnoye" {
					t.Errorf("%q: cut unit %s has x-document %q", c.units, u.ID, d)
				}
			}
			if u.Variants[0].Lang != "en" {
				t.Errorf("%q: unit %s starts with %s, not the source", c.units, u.ID, u.Variants[0].Lang)
			}
			sources[u.Variants[0].Text] = true
		}
		if len(doc.Units) != c.want || extra != c.extra {
			t.Errorf("%q: %d units, %d of the cut; want %d, %d", c.units, len(doc.Units), extra, c.want, c.extra)
		}
		if c.units == export.UnitsGroups {
			// Lossless: the memory's text as it is, heading marks included.
			if !bytes.Contains(data, []byte("<seg># Videos from Zarechnoye</seg>")) {
				t.Errorf("groups: the heading's text changed:\n%s", data)
			}
			continue
		}
		for _, g := range cutGroups {
			for _, s := range g.Sents[0] {
				s = strings.TrimPrefix(s, "# ")
				if !sources[s] {
					t.Errorf("%q: no unit whose source is %q", c.units, s)
				}
			}
		}
		if bytes.Contains(data, []byte("# Videos")) {
			t.Errorf("%q: the heading keeps its Markdown marks", c.units)
		}
		// The 2-1 group's sentences carry its whole target as a partial match.
		for _, u := range doc.Units {
			if u.Variants[0].Text == "It concerns 12 guards." {
				if v, _ := u.Prop(tmx.PartialProp); v != "3" || u.Variants[1].Text == "" {
					t.Errorf("unit %s: x-partial %q, variants %+v", u.ID, v, u.Variants)
				}
			}
		}
	}
}

// TestImportOwnExport: tm import of the memory's own export, either cut,
// adds the memory's groups once: the sentence cut's units are left out
// and counted.
func TestImportOwnExport(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	exported := map[string][]byte{}
	for _, units := range export.Units {
		exported[units], _ = exportTMX(t, m, units)
	}
	for _, units := range export.Units {
		rep, err := m.ImportTMX(ctx, bytes.NewReader(exported[units]), "memory.tmx", "self-"+units)
		if err != nil {
			t.Fatal(err)
		}
		wantDerived := 0
		if units == export.UnitsSentences {
			wantDerived = 4
		}
		if rep.Units != len(cutGroups) || rep.Derived != wantDerived || rep.Skipped != 0 {
			t.Errorf("%s: import %+v, want %d units and %d derived", units, rep, len(cutGroups), wantDerived)
		}
	}
	st, err := m.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := 3 * len(cutGroups); st.Units != want || st.Imports != 2 {
		t.Errorf("stats %+v, want %d units from the document and two imports", st, want)
	}
	// The kept copy gives the same on a rebuild.
	rep, err := m.Rebuild(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 3*len(cutGroups) {
		t.Errorf("rebuild: %+v", rep)
	}
}

// TestExportCutValid: both cuts of the memory are valid TMX 1.4b (DTD and
// schema, xmllint) and Translate Toolkit reads as many units, the cut's
// sentence pairs among them.
func TestExportCutValid(t *testing.T) {
	m := cutMemory(t)
	dir := t.TempDir()
	files := map[string]string{}
	want := map[string]int{}
	for _, units := range export.Units {
		data, doc := exportTMX(t, m, units)
		files[units] = filepath.Join(dir, units+".tmx")
		want[units] = len(doc.Units)
		if err := os.WriteFile(files[units], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("xmllint", func(t *testing.T) {
		lint := testenv.Command(t, "xmllint", "apt-get install libxml2-utils")
		schemas := testenv.Shared(t, "schemas")
		dtd, err := os.ReadFile(filepath.Join(schemas, "omegat-tmx14.dtd"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tmx14.dtd"), dtd, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			for _, args := range [][]string{
				{"--noout", "--nonet", "--valid", file},
				{"--noout", "--nonet", "--schema", filepath.Join(schemas, "omegat-tmx14.xsd"), file},
			} {
				if out, err := exec.Command(lint, args...).CombinedOutput(); err != nil {
					t.Errorf("xmllint %v: %v\n%s", args, err, out)
				}
			}
		}
	})
	t.Run("TranslateToolkit", func(t *testing.T) {
		py := testenv.Python(t, "translate.storage.tmx", "apt-get install translate-toolkit")
		for units, file := range files {
			out, err := exec.Command(py, "-c", `import sys, json
from translate.storage import tmx
with open(sys.argv[1], 'rb') as f:
    store = tmx.tmxfile(f)
print(json.dumps([[str(u.source), str(u.target)] for u in store.units]))`, file).CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var got [][2]string
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if len(got) != want[units] {
				t.Errorf("%s: Translate Toolkit read %d units, want %d", units, len(got), want[units])
			}
			if units != export.UnitsSentences {
				continue
			}
			found := false
			for _, p := range got {
				found = found || p[0] == "It concerns 12 guards."
			}
			if !found {
				t.Errorf("%s: Translate Toolkit has no unit of the 2-1 group's second sentence: %v", units, got)
			}
		}
	})
}

// TestMatchesCut: tm lookup --format tmx adds the cut of a matched group
// after its unit, once however many sentences match it.
func TestMatchesCut(t *testing.T) {
	ctx := context.Background()
	m := cutMemory(t)
	res, err := m.Lookup(ctx, []string{"Forty videos appeared online on 27 July 2019.", "They show guards beating prisoners in the colony near Zarechnoye."}, tm.LookupOptions{Lang: "en", Min: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		units string
		want  int
	}{{"", 3}, {export.UnitsGroups, 1}} {
		var buf bytes.Buffer
		n, err := m.WriteMatches(&buf, res, tm.ExportOptions{Units: c.units})
		if err != nil {
			t.Fatal(err)
		}
		if n != c.want {
			t.Errorf("%q: %d units, want %d:\n%s", c.units, n, c.want, buf.String())
		}
	}
}
