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

// TestWriteFailed: a write the system refuses is told in the user's
// language with its cause and what to do, naming the file the user knows
// (not the temporary file beside it), and the system's error stays in the
// chain for callers that test it.
func TestWriteFailed(t *testing.T) {
	tests := []struct {
		err  error
		id   string
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/ws/documents/a/.kk.txt.123.tilmash-tmp", Err: syscall.EACCES}, "workspace.write-failed.permission", "cannot write documents/a/kk.txt: no permission to write in its folder"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EPERM}, "workspace.write-failed.permission", "no permission"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "workspace.write-failed.full", "cannot write documents/a/kk.txt: the disk is full"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, "workspace.write-failed.full", "the disk is full"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "workspace.write-failed.read-only", "cannot write documents/a/kk.txt: the disk is read-only"},
		{&fs.PathError{Op: "mkdir", Path: "x", Err: syscall.ENOTDIR}, "workspace.write-failed.not-folder", "cannot write documents/a/kk.txt: a part of its path is a file, not a folder"},
		{&fs.PathError{Op: "rename", Path: "x", Err: syscall.EIO}, "workspace.write-failed", "cannot write documents/a/kk.txt: input/output error"},
	}
	for _, tt := range tests {
		err := workspace.WriteFailed("documents/a/kk.txt", tt.err)
		if locale.ID(err) != tt.id || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "tilmash-tmp") {
			t.Errorf("%v: %v (%s), want %q (%s)", tt.err, err, locale.ID(err), tt.want, tt.id)
		}
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			t.Errorf("%v: the system's error is lost from the chain", tt.err)
		}
	}
}

// TestWriteFileFailureNamesTheFile: Workspace.WriteFile that cannot write
// (here a file stands where its folder should be) answers with a located
// message naming the path relative to the workspace.
func TestWriteFileFailureNamesTheFile(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path("documents", "a"), []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = ws.WriteFile("documents/a/kk.txt", []byte("x"))
	if locale.ID(err) != "workspace.write-failed.not-folder" || !strings.HasPrefix(err.Error(), "cannot write documents/a/kk.txt: ") {
		t.Errorf("got %v (%s)", err, locale.ID(err))
	}
}

// TestBatchFailureNamesTheFile: a Batch that cannot stage a file (publish
// on a full disk) answers as WriteFile does, naming the file it wanted,
// not its temporary file: publish said "write
// .../.a.tmx.3201958603.tilmash-tmp: no space left on device".
func TestBatchFailureNamesTheFile(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b := ws.NewBatch()
	b.FS = fullFS{}
	_, err = b.Stage("export/a/a.tmx", []byte("x"))
	if locale.ID(err) != "workspace.write-failed.full" || err.Error() != "cannot write export/a/a.tmx: the disk is full" {
		t.Errorf("got %v (%s)", err, locale.ID(err))
	}
	if err := os.WriteFile(ws.Path("out"), []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ws.NewBatch().Stage("out/a/a.tmx", []byte("x"))
	if locale.ID(err) != "workspace.write-failed.not-folder" || !strings.HasPrefix(err.Error(), "cannot write out/a/a.tmx: ") {
		t.Errorf("got %v (%s)", err, locale.ID(err))
	}
}

// fullFS is a disk with no space left.
type fullFS struct{ workspace.OSBatchFS }

func (fullFS) WriteTemp(dir, prefix string, _ []byte, _ fs.FileMode) (string, fs.FileInfo, error) {
	return "", nil, &fs.PathError{Op: "write", Path: filepath.Join(dir, prefix+"1"+workspace.TempSuffix), Err: syscall.ENOSPC}
}
