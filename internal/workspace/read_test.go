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
			workspace.CodeReadDevice, workspace.CodeReadSpecial, workspace.CodeReadTooLarge} {
			e := &workspace.ReadError{Path: "documents/a/ru.txt", Code: code, Target: "/etc/passwd", Limit: 256}
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
