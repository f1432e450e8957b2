// Package segment cuts English, Russian and Kazakh news text into
// sentences, keeping every byte of the input: each Segment carries its byte
// offsets, and only white space lies between segments.
//
// # Blocks first
//
// Blank lines, Markdown headings (# …), list items ("- ", "* ", "1. ", "2) "
// and dialogue lines that open with a dash), block quotes (>), fenced code
// and thematic breaks (---) are hard boundaries. Inside a paragraph, a line
// without final punctuation that is followed by a line starting like a
// sentence is a title of its own (a headline, caption or dateline), unless
// the paragraph is hard-wrapped and the next word would have fitted on the
// line. A headline pasted into the first paragraph without a line break is
// found from the words around it (see headline.go).
//
// # Rules as data
//
// Within a block, breaks are decided by SRX-style rules: ordered break and
// no-break rules, each a beforebreak and an afterbreak regular expression;
// the first rule that matches a position decides, and a position no rule
// matches is not a break. The built-in rules live in rules/*.yaml (one file
// a language plus common.yaml) and cover abbreviations, initials, numbers,
// URLs and e-mail addresses, ellipses, quotes and brackets after a stop,
// ?! combinations, direct speech with its attribution («…», — сказал он.)
// and lower-case continuations. A rule may give a list of abbreviations
// instead of a beforebreak pattern, and patterns may name the language's
// sentence-starter words as %{starters}.
//
// Go's regexp has no look-behind, so the segmenter finds candidate
// positions with a byte scan built from the break rules (the runes their
// beforebreak can end with and their afterbreak can start with), and at
// each candidate runs only the rules whose end runes fit: afterbreak
// anchored at the position, beforebreak reversed and anchored on the
// reversed text before it, within at most 256 bytes. The work per byte is
// bounded, so time is linear in the input.
//
// # Exchange and overrides
//
// ReadSRX and WriteSRX import and export the rules as SRX 2.0, the format of
// OmegaT and Okapi. A workspace changes the rules in the segmentation:
// section of tilmash.yaml (see Overrides), and LoadRules combines the
// built-in rules, an SRX file and those overrides.
package segment
