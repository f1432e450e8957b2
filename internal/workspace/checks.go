package workspace

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
)

// Checks is the checks section of tilmash.yaml: each of tilmash check's
// checks may be switched off or given another severity, for example
//
//	checks:
//	  typography: {severity: error}
//	  spelling: {enabled: false}
//
// Every check is on, with its own severity, unless the section says
// otherwise. The keys are the check names, so a misspelt one is refused
// like any unknown key of tilmash.yaml.
type Checks struct {
	Terms        *CheckSetting `yaml:"terms,omitempty"`
	Numbers      *CheckSetting `yaml:"numbers,omitempty"`
	Links        *CheckSetting `yaml:"links,omitempty"`
	Untranslated *CheckSetting `yaml:"untranslated,omitempty"`
	Consistency  *CheckSetting `yaml:"consistency,omitempty"`
	Typography   *CheckSetting `yaml:"typography,omitempty"`
	Endings      *CheckSetting `yaml:"endings,omitempty"`
	Spelling     *CheckSetting `yaml:"spelling,omitempty"`
}

// CheckSetting is one check's entry under checks:.
type CheckSetting struct {
	// Enabled false switches the check off; absent, it is on.
	Enabled *bool `yaml:"enabled,omitempty"`
	// Severity is error (findings block export and publish) or warning
	// (they are reported); empty keeps the check's own.
	Severity string `yaml:"severity,omitempty"`
	// Quotes, for typography only, gives a language's quotation marks as
	// two characters (« ») or four, the inner pair after the outer one
	// («»„“).
	Quotes map[string]string `yaml:"quotes,omitempty"`
}

// CheckNames are the keys of the checks section, in the order tilmash
// check documents them.
var CheckNames = []string{"terms", "numbers", "links", "untranslated", "consistency", "typography", "endings", "spelling"}

// CheckSeverities are the values a check's severity may take.
var CheckSeverities = []string{"error", "warning"}

// Setting returns the settings of the check name, nil when tilmash.yaml
// gives none.
func (c Checks) Setting(name string) *CheckSetting {
	switch name {
	case "terms":
		return c.Terms
	case "numbers":
		return c.Numbers
	case "links":
		return c.Links
	case "untranslated":
		return c.Untranslated
	case "consistency":
		return c.Consistency
	case "typography":
		return c.Typography
	case "endings":
		return c.Endings
	case "spelling":
		return c.Spelling
	}
	return nil
}

// On reports whether the check name runs: unless enabled: false.
func (c Checks) On(name string) bool {
	s := c.Setting(name)
	return s == nil || s.Enabled == nil || *s.Enabled
}

// checkChecks refuses a severity that is neither error nor warning, and
// quotation marks that are not two or four characters, at their place in
// the file.
func checkChecks(file string, cfg Config, root *yaml.Node) error {
	for _, name := range CheckNames {
		s := cfg.Checks.Setting(name)
		if s == nil {
			continue
		}
		if s.Severity != "" && s.Severity != "error" && s.Severity != "warning" {
			line, col := position(root, -1, "checks", name, "severity")
			return locale.NewError("workspace.bad-config.check-severity", map[string]any{"Check": name, "Severity": s.Severity, "Severities": strings.Join(CheckSeverities, ", ")}).
				WithHint("workspace.bad-config.check.hint").At(locale.Pos{File: file, Line: line, Column: col})
		}
		for lang, q := range s.Quotes {
			n := utf8.RuneCountInString(q)
			if name == "typography" && (n == 2 || n == 4) {
				continue
			}
			line, col := position(root, -1, "checks", name, "quotes", lang)
			id := "workspace.bad-config.check-quotes"
			if name != "typography" {
				id = "workspace.bad-config.check-quotes-only"
			}
			return locale.NewError(id, map[string]any{"Check": name, "Lang": lang, "Quotes": q}).
				WithHint("workspace.bad-config.check.hint").At(locale.Pos{File: file, Line: line, Column: col})
		}
	}
	return nil
}
