// Package workspace finds, creates and guards a tilmash workspace: a folder
// holding tilmash.yaml, a glossary/ and a documents/ folder, much as a git
// repository holds .git.
//
// # Why the files are the source of truth
//
// Translators keep their workspace in git. Everything tilmash knows lives in
// readable, diffable YAML and text files below the root, so there is no
// database to fall out of step with them. The price is that every writer must
// be careful: [Workspace.WriteFile] never leaves a half-written file, and
// [Workspace.Lock] keeps two tilmash processes from interleaving their writes.
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// ConfigFile is the name of the file that marks a workspace root.
const ConfigFile = "tilmash.yaml"

// EnvVar names the environment variable that points at a workspace, like
// GIT_DIR does for git. The -C flag wins over it.
const EnvVar = "TILMASH_WORKSPACE"

// Config is the content of tilmash.yaml.
type Config struct {
	// Languages lists the language codes every document is kept in; the
	// first is not special, Source is.
	Languages []string `yaml:"languages"`
	// Source is the pivot language of alignment (English in a newsroom
	// that writes in English first).
	Source string `yaml:"source"`
	// Export is the folder, relative to the root, that publish and export
	// write into.
	Export string `yaml:"export"`
	// Glossary is the folder of glossary YAML files, relative to the root.
	Glossary string `yaml:"glossary"`
	// Segmentation holds workspace overrides of the segmentation rules. It
	// is kept as a raw node so that this package does not depend on the
	// segmenter; the segment package decodes it.
	Segmentation yaml.Node `yaml:"segmentation,omitempty"`
	// Publish tunes tilmash publish.
	Publish Publish `yaml:"publish,omitempty"`

	// Checks switches tilmash check's checks off or changes their
	// severity (checks.go).
	Checks Checks `yaml:"checks,omitempty"`

	// TM says where the translation memory is kept (tilmash tm).
	TM TM `yaml:"tm,omitempty"`
}

// TM is the tm section of tilmash.yaml.
type TM struct {
	// URL is a PostgreSQL database a team shares the memory in
	// (postgres://user@host/db); empty keeps it in the workspace. It may
	// not hold a password: that comes from the environment.
	URL string `yaml:"url,omitempty"`
}

// Publish is the publish section of tilmash.yaml.
type Publish struct {
	// Exclude lists documents publish leaves out when it is not given
	// document ids: drafts, or a demonstration of mistakes.
	Exclude []string `yaml:"exclude,omitempty"`
	// Require lists the gates a document must pass, besides the
	// consistency check, to be published: [RequireAllLanguages] (the
	// default) and [RequireAllConfirmed]. An empty list turns them off.
	Require []string `yaml:"require"`
	// Formats lists the files publish writes for each document: any of
	// [PublishFormats], in any case. Absent means every one of them but
	// those written only on request ([OnRequest]).
	Formats []string `yaml:"formats,omitempty"`
}

// PublishFormats are the values publish.formats accepts, in the order
// publish writes them: the bilingual formats of export (tmx, xliff,
// xliff12, html, md, csv, tsv, jsonl), then article-FORMAT for the
// one-language versions of export --lang, one file per language. Package
// app checks that the list is export's.
var PublishFormats = []string{"tmx", "xliff", "xliff12", "html", "md", "csv", "tsv", "jsonl",
	"article-md", "article-html", "article-txt", "article-docx"}

// OnRequest are the formats publish writes only when publish.formats
// lists them: the Word version of each language is for the publishers
// who ask for it, and not worth a binary file per language for the
// others.
var OnRequest = []string{"article-docx"}

// Writes reports whether publish writes format (one of PublishFormats).
func (p Publish) Writes(format string) bool {
	if len(p.Formats) == 0 {
		return !slices.Contains(OnRequest, format)
	}
	return slices.Contains(p.Formats, format)
}

// The publish gates tilmash.yaml may list under publish.require.
const (
	// RequireAllLanguages holds back a document that lacks a text in one
	// of the workspace languages: an English article with no translation
	// is not ready.
	RequireAllLanguages = "all-languages"
	// RequireAllConfirmed holds back a document with groups no person has
	// confirmed.
	RequireAllConfirmed = "all-confirmed"
)

// PublishGates are the values publish.require accepts.
var PublishGates = []string{RequireAllLanguages, RequireAllConfirmed}

// Requires reports whether publish.require lists gate.
func (p Publish) Requires(gate string) bool { return slices.Contains(p.Require, gate) }

// DefaultConfig is what tilmash init writes.
func DefaultConfig() Config {
	return Config{
		Languages: []string{"en", "ru", "kk"},
		Source:    "en",
		Export:    "export",
		Glossary:  "glossary",
		Publish:   Publish{Require: []string{RequireAllLanguages}},
	}
}

// Workspace is an opened workspace.
type Workspace struct {
	Root   string // absolute path of the folder holding tilmash.yaml
	Config Config

	// BeforeWrite, when set (by the crash tests), is passed to the undo
	// journals of the workspace's documents (journal.Journal.BeforeWrite):
	// it is called before a step or an undo writes each file.
	BeforeWrite func(name string)
}

// NotFoundError is returned by Find when no folder from the start upward
// holds tilmash.yaml. It is a named type because segment branches on it:
// outside a workspace it uses the built-in rules.
type NotFoundError struct{ Start string }

func (e *NotFoundError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *NotFoundError) Unwrap() error {
	return locale.NewError("workspace.not-found", map[string]any{"Start": e.Start}).WithHint("workspace.not-found.hint")
}

// Find locates the workspace. An explicit dir (from -C) wins, then the
// TILMASH_WORKSPACE value env, then the nearest folder holding tilmash.yaml
// walking up from start. An explicit folder must itself be a workspace root:
// searching upward from it would surprise someone who named it on purpose.
// A relative dir or env is taken from start, the working folder.
func Find(dir, env, start string) (*Workspace, error) {
	for _, explicit := range []string{dir, env} {
		if explicit == "" {
			continue
		}
		if !filepath.IsAbs(explicit) {
			explicit = filepath.Join(start, explicit) // the caller's working folder, not this process's
		}
		abs, err := filepath.Abs(explicit)
		if err != nil {
			return nil, err
		}
		if _, err := os.Lstat(filepath.Join(abs, ConfigFile)); err != nil {
			return nil, &NotFoundError{Start: abs}
		}
		return Open(abs)
	}
	abs, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	for d := abs; ; {
		// Lstat: a tilmash.yaml that is a link to a missing file marks
		// its folder all the same, and Open names the link; passed over,
		// the search went on to an outer workspace without a word.
		if _, err := os.Lstat(filepath.Join(d, ConfigFile)); err == nil {
			return Open(d)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, &NotFoundError{Start: abs}
		}
		d = parent
	}
}

// Open reads the workspace rooted at root.
func Open(root string) (*Workspace, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	file := filepath.Join(abs, ConfigFile)
	data, err := ReadFileIn(abs, ConfigFile)
	if err != nil {
		return nil, err
	}
	cfg, err := ParseConfig(file, data)
	if err != nil {
		return nil, err
	}
	if !Inside(abs, filepath.Join(abs, LocalFolder)) { // a cloned link: the memory and caches would be written there
		return nil, &EscapeError{Path: LocalFolder}
	}
	return &Workspace{Root: abs, Config: cfg}, nil
}

// ParseConfig decodes tilmash.yaml, refusing unknown keys so that a typo in a
// key is reported instead of silently ignored. Missing keys take defaults.
func ParseConfig(file string, data []byte) (Config, error) {
	cfg := DefaultConfig()
	if err := yamlx.Decode(file, data, &cfg, true); err != nil {
		if yamlx.IsLimit(err) {
			return cfg, err
		}
		return cfg, decodeError(file, data, err)
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root) // it decoded above; only positions are wanted
	if len(cfg.Languages) == 0 {
		line, col := position(&root, -1, "languages")
		return cfg, configError(file, line, col, "workspace.bad-config.no-languages", "workspace.bad-config.language.hint", nil)
	}
	seen := map[string]bool{}
	for i, l := range cfg.Languages {
		line, col := position(&root, i, "languages")
		if !ValidLanguage(l) {
			return cfg, configError(file, line, col, "workspace.bad-config.language", "workspace.bad-config.language.hint", map[string]any{"Lang": l})
		}
		if ok, meant := langtag.Language(l); !ok {
			if meant != "" {
				return cfg, configError(file, line, col, "workspace.bad-config.country", "workspace.bad-config.country.hint", map[string]any{"Lang": l, "Suggest": meant})
			}
			return cfg, configError(file, line, col, "workspace.bad-config.language", "workspace.bad-config.language.hint", map[string]any{"Lang": l})
		}
		if seen[l] {
			return cfg, configError(file, line, col, "workspace.bad-config.language-twice", "workspace.bad-config.language-twice.hint", map[string]any{"Lang": l})
		}
		seen[l] = true
	}
	if !slices.Contains(cfg.Languages, cfg.Source) {
		line, col := position(&root, -1, "source")
		if line == 0 { // the default source, en: the languages leave it out
			line, col = position(&root, -1, "languages")
		}
		return cfg, configError(file, line, col, "workspace.bad-config.source", "workspace.bad-config.source.hint",
			map[string]any{"Source": cfg.Source, "Languages": strings.Join(cfg.Languages, ", "), "First": cfg.Languages[0]})
	}
	for _, f := range []struct{ key, path string }{{"export", cfg.Export}, {"glossary", cfg.Glossary}} {
		if p := f.path; p == "" || filepath.IsAbs(p) || !filepath.IsLocal(p) {
			line, col := position(&root, -1, f.key)
			return cfg, configError(file, line, col, "workspace.bad-config.folder", "workspace.bad-config.folder.hint",
				map[string]any{"Key": f.key, "Folder": p})
		}
	}
	if err := checkExportFolder(file, cfg, &root); err != nil {
		return cfg, err
	}
	if err := checkTM(file, cfg, &root); err != nil {
		return cfg, err
	}
	for i, g := range cfg.Publish.Require {
		if !slices.Contains(PublishGates, g) {
			line, col := position(&root, i, "publish", "require")
			return cfg, locale.NewError("workspace.bad-config.gate", map[string]any{"Gate": g, "Gates": strings.Join(PublishGates, ", ")}).
				WithHint("workspace.bad-config.gate.hint").At(locale.Pos{File: file, Line: line, Column: col})
		}
	}
	if line, col := position(&root, -1, "publish", "formats"); line > 0 && len(cfg.Publish.Formats) == 0 {
		return cfg, locale.NewError("workspace.bad-config.no-formats", nil).
			WithHint("workspace.bad-config.format.hint").At(locale.Pos{File: file, Line: line, Column: col})
	}
	for i, f := range cfg.Publish.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		cfg.Publish.Formats[i] = f
		if !slices.Contains(PublishFormats, f) {
			line, col := position(&root, i, "publish", "formats")
			return cfg, locale.NewError("workspace.bad-config.format", map[string]any{"Format": cfg.Publish.Formats[i], "Formats": strings.Join(PublishFormats, ", ")}).
				WithHint("workspace.bad-config.format.hint").At(locale.Pos{File: file, Line: line, Column: col})
		}
	}
	if err := checkChecks(file, cfg, &root); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// checkTM refuses a tm.url that is not a PostgreSQL URL, or that holds a
// password: tilmash.yaml is committed, and a password belongs in the
// environment.
func checkTM(file string, cfg Config, root *yaml.Node) error {
	if cfg.TM.URL == "" {
		return nil
	}
	line, col := position(root, -1, "tm", "url")
	at := locale.Pos{File: file, Line: line, Column: col}
	u, err := url.Parse(cfg.TM.URL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" && u.Query().Get("host") == "" {
		return locale.NewError("tm.config.url", map[string]any{"URL": cfg.TM.URL}).WithHint("tm.config.url.hint").At(at)
	}
	_, hasPassword := u.User.Password()
	if hasPassword || u.Query().Has("password") {
		return locale.NewError("tm.config.password", nil).WithHint("tm.config.password.hint").At(at)
	}
	return nil
}

// checkExportFolder makes sure the export folder is a folder of its own.
// publish rewrites it and removes from it the exports of a document it
// holds back, so it may not be the workspace folder, documents/ or the
// glossary folder, hold one of them, or lie inside one. Names are
// compared without regard to case, as on the disks of macOS and Windows.
func checkExportFolder(file string, cfg Config, root *yaml.Node) error {
	fail := func(clash, other string) error {
		line, col := position(root, -1, "export")
		if line == 0 { // export: not given, the default clashes with glossary:
			line, col = position(root, -1, "glossary")
		}
		if line == 0 {
			line, col = 1, 1
		}
		return locale.NewError("workspace.bad-config.export-"+clash, map[string]any{"Export": cfg.Export, "Other": other}).
			WithHint("workspace.bad-config.export.hint").At(locale.Pos{File: file, Line: line, Column: col})
	}
	id, other := exportClash(cfg.Export, DocumentsFolder, cfg.Glossary, LocalFolder)
	switch id {
	case "":
		return nil
	case "root":
		return fail(id, "")
	}
	return fail(id, other)
}

// exportClash is the rule for the export folder: it may not be the
// workspace folder ("root"), be or hold one of the others ("holds"), or lie
// inside one ("inside"). The paths are relative to the root, or all
// absolute; they are compared without regard to case, as on the disks of
// macOS and Windows. It returns "" when export is a folder of its own.
func exportClash(export string, others ...string) (clash, other string) {
	export = strings.ToLower(filepath.Clean(export))
	if export == "." {
		return "root", "."
	}
	for _, o := range others {
		lo := strings.ToLower(filepath.Clean(o))
		switch {
		case within(export, lo):
			return "holds", o
		case within(lo, export):
			return "inside", o
		}
	}
	return "", ""
}

// position finds the line and column of a value in a decoded tilmash.yaml:
// the value at keys, or its item i when i >= 0. It is 0, 0 when the value
// is not there.
func position(root *yaml.Node, i int, keys ...string) (line, col int) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, k := range keys {
		var next *yaml.Node
		for j := 0; n.Kind == yaml.MappingNode && j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == k {
				next = n.Content[j+1]
			}
		}
		if next == nil {
			return 0, 0
		}
		n = next
	}
	if i >= 0 {
		if n.Kind != yaml.SequenceNode || i >= len(n.Content) {
			return n.Line, n.Column
		}
		n = n.Content[i]
	}
	return n.Line, n.Column
}

// YAMLError pulls the line and the reason out of a yaml.v3 error, which
// carries no structured position ("yaml: line 3: field x not found in type
// workspace.Config"). The Go type name means nothing to a translator and is
// dropped. Line is 1 when the error names none.
func YAMLError(err error) (line int, reason string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	line = 1
	var n int
	if i := strings.Index(msg, "line "); i >= 0 {
		if _, e := fmt.Sscanf(msg[i:], "line %d", &n); e == nil {
			line = n
		}
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[i+j+2:]
		}
	}
	if k := strings.Index(msg, " in type "); k >= 0 {
		msg = msg[:k]
	}
	return line, msg
}

// YAMLProblem is [YAMLError] for a file whose data is at hand: a syntax
// error is placed where the file stops being YAML, with a column, and its
// problem is a catalogue message in the reader's language (see
// [yamlx.LocateSyntax]); any other error keeps yaml.v3's line and words.
func YAMLProblem(file string, data []byte, err error) (line, col int, detail any) {
	if se := yamlx.LocateSyntax(file, data, err); se != nil {
		return se.Line, se.Column, se.Detail()
	}
	line, reason := YAMLError(err)
	reason, _, _ = strings.Cut(reason, "\n") // the first of yaml.v3's list
	var key string
	var first int
	if n, _ := fmt.Sscanf(reason, "mapping key %q already defined at line %d", &key, &first); n == 2 {
		return line, keyColumn(data, line, key), locale.Msg{ID: "yaml.duplicate-key", Data: map[string]any{"Key": key, "Line": first}}
	}
	return line, 1, reason
}

// keyColumn is the column (in characters) of key on line of data, 1 when
// it is not there.
func keyColumn(data []byte, line int, key string) int {
	lines := strings.SplitN(string(data), "\n", line+1)
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	if i := strings.Index(text, key); i >= 0 {
		return utf8.RuneCountInString(text[:i]) + 1
	}
	return 1
}

// ValidLanguage reports whether code is a language code tilmash accepts:
// two or three lowercase ASCII letters (ISO 639-1 or 639-2/3, such as en,
// ru, kk). Codes become file names (documents/DOC/kk.txt), so nothing else
// may get through.
func ValidLanguage(code string) bool {
	if len(code) < 2 || len(code) > 3 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'a' || code[i] > 'z' {
			return false
		}
	}
	return true
}

// Init creates a workspace in dir (made if missing). It refuses to overwrite
// an existing tilmash.yaml so that a stray init never resets a team's
// settings.
func Init(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(abs, ConfigFile)); err == nil {
		return nil, exists(abs)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := insideOwnFolder(abs); err != nil {
		return nil, err
	}
	cfg := DefaultConfig()
	ws := &Workspace{Root: abs, Config: cfg}
	for _, d := range []string{abs, ws.Path(cfg.Glossary), ws.Path("documents")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	if err := ws.WriteFile(ConfigFile, []byte(initialConfig)); err != nil {
		return nil, err
	}
	return ws, nil
}

// initialConfig is written by Init with comments, since the file is read by
// people first.
const initialConfig = `# tilmash workspace settings. See tilmash's docs/formats.md.
# Languages every document is kept in, and the pivot language of alignment.
languages: [en, ru, kk]
source: en
# Where publish and export write their files (relative to this folder).
export: export
# Where the glossary YAML files live.
glossary: glossary
# Segmentation rule overrides per language, for example:
# segmentation:
#   abbreviations:
#     en: [Sen., Rep.]
#   srx: rules/house.srx
# What publish requires of a document. The default, all-languages, holds back
# one without a text in every language; all-confirmed also holds back one with
# groups nobody has confirmed (without it, publish ships such a document and
# warns when none of its groups is confirmed):
# publish:
#   require: [all-languages, all-confirmed]
`

// insideOwnFolder refuses a new workspace at dir when a workspace above
// it keeps its own files there: its documents, glossary, export or local
// folder. Made there, the new tilmash.yaml would be the one every command
// run in that folder finds first, hiding the outer workspace. A workspace
// elsewhere below another (a folder of its own) is allowed.
func insideOwnFolder(dir string) error {
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ConfigFile)); err == nil {
			outer, err := Open(d)
			if err != nil {
				return nil // a broken outer workspace is reported when it is used
			}
			for _, f := range []string{DocumentsFolder, outer.Config.Glossary, outer.Config.Export, LocalFolder} {
				if f != "" && filepath.Clean(f) != "." && Inside(outer.Path(f), dir) {
					return locale.NewError("workspace.init-inside", map[string]any{"Dir": dir, "Folder": filepath.ToSlash(filepath.Clean(f)), "Root": d}).
						WithHint("workspace.init-inside.hint")
				}
			}
			return nil
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// exists is the error of Init for a folder that is already a workspace.
func exists(root string) error {
	return locale.NewError("workspace.exists", map[string]any{"Root": root})
}

// Path joins elements onto the root. Callers pass only validated names.
func (w *Workspace) Path(elem ...string) string {
	return filepath.Join(append([]string{w.Root}, elem...)...)
}

// Rel returns p relative to the root when it lies inside, for messages.
func (w *Workspace) Rel(p string) string {
	if r, err := filepath.Rel(w.Root, p); err == nil && filepath.IsLocal(r) {
		return r
	}
	return p
}

// HasLanguage reports whether lang is one of the workspace's languages.
func (w *Workspace) HasLanguage(lang string) bool { return slices.Contains(w.Config.Languages, lang) }
