package app

import (
	"sync"

	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Segmenters builds sentence segmenters and keeps them: compiling a
// language's rules is the slow part of cutting a short text.
type Segmenters struct {
	mu    sync.Mutex
	cache map[string]*segment.Segmenter
}

// NewSegmenters returns an empty cache.
func NewSegmenters() *Segmenters { return &Segmenters{cache: map[string]*segment.Segmenter{}} }

// For returns the sentence segmenter for lang: the built-in rules, with
// the workspace's overrides from tilmash.yaml when ws is not nil. Import,
// status, segment and align all cut through it, so they agree on what a
// sentence is.
func (c *Segmenters) For(ws *workspace.Workspace, lang string) (*segment.Segmenter, error) {
	key := lang
	if ws != nil {
		key = ws.Root + "\x00" + lang
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.cache[key]; ok {
		return s, nil
	}
	var s *segment.Segmenter
	var err error
	if ws == nil {
		s, err = segment.ForLanguage(lang)
	} else {
		var o segment.Overrides
		if o, err = Overrides(ws); err == nil {
			s, err = segment.ForWorkspace(lang, ws.Root, o)
		}
	}
	if err != nil {
		return nil, err
	}
	c.cache[key] = s
	return s, nil
}

// Overrides decodes the segmentation section of tilmash.yaml, with the
// workspace's languages (an SRX file may give the rules of one without
// built-in rules). Errors carry its line and column.
func Overrides(ws *workspace.Workspace) (segment.Overrides, error) {
	var o segment.Overrides
	if ws.Config.Segmentation.Kind == 0 {
		return o, nil
	}
	err := ws.Config.Segmentation.Decode(&o)
	o.Languages = ws.Config.Languages
	return o, err
}

// Rules returns the effective segmentation rules of every language of the
// workspace (built-in rules without one), for SRX export.
func Rules(ws *workspace.Workspace) (map[string]*segment.Rules, error) {
	out := map[string]*segment.Rules{}
	langs := segment.Languages()
	if ws == nil {
		for _, l := range langs {
			r, err := segment.DefaultRules(l)
			if err != nil {
				return nil, err
			}
			out[l] = r
		}
		return out, nil
	}
	o, err := Overrides(ws)
	if err != nil {
		return nil, err
	}
	for _, l := range langs {
		r, err := segment.LoadRules(l, ws.Root, o)
		if err != nil {
			return nil, err
		}
		out[l] = r
	}
	return out, nil
}
