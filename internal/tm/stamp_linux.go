package tm

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// stamper examines the files of documents for [Memory.stamp]. On Linux it
// holds the documents folder open and asks for each file relative to it:
// the kernel then resolves two names, not the workspace's whole path, and
// at 10,000 documents those stats are most of an update.
type stamper struct {
	dir *os.File
	fd  int
}

func openStamper(docs string) *stamper {
	f, err := os.Open(docs)
	if err != nil {
		return &stamper{fd: -1}
	}
	return &stamper{dir: f, fd: int(f.Fd())}
}

func (s *stamper) close() {
	if s.dir != nil {
		s.dir.Close()
	}
}

// stamp writes the size and modification time of the document's file
// name to b; exists is false when it is missing.
func (s *stamper) stat(b *strings.Builder, docs, id, name string) (exists bool, err error) {
	if s.fd < 0 {
		return statPath(b, docs, id, name)
	}
	var st unix.Stat_t
	err = unix.Fstatat(s.fd, id+"/"+name, &st, 0)
	switch {
	case errors.Is(err, unix.ENOENT):
		return false, nil
	case err != nil:
		return false, err
	}
	fmt.Fprintf(b, "%d.%d;", st.Size, st.Mtim.Sec*1e9+st.Mtim.Nsec)
	return true, nil
}
