package cli

import (
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// ParseLangs reads --langs (export, glossary export and import, tm export,
// tm lookup): codes separated by commas or spaces, each a workspace
// language, none twice.
func ParseLangs(ws *workspace.Workspace, s string) ([]string, error) {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		l = strings.ToLower(l)
		if !ws.HasLanguage(l) {
			return nil, document.BadLanguage(l, ws.Config.Languages)
		}
		if slices.Contains(out, l) { // glossary import --langs en,en read both columns as en
			return nil, locale.NewError("app.langs-repeated", map[string]any{"Lang": l, "Value": s}).WithHint("app.langs-repeated.hint").OfKind(locale.Usage)
		}
		out = append(out, l)
	}
	return out, nil
}
