package app

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// spellingWords gives cfg the glossary folder's word lists
// (words.LANG.txt, see [check.WordsFile]) when the spelling check is one of
// its checks: the words an editor told the check to accept. A language
// without a list has none; a list that is not a list of words is an error
// at its line.
func spellingWords(ws *workspace.Workspace, cfg *check.Config) error {
	if !slices.Contains(cfg.Checks, string(qa.Spelling)) {
		return nil
	}
	for _, l := range ws.Config.Languages {
		rel := filepath.Join(ws.Config.Glossary, check.WordsFile(l))
		data, err := ws.ReadFile(rel)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		words, err := check.ParseWords(rel, data)
		if err != nil {
			return err
		}
		if cfg.Words == nil {
			cfg.Words = map[string][]string{}
		}
		cfg.Words[l] = words
	}
	return nil
}
