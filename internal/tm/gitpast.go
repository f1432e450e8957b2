package tm

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/document"
)

// pastCommits is how many of the newest commits touching a document
// [Memory.pastVersions] looks at.
const pastCommits = 64

// pastVersions returns the versions (as [Memory.readVersion] hashes them)
// document id had in the commits this workspace's HEAD descends from (the
// newest pastCommits that touched it): when the shared memory holds one
// of them, this workspace has moved on from it (pulled it, merged it,
// changed it since), so its own version is the newer. nil when the
// workspace is not in a git repository, git is missing, or it fails: the
// update then cannot tell which is newer.
func (m *Memory) pastVersions(ctx context.Context, id string) map[string]bool {
	if document.ValidID(id) != nil {
		return nil
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	dir := "./" + path.Join(document.Folder, id)
	out, err := exec.CommandContext(ctx, git, "-C", m.WS.Root, "log", "--format=%H", "-n", strconv.Itoa(pastCommits), "--", dir).Output()
	if err != nil {
		return nil
	}
	commits := strings.Fields(string(out))
	if len(commits) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, c := range commits {
		fmt.Fprintf(&in, "%s:%s/meta.yaml\n%s:%s/%s\n", c, dir, c, dir, document.AlignmentName)
	}
	cmd := exec.CommandContext(ctx, git, "-C", m.WS.Root, "cat-file", "--batch")
	cmd.Stdin = &in
	if out, err = cmd.Output(); err != nil {
		return nil
	}
	r := bufio.NewReader(bytes.NewReader(out))
	versions := map[string]bool{}
	for range commits {
		meta, err1 := readObject(r)
		al, err2 := readObject(r)
		if err1 != nil || err2 != nil {
			return versions
		}
		if meta == nil {
			continue
		}
		h := sha256.New()
		h.Write(meta)
		if al != nil {
			h.Write([]byte{0})
			h.Write(al)
		}
		versions[hex.EncodeToString(h.Sum(nil))] = true
	}
	return versions
}

// readObject reads one answer of git cat-file --batch: the object's bytes,
// or nil for a name that is missing.
func readObject(r *bufio.Reader) ([]byte, error) {
	head, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return nil, nil // "NAME missing", "NAME ambiguous"
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 0 {
		return nil, fmt.Errorf("git cat-file: %q", head)
	}
	data := make([]byte, n+1) // and its newline
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, err
	}
	if f[1] != "blob" {
		return nil, nil
	}
	return data[:n], nil
}
