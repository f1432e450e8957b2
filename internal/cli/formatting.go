package cli

import (
	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
)

// WarnLostFormatting warns, one line a span, of the formatting an edit
// dropped because the words under it were rewritten (see
// [app.LostFormattingData]): the person learns the bold or link is gone
// before a page or an export shows it.
func WarnLostFormatting(env *console.Env, lost []document.LostSpan) {
	for _, s := range lost {
		env.Warn("formats.lost", app.LostFormattingData(env.T, s))
	}
}
