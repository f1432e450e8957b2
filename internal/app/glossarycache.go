package app

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// CompiledGlossaryFile is the compiled glossary cache of a workspace,
// relative to its root: the glossary's entries and expanded matcher as
// glossary.Matcher.AppendCompiled writes them, with the endings index of
// the checks (qa.EndingsIndex.AppendBinary) as its derived section, and a
// second one holding the glossary's gaps (check.Checker.Gaps, as JSON)
// when it has any. It is derived data, in the git-ignored local folder,
// and safe to delete.
const CompiledGlossaryFile = workspace.LocalFolder + string(filepath.Separator) + "compiled-glossary.bin" // filepath.Join, as a constant

// minCachedGlossary is the size of glossary YAML (all files together)
// from which the compiled glossary cache is used. Below it the glossary is
// parsed and compiled each run as before: a handful of entries compile in
// about as little time as the cache is hashed and read, and the first run
// would pay for writing the file. The house glossary (36 KB) is above it:
// status on the sample workspace takes 75 ms of CPU with the cache, 95
// without.
const minCachedGlossary = 16 << 10

// compiledGlossaries loads workspace glossaries through the compiled
// glossary cache: a glossary whose files, settings and tool are those the
// cache was written for is read from it, with no YAML to parse and no form
// to expand; otherwise it is loaded and compiled, and the cache rewritten.
// A cache that cannot be read, is damaged or is stale is rebuilt, never an
// error; one that cannot be written is left out. Glossaries it does not
// handle (missing, unreadable, with lint problems other than gaps, empty,
// small) go to
// fallback, the plain loader, so errors read as they always did.
type compiledGlossaries struct {
	fallback func(ws *workspace.Workspace) (*check.Checker, error)
	// tool identifies the program: a cache written by another build of
	// tilmash is not trusted (it may expand forms differently).
	tool     func() string
	minBytes int
	// builds counts the glossaries compiled rather than read from the
	// cache, for tests.
	builds int
	// sums hashes the glossary files for the key, shared with the
	// workspace digest of status and publish (nil: hashed each time).
	sums *fileSums

	// snaps tells whether the glossary folder is still as a memo entry
	// was loaded from it: by the files' versions once they have settled,
	// by their contents while an edit of the same size could keep the
	// version (a long-running serve would otherwise keep a stale glossary).
	snaps check.Snapshots

	mu   sync.Mutex
	memo map[string]*compiledMemo
}

type compiledMemo struct {
	snap check.Snapshot
	c    *check.Checker
	err  error
}

func newCompiledGlossaries(version string, sums *fileSums, fallback func(*workspace.Workspace) (*check.Checker, error)) *compiledGlossaries {
	var once sync.Once
	var id string
	return &compiledGlossaries{
		fallback: fallback,
		minBytes: minCachedGlossary,
		sums:     sums,
		tool: func() string {
			once.Do(func() { id = toolIdentity(version) })
			return id
		},
	}
}

// toolIdentity is the version and, since a development build keeps its
// version, the build's revision and the executable's size and time.
func toolIdentity(version string) string {
	id := "tilmash " + version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Key + "=" + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id += " " + strconv.FormatInt(st.Size(), 10) + " " + strconv.FormatInt(st.ModTime().UnixNano(), 10)
		}
	}
	return id
}

// Load is App.Glossary: the workspace glossary's checker, compiled once
// per process while its files keep their names, sizes and times (and
// their contents, while they may change within a tick: check.Snapshot).
func (gc *compiledGlossaries) Load(ws *workspace.Workspace) (*check.Checker, error) {
	return gc.loadMemo(ws, false)
}

// LoadForChecks is App.CheckGlossary: Load for checking text, whose
// glossary read from the cache decodes its entries as the matcher finds
// them (glossary.OpenCompiledFileLazy), so its Entries is nil. status
// checks a document with 10,000 entries and finds a handful.
func (gc *compiledGlossaries) LoadForChecks(ws *workspace.Workspace) (*check.Checker, error) {
	return gc.loadMemo(ws, true)
}

func (gc *compiledGlossaries) loadMemo(ws *workspace.Workspace, lazy bool) (*check.Checker, error) {
	dir := ws.Path(ws.Config.Glossary)
	key := ws.Root + "\x00" + dir + "\x00" + strings.Join(ws.Config.Languages, ",") + "\x00" + ws.Config.Source
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if m, ok := gc.memo[key]; ok && gc.snaps.Current(dir, &m.snap) {
		return m.c, m.err // whole: good for checks too
	}
	lazyKey := key + "\x00lazy"
	if m, ok := gc.memo[lazyKey]; lazy && ok && gc.snaps.Current(dir, &m.snap) {
		return m.c, m.err
	}
	snap := gc.snaps.Take(dir)
	c, lazyOne, err := gc.load(ws, dir, lazy)
	if gc.memo == nil {
		gc.memo = map[string]*compiledMemo{}
	}
	if lazyOne {
		key = lazyKey
	}
	gc.memo[key] = &compiledMemo{snap: snap, c: c, err: err}
	return c, err
}

// load loads the glossary, lazily when asked and it is read from the
// cache; lazyOne says it was.
func (gc *compiledGlossaries) load(ws *workspace.Workspace, dir string, lazy bool) (c *check.Checker, lazyOne bool, err error) {
	// The cache is opened by the files' sums, streamed: the YAML is read
	// whole only to compile it.
	sums, size, ok := gc.glossarySums(ws, dir)
	if !ok || size < int64(gc.minBytes) {
		c, err := gc.fallback(ws)
		return c, false, err
	}
	if c := openCompiledGlossary(ws, gc.cacheKey(ws, sums), lazy); c != nil {
		return c, lazy, nil
	}
	files, size2, ok := readGlossaryFiles(ws, dir)
	if !ok || size2 < gc.minBytes {
		c, err := gc.fallback(ws)
		return c, false, err
	}
	// The key of what was read, which may have changed since it was
	// hashed: the cache must hold what its key names.
	key := gc.cacheKey(ws, sumsOf(files))
	g, probs := glossary.LoadFiles(files, ws.Config.Languages)
	// Entries lacking a language leave the glossary enforced (see
	// check.Load): it is cached with them. Any other problem goes to the
	// plain loader, whose error names it.
	blocking, gaps := glossary.SplitGaps(probs)
	if len(blocking) > 0 || len(g.Entries) == 0 {
		c, err := gc.fallback(ws)
		return c, false, err
	}
	m := glossary.Compile(g)
	gc.builds++
	// The compiler's hash maps (hundreds of megabytes for a large
	// glossary) are garbage now: collect them before the file is laid out
	// beside the tables, or the heap would grow to hold both.
	runtime.GC()
	c = checkerOf(m, ws)
	c.Gaps = gaps
	// The endings index is kept with the glossary too: built for 10,000
	// entries it was a third of a status that checks a document.
	endings, err := c.Endings().AppendBinary(nil)
	if err != nil {
		return c, false, nil
	}
	// The cache is an optimisation: a workspace on a read-only disk, or
	// whose local folder leads out of it, compiles each run.
	derived := [][]byte{endings}
	if len(gaps) > 0 {
		data, err := json.Marshal(gaps)
		if err != nil {
			return c, false, nil
		}
		derived = append(derived, data)
	}
	_ = ws.WriteFile(CompiledGlossaryFile, m.AppendCompiled(nil, key, derived...))
	return c, false, nil
}

// openCompiledGlossary opens the cache if it is a regular file inside the
// workspace (through os.Root, a link cannot lead out) holding the
// compiled glossary of key, its endings index and its gaps (none when
// the file has no second derived section); otherwise it returns
// nil. With lazy set, the glossary's entries are decoded as they are
// found (glossary.OpenCompiledFileLazy).
func openCompiledGlossary(ws *workspace.Workspace, key [32]byte, lazy bool) *check.Checker {
	defer holdGC()()
	root, err := os.OpenRoot(ws.Root)
	if err != nil {
		return nil
	}
	defer root.Close()
	f, err := root.OpenFile(CompiledGlossaryFile, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil
	}
	defer f.Close()
	open := glossary.OpenCompiledFile
	if lazy {
		open = glossary.OpenCompiledFileLazy
	}
	m, derived, err := open(f, key)
	if err != nil || len(derived) < 1 || len(derived) > 2 {
		return nil
	}
	// The file is written for what its key names, so a glossary with
	// gaps has the section; one that is there holds gaps, never nothing.
	var gaps []glossary.Problem
	if len(derived) == 2 {
		if json.Unmarshal(derived[1], &gaps) != nil || len(gaps) == 0 || slices.ContainsFunc(gaps, func(p glossary.Problem) bool { return !p.Gap() }) {
			return nil
		}
	}
	// The index is searched where it is mapped, kept while the matcher
	// (the mapping's owner) is.
	endings, err := qa.ReadEndingsIndexIn(derived[0], m)
	if err != nil {
		return nil
	}
	c := checkerOf(m, ws)
	c.SetEndings(endings)
	c.Gaps = gaps
	return c
}

// gcHeld counts the compiled glossaries being read in the process; while
// there is one, the garbage collector is off (holdGC).
var gcHeld struct {
	sync.Mutex
	n       int
	percent int // the setting to go back to
}

// holdGC turns the garbage collector off until the function it returns is
// called. Reading a compiled glossary allocates its entries and endings
// index, which are all kept: a collection during it frees next to
// nothing, and on the fresh heap of a new process it reads pages before
// they are first written, a page fault more each. For 10,000 entries the
// collections were a fifth of the CPU of a status that checks one
// document. The heap is the same at the end; the collector runs when it
// is turned back on.
func holdGC() (release func()) {
	gcHeld.Lock()
	if gcHeld.n == 0 {
		gcHeld.percent = debug.SetGCPercent(-1)
	}
	gcHeld.n++
	gcHeld.Unlock()
	return func() {
		gcHeld.Lock()
		if gcHeld.n--; gcHeld.n == 0 {
			debug.SetGCPercent(gcHeld.percent)
		}
		gcHeld.Unlock()
	}
}

func checkerOf(m *glossary.Matcher, ws *workspace.Workspace) *check.Checker {
	g := m.Glossary()
	return &check.Checker{Glossary: g, Matcher: m, Source: ws.Config.Source, Langs: g.Langs}
}

// readGlossaryFiles reads the *.yaml files of the glossary folder in name
// order, named as check.ReadGlossary names them (relative to the root),
// with their total size. It says !ok for anything the plain loader must
// report: no folder, a folder outside the workspace, a file it cannot
// read.
func readGlossaryFiles(ws *workspace.Workspace, dir string) ([]glossary.File, int, bool) {
	rel, names, ok := glossaryNames(ws, dir)
	if !ok {
		return nil, 0, false
	}
	files := make([]glossary.File, len(names))
	size := 0
	for i, name := range names {
		data, err := workspace.ReadFileIn(dir, filepath.Base(name))
		if err != nil {
			return nil, 0, false
		}
		files[i] = glossary.File{Name: filepath.Join(rel, filepath.Base(name)), Data: data}
		size += len(data)
	}
	return files, size, true
}

// glossarySum is a glossary file by its name (as readGlossaryFiles names
// it) and content.
type glossarySum struct {
	name string
	size int64
	sum  [32]byte
}

// glossarySums hashes the files readGlossaryFiles would read, as it reads
// them, with their total size; !ok when it would say !ok.
func (gc *compiledGlossaries) glossarySums(ws *workspace.Workspace, dir string) ([]glossarySum, int64, bool) {
	rel, names, ok := glossaryNames(ws, dir)
	if !ok {
		return nil, 0, false
	}
	sums := make([]glossarySum, len(names))
	var size int64
	for i, name := range names {
		base := filepath.Base(name)
		shown := filepath.Join(rel, base)
		sum, n, err := gc.sums.sumIn(dir, base, shown)
		if err != nil {
			return nil, 0, false
		}
		sums[i] = glossarySum{name: shown, size: n, sum: sum}
		size += n
	}
	return sums, size, true
}

// sumsOf hashes files read.
func sumsOf(files []glossary.File) []glossarySum {
	sums := make([]glossarySum, len(files))
	for i, f := range files {
		sums[i] = glossarySum{name: f.Name, size: int64(len(f.Data)), sum: sha256.Sum256(f.Data)}
	}
	return sums
}

// glossaryNames lists the *.yaml files of the glossary folder dir in
// name order, with the folder relative to the root; !ok for no folder, a
// folder outside the workspace.
func glossaryNames(ws *workspace.Workspace, dir string) (string, []string, bool) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) || !workspace.Inside(ws.Root, dir) {
		return "", nil, false
	}
	rel, err := filepath.Rel(ws.Root, dir)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", nil, false
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return "", nil, false
	}
	sort.Strings(names)
	return rel, names, true
}

// cacheKey is what the compiled glossary is derived from: the tool, the
// workspace languages, and each glossary file's name and content (by its
// sha256).
func (gc *compiledGlossaries) cacheKey(ws *workspace.Workspace, files []glossarySum) [32]byte {
	h := sha256.New()
	field := func(s string) {
		h.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	field("tilmash compiled glossary")
	field(gc.tool())
	field(strings.Join(ws.Config.Languages, ","))
	for _, f := range files {
		field(f.name)
		h.Write(binary.LittleEndian.AppendUint64(nil, uint64(f.size)))
		h.Write(f.sum[:])
	}
	return [32]byte(h.Sum(nil))
}
