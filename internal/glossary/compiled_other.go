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
