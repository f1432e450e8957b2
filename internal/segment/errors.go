package segment

import (
	"errors"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// The errors of segment are *locale.Error values with a Pos (possibly
// empty: the messages start with {{.Where}}); these functions build them.

// unsupported is the error of DefaultRules and ForLanguage for a language
// that has no built-in rules.
func unsupported(lang string) error {
	return locale.NewError("segment.lang.unsupported", map[string]any{"Lang": lang, "Supported": strings.Join(Languages(), ", ")}).
		WithHint("segment.lang.unsupported.hint")
}

// IsUnsupported reports whether err says that a language has no
// segmentation rules: none built in, and no SRX file of the workspace
// giving them.
func IsUnsupported(err error) bool {
	var le *locale.Error
	return errors.As(err, &le) && le.ID == "segment.lang.unsupported"
}

// noRules is the error of LoadRules for a language without built-in rules
// that the workspace's SRX file (name) maps no rules to either.
func noRules(name, lang string) error {
	return locale.NewError("segment.srx.no-rules", map[string]any{"Lang": lang}).
		WithHint("segment.srx.no-rules.hint").At(locale.Pos{File: name})
}

// srxError is the error of ReadSRX and LoadRules for an SRX file that is
// not well-formed XML or not a usable SRX 2.0 document. code says what is
// wrong: "syntax" (XML), "root" (not an <srx> element), "version",
// "break" (a break attribute that is neither yes nor no), "rule-set" (a
// languagemap naming an undefined languagerule), "no-languages" (nothing
// maps to en, ru or kk). detail is what the XML parser or the check found:
// a string, or a locale.Msg (xmlx.Error.Reason) said in the reader's
// language.
func srxError(pos locale.Pos, code string, detail any) *locale.Error {
	return locale.NewError("segment.srx."+code, map[string]any{"Detail": detail}).
		WithHint("segment.srx.hint").At(pos)
}

// ruleError is the error for a rule whose regular expression does not
// compile with Go's regexp package (RE2 syntax). place names the rule: its
// languagerule and 1-based index in an SRX file ("languagerule en, rule
// 3"), or its key in tilmash.yaml ("segmentation.no_break.ru[2]"); field is
// "beforebreak" or "afterbreak"; cause is the regexp/syntax error.
func ruleError(pos locale.Pos, place, field, pattern string, cause error) *locale.Error {
	id := "segment.rule.regex"
	if lookaround(pattern) {
		id = "segment.rule.lookaround"
	}
	detail := ""
	if cause != nil {
		detail = cause.Error()
	}
	return locale.NewError(id, map[string]any{"Place": place, "Field": field, "Pattern": pattern, "Detail": detail}).
		WithHint(id + ".hint").At(pos).Wrap(cause)
}

// asRuleError returns the field and the cause of a ruleError, so a caller
// that knows where the rule was written can build it again with its place.
func asRuleError(err error) (field string, cause error, ok bool) {
	var le *locale.Error
	if !errors.As(err, &le) || !strings.HasPrefix(le.ID, "segment.rule.") {
		return "", nil, false
	}
	field, _ = le.Data["Field"].(string)
	return field, le.Err, true
}

// lookaround reports whether the pattern uses Java/ICU look-around, the most
// common reason an SRX file written for OmegaT or Okapi fails here.
func lookaround(p string) bool {
	return strings.Contains(p, "(?=") || strings.Contains(p, "(?!") ||
		strings.Contains(p, "(?<=") || strings.Contains(p, "(?<!")
}

// newConfigError is the error for the segmentation: section of tilmash.yaml
// with an unknown key (code "key"), a language without rules ("language")
// or a value of the wrong form ("value"; want says what was expected, in
// English). known lists what is allowed.
func newConfigError(line, col int, code, key, want string, known []string) *locale.Error {
	return locale.NewError("segment.config."+code, map[string]any{"Key": key, "Want": want, "Known": strings.Join(known, ", ")}).
		WithHint("segment.config.hint").At(locale.Pos{File: "tilmash.yaml", Line: line, Column: col})
}
