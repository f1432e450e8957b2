package workspace_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

func TestInitAndFind(t *testing.T) {
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := ws.Config; got.Source != "en" || strings.Join(got.Languages, ",") != "en,ru,kk" || got.Export != "export" {
		t.Errorf("default config = %+v", got)
	}
	if _, err := workspace.Init(root); locale.ID(err) != "workspace.exists" {
		t.Errorf("second Init: %v, want workspace.exists", err)
	}
	deep := filepath.Join(root, "documents", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir, env, start, want string
	}{
		{"walk up", "", "", deep, root},
		{"env", "", root, t.TempDir(), root},
		{"flag wins over env", root, t.TempDir(), t.TempDir(), root},
	}
	for _, tt := range tests {
		got, err := workspace.Find(tt.dir, tt.env, tt.start)
		if err != nil || got.Root != tt.want {
			t.Errorf("%s: Find = %v, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	if _, err := workspace.Find("", "", t.TempDir()); !errors.As(err, new(*workspace.NotFoundError)) {
		t.Errorf("Find outside: %v, want NotFoundError", err)
	}
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name, yaml, err, id string
	}{
		{"empty means defaults", "", "", ""},
		{"comment only", "# nothing\n", "", ""},
		{"unknown key", "languages: [en]\nsource: en\nlanguagez: [x]\n", "f.yaml:3:1: unknown setting languagez", "workspace.bad-config.unknown-key"},
		{"unknown nested key", "publish:\n  formats: [tmx]\n  requires: [x]\n", "f.yaml:3:3: unknown setting requires", "workspace.bad-config.unknown-key"},
		{"no Go type names", "languagez: [x]\n", "unknown setting languagez", "workspace.bad-config.unknown-key"},
		{"a list wanted", "languages: en\n", "f.yaml:1:12: languages must be a list", "workspace.bad-config.want-list"},
		{"text wanted", "source: [en]\n", "f.yaml:1:9: source must be text", "workspace.bad-config.want-text"},
		{"a mapping wanted", "publish: all\n", "f.yaml:1:10: publish must be a mapping of settings", "workspace.bad-config.want-mapping"},
		{"no languages", "languages: []\n", "f.yaml:1:12: languages lists no language", "workspace.bad-config.no-languages"},
		{"source not a language", "languages: [ru, kk]\nsource: en\n", "f.yaml:2:9: the source language en is not one of the languages (ru, kk)", "workspace.bad-config.source"},
		{"default source not a language", "languages: [ru, kk]\n", "f.yaml:1:12: the source language en is not one of the languages (ru, kk)", "workspace.bad-config.source"},
		{"export escapes", "export: ../out\n", "f.yaml:1:9: the export folder ../out must be a relative path inside the workspace", "workspace.bad-config.folder"},
		{"absolute glossary", "glossary: /etc\n", "f.yaml:1:11: the glossary folder /etc must be a relative path inside the workspace", "workspace.bad-config.folder"},
		{"bad yaml", "languages: [en\n", "f.yaml:", "workspace.bad-config.yaml"},
		{"path in a language", "languages: [en, ../x]\n", "f.yaml:1:17: ../x is not a language code", "workspace.bad-config.language"},
		{"language twice", "languages:\n  - en\n  - en\n", "f.yaml:3:5: en is listed twice in languages", "workspace.bad-config.language-twice"},
		// A country code where a language code belongs: kz is Kazakhstan,
		// Kazakh is kk; ua is Ukraine, Ukrainian uk.
		{"country code kz", "languages: [en, ru, kz]\n", "f.yaml:1:21: kz is a country code, not a language code", "workspace.bad-config.country"},
		{"country code ua", "languages: [en, ua]\nsource: en\n", "f.yaml:1:17: ua is a country code, not a language code", "workspace.bad-config.country"},
		{"no language", "languages: [en, xx]\n", "f.yaml:1:17: xx is not a language code", "workspace.bad-config.language"},
		{"undetermined", "languages: [en, und]\n", "f.yaml:1:17: und is not a language code", "workspace.bad-config.language"},
		{"three letters", "languages: [en, rus, kk]\n", "", ""},
	}
	for _, tt := range tests {
		_, err := workspace.ParseConfig("f.yaml", []byte(tt.yaml))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: unexpected %v", tt.name, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || locale.ID(err) != tt.id):
			t.Errorf("%s: error %v (message %s), want it to contain %q (message %s)", tt.name, err, locale.ID(err), tt.err, tt.id)
		}
	}
}

// TestParseConfigCountryHint: a country code in languages gets the hint
// of the language the country's code was likely meant for.
func TestParseConfigCountryHint(t *testing.T) {
	for code, want := range map[string]string{"kz": "kk", "ua": "uk", "gr": "el", "cz": "cs", "jp": "ja"} {
		_, err := workspace.ParseConfig("f.yaml", []byte("languages: [en, "+code+"]\n"))
		var e *locale.Error
		if !errors.As(err, &e) || e.Hint != "workspace.bad-config.country.hint" || e.Data["Suggest"] != want {
			t.Errorf("%s: %v (%+v), want the hint to suggest %s", code, err, e, want)
		}
	}
}

// TestParseConfigRefusesBombs: tilmash.yaml is read with the YAML limits
// of every file (its segmentation section is decoded again later).
func TestParseConfigRefusesBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		data := append([]byte("languages: [en]\nsource: en\n"), b.Data...)
		_, err := workspace.ParseConfig("tilmash.yaml", data)
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != b.Code || le.File != "tilmash.yaml" || le.Line < 3 {
			t.Errorf("%s: err = %v, want %s past line 2", b.Name, err, b.Code)
		}
	}
}

// FuzzParseConfig: tilmash.yaml never panics the reader, and a config it
// accepts names a source among its languages.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("languages: [en, ru, kk]\nsource: en\nsegmentation:\n  abbreviations:\n    en: [Sen.]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := workspace.ParseConfig("f.yaml", data)
		if err == nil && !slices.Contains(cfg.Languages, cfg.Source) {
			t.Fatalf("accepted %+v", cfg)
		}
	})
}

func TestWriteFileRefusesEscape(t *testing.T) {
	ws, _ := workspace.Init(t.TempDir())
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x"} {
		if err := ws.WriteFile(p, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
	// A symbolic link inside the workspace that points outside it.
	outside := t.TempDir()
	if err := os.Symlink(outside, ws.Path("documents", "evil")); err != nil {
		t.Fatal(err)
	}
	err := ws.WriteFile(filepath.Join("documents", "evil", "en.txt"), []byte("x"))
	if !errors.As(err, new(*workspace.EscapeError)) {
		t.Errorf("write through a link out of the workspace: %v", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the workspace: %v", entries)
	}
	// A link that stays inside is fine.
	if err := os.Symlink(ws.Path("glossary"), ws.Path("documents", "alias")); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile(filepath.Join("documents", "alias", "x.yaml"), []byte("x")); err != nil {
		t.Errorf("write through a link inside the workspace: %v", err)
	}
}

// TestFailedWriteKeepsOldFile: writes that cannot complete leave the old
// file as it was.
func TestFailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "doc.txt")
	if err := workspace.WriteFileAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// The target is a folder: the rename fails after the data was written.
	if err := os.Mkdir(filepath.Join(dir, "sub", "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "folder", "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := workspace.WriteFileAtomic(filepath.Join(dir, "sub", "folder"), []byte("new")); err == nil {
		t.Fatal("replacing a non-empty folder succeeded")
	}
	// The parent is a file: the temporary file cannot even be made.
	if err := workspace.WriteFileAtomic(filepath.Join(path, "x"), []byte("new")); err == nil {
		t.Fatal("write under a file succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("old file changed: %q", b)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "sub"))
	if len(entries) != 2 {
		t.Errorf("failed writes left files behind: %v", entries)
	}
}

// TestKilledWriteKeepsOldFile kills tilmash's own writer after it wrote
// the new content and before it replaced the old file, and checks that the
// file holds the old content whole and that a later write succeeds. The
// writer is this test binary, re-run in a child process.
func TestKilledWriteKeepsOldFile(t *testing.T) {
	if path := os.Getenv("TILMASH_TEST_WRITER"); path != "" {
		workspace.SetBeforeReplace(func(string) {
			fmt.Print("ready")
			time.Sleep(time.Minute)
		})
		_ = workspace.WriteFileAtomic(path, bytes.Repeat([]byte("half-written garbage\n"), 50000))
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "alignment.yaml")
	old := bytes.Repeat([]byte("confirmed work\n"), 1000)
	if err := workspace.WriteFileAtomic(path, old); err != nil {
		t.Fatal(err)
	}
	killAtRename(t, "TestKilledWriteKeepsOldFile", "TILMASH_TEST_WRITER="+path)
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, old) {
		t.Fatalf("after a killed write the file holds %d bytes (err %v), want the old %d", len(got), err, len(old))
	}
	if err := workspace.WriteFileAtomic(path, []byte("next")); err != nil {
		t.Fatalf("write after a crash: %v", err)
	}
}

func TestLock(t *testing.T) {
	ws, _ := workspace.Init(t.TempDir())
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = ws.Lock(100 * time.Millisecond)
	if locale.ID(err) != "workspace.locked" {
		t.Fatalf("second Lock: %v, want workspace.locked", err)
	}
	if time.Since(start) < 100*time.Millisecond {
		t.Error("second Lock did not wait")
	}
	unlock()
	// A waiting writer gets the lock once the holder lets go.
	unlock, _ = ws.Lock(time.Second)
	go func() { time.Sleep(50 * time.Millisecond); unlock() }()
	u2, err := ws.Lock(5 * time.Second)
	if err != nil {
		t.Fatalf("waiting Lock: %v", err)
	}
	u2()
}

// TestLockZeroWait: a wait of zero means one try and no waiting. It takes
// a free lock (it used to fail at once with a false "workspace is
// locked"), and gives up on a held one without sleeping.
func TestLockZeroWait(t *testing.T) {
	ws, _ := workspace.Init(t.TempDir())
	unlock, err := ws.Lock(0)
	if err != nil {
		t.Fatalf("Lock(0) on a free workspace: %v", err)
	}
	if _, err := ws.Lock(0); locale.ID(err) != "workspace.locked" {
		t.Fatalf("Lock(0) on a held lock: %v, want workspace.locked", err)
	}
	unlock()
	if unlock, err = ws.Lock(-time.Second); err != nil {
		t.Fatalf("Lock with a negative wait on a free workspace: %v", err)
	}
	unlock()
}

// TestConcurrentWriters runs writers that each read a counter, bump it and
// write it back under the lock. Without the lock updates would be lost.
func TestConcurrentWriters(t *testing.T) {
	ws, _ := workspace.Init(t.TempDir())
	if err := ws.WriteFile("counter", []byte("0")); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	const n = 20
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := ws.Lock(30 * time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			defer unlock()
			b, _ := os.ReadFile(ws.Path("counter"))
			var c int
			fmt.Sscan(string(b), &c)
			time.Sleep(time.Millisecond)
			if err := ws.WriteFile("counter", []byte(fmt.Sprint(c+1))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if b, _ := os.ReadFile(ws.Path("counter")); string(b) != fmt.Sprint(n) {
		t.Fatalf("counter = %s, want %d", b, n)
	}
}

func TestYAMLErrorHidesGoTypes(t *testing.T) {
	_, err := workspace.ParseConfig("t.yaml", []byte("source: en\nsegmentaton: {}\n"))
	if err == nil || strings.Contains(err.Error(), "workspace.Config") || !strings.Contains(err.Error(), "t.yaml:2:1: unknown setting segmentaton") {
		t.Errorf("got %v", err)
	}
}

// killAtRename runs test in this test binary as a child process with env set, waits until the
// child's writer prints "ready" just before its rename, and kills it there.
func killAtRename(t *testing.T, test, env string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready" {
		t.Fatalf("the writer never reached the rename: %q %v", buf, err)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
}

// TestFindDanglingConfig: a tilmash.yaml that is a link to a missing file
// marks its folder as a workspace all the same, and Find names the link.
// It was passed over as absent: the search went on upward and used an
// outer workspace (or said there was none) without a word about the link.
func TestFindDanglingConfig(t *testing.T) {
	outer := t.TempDir()
	if _, err := workspace.Init(outer); err != nil {
		t.Fatal(err)
	}
	inner := filepath.Join(outer, "inner")
	if err := os.MkdirAll(filepath.Join(inner, "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.yaml", filepath.Join(inner, workspace.ConfigFile)); err != nil {
		t.Fatal(err)
	}
	for _, start := range []struct{ dir, start string }{{"", filepath.Join(inner, "deep")}, {inner, outer}} {
		ws, err := workspace.Find(start.dir, "", start.start)
		var re *workspace.ReadError
		if !errors.As(err, &re) || re.Code != workspace.CodeReadDangling || re.Target != "missing.yaml" {
			t.Errorf("Find(%q, %q) = %v, %v; want the dangling tilmash.yaml named", start.dir, start.start, ws, err)
		}
	}
}
