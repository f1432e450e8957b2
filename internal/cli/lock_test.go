package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestSecondWriterFailsClearly holds the workspace lock, as a long-running
// tilmash would, and checks that a second writer gives up after --wait
// with a clear, localized message and exit 2, writing nothing.
func TestSecondWriterFailsClearly(t *testing.T) {
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "a.txt")
	os.WriteFile(file, []byte("Text.\n"), 0o644)
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for lang, want := range map[string]string{
		"en": "the workspace is locked by another tilmash process",
		"ru": "рабочая папка заблокирована другим процессом tilmash",
		"kk": "жұмыс қалтасын басқа tilmash процесі бұғаттап тұр",
	} {
		var out, errOut bytes.Buffer
		code := cli.Main([]string{"-C", root, "--lang", lang, "import", "doc", "en", file, "--wait", "200ms"},
			strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if code != 2 || !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "--wait") {
			t.Errorf("%s: exit %d, stderr %q", lang, code, errOut.String())
		}
	}
	if _, err := os.Stat(filepath.Join(root, "documents", "doc")); !os.IsNotExist(err) {
		t.Error("a writer that could not lock wrote the document")
	}
}
