package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// realPathWhole is realPath as it was: EvalSymlinks tried on p, then on
// each folder above it, until one resolves.
func realPathWhole(p string) string {
	rest := ""
	for cur := filepath.Clean(p); ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// TestRealPathAsResolvedWhole: realPath, which passes over the parts
// lstat does not find, resolves every path as trying each part did:
// files and folders there or not, through links to folders inside and
// outside, a dangling link, a link loop, a file taken for a folder.
func TestRealPathAsResolvedWhole(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "ws")
	for _, d := range []string{"ws/documents/a", "outside/deep", "ws/b"} {
		if err := os.MkdirAll(filepath.Join(top, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "documents/a/en.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"documents/in":   "../b",
		"documents/out":  "../../outside",
		"documents/dead": "../nowhere/at/all",
		"documents/loop": "loop",
		"toplink":        root,
	} {
		if err := os.Symlink(to, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	var paths []string
	for _, p := range []string{
		".", "documents/a/en.txt", "documents/a/new.txt", "documents/new/deeper/x.txt",
		"documents/in", "documents/in/x.txt", "documents/in/x/y.txt",
		"documents/out", "documents/out/deep/x.txt", "documents/out/new/x.txt",
		"documents/dead", "documents/dead/x.txt", "documents/loop", "documents/loop/x",
		"documents/a/en.txt/x", "toplink/documents/a/new.txt", "documents/../../outside/x",
	} {
		paths = append(paths, filepath.Join(root, p))
	}
	paths = append(paths, "/no/such/folder/x", "relative/missing")
	for _, p := range paths {
		if got, want := realPath(p), realPathWhole(p); got != want {
			t.Errorf("realPath(%s) = %s, want %s", p, got, want)
		}
	}
	for p, want := range map[string]bool{"documents/a/new.txt": true, "documents/in/x.txt": true, "documents/out/new/x.txt": false, "documents/dead/x.txt": true} {
		if got := Inside(root, filepath.Join(root, p)); got != want {
			t.Errorf("Inside(%s) = %v, want %v", p, got, want)
		}
	}
	// Inside, which resolves only a path that passes a link below root,
	// answers as resolving root and path whole did, for every path above,
	// the root written through a link and as its folder, and folders of
	// the workspace taken as the root.
	paths = append(paths, root, top, filepath.Join(top, "outside", "x"), filepath.Join(root, "toplink"))
	for _, r := range []string{root, filepath.Join(root, "toplink"), filepath.Join(root, "documents"), filepath.Join(root, "documents", "in"), filepath.Join(root, "documents", "out"), root + "/documents/a/../a"} {
		for _, p := range paths {
			if got, want := Inside(r, p), insideWhole(r, p); got != want {
				t.Errorf("Inside(%s, %s) = %v, want %v", r, p, got, want)
			}
		}
	}
}

// insideWhole is Inside as it was: root and path both resolved whole.
func insideWhole(root, path string) bool {
	r, err := filepath.Rel(realPathWhole(root), realPathWhole(path))
	return err == nil && (r == "." || filepath.IsLocal(r))
}

// BenchmarkInsideNewFile: is a file not written yet inside the workspace
// (every write of a new file asks).
func BenchmarkInsideNewFile(b *testing.B) {
	root := b.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "documents", "news"), 0o755); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(root, "documents", "news", "new.txt")
	for b.Loop() {
		if !Inside(root, p) {
			b.Fatal("not inside")
		}
	}
}
