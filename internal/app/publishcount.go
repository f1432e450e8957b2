package app

import (
	"slices"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// PublishCount is how many documents [App.Publish] will work on given
// ids: as many as ids name, or for none every document of the workspace
// but those tilmash.yaml's publish.exclude leaves out. Publish's progress
// counts them.
func PublishCount(ws *workspace.Workspace, ids []string) (int, error) {
	if len(ids) > 0 {
		return len(ids), nil
	}
	all, err := document.List(ws)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range all {
		if !slices.Contains(ws.Config.Publish.Exclude, id) {
			n++
		}
	}
	return n, nil
}
