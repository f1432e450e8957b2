package export

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// Each OmegaT run starts a Java virtual machine, OmegaT and its Groovy
// scripting: two to three seconds of CPU before it reads a file. Tests
// whose projects share a target language and preferences, and whose
// checks cannot cross, share one run: one project holds every test's
// project, each test's source files in a folder of their own under
// source/ (their memories keep their own distinct names in tm/auto/ and
// tm/). Their sentences are distinct, so no test's memory fills in or
// offers a match to another test's segments. Each test still makes every
// check it made on a run of its own, on its own files.
var (
	// omegatRU is EN→RU with OmegaT's defaults: TestOmegaTReuse/ru (at
	// the top of source/), TestOmegaTInlineTags without Display tags
	// (inline/) and TestOmegaTGlossary (glossary/, and glossin/).
	omegatRU = omegatBatch{
		tests: "TestOmegaTReuse/ru, TestOmegaTInlineTags, TestOmegaTGlossary",
		build: func(t *testing.T) omegatProject {
			_, docs := sampleWorkspace(t)
			article, _ := newArticle(t, docs, 30)
			p, _ := reuseProject(t, docs, article, "ru")
			p.add(t, "inline", inlineTagsProject(t, false))
			p.add(t, "glossary", glossaryProject(t))
			return p
		},
	}
	// omegatRULevel2 is EN→RU with Options → External TMXs → Display
	// tags: TestOmegaTInlineTags with it (inline/), TestOmegaTMarkup
	// (markup/) and TestOmegaTDOCX (docx/, when pandoc is there to make
	// its DOCX).
	omegatRULevel2 = omegatBatch{
		tests: "TestOmegaTInlineTags, TestOmegaTMarkup, TestOmegaTDOCX",
		build: func(t *testing.T) omegatProject {
			p := omegatProject{target: "ru", prefs: omegatLevel2}
			p.add(t, "inline", inlineTagsProject(t, true))
			p.add(t, "markup", markupProject(t))
			if pandoc, err := exec.LookPath("pandoc"); err == nil {
				p.add(t, "docx", docxProject(t, pandoc))
			}
			return p
		},
	}
)

// omegatBatch is an OmegaT run several tests share, made by the first of
// them to ask for it, in a folder that outlives that test (removed by
// TestMain).
type omegatBatch struct {
	tests string // the tests that share it, for messages
	build func(t *testing.T) omegatProject
	once  sync.Once
	run   *omegatRun
	err   error
}

// omegatDirs are the folders of the shared runs, for TestMain to remove.
var omegatDirs struct {
	sync.Mutex
	dirs []string
}

// get returns the shared run, making it if no test has. A failure to make
// it fails every test that shares it, naming it.
func (b *omegatBatch) get(t *testing.T) *omegatRun {
	t.Helper()
	omegat := testenv.Command(t, "omegat", "apt-get install omegat default-jre-headless")
	b.once.Do(func() {
		// Left as is if build stops the test that runs it (t.Fatal).
		b.err = errors.New("the test that made the project failed first (see its output)")
		p := b.build(t)
		dir, err := os.MkdirTemp("", "tilmash-omegat-")
		if err != nil {
			b.err = err
			return
		}
		omegatDirs.Lock()
		omegatDirs.dirs = append(omegatDirs.dirs, dir)
		omegatDirs.Unlock()
		b.run, b.err = execOmegaT(omegat, dir, p)
	})
	if b.err != nil {
		t.Fatalf("the OmegaT run of %s: %v", b.tests, b.err)
	}
	return b.run
}

// removeOmegaTDirs removes the folders of the shared runs.
func removeOmegaTDirs() {
	omegatDirs.Lock()
	defer omegatDirs.Unlock()
	for _, dir := range omegatDirs.dirs {
		os.RemoveAll(dir)
	}
	omegatDirs.dirs = nil
}

// add puts project q into p: its source files in folder dir of source/,
// its memories, edits and glossary files as they are. q must have p's
// target and preferences, and no memory or glossary file of p's name.
func (p *omegatProject) add(t testing.TB, dir string, q omegatProject) {
	t.Helper()
	if q.target != p.target || q.prefs != p.prefs {
		t.Fatalf("project %s: EN→%s, preferences %q: not the shared run's EN→%s, %q", dir, q.target, q.prefs, p.target, p.prefs)
	}
	into := func(what string, m *map[string][]byte, add map[string][]byte, prefix string) {
		if add != nil && *m == nil {
			*m = map[string][]byte{}
		}
		for name, data := range add {
			name = filepath.Join(prefix, name)
			if _, ok := (*m)[name]; ok {
				t.Fatalf("project %s: %s %s is already in the shared run", dir, what, name)
			}
			(*m)[name] = data
		}
	}
	into("source file", &p.sources, q.sources, dir)
	into("memory", &p.auto, q.auto, "")
	into("memory", &p.match, q.match, "")
	into("glossary file", &p.glossaries, q.glossaries, "")
	for src, tr := range q.edits {
		if p.edits == nil {
			p.edits = map[string]string{}
		}
		if old, ok := p.edits[src]; ok && old != tr {
			t.Fatalf("project %s: two edits of %q", dir, src)
		}
		p.edits[src] = tr
	}
}
