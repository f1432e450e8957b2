package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/testenv"
)

// Tests whose projects share a target language and preferences, and
// whose checks cannot cross, share one project: it holds every test's
// project, each test's source files in a folder of their own under
// source/ (their memories keep their own distinct names in tm/auto/ and
// tm/). Their sentences are distinct, so no test's memory fills in or
// offers a match to another test's segments. Each test still makes every
// check it made on a project of its own, on its own files. (Every project
// of the run, shared or not, is translated by the one OmegaT process,
// omegatServer.)
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

// omegatServer is the test run's one OmegaT: each start of its Java
// virtual machine, OmegaT and Groovy costs two to three seconds of CPU
// before it reads a file, so one process translates every project of the
// run, one after the other (see testdata/omegat/tilmash.groovy).
var omegatServer omegatProcess

// omegatProcess is an OmegaT started in console-translate mode on an
// empty project, whose script translates the project folders written to
// its standard input.
type omegatProcess struct {
	once sync.Once
	err  error // of the start
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	done chan [2]string // the folder and result of each "tilmash-done" line
	exit chan struct{}  // closed when the process has ended
	log  struct {
		sync.Mutex
		bytes.Buffer
	}
}

// translate has OmegaT translate the project in folder dir, and returns
// what OmegaT has said so far, for messages.
func (s *omegatProcess) translate(omegat, dir string) ([]byte, error) {
	s.once.Do(func() { s.err = s.start(omegat) })
	if s.err != nil {
		return nil, fmt.Errorf("starting OmegaT: %v", s.err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := io.WriteString(s.in, dir+"\n"); err != nil {
		return s.said(), fmt.Errorf("OmegaT: %v", err)
	}
	select {
	case d := <-s.done:
		if d[0] != dir {
			return s.said(), fmt.Errorf("OmegaT answered for %s, not %s", d[0], dir)
		}
		if d[1] != "ok" {
			return s.said(), fmt.Errorf("OmegaT: %s", d[1])
		}
		return s.said(), nil
	case <-s.exit:
		return s.said(), fmt.Errorf("OmegaT ended: %v", s.cmd.ProcessState)
	}
}

// said is what OmegaT has written that was not an answer.
func (s *omegatProcess) said() []byte {
	s.log.Lock()
	defer s.log.Unlock()
	return bytes.Clone(s.log.Bytes())
}

// start starts OmegaT on an empty project in a folder of its own,
// removed by TestMain.
func (s *omegatProcess) start(omegat string) error {
	dir, err := os.MkdirTemp("", "tilmash-omegat-")
	if err != nil {
		return err
	}
	omegatDirs.Lock()
	omegatDirs.dirs = append(omegatDirs.dirs, dir)
	omegatDirs.Unlock()
	for _, sub := range []string{"source", "target", "tm", "omegat", "glossary", "dictionary", "config"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := writeFiles(dir, map[string][]byte{
		"omegat.project":  omegatProjectFile("ru"),
		"tilmash.groovy":  omegatScript,
		"glossary.groovy": omegatGlossaryScript,
	}); err != nil {
		return err
	}
	cmd := exec.Command(omegat, dir, "--mode=console-translate", "--quiet", "--no-team", "--disable-project-locking",
		"--config-dir="+filepath.Join(dir, "config"), "--script="+filepath.Join(dir, "tilmash.groovy"))
	cmd.Env = append(os.Environ(), "JAVA_TOOL_OPTIONS=-Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.name=translator", "HOME="+dir)
	cmd.Stderr = logWriter{s}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if s.in, err = cmd.StdinPipe(); err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd = cmd
	s.done, s.exit = make(chan [2]string), make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if f := strings.Split(sc.Text(), "\t"); len(f) == 3 && f[0] == "tilmash-done" {
				s.done <- [2]string{unescapeTSV(f[1]), unescapeTSV(f[2])}
				continue
			}
			logWriter{s}.Write(append(sc.Bytes(), '\n'))
		}
		cmd.Wait()
		close(s.exit)
	}()
	return nil
}

// stop ends OmegaT, if it was started: the end of its input ends its
// script and console-translate.
func (s *omegatProcess) stop() {
	if s.cmd == nil {
		return
	}
	s.in.Close()
	select {
	case <-s.exit:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.exit
	}
}

// logWriter keeps what OmegaT writes.
type logWriter struct{ s *omegatProcess }

func (w logWriter) Write(b []byte) (int, error) {
	w.s.log.Lock()
	defer w.s.log.Unlock()
	return w.s.log.Write(b)
}

// omegatProjectFile is omegat.project of a project EN→target with OmegaT's
// default folders.
func omegatProjectFile(target string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>EN-US</source_lang>
        <target_lang>` + omegatLangs[target] + `</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`)
}

// writeFiles writes files, by their paths under dir.
func writeFiles(dir string, files map[string][]byte) error {
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
