package segment

import (
	"embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Rule is one SRX 2.0 rule: a break or no-break decision for a position in
// the text where Before matches the text that ends there and After matches
// the text that starts there. Rules are tried in order and the first one
// that matches decides; a position no rule matches is not a break.
//
// Before and After use Go's RE2 syntax, which has no look-around: Before is
// matched as `(?:Before)$` against up to 256 bytes of text ending at the
// position (less when the pattern cannot be that wide), After as
// `^(?:After)` against the text that follows. `^` in Before means the start
// of the paragraph. An empty pattern matches anywhere. (For speed the
// segmenter runs Before reversed on the reversed text; the result is the
// same.)
type Rule struct {
	// Name says what the rule is for. SRX has no place for it, so WriteSRX
	// puts it in a comment before the rule and ReadSRX reads it back.
	Name   string `yaml:"name,omitempty"`
	Break  bool   `yaml:"break"`
	Before string `yaml:"before,omitempty"`
	After  string `yaml:"after,omitempty"`
	// Abbreviations, when set, replaces Before: the rule matches when one
	// of these words (each usually ending in a period) ends at the position
	// and is not glued to a letter, digit or period before it. It is
	// exported to SRX as the equivalent regular expression
	// (see AbbreviationPattern) and is much faster than one.
	Abbreviations []string `yaml:"abbreviations,omitempty"`
}

// Rules is the segmentation rule set of one language.
type Rules struct {
	Lang string `yaml:"language"`
	// Starters are words that often begin a sentence and seldom follow a
	// lower-case word inside one ("The", "Однако", "Бұл"). A rule pattern
	// may name the list as %{starters}; it expands to a group that
	// matches any of them. The segmenter also uses them to find a
	// headline run into the first paragraph without punctuation.
	Starters []string `yaml:"starters,omitempty"`
	// Joiners are lower-case words that lean on the next word
	// (prepositions, articles, conjunctions: "of", "на", "мен"); neither a
	// run-in headline nor a title line ends with one.
	Joiners []string `yaml:"joiners,omitempty"`
	Rules   []Rule   `yaml:"rules"`
}

// starterRef is the placeholder for the starter words in rule patterns.
const starterRef = "%{starters}"

// Clone returns a deep copy of r, so that callers may edit the copy.
func (r *Rules) Clone() *Rules {
	c := &Rules{Lang: r.Lang, Starters: slices.Clone(r.Starters), Joiners: slices.Clone(r.Joiners), Rules: make([]Rule, len(r.Rules))}
	for i, x := range r.Rules {
		x.Abbreviations = slices.Clone(x.Abbreviations)
		c.Rules[i] = x
	}
	return c
}

// expand replaces %{starters} in a pattern by the alternation of the
// starter words.
func (r *Rules) expand(pattern string) string {
	if !strings.Contains(pattern, starterRef) {
		return pattern
	}
	return strings.ReplaceAll(pattern, starterRef, wordGroup(r.Starters))
}

// wordGroup returns a non-capturing group matching any of the words
// literally; with no words it matches nothing.
func wordGroup(words []string) string {
	if len(words) == 0 {
		return `[^\x00-\x{10FFFF}]`
	}
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

// abbrevPrefix is what AbbreviationPattern puts before the word group: the
// word starts the paragraph or follows something that is not a letter, a
// digit or a period. It is written so that Java (OmegaT, Okapi) and Go read
// it the same way.
const abbrevPrefix = `(?:^|[^\p{L}\p{N}.])`

// abbrevSpace is what a space inside an abbreviation ("т. е.") matches:
// typesetters often put a no-break or narrow no-break space there.
const abbrevSpace = `[ \x{A0}\x{202F}]`

// spaceVariants lists the spaces abbrevSpace matches.
var spaceVariants = []string{" ", "\u00a0", "\u202f"}

// AbbreviationPattern returns the beforebreak regular expression that is
// equivalent to a rule's Abbreviations list.
func AbbreviationPattern(words []string) string {
	if len(words) == 0 {
		return wordGroup(nil)
	}
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", abbrevSpace)
	}
	return abbrevPrefix + "(?:" + strings.Join(q, "|") + ")"
}

// BeforePattern returns the rule's beforebreak expression with the starter
// words expanded, as it is written to SRX.
func (r *Rules) BeforePattern(x Rule) string {
	if x.Abbreviations != nil {
		return AbbreviationPattern(x.Abbreviations)
	}
	return r.expand(x.Before)
}

// AfterPattern returns the rule's afterbreak expression with the starter
// words expanded.
func (r *Rules) AfterPattern(x Rule) string { return r.expand(x.After) }

// Validate compiles every pattern and returns a *RuleError for the first one
// that is not valid RE2 syntax.
func (r *Rules) Validate() error {
	for i, x := range r.Rules {
		if err := r.validateRule(x, fmt.Sprintf("%s rule %d", r.Lang, i+1)); err != nil {
			return err
		}
	}
	return nil
}

// validateRule compiles one rule as the segmenter would; place names it in
// the error.
func (r *Rules) validateRule(x Rule, place string) error {
	_, err := compileRule(r, x, place)
	return err
}

// builtinCommon holds the parsed common.yaml, and builtinLangs, per
// language, a function that parses the language's file once and appends
// the common rules: a command that segments one language does not parse
// the others' files.
var (
	builtinCommon = lazy.Value[parsedRules]{New: func() parsedRules {
		r, err := readRuleFile("common")
		return parsedRules{r, err}
	}}
	builtinLangs sync.Map // lang -> func() (*Rules, error)
)

// parsedRules is a rule file read, or why it could not be.
type parsedRules struct {
	rules *Rules
	err   error
}

//go:embed rules/*.yaml
var ruleFiles embed.FS

// Languages returns the codes of the languages with built-in rules.
func Languages() []string { return []string{"en", "kk", "ru"} }

// DefaultRules returns a fresh copy of the built-in rules of lang ("en",
// "ru" or "kk"), which the caller may change. They are read from the YAML
// files in rules/, embedded in the binary: the language's own rules
// followed by the rules of common.yaml.
func DefaultRules(lang string) (*Rules, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, unsupported(lang)
	}
	load, _ := builtinLangs.LoadOrStore(lang, sync.OnceValues(func() (*Rules, error) {
		c := builtinCommon.Get()
		common, err := c.rules, c.err
		if err != nil {
			return nil, err
		}
		r, err := readRuleFile(lang)
		if err != nil {
			return nil, err
		}
		r.Lang = lang
		r.Rules = append(r.Rules, common.Rules...)
		// Not validated here: that compiled every pattern at each
		// start, only for Compile to compile them again.
		// TestBuiltinRulesCompile checks them; Compile still refuses a
		// bad one.
		return r, nil
	}))
	r, err := load.(func() (*Rules, error))()
	if err != nil {
		return nil, err
	}
	return r.Clone(), nil
}

func readRuleFile(name string) (*Rules, error) {
	data, err := ruleFiles.ReadFile("rules/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("built-in rules: %w", err)
	}
	var r Rules
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("built-in rules %s.yaml: %w", name, err)
	}
	return &r, nil
}
