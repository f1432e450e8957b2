package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestMemoryWithoutStores: the App opens a memory through the stores its
// builder gives it (App.Stores; cmd/tilmash gives the real ones). One
// without them says so, never a nil-function panic, and rebuild does not
// take the missing store for a damaged file and delete the memory.
func TestMemoryWithoutStores(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	file := ws.Path(tm.Folder, tm.DBName)
	if err := os.MkdirAll(ws.Path(tm.Folder), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("the memory"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := app.New("test")
	ctx := context.Background()
	if _, err := a.OpenMemory(ctx, ws, app.TMOptions{}); !errors.Is(err, app.ErrNoMemoryStore) {
		t.Errorf("embedded memory without a file store: %v, want ErrNoMemoryStore", err)
	}
	if _, err := a.OpenMemory(ctx, ws, app.TMOptions{URL: "postgres://newsroom@tm.example/tilmash"}); !errors.Is(err, app.ErrNoMemoryStore) {
		t.Errorf("memory on a server without a server store: %v, want ErrNoMemoryStore", err)
	}
	if _, _, err := a.RebuildMemory(ctx, ws, app.TMOptions{}); !errors.Is(err, app.ErrNoMemoryStore) {
		t.Errorf("rebuild without a file store: %v, want ErrNoMemoryStore", err)
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "the memory" {
		t.Errorf("rebuild without a file store removed the memory: %q, %v", data, err)
	}
	if _, ok := a.CountImportMatches(ws, "story", ws.Config.Source, app.TMOptions{}); ok {
		t.Error("import counted matches without a memory")
	}
}

// TestMemoryServerStore: the App gives the server's store the URL with the
// password from the environment, the wait and its name, and tells what
// kept the store from the memory (a tm.Problem, which the store says
// without the App knowing its driver) by the hint.
func TestMemoryServerStore(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		problem tm.Problem
		hint    string
	}{
		{tm.Unreachable, "tm.cannot-open.unreachable-hint"},
		{tm.AuthFailed, "tm.cannot-open.auth-hint"},
		{tm.NoDatabase, "tm.cannot-open.no-database-hint"},
		{tm.NoExtension, "tm.cannot-open.no-trgm-hint"},
		{tm.Denied, "tm.cannot-open.denied-hint"},
		{tm.NoSchema, "tm.cannot-open.no-schema-hint"},
		{tm.ExtensionOutOfPath, "tm.cannot-open.trgm-path-hint"},
		{tm.OtherProblem, "tm.cannot-open.server-hint"},
	} {
		var gotURL string
		var gotOpt app.ServerOptions
		a := app.New("test")
		a.Stores.Server = func(_ context.Context, url string, opt app.ServerOptions) (tm.Store, error) {
			gotURL, gotOpt = url, opt
			err := errors.New("the server's words, password s3cret")
			if c.problem != tm.OtherProblem {
				err = fmt.Errorf("connect: %w", &tm.StoreError{Problem: c.problem, Err: err})
			}
			return nil, err
		}
		_, err := a.OpenMemory(context.Background(), ws, app.TMOptions{URL: "postgres://newsroom@tm.example/tilmash", Password: "s3cret", LockWait: time.Second})
		var le *locale.Error
		if !errors.As(err, &le) || le.ID != "tm.cannot-open" || le.Hint != c.hint {
			t.Errorf("problem %d: %#v, want tm.cannot-open with %s", c.problem, err, c.hint)
			continue
		}
		if gotURL != "postgres://newsroom:s3cret@tm.example/tilmash" || gotOpt.LockWait != time.Second || !strings.HasPrefix(gotOpt.Name, "tilmash") {
			t.Errorf("the server's store was given %q, %+v", gotURL, gotOpt)
		}
		if strings.Contains(fmt.Sprint(le.Data), "s3cret") {
			t.Errorf("the message shows the password: %v", le.Data)
		}
	}
}

// TestMemoryTrgmOutOfPathHint: a search_path that leaves out the schema
// of the database's pg_trgm (as a tool writes a form's space: "+public",
// which a postgres:// address reads as a schema named so) gets a hint
// with the search_path to write: the memory's schema as the server reads
// it (quoted when it is not all lower case), then the extension's, with
// no space or plus sign.
func TestMemoryTrgmOutOfPathHint(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ url, ext, want string }{
		{"postgres://newsroom@tm.example/tilmash?search_path=%22BusinessDesk%22,+public", "public", "%22BusinessDesk%22,public"},
		{"postgres://newsroom@tm.example/tilmash?search_path=business,+extensions", "extensions", "business,extensions"},
		{"postgres://newsroom@tm.example/tilmash", "extensions", "public,extensions"},
		{"postgres://newsroom@tm.example/tilmash?search_path=%22desk%20two%22", "public", "%22desk%20two%22,public"},
	} {
		a := app.New("test")
		a.Stores.Server = func(context.Context, string, app.ServerOptions) (tm.Store, error) {
			return nil, &tm.StoreError{Problem: tm.ExtensionOutOfPath, Err: errors.New("out of the path"), Schema: c.ext}
		}
		_, err := a.OpenMemory(context.Background(), ws, app.TMOptions{URL: c.url})
		var le *locale.Error
		if !errors.As(err, &le) || le.Hint != "tm.cannot-open.trgm-path-hint" {
			t.Errorf("%s: %v, want the trgm-path hint", c.url, err)
			continue
		}
		data := le.Data
		if data["SearchPath"] != c.want || data["ExtSchema"] != c.ext {
			t.Errorf("%s: search_path %v (extension in %v), want %s (%s)", c.url, data["SearchPath"], data["ExtSchema"], c.want, c.ext)
		}
		// the message shows the search_path as the server read it, its + a plus sign
		if m, ok := data["Err"].(locale.Msg); !ok || m.ID != "tm.cannot-open.trgm-path" || !strings.Contains(c.url, "+") == strings.Contains(fmt.Sprint(m.Data["Path"]), "+") {
			t.Errorf("%s: the message's detail is %#v, want tm.cannot-open.trgm-path with the search_path as written", c.url, data["Err"])
		}
	}
}
