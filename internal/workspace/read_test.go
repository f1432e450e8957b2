package workspace_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestReadFile: workspace files are read only when they are regular files
// inside the workspace. Each refused case returned the file's content
// (or hung, or ran out of memory) before ReadFile existed.
func TestReadFile(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(outside, []byte("password"), 0o644))
	must(os.MkdirAll(ws.Path("documents/a"), 0o755))
	must(os.MkdirAll(ws.Path("documents/b"), 0o755))
	must(os.WriteFile(ws.Path("documents/a/ru.txt"), []byte("Привет."), 0o644))
	must(os.Symlink("../a/ru.txt", ws.Path("documents/b/ru.txt")))
	// Written absolute, as ln -s "$PWD/documents/a/ru.txt" writes them.
	must(os.Symlink(ws.Path("documents/a/ru.txt"), ws.Path("documents/b/kk.txt")))
	must(os.Symlink(ws.Path("documents/a"), ws.Path("documents/d")))
	must(os.Symlink(outside, ws.Path("documents/a/kk.txt")))
	must(os.Symlink("/dev/zero", ws.Path("documents/a/en.txt")))
	must(os.Symlink(filepath.Dir(outside), ws.Path("documents/c")))
	must(syscall.Mkfifo(ws.Path("documents/a/fifo.txt"), 0o644))
	must(os.Mkdir(ws.Path("documents/a/dir.txt"), 0o755))
	big, err := os.Create(ws.Path("documents/a/big.txt"))
	must(err)
	must(big.Truncate(workspace.MaxFileSize + 1)) // sparse: nothing is written
	must(big.Close())

	tests := []struct {
		rel, want, code string
	}{
		{"documents/a/ru.txt", "Привет.", ""},
		{"documents/b/ru.txt", "Привет.", ""}, // a link that stays inside
		{"documents/b/kk.txt", "Привет.", ""}, // the same, absolute
		{"documents/d/ru.txt", "Привет.", ""}, // an absolute link to a folder inside
		{"documents/a/kk.txt", "", workspace.CodeReadEscape},
		{"documents/a/en.txt", "", workspace.CodeReadEscape},
		{"documents/c/secret", "", workspace.CodeReadEscape}, // a linked folder
		{"../secret", "", workspace.CodeReadEscape},
		{"documents/a/fifo.txt", "", workspace.CodeReadPipe},
		{"documents/a/dir.txt", "", workspace.CodeReadFolder},
		{"documents/a/big.txt", "", workspace.CodeReadTooLarge},
	}
	for _, tt := range tests {
		data, err := ws.ReadFile(tt.rel)
		if tt.code == "" {
			if err != nil || string(data) != tt.want {
				t.Errorf("%s: %q, %v; want %q", tt.rel, data, err, tt.want)
			}
			continue
		}
		var re *workspace.ReadError
		if !errors.As(err, &re) || re.Code != tt.code || re.Path != tt.rel {
			t.Errorf("%s: %q, %v; want %s", tt.rel, data, err, tt.code)
		}
		if data != nil {
			t.Errorf("%s: returned %q", tt.rel, data)
		}
	}
	if _, err := ws.ReadFile("documents/a/none.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestReadRegular: a file named on the command line may be anywhere, but
// must be a regular file.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(file, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := workspace.ReadRegular(file, "in.txt"); err != nil || string(data) != "text" {
		t.Errorf("regular file: %q, %v", data, err)
	}
	for path, code := range map[string]string{fifo: workspace.CodeReadPipe, "/dev/zero": workspace.CodeReadDevice, dir: workspace.CodeReadFolder} {
		_, err := workspace.ReadRegular(path, "shown")
		var re *workspace.ReadError
		if !errors.As(err, &re) || re.Code != code || re.Path != "shown" {
			t.Errorf("%s: %v, want %s", path, err, code)
		}
	}
	if _, err := workspace.ReadLimited(strings.NewReader("abc"), "standard input"); err != nil {
		t.Errorf("ReadLimited: %v", err)
	}
}

func TestReadErrorMessages(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{workspace.CodeReadEscape, workspace.CodeReadFolder, workspace.CodeReadPipe,
			workspace.CodeReadDevice, workspace.CodeReadSpecial, workspace.CodeReadTooLarge, workspace.CodeReadDangling, workspace.CodeReadDangling + "/folder"} {
			e := &workspace.ReadError{Path: "documents/a/ru.txt", Code: code, Target: "/etc/passwd", Limit: 256}
			if code == workspace.CodeReadDangling+"/folder" { // the link is a folder above the file
				e.Code, e.Link = workspace.CodeReadDangling, "documents/a"
			}
			msg, hint, ok := l.Explain(e)
			if !ok || hint == "" || hint == code+".hint" || !strings.Contains(msg, e.Path) {
				t.Errorf("%s %s: %q / %q", lang, code, msg, hint)
			}
			if lang == "en" && msg != e.Error() {
				t.Errorf("%s: catalogue %q, Error() %q", code, msg, e.Error())
			}
		}
	}
}

// TestReadDanglingLinks: a link whose target is missing is named, with
// where it leads, by every reader (ReadFile, a Reader's ReadFile, Open and
// OpenEach). os.Root said only "openat documents/b/en.txt: path escapes
// from parent" (an absolute link, or a relative one out) or "no such
// file" (a relative one inside, as if the file were not there). A link
// out of the workspace is refused as leading out, there or not.
func TestReadDanglingLinks(t *testing.T) {
	top := t.TempDir()
	ws, err := workspace.Init(filepath.Join(top, "ws"))
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(ws.Path("documents/b"), 0o755))
	must(os.WriteFile(ws.Path("documents/b/kk.txt"), []byte("Сәлем."), 0o644))
	links := map[string]string{
		"documents/b/en.txt":   "../x/en.txt",                        // relative, inside
		"documents/b/ru.txt":   ws.Path("documents/x/ru.txt"),        // absolute, inside
		"documents/b/de.txt":   "../../../nowhere.txt",               // relative, out
		"documents/b/fr.txt":   filepath.Join(top, "nowhere/fr.txt"), // absolute, out
		"documents/b/loop.txt": "loop.txt",                           // a loop
		"documents/c":          "gone",                               // a folder, relative
		"documents/d":          ws.Path("documents/gone"),            // a folder, absolute
		"documents/b/via.txt":  "../d/en.txt",                        // through a folder link
		"documents/b/near.txt": "gone.txt",                           // read from documents/b
	}
	for link, to := range links {
		must(os.Symlink(to, ws.Path(link)))
	}
	tests := []struct {
		rel, code, link, target string
	}{
		{"documents/b/en.txt", workspace.CodeReadDangling, "", "../x/en.txt"},
		{"documents/b/ru.txt", workspace.CodeReadDangling, "", ws.Path("documents/x/ru.txt")},
		{"documents/b/de.txt", workspace.CodeReadEscape, "", filepath.Join(top, "nowhere.txt")},
		{"documents/b/fr.txt", workspace.CodeReadEscape, "", filepath.Join(top, "nowhere/fr.txt")},
		{"documents/c/en.txt", workspace.CodeReadDangling, "documents/c", "gone"},
		{"documents/d/en.txt", workspace.CodeReadDangling, "documents/d", ws.Path("documents/gone")},
		{"documents/b/via.txt", workspace.CodeReadDangling, "documents/d", ws.Path("documents/gone")},
	}
	r := ws.NewReader()
	defer r.Close()
	readers := map[string]func(rel string) error{
		"ReadFile":        func(rel string) error { _, err := ws.ReadFile(rel); return err },
		"Reader.ReadFile": func(rel string) error { _, err := r.ReadFile(rel); return err },
		"Reader.Open": func(rel string) error {
			f, _, err := r.Open(rel)
			if err == nil {
				f.Close()
			}
			return err
		},
		"Reader.OpenEach": func(rel string) error {
			var got error
			r.OpenEach(filepath.Dir(rel), []string{filepath.Base(rel)}, func(_ string, _ *os.File, err error) error { got = err; return nil })
			return got
		},
	}
	for name, read := range readers {
		for _, tt := range tests {
			err := read(tt.rel)
			var re *workspace.ReadError
			if !errors.As(err, &re) || re.Code != tt.code || re.Path != tt.rel || re.Link != tt.link || re.Target != tt.target {
				t.Errorf("%s(%s): %#v (%v); want %s, link %q to %q", name, tt.rel, re, err, tt.code, tt.link, tt.target)
			}
		}
		// A loop keeps the system's error, which the console names.
		if err := read("documents/b/loop.txt"); !errors.Is(err, syscall.ELOOP) {
			t.Errorf("%s(loop): %v, want ELOOP", name, err)
		}
		// A file not there, and one that is, are as they were.
		if err := read("documents/b/none.txt"); !errors.Is(err, fs.ErrNotExist) || workspace.IsReadError(err) {
			t.Errorf("%s(missing): %v, want fs.ErrNotExist", name, err)
		}
		if err := read("documents/b/kk.txt"); err != nil {
			t.Errorf("%s(kk.txt): %v", name, err)
		}
	}
	// The message says what the link is and where it leads.
	_, err = ws.ReadFile("documents/b/en.txt")
	if want := "documents/b/en.txt is a link to ../x/en.txt, which does not exist"; err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
	// Read from a folder (the glossary's), named by the caller as it
	// wishes: the message names the file as the caller does.
	_, err = workspace.ReadFileIn(ws.Path("documents/b"), "near.txt")
	if re := (*workspace.ReadError)(nil); errors.As(err, &re) {
		re.Path = "documents/b/near.txt"
	}
	if want := "documents/b/near.txt is a link to gone.txt, which does not exist"; err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
	_, err = ws.ReadFile("documents/c/en.txt")
	if want := "cannot read documents/c/en.txt: documents/c is a link to gone, which does not exist"; err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
}

// BenchmarkReadFile reads a document's file, as every command reads a
// workspace's files many times.
func BenchmarkReadFile(b *testing.B) {
	ws, err := workspace.Init(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(ws.Path("documents/news"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(ws.Path("documents/news/meta.yaml"), []byte("id: news\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ws.ReadFile("documents/news/meta.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
