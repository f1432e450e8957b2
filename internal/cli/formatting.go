package cli

import (
	"path/filepath"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
)

// WarnLostFormatting warns, one line a span, of the formatting an edit
// dropped because the words under it were rewritten, or an export or
// edit left out because a change outside tilmash took its words away
// (see [app.LostFormattingMessage]): the person learns the bold or link
// is gone before a page or an export shows it. For the latter, a hint a
// document and language says how to have it back.
func WarnLostFormatting(env *console.Env, id string, lost []document.LostSpan) {
	for _, s := range lost {
		env.Warn(app.LostFormattingMessage(s), app.LostFormattingData(env.T, s))
	}
	hinted := map[string]bool{}
	for _, s := range lost {
		if s.Outside && !hinted[s.Lang] {
			hinted[s.Lang] = true
			env.Hint("formats.unplaced.hint", map[string]any{"ID": id, "Lang": s.Lang, "File": filepath.Join(document.Folder, id, s.Lang+".txt")})
		}
	}
}
