//go:build unix

package glossary

import (
	"os"
	"runtime"
	"syscall"
)

// OpenCompiledFile is [OpenCompiled] for a file opened by the caller: the
// file is mapped into memory rather than read, so the tables are used
// where the page cache holds them, with no copy, and unmapped once the
// matcher is no longer used. The glossary's strings are copied, so the
// glossary may outlive the matcher; the derived sections
// ([OpenCompiledSections]) are slices of the mapping, to be used (or
// copied) while the matcher is.
func OpenCompiledFile(f *os.File, key [32]byte) (*Matcher, [][]byte, error) {
	return openCompiledFile(f, key, false)
}

func openCompiledFile(f *os.File, key [32]byte, lazy bool) (*Matcher, [][]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := st.Size()
	if !st.Mode().IsRegular() || size < compiledHeader || size != int64(int(size)) {
		return OpenCompiledSections(nil, key)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE|mapPopulate)
	if err != nil {
		return nil, nil, err
	}
	m, derived, err := openCompiled(data, key, true, lazy)
	if err != nil {
		syscall.Munmap(data)
		return nil, nil, err
	}
	runtime.AddCleanup(m, func(data []byte) { syscall.Munmap(data) }, data)
	return m, derived, nil
}

// OpenCompiledFileLazy is [OpenCompiledFile] for checking text: the
// glossary's entries are not decoded, so its Entries is nil. The matcher
// decodes the entries it finds, and [Glossary.Lookup] the one it is asked
// for, each once; the records are checked when the file is opened, so
// that cannot fail. With 10,000 entries, decoding them all was a third of
// a status that checks one document, most of it the page faults of their
// memory. Use [OpenCompiledFile] for a glossary whose entries are listed.
func OpenCompiledFileLazy(f *os.File, key [32]byte) (*Matcher, [][]byte, error) {
	return openCompiledFile(f, key, true)
}
