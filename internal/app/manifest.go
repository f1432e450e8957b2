package app

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// ManifestName is the file publish keeps in export/DOC/: the names of the
// files it wrote there, so that it removes those and nothing else when it
// holds the document back, or when a later publish no longer writes one of
// them (a language dropped from tilmash.yaml).
const ManifestName = ".tilmash-manifest.yaml"

// manifest is the content of ManifestName.
type manifest struct {
	// Created says publish made the folder, so it may remove it once it
	// is empty. A folder that was there before is never removed.
	Created bool     `yaml:"created"`
	Files   []string `yaml:"files"`
	// Aligned is the digest of the document's own inputs (publishInputs)
	// when publish last aligned it and wrote these files: the same digest
	// now means aligning again would change nothing. Empty while a publish
	// is writing the files, and in manifests of a tilmash before it.
	Aligned string `yaml:"aligned,omitempty"`
	// Inputs is Aligned with what the consistency gate compares the
	// document with besides itself: the same digest now means the files
	// would come out the same (but for the date in them).
	Inputs string `yaml:"inputs,omitempty"`
	// Written is, for each of Files, its size and modification time as
	// publish left it: a file changed or removed since is written again.
	Written []writtenFile `yaml:"written,omitempty"`
	// Gate is what the consistency gate said of the document then, for
	// the summary of a publish that leaves the files as they are.
	Gate *gateSummary `yaml:"gate,omitempty"`
}

// writtenFile is one file as publish left it.
type writtenFile struct {
	Name  string `yaml:"name"`
	Size  int64  `yaml:"size"`
	MTime int64  `yaml:"mtime"` // nanoseconds since 1970
}

// gateSummary is a document's row of the publish summary, and whether the
// gate had anything to say (blockers a forced publish went past, a
// glossary it skipped): when it had, publish runs the gate again to say
// it again.
type gateSummary struct {
	Groups    int  `yaml:"groups"`
	Confirmed int  `yaml:"confirmed"`
	Flagged   int  `yaml:"flagged"`
	Findings  int  `yaml:"findings"`
	Quiet     bool `yaml:"quiet"`
	// Unplaced counts the spans of formatting the files leave out (see
	// [App.UnplacedFormatting]): while there are any, every publish
	// says them again, as status counts them.
	Unplaced int `yaml:"unplaced,omitempty"`
}

// intact reports whether every file m lists is as publish left it: a
// regular file of the recorded size and modification time.
func (m *manifest) intact(dir string) bool {
	if len(m.Written) != len(m.Files) {
		return false
	}
	for i, w := range m.Written {
		if w.Name != m.Files[i] {
			return false
		}
		info, err := os.Lstat(filepath.Join(dir, w.Name))
		if err != nil || !info.Mode().IsRegular() || info.Size() != w.Size || info.ModTime().UnixNano() != w.MTime {
			return false
		}
	}
	return true
}

const manifestHeader = "# Written by tilmash publish: the files it wrote into this folder. When it\n" +
	"# holds the document back, it removes these files, and the folder only if it\n" +
	"# made it and nothing else is left. While the document, the glossary and\n" +
	"# tilmash.yaml stay as they were (the digests below), publish leaves the\n" +
	"# files as they are. Do not edit.\n"

// readManifest reads the manifest of the export folder dir (absolute;
// rel names it in messages). It returns nil when there is none. Every
// name must be a plain file name: a manifest edited by hand cannot make
// publish remove anything outside the folder.
func readManifest(dir, rel string) (*manifest, error) {
	file := filepath.Join(rel, ManifestName)
	data, err := workspace.ReadFileIn(dir, ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if re := (*workspace.ReadError)(nil); errors.As(err, &re) {
		re.Path = file
		return nil, err
	} else if err != nil {
		return nil, err
	}
	return parseManifest(file, data)
}

// parseManifest reads the content of a manifest (file names it in
// messages).
func parseManifest(file string, data []byte) (*manifest, error) {
	m, ok := parseManifestFast(data)
	if ok {
		return m, nil
	}
	m = &manifest{}
	if err := yamlx.Decode(file, data, m, true); err != nil {
		if yamlx.IsLimit(err) {
			return nil, err
		}
		line, reason := workspace.YAMLError(err)
		return nil, badManifest(file, line, reason)
	}
	for i, name := range m.Files {
		if !plainName(name) {
			return nil, badManifest(file, 1, fmt.Sprintf("file %d, %q, is not a file name in this folder", i+1, name))
		}
	}
	if m.Gate == nil {
		// Without the gate's summary a publish cannot say what it found:
		// the document is published again.
		m.Aligned, m.Inputs, m.Written = "", "", nil
	}
	return m, nil
}

// parseManifestFast reads a manifest as writeManifest writes it, line by
// line: a YAML decoder took a quarter of an unchanged publish. It
// returns false for anything else (a manifest edited by hand, of another
// tilmash), which the YAML decoder then reads.
func parseManifestFast(data []byte) (*manifest, bool) {
	m := &manifest{}
	section := ""
	for len(data) > 0 {
		var line string
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = string(data[:i]), data[i+1:]
		} else {
			return nil, false // writeManifest ends every line
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(strings.TrimLeft(line, " "), ": ")
		if !ok && strings.HasSuffix(line, ":") {
			key, ok = strings.TrimSuffix(line, ":"), true
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case indent == 0 && ok:
			section = ""
			switch key {
			case "created":
				if value != "true" && value != "false" {
					return nil, false
				}
				m.Created = value == "true"
			case "files":
				if value == "[]" {
					m.Files = []string{}
				} else if value != "" {
					return nil, false
				}
				section = key
			case "aligned", "inputs":
				if !hexDigest(value) {
					return nil, false
				}
				if key == "aligned" {
					m.Aligned = value
				} else {
					m.Inputs = value
				}
			case "written", "gate":
				if value != "" {
					return nil, false
				}
				section = key
				if key == "gate" {
					m.Gate = &gateSummary{}
				}
			default:
				return nil, false
			}
		case section == "files" && indent == 2 && strings.HasPrefix(line, "  - "):
			name := line[4:]
			if !manifestName(name) {
				return nil, false
			}
			m.Files = append(m.Files, name)
		case section == "written" && indent == 2 && strings.HasPrefix(line, "  - name: "):
			name := line[len("  - name: "):]
			if !manifestName(name) {
				return nil, false
			}
			m.Written = append(m.Written, writtenFile{Name: name})
		case section == "written" && indent == 4 && ok && len(m.Written) > 0:
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || strconv.FormatInt(n, 10) != value {
				return nil, false
			}
			switch w := &m.Written[len(m.Written)-1]; key {
			case "size":
				w.Size = n
			case "mtime":
				w.MTime = n
			default:
				return nil, false
			}
		case section == "gate" && indent == 2 && ok:
			if key == "quiet" {
				if value != "true" && value != "false" {
					return nil, false
				}
				m.Gate.Quiet = value == "true"
				continue
			}
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 || strconv.Itoa(n) != value {
				return nil, false
			}
			switch key {
			case "groups":
				m.Gate.Groups = n
			case "confirmed":
				m.Gate.Confirmed = n
			case "flagged":
				m.Gate.Flagged = n
			case "findings":
				m.Gate.Findings = n
			case "unplaced":
				m.Gate.Unplaced = n
			default:
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if m.Files == nil || m.Gate == nil {
		return nil, false
	}
	return m, true
}

// manifestName is a file name the fast reader takes as it is: a plain
// name of the letters, digits, dots and hyphens export names files with,
// which YAML reads as that string.
func manifestName(s string) bool {
	if !plainName(s) || !strings.Contains(s, ".") || s[0] == '-' || s[0] == '.' || s[len(s)-1] < 'a' || s[len(s)-1] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// hexDigest is a sha256 in hexadecimal.
func hexDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// plainName reports whether name is a file directly in a folder, other
// than the manifest.
func plainName(name string) bool {
	return name != "" && name != ManifestName && filepath.IsLocal(name) && filepath.Base(name) == name
}

// writeManifest stores m in dir (rel is dir relative to the root) through
// ws.WriteFile, atomically.
func writeManifest(ws *workspace.Workspace, rel string, m *manifest) error {
	data, err := yamlx.Marshal(manifestHeader, m)
	if err != nil {
		return err
	}
	return ws.WriteFile(filepath.Join(rel, ManifestName), data)
}

// stageManifest stages m in export folder rel in a batch of writes.
func stageManifest(b *workspace.Batch, rel string, m *manifest) error {
	data, err := yamlx.Marshal(manifestHeader, m)
	if err != nil {
		return err
	}
	_, err = b.Stage(filepath.Join(rel, ManifestName), data)
	return err
}

// removeFiles removes the named files from dir, each only if it is a file
// or a symbolic link (the link goes, not its target); a folder of that
// name is left alone. It returns how many it removed.
func removeFiles(dir string, names []string) (int, error) {
	n := 0
	for _, name := range names {
		if !plainName(name) {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return n, err
		}
		if info.IsDir() {
			continue
		}
		if err := os.Remove(p); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// publishedNames are the names of the files publish writes for document
// id in langs, source being the pivot of the XLIFF pairs.
func publishedNames(id, source string, langs []string) ([]string, error) {
	plan, err := publishPlan(id, source, langs, nil, nil)
	var names []string
	for _, p := range plan {
		names = append(names, p.name)
	}
	return names, err
}

// union is a followed by the names of b it lacks.
func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// without is a less the names in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// badManifest is a manifest that cannot be read: publish will not guess
// what to remove.
func badManifest(file string, line int, reason string) error {
	return locale.NewError("publish.bad-manifest", map[string]any{"File": file, "Line": line, "Reason": reason}).WithHint("publish.bad-manifest.hint")
}
