package segment

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"gopkg.in/yaml.v3"
)

// Overrides is the segmentation: section of a workspace's tilmash.yaml. It
// changes the rules of the workspace without touching the built-in ones:
//
//	segmentation:
//	  # Rules from OmegaT or Okapi (path relative to the workspace). They
//	  # replace the built-in rules of each language they map; the other
//	  # languages keep the built-in rules.
//	  srx: rules/house.srx
//	  # Words that never end a sentence, per language ("*": every language).
//	  abbreviations:
//	    en: [Sen., Rep., Gov.]
//	    kk: [ауд., обл.]
//	  # Positions that are never a break. before must match the text that
//	  # ends at the position, after the text that starts there (Go RE2
//	  # syntax, no look-around).
//	  no_break:
//	    ru:
//	      - name: "стр. 5"
//	        before: '(?:^|\s)стр\.'
//	        after: '\s+\d'
//	  # Positions that are always a break, such as after a semicolon.
//	  break:
//	    "*":
//	      - before: ';'
//	        after: '\s'
//
// The workspace's abbreviations come first, then its no_break rules, then
// its break rules, then the SRX or built-in rules: the first rule that
// matches a position decides.
type Overrides struct {
	SRX           string              `yaml:"srx"`
	Abbreviations map[string][]string `yaml:"abbreviations"`
	NoBreak       map[string][]Rule   `yaml:"no_break"`
	Break         map[string][]Rule   `yaml:"break"`
	// Languages are the workspace's languages (set by the caller, not
	// read from YAML): LoadRules reads the SRX file's rules for them
	// besides the built-in ones, so that a file giving the rules of a
	// language without built-in ones (de) alone is not refused for
	// mapping none of en, ru and kk.
	Languages []string `yaml:"-"`

	// pos remembers where each rule was written, for error messages:
	// "no_break.ru[2]" -> {line, column}.
	pos map[string][2]int
}

// AllLanguages is the key of Overrides maps that applies to every language.
const AllLanguages = "*"

var overrideKeys = []string{"srx", "abbreviations", "no_break", "break"}

// UnmarshalYAML decodes the section strictly: an unknown key, a language
// without rules or a value of the wrong form is a *ConfigError with its
// line and column, so a typo does not silently change the segmentation.
func (o *Overrides) UnmarshalYAML(n *yaml.Node) error {
	*o = Overrides{pos: map[string][2]int{}}
	if n.Kind == 0 || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return configError(n, "value", "segmentation", "a mapping")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "srx":
			if v.Kind != yaml.ScalarNode {
				return configError(v, "value", "srx", "a file path")
			}
			o.SRX = v.Value
		case "abbreviations":
			m, err := decodeLangMap(v, "abbreviations", func(l string, n *yaml.Node) ([]string, error) {
				var words []string
				if n.Kind != yaml.SequenceNode || n.Decode(&words) != nil {
					return nil, configError(n, "value", "abbreviations."+l, "a list of words")
				}
				return words, nil
			})
			if err != nil {
				return err
			}
			o.Abbreviations = m
		case "no_break", "break":
			key := k.Value
			m, err := decodeLangMap(v, key, func(l string, n *yaml.Node) ([]Rule, error) {
				return o.decodeRules(n, key+"."+l)
			})
			if err != nil {
				return err
			}
			if key == "break" {
				o.Break = m
			} else {
				o.NoBreak = m
			}
		default:
			return configError(k, "key", k.Value, "", overrideKeys...)
		}
	}
	return nil
}

// decodeLangMap decodes a mapping from language codes (or "*") to values.
func decodeLangMap[T any](n *yaml.Node, key string, value func(string, *yaml.Node) (T, error)) (map[string]T, error) {
	if n.Kind != yaml.MappingNode {
		return nil, configError(n, "value", key, "a mapping from languages (en, ru, kk, *)")
	}
	out := map[string]T{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Value != AllLanguages && !slices.Contains(Languages(), k.Value) {
			return nil, configError(k, "language", k.Value, "", append(Languages(), AllLanguages)...)
		}
		v, err := value(k.Value, n.Content[i+1])
		if err != nil {
			return nil, err
		}
		out[k.Value] = v
	}
	return out, nil
}

var ruleKeys = []string{"name", "before", "after"}

func (o *Overrides) decodeRules(n *yaml.Node, place string) ([]Rule, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, configError(n, "value", place, "a list of rules with before and after")
	}
	var rules []Rule
	for i, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			return nil, configError(item, "value", place, "a rule with before and after")
		}
		var x Rule
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			if !slices.Contains(ruleKeys, k.Value) {
				return nil, configError(k, "key", k.Value, "", ruleKeys...)
			}
			if v.Kind != yaml.ScalarNode {
				return nil, configError(v, "value", fmt.Sprintf("%s[%d].%s", place, i+1, k.Value), "a string")
			}
			switch k.Value {
			case "name":
				x.Name = v.Value
			case "before":
				x.Before = v.Value
			case "after":
				x.After = v.Value
			}
		}
		o.pos[fmt.Sprintf("%s[%d]", place, i+1)] = [2]int{item.Line, item.Column}
		rules = append(rules, x)
	}
	return rules, nil
}

// configError is the error for node n of the segmentation section (see
// newConfigError).
func configError(n *yaml.Node, code, key, want string, known ...string) error {
	return newConfigError(n.Line, n.Column, code, key, want, known)
}

// Apply adds the workspace's rules for r.Lang (and for "*") in front of
// r's rules. It checks every pattern and returns a *RuleError that names
// the rule as segmentation.no_break.ru[2] and gives its line in
// tilmash.yaml when the overrides were read from YAML. The SRX path is not
// Apply's business: LoadRules reads it.
func (r *Rules) Apply(o Overrides) error {
	var front []Rule
	var words []string
	for _, l := range []string{AllLanguages, r.Lang} {
		words = append(words, o.Abbreviations[l]...)
	}
	if len(words) > 0 {
		front = append(front, Rule{Name: "workspace abbreviations", Abbreviations: words, After: `\s`})
	}
	for _, group := range []struct {
		key   string
		rules map[string][]Rule
		brk   bool
	}{{"no_break", o.NoBreak, false}, {"break", o.Break, true}} {
		for _, l := range []string{AllLanguages, r.Lang} {
			for i, x := range group.rules[l] {
				x.Break = group.brk
				x.Abbreviations = nil
				place := fmt.Sprintf("segmentation.%s.%s[%d]", group.key, l, i+1)
				if err := r.validateRule(x, place); err != nil {
					if field, cause, ok := asRuleError(err); ok {
						p := o.pos[strings.TrimPrefix(place, "segmentation.")]
						at := locale.Pos{Line: p[0], Column: p[1]}
						if at.Line > 0 {
							at.File = "tilmash.yaml"
						}
						pattern := x.Before
						if field == "afterbreak" {
							pattern = x.After
						}
						return ruleError(at, place, field, pattern, cause)
					}
					return err
				}
				front = append(front, x)
			}
		}
	}
	r.Rules = append(front, r.Rules...)
	return nil
}

// LoadRules returns the rules of lang in a workspace: those of the SRX file
// o.SRX names (relative to dir) when it maps lang, the built-in ones
// otherwise, with the workspace's abbreviations and rules applied. A
// language without built-in rules (de) has only the SRX file's: without
// one it is segment.lang.unsupported, with one that maps no rules to it
// segment.srx.no-rules. Errors in the SRX file carry its path.
func LoadRules(lang, dir string, o Overrides) (*Rules, error) {
	builtin := slices.Contains(Languages(), lang)
	if !builtin && o.SRX == "" {
		return nil, unsupported(lang)
	}
	var r *Rules
	if builtin {
		var err error
		if r, err = DefaultRules(lang); err != nil {
			return nil, err
		}
	}
	if o.SRX != "" {
		sets, err := readSRXFile(dir, o.SRX, append(slices.Clip(o.Languages), lang))
		if err != nil {
			return nil, err
		}
		if s, ok := sets[lang]; ok {
			r = s
		}
	}
	if r == nil {
		return nil, noRules(o.SRX, lang)
	}
	if err := r.Apply(o); err != nil {
		return nil, err
	}
	return r, nil
}

// ForWorkspace returns the segmenter of lang for the workspace rooted at
// dir, whose tilmash.yaml gave the overrides o. Without overrides it is the
// shared ForLanguage(lang); otherwise it is built from LoadRules, so a
// caller that segments many documents should keep it.
func ForWorkspace(lang, dir string, o Overrides) (*Segmenter, error) {
	if o.empty() {
		return ForLanguage(lang)
	}
	r, err := LoadRules(lang, dir, o)
	if err != nil {
		return nil, err
	}
	return Compile(r)
}

func (o Overrides) empty() bool {
	return o.SRX == "" && len(o.Abbreviations) == 0 && len(o.NoBreak) == 0 && len(o.Break) == 0
}

// readSRXFile reads the SRX file name (as written in tilmash.yaml, relative
// to the workspace dir) and names it in its errors. It is a workspace file,
// read as every one is: a regular file inside the workspace.
// Its rules are read for the built-in languages and langs.
func readSRXFile(dir, name string, langs []string) (map[string]*Rules, error) {
	data, err := workspace.ReadFileIn(dir, name)
	if workspace.IsReadError(err) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("segmentation rules: %w", err)
	}
	return ReadSRXFile(name, data, langs...)
}

// ReadSRXFile is ReadSRX of the SRX file name's data: its errors name the
// file before the line and column.
func ReadSRXFile(name string, data []byte, more ...string) (map[string]*Rules, error) {
	sets, err := ReadSRX(bytes.NewReader(data), more...)
	var le *locale.Error
	if errors.As(err, &le) && le.Pos != nil {
		le.Pos.File = name
	}
	return sets, err
}
