//go:build !unix

package glossary

import (
	"io"
	"os"
)

// OpenCompiledFile is [OpenCompiled] for a file opened by the caller,
// read into memory, and the derived sections stored with it
// ([OpenCompiledSections]).
func OpenCompiledFile(f *os.File, key [32]byte) (*Matcher, [][]byte, error) {
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	return OpenCompiledSections(data, key)
}

// OpenCompiledFileLazy is [OpenCompiledFile] whose glossary's entries are
// decoded when the matcher finds them or Lookup asks for them; Entries is
// nil.
func OpenCompiledFileLazy(f *os.File, key [32]byte) (*Matcher, [][]byte, error) {
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	return openCompiled(data, key, false, true)
}
