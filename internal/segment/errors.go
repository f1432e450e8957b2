package segment

import (
	"fmt"
	"strings"
)

// LanguageError is returned by DefaultRules and ForLanguage for a language
// that has no built-in rules.
type LanguageError struct{ Lang string }

func (e *LanguageError) Error() string {
	return fmt.Sprintf("no built-in segmentation rules for language %q (supported: %s)", e.Lang, strings.Join(Languages(), ", "))
}

// MessageID names the localized message for e.
func (e *LanguageError) MessageID() string { return "segment.lang.unsupported" }

// TemplateData gives the values of the localized message.
func (e *LanguageError) TemplateData() map[string]any {
	return map[string]any{"Lang": e.Lang, "Supported": strings.Join(Languages(), ", ")}
}

// Hint names the localized hint for e.
func (e *LanguageError) Hint() string { return "segment.lang.unsupported.hint" }

// SRXError is returned by ReadSRX and LoadRules when an SRX file is not
// well-formed XML or not a usable SRX 2.0 document. Line and Column are
// 1-based and point at the offending place in the file.
type SRXError struct {
	File         string // set by LoadRules; empty when read from a stream
	Line, Column int
	// Code says what is wrong: "syntax" (XML), "root" (not an <srx>
	// element), "version", "break" (a break attribute that is neither yes
	// nor no), "rule-set" (a languagemap naming an undefined
	// languagerule), "no-languages" (nothing maps to en, ru or kk).
	Code   string
	Detail string // what the XML parser or the check found, in English
}

func (e *SRXError) Error() string {
	return e.where() + srxErrorText[e.Code] + detailSuffix(e.Detail)
}

func (e *SRXError) where() string { return where(e.File, e.Line, e.Column) }

// srxErrorText is the English text of each SRXError code; the catalogue
// holds the translations.
var srxErrorText = map[string]string{
	"syntax":       "malformed SRX file",
	"root":         "not an SRX 2.0 file",
	"version":      "unsupported SRX version",
	"break":        "the break attribute must be yes or no",
	"rule-set":     "languagemap refers to an undefined languagerule",
	"no-languages": "the SRX file maps no rules to en, ru or kk",
}

// MessageID names the localized message for e.
func (e *SRXError) MessageID() string { return "segment.srx." + e.Code }

// TemplateData gives the values of the localized message.
func (e *SRXError) TemplateData() map[string]any {
	return map[string]any{"Where": strings.TrimSuffix(e.where(), ": "), "Detail": e.Detail}
}

// Hint names the localized hint for e.
func (e *SRXError) Hint() string { return "segment.srx.hint" }

// RuleError is returned when a rule's regular expression does not compile
// with Go's regexp package (RE2 syntax). It is returned by ReadSRX, with the
// position of the <rule> element, and by Rules.Apply and Compile, with the
// rule's place in the rule list.
type RuleError struct {
	File         string // set by LoadRules; empty when read from a stream
	Line, Column int    // of the <rule> element in an SRX file; 0 otherwise
	// Place names the rule: its languagerule and 1-based index in an SRX
	// file ("languagerule en, rule 3"), or its key in tilmash.yaml
	// ("segmentation.no_break.ru[2]").
	Place   string
	Field   string // "beforebreak" or "afterbreak"
	Pattern string
	Err     error // the regexp/syntax error
}

func (e *RuleError) Error() string {
	what := "invalid regular expression"
	if e.lookaround() {
		what = "look-ahead and look-behind are not supported"
	}
	return fmt.Sprintf("%s%s: %s pattern %s: %s%s", where(e.File, e.Line, e.Column), e.Place, e.Field, quote(e.Pattern), what, detailSuffix(e.errText()))
}

func (e *RuleError) Unwrap() error { return e.Err }

func (e *RuleError) errText() string {
	if e.Err == nil {
		return ""
	}
	return e.Err.Error()
}

// lookaround reports whether the pattern uses Java/ICU look-around, the most
// common reason an SRX file written for OmegaT or Okapi fails here.
func (e *RuleError) lookaround() bool {
	return strings.Contains(e.Pattern, "(?=") || strings.Contains(e.Pattern, "(?!") ||
		strings.Contains(e.Pattern, "(?<=") || strings.Contains(e.Pattern, "(?<!")
}

// MessageID names the localized message for e.
func (e *RuleError) MessageID() string {
	if e.lookaround() {
		return "segment.rule.lookaround"
	}
	return "segment.rule.regex"
}

// TemplateData gives the values of the localized message.
func (e *RuleError) TemplateData() map[string]any {
	return map[string]any{
		"Where":   strings.TrimSuffix(where(e.File, e.Line, e.Column), ": "),
		"Place":   e.Place,
		"Field":   e.Field,
		"Pattern": e.Pattern,
		"Detail":  e.errText(),
	}
}

// Hint names the localized hint for e.
func (e *RuleError) Hint() string { return e.MessageID() + ".hint" }

// ConfigError is returned when the segmentation: section of tilmash.yaml
// has an unknown key, a language without rules, or a value of the wrong
// form. Line and Column point into tilmash.yaml.
type ConfigError struct {
	Line, Column int
	// Code is "key" (unknown key), "language" (not en, ru, kk or *) or
	// "value" (wrong form; Want says what was expected).
	Code  string
	Key   string   // the key as written
	Want  string   // for "value": what the value should be, in English
	Known []string // for "key" and "language": what is allowed
}

func (e *ConfigError) Error() string {
	w := where("tilmash.yaml", e.Line, e.Column)
	switch e.Code {
	case "key":
		return fmt.Sprintf("%sunknown key %q in segmentation (known keys: %s)", w, e.Key, strings.Join(e.Known, ", "))
	case "language":
		return fmt.Sprintf("%s%q is not a language with segmentation rules (use %s)", w, e.Key, strings.Join(e.Known, ", "))
	}
	return fmt.Sprintf("%ssegmentation %s must be %s", w, e.Key, e.Want)
}

// MessageID names the localized message for e.
func (e *ConfigError) MessageID() string { return "segment.config." + e.Code }

// TemplateData gives the values of the localized message.
func (e *ConfigError) TemplateData() map[string]any {
	return map[string]any{
		"Where": strings.TrimSuffix(where("tilmash.yaml", e.Line, e.Column), ": "),
		"Key":   e.Key,
		"Want":  e.Want,
		"Known": strings.Join(e.Known, ", "),
	}
}

// Hint names the localized hint for e.
func (e *ConfigError) Hint() string { return "segment.config.hint" }

// where formats "file:line:column: " with the parts that are known.
func where(file string, line, col int) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file)
	}
	if line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d", line, col)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	return b.String()
}

func detailSuffix(d string) string {
	if d == "" {
		return ""
	}
	return " (" + d + ")"
}

func quote(s string) string { return "`" + s + "`" }
