package cli

import (
	"sync"

	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

var (
	segMu    sync.Mutex
	segCache = map[string]*segment.Segmenter{}
)

// Segmenter returns the sentence segmenter for lang: the built-in rules,
// with the workspace's overrides from tilmash.yaml when ws is not nil.
// Import, status, segment and align all cut through it, so they agree on
// what a sentence is.
func Segmenter(ws *workspace.Workspace, lang string) (*segment.Segmenter, error) {
	key := lang
	if ws != nil {
		key = ws.Root + "\x00" + lang
	}
	segMu.Lock()
	defer segMu.Unlock()
	if s, ok := segCache[key]; ok {
		return s, nil
	}
	s, err := segment.ForLanguage(lang)
	if err != nil {
		return nil, err
	}
	segCache[key] = s
	return s, nil
}
