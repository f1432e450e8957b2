package glossarycmd

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// termFinder gives align the workspace glossary as anchors. A glossary that
// cannot be loaded gives none: align still works, and its findings summary
// says why the glossary was not used.
func termFinder(ws *workspace.Workspace) align.TermFinder {
	c, err := check.Load(ws)
	if err != nil || c == nil {
		return nil
	}
	return c
}

// alignFindings reports, after align, the glossary check of the fresh
// alignment in one line: how many findings in which groups, and how to see
// them.
func alignFindings(env *console.Env, d *document.Document, a *document.Alignment) {
	c, err := check.Load(d.WS)
	if err != nil {
		reason := err.Error()
		var m locale.Message
		if errors.As(err, &m) {
			reason = env.T(m.MessageID(), m.TemplateData())
		}
		env.Warn("check.align.not-checked", map[string]any{"ID": d.ID, "Reason": reason})
		return
	}
	if c == nil {
		return
	}
	r, err := c.Document(d, a)
	if err != nil {
		env.Warn("check.align.not-checked", map[string]any{"ID": d.ID, "Reason": err.Error()})
		return
	}
	if len(r.Findings) == 0 {
		env.Say("check.align.clean", map[string]any{"ID": d.ID})
		return
	}
	env.SayN("check.align.findings", len(r.Findings), map[string]any{"ID": d.ID, "Groups": groupList(r.Findings)})
	env.Hint("check.align.hint", map[string]any{"ID": d.ID})
}

// groupList names the groups of findings: "3, 8, 12", or the first ten
// and "…".
func groupList(fs []check.Finding) string {
	seen := map[int]bool{}
	var gs []int
	for _, f := range fs {
		if !seen[f.Group] {
			seen[f.Group] = true
			gs = append(gs, f.Group)
		}
	}
	sort.Ints(gs)
	var parts []string
	for i, g := range gs {
		if i == 10 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(g))
	}
	return strings.Join(parts, ", ")
}
