// Package app is tilmash's application layer: the use cases a person runs
// (init, import, align, status, the consistency gate, publish, …), each a
// method of [App] over the domain packages (workspace, document, segment,
// align, check, export, journal).
//
// The app never prints and knows nothing of the command line: it returns
// results, findings and errors, and reports progress through the
// [Progress] it is given. The command packages under internal/cli parse
// flags, call it and print what it returns. Its collaborators (the
// segmenter factory, the glossary loaders, the clock) are fields set by
// the caller, cmd/tilmash, so that a test builds the same app a person
// runs; so are the stores of the translation memory ([MemoryStores]),
// which only cmd/tilmash and the tests that open a memory link.
//
// Writers of a workspace hold its lock while they call the app: the
// commands take it, with the wait a person chose (--wait).
package app

import (
	"sync"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// App runs the use cases. Build it with [New], then replace the
// collaborators a caller wants otherwise.
type App struct {
	// Version is the tilmash version written into exported files.
	Version string
	// Now is the clock: the creation date of exported files.
	Now func() time.Time
	// Segmenter returns the sentence segmenter of a language, with the
	// workspace's overrides when ws is not nil.
	Segmenter func(ws *workspace.Workspace, lang string) (*segment.Segmenter, error)
	// Glossary loads a workspace's glossary checker; nil (and no error)
	// when the workspace has no glossary.
	Glossary func(ws *workspace.Workspace) (*check.Checker, error)
	// CheckGlossary is Glossary for checking text only (status's and
	// align's quick checks): its checker's Glossary may have nil Entries,
	// its entries decoded as they are found or looked up. nil means
	// Glossary.
	CheckGlossary func(ws *workspace.Workspace) (*check.Checker, error)
	// GlossaryDir loads a glossary folder outside a workspace, with src as
	// its source language (align-files --glossary).
	GlossaryDir func(dir, src string) (*check.Checker, error)
	// Workers bounds the documents publish and status work on at once;
	// 0 means one a processor (runtime.GOMAXPROCS).
	Workers int
	// PublishFS does publish's writes of exports and manifests (see
	// workspace.Batch); nil means the operating system's. The crash tests
	// put one there that fails at a chosen step.
	PublishFS workspace.BatchFS
	// Spellers keeps the spelling check's hunspell processes between
	// checks (check, and the gate publish and export run on each
	// document); nil starts them for each check and ends them after.
	// Whoever sets it closes it.
	Spellers *qa.Spellers
	// DicPath is the invocation's $DICPATH: the folders the spelling
	// check looks for hunspell's dictionaries in before the installed
	// ones ("": the installed ones only).
	DicPath string
	// Stores open the translation memory's stores; without the one a
	// memory needs, opening it fails with [ErrNoMemoryStore].
	Stores MemoryStores

	stampOnce sync.Once
	stamp     string // buildStamp
	// sums hashes the files of the workspace digest and the compiled
	// glossary cache's key, each once a process (nil: each time).
	sums *fileSums
	// confirmedMu serialises the reads and writes of the confirmed-groups
	// cache (confirmedcache.go) of the documents publish aligns at once.
	confirmedMu sync.Mutex
	// learnedMemo remembers the lexicons learned from review, guarded by
	// learnedMu (see reviewLexicon).
	learnedMu   sync.Mutex
	learnedMemo map[learnedKey]learnedLexicon
}

// New returns an app with the standard collaborators: the built-in
// segmenters with the workspace's overrides, the workspace glossary (both
// compiled once for the app's life, as long as their files do not
// change; a large glossary through the compiled glossary cache,
// [CompiledGlossaryFile]), and the system clock.
func New(version string) *App {
	glossaries := &check.Cache{}
	sums := &fileSums{}
	compiled := newCompiledGlossaries(version, sums, glossaries.Load)
	return &App{
		Version:       version,
		Now:           time.Now,
		Segmenter:     NewSegmenters().For,
		Glossary:      compiled.Load,
		CheckGlossary: compiled.LoadForChecks,
		GlossaryDir:   glossaries.LoadDir,
		sums:          sums,
	}
}

// Progress hears about the steps of a long use case, such as the
// documents of publish. A nil Progress hears nothing.
type Progress interface {
	Step(name string)
}

func step(p Progress, name string) {
	if p != nil {
		p.Step(name)
	}
}

// now reads the app's clock: Now, or time.Now when it is nil.
func (app *App) now() time.Time {
	if app.Now != nil {
		return app.Now()
	}
	return time.Now()
}
