//go:build !unix

package glossary

import (
	"io"
	"os"
)

// OpenCompiledFile is [OpenCompiled] for a file opened by the caller,
// read into memory.
func OpenCompiledFile(f *os.File, key [32]byte) (*Matcher, error) {
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return OpenCompiled(data, key)
}
