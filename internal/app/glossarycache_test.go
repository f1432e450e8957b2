package app

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/workspace"
)

var (
	cacheSylEn = strings.Fields("ka ra sa tan bek nur zhan ai gul mar den tol kuz ber ash ul")
	cacheSylRu = strings.Fields("ка ра са тан бек нур жан ай гуль мар ден тол куз бер аш ул")
	cacheSylKk = strings.Fields("қа ра са тан бек нұр жан ай гүл мар ден тол күз бер аш ұл")
)

// cacheGlossaryYAML is a glossary of n made-up entries, each a term, a
// variant and a forbidden form in EN, RU and KK, seeded.
func cacheGlossaryYAML(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 9))
	name := func(syl []string, words int) string {
		parts := make([]string, words)
		for i := range parts {
			var b strings.Builder
			for range 3 + r.IntN(2) {
				b.WriteString(syl[r.IntN(len(syl))])
			}
			w := []rune(b.String())
			parts[i] = strings.ToUpper(string(w[0])) + string(w[1:])
		}
		return strings.Join(parts, " ")
	}
	var b strings.Builder
	b.WriteString("terms:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: e%03d-%d\n    kind: %s\n", i, seed, []string{"person", "place", "organization", "other"}[i%4])
		words := 1 + r.IntN(2)
		for _, l := range []struct {
			lang string
			syl  []string
		}{{"en", cacheSylEn}, {"ru", cacheSylRu}, {"kk", cacheSylKk}} {
			fmt.Fprintf(&b, "    %s: {term: %s, variants: [%s], forbidden: [%s%d]}\n", l.lang, name(l.syl, words), name(l.syl, 1), name(l.syl, 1), i)
		}
	}
	return b.String()
}

func cacheWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	writeGlossary(t, ws, "names.yaml", cacheGlossaryYAML(40, 1))
	writeGlossary(t, ws, "more.yaml", cacheGlossaryYAML(20, 2))
	return ws
}

func writeGlossary(t *testing.T, ws *workspace.Workspace, name, text string) {
	t.Helper()
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path(ws.Config.Glossary, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newCacheLoader is a compiledGlossaries as a new process of tool would
// have it, caching glossaries of any size.
func newCacheLoader(tool string) *compiledGlossaries {
	return &compiledGlossaries{fallback: (&check.Cache{}).Load, tool: func() string { return tool }}
}

// sameChecker compares a checker with the plain loader's: the same
// entries, and the same matches on the entries' terms, variants and
// forbidden forms, inflected.
func sameChecker(t *testing.T, ws *workspace.Workspace, got *check.Checker) {
	t.Helper()
	sameAs(t, plainChecker(t, ws), got)
}

// plainChecker is the checker of ws's glossary files as the plain loader
// reads them, without the compiled cache.
func plainChecker(t *testing.T, ws *workspace.Workspace) *check.Checker {
	t.Helper()
	want, err := (&check.Cache{}).Load(ws)
	if err != nil || want == nil {
		t.Fatalf("the plain loader: %v (%v)", want, err)
	}
	return want
}

// sameAs is sameChecker against want, the plain loader's checker of the
// same glossary files, read once by a caller that loads many times.
func sameAs(t *testing.T, want, got *check.Checker) {
	t.Helper()
	if got == nil {
		t.Fatal("no checker")
	}
	if !reflect.DeepEqual(got.Glossary.Entries, want.Glossary.Entries) || !reflect.DeepEqual(got.Glossary.Langs, want.Glossary.Langs) ||
		got.Source != want.Source || !reflect.DeepEqual(got.Langs, want.Langs) {
		t.Fatal("the cached glossary differs from the one read")
	}
	gotEnd, _ := got.Endings().AppendBinary(nil)
	wantEnd, _ := want.Endings().AppendBinary(nil)
	if !bytes.Equal(gotEnd, wantEnd) {
		t.Fatal("the cached endings index differs from the one built")
	}
	endings := map[string]string{"en": "'s", "ru": "а", "kk": "тың"}
	found := 0
	for _, e := range want.Glossary.Entries {
		for lang, f := range e.Langs {
			text := f.Term + " и " + f.Variants[0] + endings[lang] + ", " + f.Forbidden[0] + endings[lang] + "."
			a, b := got.Matcher.Find(lang, text), want.Matcher.Find(lang, text)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: Find(%q)\n cached %+v\n  read %+v", lang, text, a, b)
			}
			found += len(b)
		}
	}
	if found < 6*len(want.Glossary.Entries) {
		t.Fatalf("only %d matches of the forms of %d entries", found, len(want.Glossary.Entries))
	}
}

// load runs one process's first glossary load and says whether it
// compiled the glossary.
func load(t *testing.T, ws *workspace.Workspace, tool string) (*check.Checker, bool) {
	t.Helper()
	gc := newCacheLoader(tool)
	c, err := gc.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	return c, gc.builds == 1
}

func TestCompiledGlossaryCache(t *testing.T) {
	ws := cacheWorkspace(t)
	c, built := load(t, ws, "v1")
	if !built {
		t.Fatal("the first load did not compile")
	}
	sameChecker(t, ws, c)
	if _, err := os.Stat(ws.Path(CompiledGlossaryFile)); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	c, built = load(t, ws, "v1")
	if built {
		t.Fatal("the second load compiled again")
	}
	sameChecker(t, ws, c)

	// Within one process the checker is kept while the files stay.
	gc := newCacheLoader("v1")
	c1, _ := gc.Load(ws)
	c2, _ := gc.Load(ws)
	if c1 != c2 {
		t.Error("one process loaded the glossary twice")
	}
}

// TestCompiledGlossaryCacheStale: another tool, another glossary file
// content or another set of languages each make the cache stale: it is
// rebuilt, and the load reflects the change.
func TestCompiledGlossaryCacheStale(t *testing.T) {
	ws := cacheWorkspace(t)
	load(t, ws, "v1")
	if _, built := load(t, ws, "v2"); !built {
		t.Error("another tool version used the cache")
	}
	if _, built := load(t, ws, "v2"); built {
		t.Error("the rebuilt cache was not used")
	}

	// An edit of the same size and time would fool a stamp, not the hash;
	// nor the sums one process remembers (gc.sums, shared by loaders).
	// (As if the files were written an hour ago: a file that changed
	// within racyWindow of its read is not remembered.)
	sums := &fileSums{now: func() time.Time { return time.Now().Add(time.Hour) }}
	remembering := newCacheLoader("v2")
	remembering.sums = sums
	if _, err := remembering.Load(ws); err != nil || remembering.builds != 0 || len(sums.m) != 2 {
		t.Fatalf("%v, %d builds, %d sums remembered", err, remembering.builds, len(sums.m))
	}
	path := ws.Path(ws.Config.Glossary, "more.yaml")
	st, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), "id: e000-2", "id: e999-2", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, st.ModTime(), st.ModTime())
	remembering = newCacheLoader("v2")
	remembering.sums = sums
	if c, err := remembering.Load(ws); err != nil || remembering.builds != 1 || c.Glossary.Lookup("e999-2") == nil {
		t.Fatalf("an edited glossary, sums remembered: %v, %d builds", err, remembering.builds)
	}
	os.Remove(ws.Path(CompiledGlossaryFile))
	c, built := load(t, ws, "v2")
	if !built || c.Glossary.Lookup("e999-2") == nil || c.Glossary.Lookup("e000-2") != nil {
		t.Fatalf("an edited glossary: built %v, entries not the new ones", built)
	}
	sameChecker(t, ws, c)

	// A new file.
	writeGlossary(t, ws, "extra.yaml", cacheGlossaryYAML(3, 3))
	if c, built := load(t, ws, "v2"); !built || c.Glossary.Lookup("e002-3") == nil {
		t.Fatal("a new glossary file did not rebuild the cache")
	}

	// Another set of workspace languages.
	ws.Config.Languages = []string{"en", "kk", "ru"}
	if c, built := load(t, ws, "v2"); !built || !reflect.DeepEqual(c.Glossary.Langs, ws.Config.Languages) {
		t.Fatal("other languages used the cache")
	}
}

// TestCompiledGlossaryCacheDamaged damages the cache file (bytes of the
// header, of the payload throughout, the sum; cut short at many lengths;
// emptied; replaced by a folder): every load compiles again, silently,
// with the same result, and rewrites a good cache.
func TestCompiledGlossaryCacheDamaged(t *testing.T) {
	ws := cacheWorkspace(t)
	load(t, ws, "v1")
	path := ws.Path(CompiledGlossaryFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type damage struct {
		what string
		data []byte
	}
	var cases []damage
	flip := func(what string, at int) {
		d := append([]byte(nil), good...)
		d[at] ^= 0x10
		cases = append(cases, damage{fmt.Sprintf("%s (byte %d)", what, at), d})
	}
	for at := 0; at < 64; at += 8 {
		flip("header", at)
	}
	flip("sum", 60)
	for at := 64; at < len(good); at += len(good) / 16 {
		flip("payload", at)
	}
	flip("last byte", len(good)-1)
	for n := 0; n < len(good); n += len(good)/10 + 1 {
		cases = append(cases, damage{fmt.Sprintf("cut at %d", n), good[:n]})
	}
	cases = append(cases, damage{"cut by one", good[:len(good)-1]}, damage{"a byte more", append(append([]byte(nil), good...), 0)})
	// The glossary files do not change: what the plain loader reads of
	// them is read once.
	want := plainChecker(t, ws)
	for _, c := range cases {
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, built := load(t, ws, "v1")
		if !built {
			t.Fatalf("%s: the damaged cache was used", c.what)
		}
		sameAs(t, want, got)
		if _, built := load(t, ws, "v1"); built {
			t.Fatalf("%s: the cache was not rewritten", c.what)
		}
	}
	// A folder in its place cannot be replaced: the load still works.
	os.Remove(path)
	if err := os.MkdirAll(filepath.Join(path, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, built := load(t, ws, "v1"); !built {
		t.Fatal("a folder was read as the cache")
	} else {
		sameAs(t, want, got)
	}
}

// TestCompiledGlossaryCacheBadEndings: a cache whose sum is right but
// whose endings index is missing, not one, or not an index (as a cache
// of another layout would be) is compiled again and rewritten, never an
// error.
func TestCompiledGlossaryCacheBadEndings(t *testing.T) {
	ws := cacheWorkspace(t)
	c, _ := load(t, ws, "v1")
	files, _, _ := readGlossaryFiles(ws, ws.Path(ws.Config.Glossary))
	key := newCacheLoader("v1").cacheKey(ws, sumsOf(files))
	good, _ := c.Endings().AppendBinary(nil)
	for what, derived := range map[string][][]byte{
		"none":        nil,
		"two":         {good, good},
		"not one":     {[]byte("not an endings index")},
		"cut short":   {good[:len(good)-1]},
		"empty":       {{}},
		"a byte more": {append(append([]byte(nil), good...), 0)},
	} {
		if err := os.WriteFile(ws.Path(CompiledGlossaryFile), c.Matcher.AppendCompiled(nil, key, derived...), 0o644); err != nil {
			t.Fatal(err)
		}
		got, built := load(t, ws, "v1")
		if !built {
			t.Fatalf("%s: the cache was used", what)
		}
		sameChecker(t, ws, got)
		if _, built := load(t, ws, "v1"); built {
			t.Fatalf("%s: the cache was not rewritten", what)
		}
	}
	// The index read is the one stored.
	if err := os.WriteFile(ws.Path(CompiledGlossaryFile), c.Matcher.AppendCompiled(nil, key, good), 0o644); err != nil {
		t.Fatal(err)
	}
	got, built := load(t, ws, "v1")
	gotBytes, _ := got.Endings().AppendBinary(nil)
	if built || !bytes.Equal(gotBytes, good) {
		t.Fatalf("the good cache: built %v, or another endings index", built)
	}
}

// TestCompiledGlossaryCacheLintAndSmall: a glossary with problems gives
// the plain loader's error even when a cache of its former content
// exists, and a small glossary is not cached.
func TestCompiledGlossaryCacheLintAndSmall(t *testing.T) {
	ws := cacheWorkspace(t)
	load(t, ws, "v1")
	writeGlossary(t, ws, "broken.yaml", "terms:\n  - id: Bad Id\n    en: {term: X}\n")
	_, err := newCacheLoader("v1").Load(ws)
	_, want := (&check.Cache{}).Load(ws)
	var le *check.LintError
	if !errors.As(err, &le) || want == nil || err.Error() != want.Error() {
		t.Fatalf("error %v, want %v", err, want)
	}

	small := cacheWorkspace(t)
	gc := newCacheLoader("v1")
	gc.minBytes = 1 << 20
	if c, err := gc.Load(small); err != nil || c == nil || gc.builds != 0 {
		t.Fatalf("small glossary: %v %v, builds %d", c, err, gc.builds)
	}
	if _, err := os.Stat(small.Path(CompiledGlossaryFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a small glossary was cached: %v", err)
	}
}

// TestCompiledGlossaryCacheRace: processes that load at once, some
// writing the cache while others read it, all get the glossary; the file
// left is a good cache (writes are atomic renames, so a reader sees the
// old file or the new one).
func TestCompiledGlossaryCacheRace(t *testing.T) {
	ws := cacheWorkspace(t)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Two tools alternate, so the cache keeps being replaced.
			c, err := newCacheLoader(fmt.Sprint("v", i%2)).Load(ws)
			if err == nil && (c == nil || len(c.Glossary.Entries) != 60) {
				err = errors.New("a load gave no glossary")
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	data, err := os.ReadFile(ws.Path(CompiledGlossaryFile))
	if err != nil {
		t.Fatal(err)
	}
	gc := newCacheLoader("v0")
	files, _, _ := readGlossaryFiles(ws, ws.Path(ws.Config.Glossary))
	m0, err0 := glossary.OpenCompiled(data, gc.cacheKey(ws, sumsOf(files)))
	gc.tool = func() string { return "v1" }
	m1, err1 := glossary.OpenCompiled(data, gc.cacheKey(ws, sumsOf(files)))
	if m0 == nil && m1 == nil {
		t.Fatalf("the cache left is no good: %v, %v", err0, err1)
	}
	entries, _ := filepath.Glob(filepath.Join(ws.Path(workspace.LocalFolder), "*"+workspace.TempSuffix))
	if len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestCompiledGlossaryCacheStaysInside: a local folder that is a link out
// of the workspace is neither written nor read.
func TestCompiledGlossaryCacheStaysInside(t *testing.T) {
	ws := cacheWorkspace(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, ws.Path(workspace.LocalFolder)); err != nil {
		t.Skip("no symbolic links:", err)
	}
	c, built := load(t, ws, "v1")
	if !built {
		t.Fatal("not compiled")
	}
	sameChecker(t, ws, c)
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Fatalf("written outside the workspace: %v", entries)
	}
	// A cache put there by someone else is not read either.
	load(t, ws, "v1") // (nothing to read)
	gc := newCacheLoader("v1")
	files, _, _ := readGlossaryFiles(ws, ws.Path(ws.Config.Glossary))
	os.WriteFile(filepath.Join(outside, "compiled-glossary.bin"), c.Matcher.AppendCompiled(nil, gc.cacheKey(ws, sumsOf(files))), 0o644)
	if _, built := load(t, ws, "v1"); !built {
		t.Fatal("a cache outside the workspace was read")
	}
}

// TestCompiledGlossaryMemoRacyEdit: the checker one process keeps (serve
// runs for days) is not reused after an edit of the same size within one
// tick of the clock, which keeps the files' stamp: while the files are
// settling their contents are compared; once settled, the stamp is
// trusted again.
func TestCompiledGlossaryMemoRacyEdit(t *testing.T) {
	ws := cacheWorkspace(t)
	gc := newCacheLoader("v1")
	clock := time.Now()
	changed := clock.Add(-time.Second).UnixNano()
	gc.snaps.Now = func() time.Time { return clock }
	gc.snaps.Stamp = func(string) (string, int64, bool) { return "same", changed, true }
	for _, lazy := range []bool{false, true} {
		load := gc.Load
		if lazy {
			load = gc.LoadForChecks
		}
		a, err := load(ws)
		if err != nil || a == nil {
			t.Fatal(a, err)
		}
		if b, _ := load(ws); b != a {
			t.Errorf("lazy %v: an unchanged glossary, still settling, was loaded again", lazy)
		}
		path := ws.Path(ws.Config.Glossary, "more.yaml")
		data, _ := os.ReadFile(path)
		from, to := "id: e000-2", "id: e999-2"
		if lazy {
			from, to = to, "id: e998-2"
		}
		edited := strings.Replace(string(data), from, to, 1)
		if edited == string(data) {
			t.Fatal("no edit")
		}
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := load(ws)
		if err != nil || b == a {
			t.Fatalf("lazy %v: after a same-stamp edit: %v, %v; want a fresh checker", lazy, b, err)
		}
		if id := strings.TrimPrefix(to, "id: "); b.Glossary.Lookup(id) == nil {
			t.Fatalf("lazy %v: the checker after the edit has no %s", lazy, id)
		}
	}
}
