package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// guarded makes a workspace with every place of its own in existence, a
// file outside it, and links into it from outside.
func guarded(t *testing.T) (ws *workspace.Workspace, outside string) {
	t.Helper()
	base := t.TempDir()
	ws, err := workspace.Init(filepath.Join(base, "ws"))
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	for _, f := range []string{"glossary/places.yaml", "documents/doc/en.txt", "documents/doc/journal/0001.yaml", "export/doc/doc.tmx", "README.md"} {
		if err := ws.WriteFile(f, []byte("x\n")); err != nil {
			t.Fatal(err)
		}
	}
	outside = filepath.Join(base, "out")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"ws-link":     ws.Root,
		"config-link": ws.Path("tilmash.yaml"),
		"gloss-link":  ws.Path("glossary"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(outside, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(ws.Path("tilmash.yaml"), filepath.Join(outside, "config-hardlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "old.tmx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return ws, outside
}

func TestClassify(t *testing.T) {
	ws, out := guarded(t)
	r := ws.Root
	tests := []struct {
		path string
		want workspace.Area
	}{
		{r + "/tilmash.yaml", workspace.AreaConfig},
		{r + "/export/../tilmash.yaml", workspace.AreaConfig},
		{r + "/documents/../glossary/../tilmash.yaml", workspace.AreaConfig},
		{out + "/ws-link/tilmash.yaml", workspace.AreaConfig},
		{out + "/config-link", workspace.AreaConfig},
		{out + "/config-hardlink", workspace.AreaConfig},
		{r + "/.tilmash.lock", workspace.AreaLock},
		{r + "/glossary", workspace.AreaGlossary},
		{r + "/glossary/places.yaml", workspace.AreaGlossary},
		{r + "/glossary/new/deep.yaml", workspace.AreaGlossary},
		{out + "/gloss-link/places.yaml", workspace.AreaGlossary},
		{out + "/ws-link/glossary/new.tbx", workspace.AreaGlossary},
		{r + "/documents/doc/en.txt", workspace.AreaDocuments},
		{r + "/documents/doc/journal/0001.yaml", workspace.AreaDocuments},
		{r + "/documents/new/x.tmx", workspace.AreaDocuments},
		{r + "/documents", workspace.AreaDocuments},
		{r + "/export/doc/doc.tmx", workspace.AreaExport},
		{r + "/export/new.tmx", workspace.AreaExport},
		{r, workspace.AreaOther},
		{r + "/README.md", workspace.AreaOther},
		{r + "/notes.tmx", workspace.AreaOther},
		{out + "/old.tmx", workspace.AreaOther},
		{out + "/new.tmx", workspace.AreaOther},
		{"/", workspace.AreaOther},
	}
	for _, tt := range tests {
		if got := ws.Classify(tt.path); got != tt.want {
			t.Errorf("Classify(%s) = %v, want %v", strings.TrimPrefix(tt.path, filepath.Dir(r)), got, tt.want)
		}
	}
}

// A place that does not exist yet is still known by its name.
func TestClassifyMissingPlaces(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws.Config.Glossary = "terms"
	for path, want := range map[string]workspace.Area{
		".tilmash.lock":   workspace.AreaLock,
		"terms/x.yaml":    workspace.AreaGlossary,
		"export/a/b.tmx":  workspace.AreaExport,
		"termsheet.yaml":  workspace.AreaOther,
		"glossary/x.yaml": workspace.AreaOther, // no longer the glossary folder
	} {
		if got := ws.Classify(ws.Path(path)); got != want {
			t.Errorf("Classify(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestCheckTarget(t *testing.T) {
	ws, out := guarded(t)
	r := ws.Root
	tests := []struct {
		path  string
		force bool
		allow []workspace.Area
		want  string // "", "protected" or "overwrite"
	}{
		{r + "/tilmash.yaml", true, nil, "protected"},
		{r + "/.tilmash.lock", true, nil, "protected"},
		{r + "/glossary/places.yaml", false, nil, "protected"},
		{r + "/glossary/places.yaml", false, []workspace.Area{workspace.AreaGlossary}, ""},
		{r + "/tilmash.yaml", false, []workspace.Area{workspace.AreaGlossary}, "protected"},
		{r + "/documents/doc/journal/0001.yaml", true, nil, "protected"},
		{r + "/export/doc/doc.tmx", false, nil, ""},
		{out + "/old.tmx", false, nil, "overwrite"},
		{out + "/old.tmx", true, nil, ""},
		{out + "/new.tmx", false, nil, ""},
		{r + "/README.md", false, nil, "overwrite"},
		{out + "/config-hardlink", true, nil, "protected"},
	}
	for _, tt := range tests {
		err := ws.CheckTarget(tt.path, "shown", tt.force, tt.allow...)
		var le *locale.Error
		got := ""
		switch {
		case errors.As(err, &le) && strings.HasPrefix(le.ID, "workspace.protected."):
			got = "protected"
			if le.Data["Path"] != "shown" {
				t.Errorf("%s: the error names %q, want the path as given", tt.path, le.Data["Path"])
			}
		case le != nil && le.ID == "workspace.overwrite":
			got = "overwrite"
		case err != nil:
			t.Errorf("%s: %v", tt.path, err)
		}
		if got != tt.want {
			t.Errorf("CheckTarget(%s, force %v) = %q, want %q", tt.path, tt.force, got, tt.want)
		}
	}
}

func TestParseConfigExportFolder(t *testing.T) {
	tests := []struct{ name, yaml, err, id string }{
		{"root", "languages: [en]\nsource: en\nexport: .\n", "f.yaml:3:9: the export folder cannot be the workspace folder itself", "workspace.bad-config.export-root"},
		{"root spelled out", "export: export/..\n", "cannot be the workspace folder itself", "workspace.bad-config.export-root"},
		{"documents", "export: documents\n", "f.yaml:1:9: the export folder documents is or holds the documents folder", "workspace.bad-config.export-holds"},
		{"documents in another case", "export: Documents/\n", "holds the documents folder", "workspace.bad-config.export-holds"},
		{"glossary", "glossary: terms\nexport: terms\n", "f.yaml:2:9: the export folder terms is or holds the terms folder", "workspace.bad-config.export-holds"},
		{"inside documents", "export: documents/out\n", "is inside the documents folder", "workspace.bad-config.export-inside"},
		{"inside glossary", "export: glossary/tbx\n", "is inside the glossary folder", "workspace.bad-config.export-inside"},
		{"glossary holds the default export", "glossary: .\n", "f.yaml:1:11: the export folder export is inside the . folder", "workspace.bad-config.export-inside"},
		{"the local state folder", "export: .tilmash\n", "f.yaml:1:9: the export folder .tilmash is or holds the .tilmash folder", "workspace.bad-config.export-holds"},
		{"inside the local state folder", "export: .tilmash/out\n", "is inside the .tilmash folder", "workspace.bad-config.export-inside"},
		{"a folder of its own", "export: out/site\n", "", ""},
		{"a name that only starts like documents", "export: documents-out\n", "", ""},
	}
	for _, tt := range tests {
		_, err := workspace.ParseConfig("f.yaml", []byte(tt.yaml))
		if tt.err == "" {
			if err != nil {
				t.Errorf("%s: unexpected %v", tt.name, err)
			}
			continue
		}
		if locale.ID(err) != tt.id || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: error %v, want it to contain %q (message %s)", tt.name, err, tt.err, tt.id)
		}
	}
}

func TestParseConfigPublishRequire(t *testing.T) {
	cfg, err := workspace.ParseConfig("f.yaml", nil)
	if err != nil || !cfg.Publish.Requires(workspace.RequireAllLanguages) || cfg.Publish.Requires(workspace.RequireAllConfirmed) {
		t.Errorf("default publish.require = %v, %v; want [all-languages]", cfg.Publish.Require, err)
	}
	cfg, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  exclude: [x]\n"))
	if err != nil || !cfg.Publish.Requires(workspace.RequireAllLanguages) {
		t.Errorf("publish without require: %v, %v; want the default gate kept", cfg.Publish.Require, err)
	}
	cfg, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  require: [all-languages, all-confirmed]\n"))
	if err != nil || !cfg.Publish.Requires(workspace.RequireAllConfirmed) {
		t.Errorf("both gates: %v, %v", cfg.Publish.Require, err)
	}
	cfg, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  require: []\n"))
	if err != nil || len(cfg.Publish.Require) != 0 {
		t.Errorf("no gates: %v, %v", cfg.Publish.Require, err)
	}
	_, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  require:\n    - all-languages\n    - all-confirmd\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.yaml:4:7: all-confirmd is not a publish gate") {
		t.Errorf("a typo in a gate: %v", err)
	}
	_, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  requires: [all-languages]\n"))
	if err == nil || !strings.Contains(err.Error(), "f.yaml:2:3: unknown setting requires") {
		t.Errorf("a typo in the key: %v", err)
	}
}

func TestParseConfigPublishFormats(t *testing.T) {
	cfg, err := workspace.ParseConfig("f.yaml", nil)
	if err != nil || len(cfg.Publish.Formats) != 0 || !cfg.Publish.Writes("tmx") || !cfg.Publish.Writes("article-txt") {
		t.Errorf("default publish.formats = %v, %v; want every format", cfg.Publish.Formats, err)
	}
	cfg, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  formats: [TMX, Xliff12, article-HTML]\n"))
	if err != nil || !cfg.Publish.Writes("tmx") || !cfg.Publish.Writes("xliff12") || !cfg.Publish.Writes("article-html") || cfg.Publish.Writes("xliff") || cfg.Publish.Writes("html") {
		t.Errorf("formats in any case: %v, %v", cfg.Publish.Formats, err)
	}
	_, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  formats:\n    - tmx\n    - docs\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.yaml:4:7: docs is not a format publish writes (use tmx, xliff,") {
		t.Errorf("a typo in a format: %v", err)
	}
	_, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  formats: []\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.yaml:2:12: publish.formats lists no format") {
		t.Errorf("no format: %v", err)
	}
	_, err = workspace.ParseConfig("f.yaml", []byte("publish:\n  formats: tmx\n"))
	if err == nil || !strings.Contains(err.Error(), "f.yaml:2:") {
		t.Errorf("a format that is not a list: %v", err)
	}
}

// A link passes the check of the names in tilmash.yaml; CheckExportFolder
// follows it.
func TestCheckExportFolder(t *testing.T) {
	tests := []struct{ link, clash string }{
		{"documents", "holds"},
		{".", "root"},
		{"glossary/sub", "inside"},
		{"elsewhere", ""},
	}
	for _, tt := range tests {
		ws, err := workspace.Init(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(ws.Path(tt.link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(ws.Path(tt.link), ws.Path("export")); err != nil {
			t.Fatal(err)
		}
		err = ws.CheckExportFolder()
		switch {
		case tt.clash == "" && err != nil:
			t.Errorf("export -> %s: unexpected %v", tt.link, err)
		case tt.clash != "" && locale.ID(err) != "workspace.export-folder-"+tt.clash:
			t.Errorf("export -> %s: %v, want a %q clash", tt.link, err, tt.clash)
		}
	}
}
