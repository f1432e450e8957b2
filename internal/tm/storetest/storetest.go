// Package storetest is the test suite every [tm.Store] passes: the
// embedded SQLite store and the PostgreSQL one run the same tests through
// [Run], so the same commands give the same results on both.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Group is a group of a test document: its status and its sentence in
// en, ru and kk ("" for none).
type Group struct {
	Status document.Status
	Sents  [3]string
}

var langs3 = []string{"en", "ru", "kk"}

// Docs are the documents of the suite's workspace.
var Docs = map[string][]Group{
	"tokayev-visit": {
		{document.Confirmed, [3]string{"President Tokayev arrived in Astana on 12 May.", "Президент Токаев прибыл в Астану 12 мая.", "Президент Тоқаев 12 мамырда Астанаға келді."}},
		{document.Aligned, [3]string{"The talks lasted three hours.", "Переговоры длились три часа.", "Келіссөздер үш сағатқа созылды."}},
		{document.Aligned, [3]string{"Journalists asked Tokayev about the budget.", "Журналисты спросили Токаева о бюджете.", "Журналистер Тоқаевтан бюджет туралы сұрады."}},
	},
	"prosecutor": {
		{document.Confirmed, [3]string{"The General Prosecutor's Office opened a case.", "Генеральная прокуратура возбудила дело.", "Бас прокуратура іс қозғады."}},
		{document.Aligned, [3]string{"Letters were sent to Tokayev by 40 citizens.", "Письма Токаеву отправили 40 граждан.", "Тоқаевқа 40 азамат хат жолдады."}},
		{document.Flagged, [3]string{"The weather in Almaty was cold.", "Погода в Алматы была холодной.", ""}},
	},
}

// NewWorkspace makes a workspace holding docs, each imported at a time one
// day after the previous in sorted order, so the last is the newest.
func NewWorkspace(t testing.TB, docs map[string][]Group) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sortStrings(ids)
	for i, id := range ids {
		WriteDocument(t, ws, id, docs[id], time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC))
	}
	return ws
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// WriteDocument imports the texts of groups as document id and writes
// their alignment, one sentence per group and language.
func WriteDocument(t testing.TB, ws *workspace.Workspace, id string, groups []Group, now time.Time) {
	t.Helper()
	sg := make([]SentGroup, len(groups))
	for i, g := range groups {
		sg[i].Status = g.Status
		for li, s := range g.Sents {
			if s != "" {
				sg[i].Sents[li] = []string{s}
			}
		}
	}
	WriteSentGroups(t, ws, id, sg, now)
}

// SentGroup is a group of a test document with any number of sentences
// in en, ru and kk (none for no text).
type SentGroup struct {
	Status document.Status
	Sents  [3][]string
}

// WriteSentGroups imports the texts of groups as document id, a group
// after the other, and writes their alignment.
func WriteSentGroups(t testing.TB, ws *workspace.Workspace, id string, groups []SentGroup, now time.Time) {
	t.Helper()
	texts := map[string]string{}
	for li, l := range langs3 {
		var parts []string
		for _, g := range groups {
			parts = append(parts, g.Sents[li]...)
		}
		texts[l] = strings.Join(parts, " ") + "\n"
		if _, err := document.Import(ws, id, l, []byte(texts[l]), l+".txt", document.ImportOptions{Now: now, Force: true}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	a := &document.Alignment{Document: id, Pivot: "en", Languages: langs3, Sources: map[string]string{}}
	pos := map[string]int{}
	stored := map[string]string{}
	for _, l := range langs3 {
		s, err := d.Text(l)
		if err != nil {
			t.Fatal(err)
		}
		stored[l] = s
		a.Sources[l] = document.Hash(s)
	}
	for _, gs := range groups {
		g := &document.Group{Status: gs.Status, Score: 0.9, Sents: map[string][]document.Sentence{}}
		for li, l := range langs3 {
			for _, s := range gs.Sents[li] {
				k := strings.Index(stored[l][pos[l]:], s)
				if k < 0 {
					t.Fatalf("%q not in the %s text", s, l)
				}
				start := pos[l] + k
				g.Sents[l] = append(g.Sents[l], document.Sentence{Start: start, End: start + len(s), Text: s})
				pos[l] = start + len(s)
			}
		}
		a.Groups = append(a.Groups, g)
	}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
}

// Run runs the suite; open returns a new, empty store for each test.
func Run(t *testing.T, open func(t *testing.T) tm.Store) {
	ctx := context.Background()
	setup := func(t *testing.T) *tm.Memory {
		ws := NewWorkspace(t, Docs)
		st := open(t)
		t.Cleanup(func() { st.Close() })
		m := tm.New(ws, st)
		rep, err := m.Update(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Read != len(Docs) || rep.Units != 6 {
			t.Fatalf("first update: %+v, want %d documents and 6 units read", rep, len(Docs))
		}
		return m
	}

	t.Run("Stats", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		st, err := m.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Units != 6 || st.Confirmed != 2 || st.Documents != 2 || st.Imports != 0 ||
			st.Langs["en"] != 6 || st.Langs["ru"] != 6 || st.Langs["kk"] != 5 {
			t.Errorf("stats = %+v", st)
		}
	})

	t.Run("SearchInflected", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		for _, c := range []struct {
			query, lang string
			want        []string // the marked words, in result order
		}{
			// Confirmed first, then the newest document (tokayev-visit is newer).
			{"Тоқаев", "kk", []string{"Тоқаев", "Тоқаевтан", "Тоқаевқа"}},
			{"Токаев", "ru", []string{"Токаев", "Токаева", "Токаеву"}},
			{"Астана", "", []string{"Астану", "Астанаға"}},
			{"General Prosecutor's Office", "en", []string{"General Prosecutor's Office"}},
			{"Tokayev", "ru", nil},
			{"nothing-like-this", "", nil},
		} {
			hits, err := m.Search(ctx, tm.Query{Text: c.query, Lang: c.lang})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				for _, mk := range h.Marks {
					got = append(got, h.Unit.TextIn(mk.Lang)[mk.Start:mk.End])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("search %q --lang %q: marked %q, want %q", c.query, c.lang, got, c.want)
			}
		}
	})

	t.Run("SearchGroupAndOrder", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		hits, err := m.Search(ctx, tm.Query{Text: "Tokayev", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 3 {
			t.Fatalf("%d hits, want 3", len(hits))
		}
		first := hits[0].Unit
		if !first.Confirmed || first.Document() != "tokayev-visit" || first.Group != 1 || len(first.Variants) != 3 ||
			first.TextIn("kk") != Docs["tokayev-visit"][0].Sents[2] {
			t.Errorf("first hit = %+v", first)
		}
		if hits[1].Unit.Document() != "tokayev-visit" || hits[2].Unit.Document() != "prosecutor" {
			t.Errorf("unconfirmed hits not newest first: %s, %s", hits[1].Unit.Source, hits[2].Unit.Source)
		}
		limited, err := m.Search(ctx, tm.Query{Text: "Tokayev", Limit: 1})
		if err != nil || len(limited) != 1 {
			t.Errorf("limit 1: %d hits, %v", len(limited), err)
		}
	})

	t.Run("SearchGlossary", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		m.Glossary = glossary.New(langs3, &glossary.Entry{ID: "tokayev", Kind: glossary.Person, Langs: map[string]*glossary.Form{
			"en": {Term: "Tokayev"}, "ru": {Term: "Токаев"}, "kk": {Term: "Тоқаев"},
		}})
		hits, err := m.Search(ctx, tm.Query{Text: "Tokayev", Lang: "ru"})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 3 {
			t.Errorf("an English name with the glossary found %d Russian hits, want 3", len(hits))
		}
	})

	t.Run("Lookup", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		res, err := m.Lookup(ctx, []string{
			"President Tokayev arrived in Astana on 12 May.",        // same
			"president tokayev arrived in Astana, on 12 May",        // case and punctuation
			"President Tokayev arrived in Astana on 14 May.",        // a number
			"President Tokayev arrived in Almaty on 12 May.",        // a word
			"The parliament discussed fishing quotas for the lake.", // nothing like it
			"",
		}, tm.LookupOptions{Lang: "en", Min: 70})
		if err != nil {
			t.Fatal(err)
		}
		want := []int{100, 99, 87, 87, -1, -1}
		for i, r := range res {
			got := -1
			if len(r.Matches) > 0 {
				got = r.Matches[0].Score
				if r.Matches[0].Unit.Document() != "tokayev-visit" || r.Matches[0].Unit.Group != 1 {
					t.Errorf("sentence %d matched %s #%d", i, r.Matches[0].Unit.Source, r.Matches[0].Unit.Group)
				}
			}
			if got != want[i] {
				t.Errorf("sentence %d %q: score %d, want %d", i, r.Sentence, got, want[i])
			}
		}
		if n := res[2].Matches[0].Numbers; len(n) != 1 || n[0] != (tm.NumberChange{Was: "12", Now: "14"}) {
			t.Errorf("numbers = %v", n)
		}
		if exact, fuzzy := tm.Counts(res); exact != 1 || fuzzy != 3 {
			t.Errorf("counts = %d exact, %d fuzzy", exact, fuzzy)
		}
	})

	t.Run("Incremental", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		rep, err := m.Update(ctx)
		if err != nil || rep.Read != 0 || rep.Unchanged != 2 {
			t.Fatalf("second update: %+v %v", rep, err)
		}
		// Touch a file without changing it: re-hashed, not re-read.
		meta := m.WS.Path(document.Folder, "prosecutor", "meta.yaml")
		later := time.Now().Add(time.Minute)
		if err := os.Chtimes(meta, later, later); err != nil {
			t.Fatal(err)
		}
		if rep, err := m.Update(ctx); err != nil || rep.Read != 0 || rep.Unchanged != 2 {
			t.Fatalf("update after touch: %+v %v", rep, err)
		}
		// Confirm a group: one document read again.
		d, err := document.Open(m.WS, "prosecutor")
		if err != nil {
			t.Fatal(err)
		}
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		a.Groups[1].Status = document.Confirmed
		if err := d.SaveAlignment(a); err != nil {
			t.Fatal(err)
		}
		if rep, err := m.Update(ctx); err != nil || rep.Read != 1 || rep.Unchanged != 1 {
			t.Fatalf("update after confirm: %+v %v", rep, err)
		}
		if st, _ := m.Stats(ctx); st.Confirmed != 3 || st.Units != 6 {
			t.Errorf("stats after confirm: %+v", st)
		}
		// Delete a document.
		if err := os.RemoveAll(d.Dir()); err != nil {
			t.Fatal(err)
		}
		if rep, err := m.Update(ctx); err != nil || rep.Removed != 1 {
			t.Fatalf("update after delete: %+v %v", rep, err)
		}
		if st, _ := m.Stats(ctx); st.Units != 3 || st.Documents != 1 {
			t.Errorf("stats after delete: %+v", st)
		}
	})

	t.Run("ImportExportRebuild", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		tmxData := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="EN-US"><seg>The Mazhilis passed the budget law.</seg></tuv><tuv xml:lang="RU-RU"><seg>Мажилис принял закон о бюджете.</seg></tuv></tu>
<tu><tuv xml:lang="EN-US"><seg>   </seg></tuv></tu>
</body></tmx>`
		rep, err := m.ImportTMX(ctx, strings.NewReader(tmxData), "project_save.tmx", "omegat")
		if err != nil {
			t.Fatal(err)
		}
		if rep.Units != 1 || rep.Skipped != 1 {
			t.Errorf("import: %+v", rep)
		}
		hits, err := m.Search(ctx, tm.Query{Text: "Мажилис"})
		if err != nil || len(hits) != 1 || !hits[0].Unit.Confirmed || hits[0].Unit.Source != "tmx/omegat" {
			t.Fatalf("search in the import: %+v %v", hits, err)
		}
		before := exportBytes(t, m)
		if n := bytes.Count(before, []byte("<tu ")); n != 7 {
			t.Errorf("export has %d units, want 7", n)
		}
		// Rebuild from scratch keeps the kept import and gives the same memory.
		rrep, err := m.Rebuild(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rrep.Read != 2 || rrep.Imports != 1 || rrep.Units != 7 {
			t.Errorf("rebuild: %+v", rrep)
		}
		if after := exportBytes(t, m); !bytes.Equal(before, after) {
			t.Errorf("the rebuilt memory exports differently:\n%s\n---\n%s", before, after)
		}
		// Exported memory imported again keeps statuses.
		again := tm.New(NewWorkspace(t, nil), open(t))
		defer again.Store.Close()
		if _, err := again.ImportTMX(ctx, bytes.NewReader(before), "memory.tmx", "all"); err != nil {
			t.Fatal(err)
		}
		if st, _ := again.Stats(ctx); st.Units != 7 || st.Confirmed != 3 {
			t.Errorf("re-imported export: %+v", st)
		}
	})

	// A memory a team shares on a server: a TMX another translator
	// imported (its copy kept on their machine, not in this workspace)
	// was wiped by this workspace's tm rebuild, without a word. A shared
	// memory's rebuild keeps the imports it has no copy of and says so;
	// the embedded one is rebuilt from scratch as before.
	t.Run("RebuildKeepsAnotherMachinesImport", func(t *testing.T) {
		t.Parallel()
		tmxData := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The Mazhilis passed the budget law.</seg></tuv><tuv xml:lang="ru"><seg>Мажилис принял закон о бюджете.</seg></tuv></tu></body></tmx>`
		for _, shared := range []bool{true, false} {
			m := setup(t)
			m.Shared = shared
			if _, err := m.ImportTMX(ctx, strings.NewReader(tmxData), "desk.tmx", "desk"); err != nil {
				t.Fatal(err)
			}
			// The copy is on the other translator's machine.
			if err := os.Remove(m.WS.Path(tm.Folder, tm.ImportsFolder, "desk.tmx")); err != nil {
				t.Fatal(err)
			}
			rep, err := m.Rebuild(ctx)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := m.Stats(ctx)
			want, kept := 0, 0
			if shared {
				want, kept = 1, 1
			}
			if st.Imports != want || rep.Kept != kept || rep.Read != 2 || st.Units != 6+want {
				t.Errorf("shared %v: after the rebuild %+v, report %+v; want %d import kept", shared, st, rep, want)
			}
			// A rebuild reads every document again, also on a shared memory.
			if hits, err := m.Search(ctx, tm.Query{Text: "Astana"}); err != nil || len(hits) != 1 {
				t.Errorf("shared %v: search after the rebuild: %d hits %v", shared, len(hits), err)
			}
		}
		// This workspace's copy of an import that another machine has
		// replaced since on the server: the rebuild keeps the server's.
		m := setup(t)
		m.Shared = true
		if _, err := m.ImportTMX(ctx, strings.NewReader(tmxData), "desk.tmx", "desk"); err != nil {
			t.Fatal(err)
		}
		stale := strings.Replace(tmxData, "budget law", "land law", 1)
		if err := os.WriteFile(m.WS.Path(tm.Folder, tm.ImportsFolder, "desk.tmx"), []byte(stale), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := m.Rebuild(ctx)
		if err != nil {
			t.Fatal(err)
		}
		hits, _ := m.Search(ctx, tm.Query{Text: "budget law"})
		if rep.Kept != 1 || rep.Imports != 0 || len(hits) != 1 {
			t.Errorf("a rebuild with an older copy of another machine's import: report %+v, %d hits of its text", rep, len(hits))
		}
	})

	// Two translators import their OmegaT project_save.tmx into the shared
	// memory under the same default name: the second replaced the first's,
	// silently. A shared memory refuses a name another machine's import
	// has; this workspace's own import of it is replaced as before.
	t.Run("ImportNameOfAnotherMachine", func(t *testing.T) {
		t.Parallel()
		tmxData := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The Mazhilis passed the budget law.</seg></tuv><tuv xml:lang="ru"><seg>Мажилис принял закон о бюджете.</seg></tuv></tu></body></tmx>`
		m := setup(t)
		m.Shared = true
		if _, err := m.ImportTMX(ctx, strings.NewReader(tmxData), "project_save.tmx", "project_save"); err != nil {
			t.Fatal(err)
		}
		// Again from this workspace: its own, replaced.
		if _, err := m.ImportTMX(ctx, strings.NewReader(tmxData), "project_save.tmx", "project_save"); err != nil {
			t.Fatalf("re-import of this workspace's own: %v", err)
		}
		// The server's project_save is another machine's: this workspace
		// has no copy of it, or a copy of its own earlier one.
		kept := m.WS.Path(tm.Folder, tm.ImportsFolder, "project_save.tmx")
		other := strings.Replace(tmxData, "budget law", "tax law", 1)
		for _, copyHere := range []string{"", strings.Replace(tmxData, "budget law", "land law", 1)} {
			os.Remove(kept)
			if copyHere != "" {
				os.WriteFile(kept, []byte(copyHere), 0o644)
			}
			var taken *tm.TakenError
			if _, err := m.ImportTMX(ctx, strings.NewReader(other), "project_save.tmx", "project_save"); !errors.As(err, &taken) {
				t.Fatalf("import under another machine's name (copy here %v) = %v, want a TakenError", copyHere != "", err)
			}
		}
		if hits, _ := m.Search(ctx, tm.Query{Text: "budget law"}); len(hits) != 1 {
			t.Errorf("the colleague's import changed: %d hits", len(hits))
		}
	})

	t.Run("HostileTMX", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		before := exportBytes(t, m)
		for name, data := range HostileTMX {
			_, err := m.ImportTMX(ctx, strings.NewReader(data), name+".tmx", "bad")
			var pe interface{ MessageID() string }
			if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), name+".tmx:") {
				t.Errorf("%s: error %v, want a located error", name, err)
			}
		}
		if _, err := m.ImportTMX(ctx, strings.NewReader(""), "x.tmx", "../x"); err == nil {
			t.Error("a name with a path was accepted")
		}
		if after := exportBytes(t, m); !bytes.Equal(before, after) {
			t.Error("a refused import changed the memory")
		}
		if _, err := os.Stat(m.WS.Path(tm.Folder, tm.ImportsFolder, "bad.tmx")); err == nil {
			t.Error("a refused import was kept for rebuilds")
		}
	})

	// Two translators share one memory: between one's reading of the
	// sources and its Apply, the other's update replaced or removed a
	// document (a version not pulled yet, a document it does not have).
	// The first one's KeepUnits (its file touched, same hash as the record
	// it read) must not stamp a record whose units are no longer the ones
	// it vouches for: the memory would then hold the other version, or
	// nothing, under this machine's stamp, and its updates would never read
	// the document again.
	t.Run("KeepUnitsAfterAnotherUpdate", func(t *testing.T) {
		t.Parallel()
		for _, other := range []string{"removed", "replaced"} {
			t.Run(other, func(t *testing.T) {
				t.Parallel()
				m := setup(t)
				srcs, err := m.Store.Sources(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var rec tm.Source
				for _, s := range srcs {
					if s.Name == "doc/prosecutor" {
						rec = s
					}
				}
				theirs := tm.Change{Source: tm.Source{Name: rec.Name, Hash: "theirs", Stamp: "their machine", Units: 1},
					Units: []tm.Unit{{Source: rec.Name, Group: 1, Variants: []tm.Variant{{Lang: "en", Text: "An older draft of the article."}}}}}
				if other == "removed" {
					theirs = tm.Change{Source: tm.Source{Name: rec.Name}, Remove: true}
				}
				if err := m.Store.Apply(ctx, false, tm.Changes(theirs)); err != nil {
					t.Fatal(err)
				}
				// This machine's update, computed before theirs, applied after.
				if err := m.Store.Apply(ctx, false, tm.Changes(tm.Change{Source: rec, KeepUnits: true})); err != nil {
					t.Fatal(err)
				}
				if rep, err := m.Update(ctx); err != nil || rep.Read != 1 {
					t.Fatalf("the next update: %+v %v, want prosecutor read again", rep, err)
				}
				if st, _ := m.Stats(ctx); st.Units != 6 || st.Documents != 2 {
					t.Errorf("stats after the next update: %+v, want this workspace's 6 units", st)
				}
			})
		}
	})

	// A memory a team shares: every machine's update compared the
	// documents it has with the memory's, so the memory followed whichever
	// machine updated last: a colleague's document this workspace had not
	// pulled yet was removed, an older version overwrote the newer one. An
	// update now compares each document three ways, with the version this
	// workspace and the memory last agreed on (tm.SharedStateName).
	t.Run("Shared", func(t *testing.T) {
		t.Parallel()
		RunShared(t, open)
	})

	t.Run("FailedApplyChangesNothing", func(t *testing.T) {
		t.Parallel()
		m := setup(t)
		before := exportBytes(t, m)
		good := tm.Change{Source: tm.Source{Name: "doc/x", Units: 1}, Units: []tm.Unit{{Source: "doc/x", Group: 1, Variants: []tm.Variant{{Lang: "en", Text: "x"}}}}}
		failure := errors.New("the disk is full")
		// A reset, a change written, then the failure: all rolled back.
		err := m.Store.Apply(ctx, true, func(yield func(tm.Change, error) bool) {
			if yield(good, nil) {
				yield(tm.Change{}, failure)
			}
		})
		if !errors.Is(err, failure) {
			t.Fatalf("Apply = %v, want the stream's error", err)
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := m.Store.Apply(cctx, true, tm.Changes(good)); err == nil {
			t.Fatal("Apply with a cancelled context succeeded")
		}
		if after := exportBytes(t, m); !bytes.Equal(before, after) {
			t.Error("a failed Apply changed the memory")
		}
	})
}

// HostileTMX are TMX files an import must refuse with a located error.
var HostileTMX = map[string]string{
	"broken": `<?xml version="1.0"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>open</tuv></tu></body></tmx>`,
	"bomb": `<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>`,
	"external": `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>`,
	"not-tmx":   `<?xml version="1.0"?><html><body/></html>`,
	"truncated": `<?xml version="1.0"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>te`,
}

func exportBytes(t *testing.T, m *tm.Memory) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.Export(context.Background(), &buf, tm.ExportOptions{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TempPath is a file name in a test's temporary folder.
func TempPath(t testing.TB, name string) string { return filepath.Join(t.TempDir(), name) }

// Machine is a workspace of a translator sharing a memory.
type Machine struct {
	*tm.Memory
	t *testing.T
}

// NewMachine is a workspace with the documents of from (nil for none)
// copied, as a git clone has them, over the shared store st.
func NewMachine(t *testing.T, st tm.Store, from *workspace.Workspace) *Machine {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	m := &Machine{Memory: tm.New(ws, st), t: t}
	m.Shared = true
	if from != nil {
		entries, _ := os.ReadDir(from.Path(document.Folder))
		for _, e := range entries {
			m.Pull(from, e.Name())
		}
	}
	return m
}

// Pull copies document id from another workspace, as git pull brings it
// (its files then have this machine's times); a document from does not
// have is deleted here.
func (m *Machine) Pull(from *workspace.Workspace, id string) {
	m.t.Helper()
	dst := m.WS.Path(document.Folder, id)
	if err := os.RemoveAll(dst); err != nil {
		m.t.Fatal(err)
	}
	src := from.Path(document.Folder, id)
	if _, err := os.Stat(src); err != nil {
		return
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		m.t.Fatal(err)
	}
}

// Note sets the note of group n (1-based) of document id: a change of the
// document.
func (m *Machine) Note(id string, n int, note string) {
	m.t.Helper()
	d, err := document.Open(m.WS, id)
	if err != nil {
		m.t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		m.t.Fatal(err)
	}
	a.Groups[n-1].Note = note
	if err := d.SaveAlignment(a); err != nil {
		m.t.Fatal(err)
	}
}

// Update updates the memory, failing the test on an error.
func (m *Machine) Update() tm.UpdateReport {
	m.t.Helper()
	rep, err := m.Memory.Update(context.Background())
	if err != nil {
		m.t.Fatal(err)
	}
	return rep
}

// Notes are the notes the shared memory holds of document id's groups,
// "-" for a document it does not hold.
func Notes(t *testing.T, st tm.Store, id string) string {
	t.Helper()
	var notes []string
	err := st.All(context.Background(), func(u *tm.Unit) error {
		if u.Document() == id {
			notes = append(notes, u.Note)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if notes == nil {
		return "-"
	}
	return strings.Join(notes, "|")
}

// RunShared runs the rules of a memory several workspaces update (see
// package tm, SharedStateName) against the store open gives.
func RunShared(t *testing.T, open func(t *testing.T) tm.Store) {
	ctx := context.Background()
	// alice published both documents; bob cloned her workspace and
	// updated once: the two and the memory agree.
	setup := func(t *testing.T) (st tm.Store, alice, bob *Machine) {
		st = open(t)
		t.Cleanup(func() { st.Close() })
		alice = NewMachine(t, st, NewWorkspace(t, Docs))
		if rep := alice.Update(); rep.Read != 2 {
			t.Fatalf("alice's first update: %+v", rep)
		}
		bob = NewMachine(t, st, alice.WS)
		if rep := bob.Update(); rep.Read != 0 || rep.Unchanged != 2 || rep.Conflicts != 0 {
			t.Fatalf("bob's first update of the same documents: %+v, want nothing written", rep)
		}
		return st, alice, bob
	}

	// A document this workspace does not have (a colleague's, not pulled
	// yet, never seen here) stays in the memory.
	t.Run("NotPulledYet", func(t *testing.T) {
		t.Parallel()
		st := open(t)
		t.Cleanup(func() { st.Close() })
		alice := NewMachine(t, st, NewWorkspace(t, Docs))
		alice.Update()
		bob := NewMachine(t, st, alice.WS)
		bob.Pull(NewWorkspace(t, nil), "prosecutor") // bob cloned before alice added it
		rep := bob.Update()
		if rep.Removed != 0 || rep.Others != 1 || Notes(t, st, "prosecutor") == "-" {
			t.Errorf("bob's update without alice's new document: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
		// Its units are exported as they are (the sentence cut reads a
		// document's groups; tm export stopped at one not in the workspace).
		if n := bytes.Count(exportBytes(t, bob.Memory), []byte(`<prop type="x-document">prosecutor</prop>`)); n < 3 {
			t.Errorf("bob's export holds %d units of alice's document, want its 3 and their cut", n)
		}
		// Once bob has it, it is one he has seen; his deleting it then removes it.
		bob.Pull(alice.WS, "prosecutor")
		if rep := bob.Update(); rep.Others != 0 || rep.Read != 0 {
			t.Errorf("bob's update after the pull: %+v", rep)
		}
		bob.Pull(NewWorkspace(t, nil), "prosecutor")
		if rep := bob.Update(); rep.Removed != 1 || Notes(t, st, "prosecutor") != "-" {
			t.Errorf("bob deleted a document he had: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
	})

	// Another machine published a newer version; this workspace has the
	// older one (not pulled): the memory keeps the newer, and says so,
	// until the pull; this workspace's own change after it is written.
	t.Run("OlderVersionHere", func(t *testing.T) {
		t.Parallel()
		st, alice, bob := setup(t)
		alice.Note("prosecutor", 1, "alice")
		if rep := alice.Update(); rep.Read != 1 {
			t.Fatalf("alice's change: %+v", rep)
		}
		for range 2 {
			rep := bob.Update()
			if rep.Read != 0 || rep.Newer != 1 || fmt.Sprint(rep.NewerDocs) != "[prosecutor]" || Notes(t, st, "prosecutor") != "alice||" {
				t.Fatalf("bob's update with the older version: %+v; memory holds %q, want alice's", rep, Notes(t, st, "prosecutor"))
			}
		}
		bob.Pull(alice.WS, "prosecutor")
		if rep := bob.Update(); rep.Read != 0 || rep.Newer != 0 || rep.Conflicts != 0 {
			t.Errorf("bob's update after the pull: %+v", rep)
		}
		bob.Note("prosecutor", 2, "bob")
		if rep := bob.Update(); rep.Read != 1 || Notes(t, st, "prosecutor") != "alice|bob|" {
			t.Errorf("bob's own change: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
		// And alice, who has not pulled it, keeps it too.
		if rep := alice.Update(); rep.Newer != 1 || Notes(t, st, "prosecutor") != "alice|bob|" {
			t.Errorf("alice's update: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
	})

	// Another machine deleted a document; this workspace still has it
	// (not pulled): it stays out of the memory.
	t.Run("RemovedElsewhere", func(t *testing.T) {
		t.Parallel()
		st, alice, bob := setup(t)
		alice.Pull(NewWorkspace(t, nil), "prosecutor")
		if rep := alice.Update(); rep.Removed != 1 {
			t.Fatalf("alice's deletion: %+v", rep)
		}
		if rep := bob.Update(); rep.Read != 0 || rep.Newer != 1 || Notes(t, st, "prosecutor") != "-" {
			t.Errorf("bob's update with the deleted document: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
	})

	// Both changed the same document: the memory keeps the version there
	// and says so at every update, until a rebuild publishes this
	// workspace's; the other machine then has the older one.
	t.Run("Conflict", func(t *testing.T) {
		t.Parallel()
		st, alice, bob := setup(t)
		alice.Note("prosecutor", 1, "alice")
		alice.Update()
		bob.Note("prosecutor", 1, "bob")
		for range 2 {
			if rep := bob.Update(); rep.Read != 0 || rep.Conflicts != 1 || fmt.Sprint(rep.ConflictDocs) != "[prosecutor]" || Notes(t, st, "prosecutor") != "alice||" {
				t.Fatalf("bob's update of a document both changed: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
			}
		}
		rep, err := bob.Rebuild(ctx)
		if err != nil || rep.Read != 2 || Notes(t, st, "prosecutor") != "bob||" {
			t.Fatalf("bob's rebuild: %+v %v; memory holds %q", rep, err, Notes(t, st, "prosecutor"))
		}
		if rep := bob.Update(); rep.Conflicts != 0 || rep.Read != 0 {
			t.Errorf("bob's update after his rebuild: %+v", rep)
		}
		if rep := alice.Update(); rep.Newer != 1 || rep.Read != 0 || Notes(t, st, "prosecutor") != "bob||" {
			t.Errorf("alice's update after bob's rebuild: %+v; memory holds %q", rep, Notes(t, st, "prosecutor"))
		}
	})

	// A rebuild on a machine that has not pulled keeps the others' newer
	// versions and new documents: it publishes only what is this
	// workspace's to publish.
	t.Run("RebuildKeepsNewer", func(t *testing.T) {
		t.Parallel()
		st, alice, bob := setup(t)
		alice.Note("prosecutor", 1, "alice")
		WriteDocument(t, alice.WS, "weather", Docs["prosecutor"][2:], time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC))
		alice.Update()
		rep, err := bob.Rebuild(ctx)
		if err != nil || rep.Newer != 1 || rep.Others != 1 || rep.Removed != 0 || Notes(t, st, "prosecutor") != "alice||" || Notes(t, st, "weather") == "-" {
			t.Errorf("bob's rebuild without alice's work: %+v %v; memory holds prosecutor %q, weather %q", rep, err, Notes(t, st, "prosecutor"), Notes(t, st, "weather"))
		}
	})

	// A machine without bases (new, or its .tilmash deleted): its new
	// documents are written, a document that differs is kept as the
	// memory has it and reported, nothing of the others' removed.
	t.Run("NoBases", func(t *testing.T) {
		t.Parallel()
		st, alice, _ := setup(t)
		carol := NewMachine(t, st, alice.WS)
		carol.Note("tokayev-visit", 1, "carol")
		carol.Pull(NewWorkspace(t, nil), "prosecutor")
		WriteDocument(t, carol.WS, "weather", Docs["prosecutor"][2:], time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC))
		rep := carol.Update()
		if rep.Read != 1 || rep.Conflicts != 1 || rep.Others != 1 || rep.Removed != 0 ||
			Notes(t, st, "tokayev-visit") != "||" || Notes(t, st, "weather") == "-" || Notes(t, st, "prosecutor") == "-" {
			t.Errorf("a new machine's first update: %+v; memory holds tokayev-visit %q, weather %q, prosecutor %q",
				rep, Notes(t, st, "tokayev-visit"), Notes(t, st, "weather"), Notes(t, st, "prosecutor"))
		}
	})

	// The bases are written when they change, not at every tm command
	// (at 10,000 documents the file is a megabyte or two).
	t.Run("BasesWrittenOnChange", func(t *testing.T) {
		t.Parallel()
		_, _, bob := setup(t)
		state := bob.WS.Path(tm.Folder, tm.SharedStateName)
		past := time.Now().Add(-time.Hour).Truncate(time.Second)
		if err := os.Chtimes(state, past, past); err != nil {
			t.Fatal(err)
		}
		bob.Update()
		if fi, err := os.Stat(state); err != nil || !fi.ModTime().Equal(past) {
			t.Errorf("an update with nothing new rewrote %s", tm.SharedStateName)
		}
		bob.Note("prosecutor", 1, "bob")
		bob.Update()
		if fi, err := os.Stat(state); err != nil || fi.ModTime().Equal(past) {
			t.Errorf("an update that wrote a document left %s as it was", tm.SharedStateName)
		}
	})

	// Bases of another memory (the server's memory made anew, another
	// tm.url) do not apply: this workspace's documents are written to the
	// new one, not taken for documents another machine removed there.
	t.Run("AnotherMemory", func(t *testing.T) {
		t.Parallel()
		_, alice, _ := setup(t)
		state := alice.WS.Path(tm.Folder, tm.SharedStateName)
		data, err := os.ReadFile(state)
		if err != nil {
			t.Fatal(err)
		}
		fresh := open(t)
		t.Cleanup(func() { fresh.Close() })
		// The new memory's identity differs from the old one's; a store
		// without one (embedded) is told apart by the state file's.
		if err := os.WriteFile(state, bytes.Replace(data, []byte(`"memory":"`), []byte(`"memory":"old-`), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		again := &Machine{Memory: tm.New(alice.WS, fresh), t: t}
		again.Shared = true
		if rep := again.Update(); rep.Read != 2 || rep.Newer != 0 {
			t.Errorf("the first update of a new memory: %+v, want both documents written", rep)
		}
	})
}
