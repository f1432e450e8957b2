package review

import (
	"fmt"
	"strings"
)

// NoGroupError is returned for a group number the alignment does not have.
type NoGroupError struct {
	Group, Count int
}

func (e *NoGroupError) Error() string {
	return fmt.Sprintf("there is no group %d: the alignment has %d groups", e.Group, e.Count)
}

// MessageID names the localized message for e.
func (e *NoGroupError) MessageID() string { return "review.no-group" }

// TemplateData gives the values of the localized message.
func (e *NoGroupError) TemplateData() map[string]any {
	return map[string]any{"Group": e.Group, "Count": e.Count}
}

// Hint suggests a fix.
func (e *NoGroupError) Hint() string { return "review.no-group.hint" }

// EdgeError is returned by Merge and Move when the group they would reach
// past the first or the last does not exist.
type EdgeError struct {
	Group int
	Next  bool // the group after is missing (else the group before)
}

func (e *EdgeError) Error() string {
	if e.Next {
		return fmt.Sprintf("group %d is the last group: there is no next group", e.Group)
	}
	return fmt.Sprintf("group %d is the first group: there is no previous group", e.Group)
}

// MessageID names the localized message for e.
func (e *EdgeError) MessageID() string {
	if e.Next {
		return "review.edge-last"
	}
	return "review.edge-first"
}

// TemplateData gives the values of the localized message.
func (e *EdgeError) TemplateData() map[string]any { return map[string]any{"Group": e.Group} }

// NoSentenceError is returned for a sentence number a group does not have
// in a language, and by Move for a group with no sentence in the language.
type NoSentenceError struct {
	Group     int
	Lang      string
	Sentence  int  // the 1-based number asked for; 0 for Move, which names none
	Sentences int  // how many the group has in Lang
	Move      bool // Move asked: there is no sentence to move
}

func (e *NoSentenceError) Error() string {
	switch {
	case e.Move:
		return fmt.Sprintf("group %d has no %s sentence to move", e.Group, e.Lang)
	case e.Sentences == 0:
		return fmt.Sprintf("group %d has no %s sentence %d (it has no %s sentences)", e.Group, e.Lang, e.Sentence, e.Lang)
	}
	return fmt.Sprintf("group %d has no %s sentence %d (it has %d)", e.Group, e.Lang, e.Sentence, e.Sentences)
}

// MessageID names the localized message for e.
func (e *NoSentenceError) MessageID() string {
	switch {
	case e.Move:
		return "review.no-sentence-to-move"
	case e.Sentences == 0:
		return "review.no-sentence-none"
	}
	return "review.no-sentence"
}

// TemplateData gives the values of the localized message.
func (e *NoSentenceError) TemplateData() map[string]any {
	return map[string]any{"Group": e.Group, "Lang": e.Lang, "Sentence": e.Sentence, "Count": e.Sentences}
}

// Hint suggests a fix: how to see the sentence numbers, when a wrong
// number was the problem. A group without the language needs no hint
// about numbering.
func (e *NoSentenceError) Hint() string {
	if e.Move || e.Sentences == 0 {
		return ""
	}
	return "review.no-sentence.hint"
}

// SplitError is returned by Split when one of the two parts would hold no
// sentence at all.
type SplitError struct{ Group int }

func (e *SplitError) Error() string {
	return fmt.Sprintf("this split of group %d would leave one part without sentences", e.Group)
}

// MessageID names the localized message for e.
func (e *SplitError) MessageID() string { return "review.split-empty" }

// TemplateData gives the values of the localized message.
func (e *SplitError) TemplateData() map[string]any { return map[string]any{"Group": e.Group} }

// Hint suggests a fix.
func (e *SplitError) Hint() string { return "review.split-empty.hint" }

// AtError is returned by ParseAt for split positions that contradict each
// other: two positions for one language, or a default language (the
// --language flag) that no position uses because each names its own.
type AtError struct {
	Lang string
	// Twice holds the two positions given for Lang; empty when Lang is a
	// default language that no position uses.
	Twice [2]string
	At    string // every position as given, for the message about an unused default
}

func (e *AtError) Error() string {
	if e.Twice[0] != "" {
		return fmt.Sprintf("two split positions for %s (%s and %s): give one per language", e.Lang, e.Twice[0], e.Twice[1])
	}
	return fmt.Sprintf("--language %s contradicts --at %s: no position is in %s", e.Lang, e.At, e.Lang)
}

// MessageID names the localized message for e.
func (e *AtError) MessageID() string {
	if e.Twice[0] != "" {
		return "review.at-twice"
	}
	return "review.at-unused-language"
}

// TemplateData gives the values of the localized message.
func (e *AtError) TemplateData() map[string]any {
	return map[string]any{"Lang": e.Lang, "First": e.Twice[0], "Second": e.Twice[1], "At": e.At}
}

// Hint suggests a fix.
func (e *AtError) Hint() string {
	if e.Twice[0] != "" {
		return "review.at-twice.hint"
	}
	return "review.at-unused-language.hint"
}

// TextError is returned by EditText for a replacement sentence that cannot
// be stored: empty, or spanning lines.
type TextError struct {
	Text      string
	Multiline bool
}

func (e *TextError) Error() string {
	if e.Multiline {
		return fmt.Sprintf("the new text %q spans several lines: a sentence is one line", e.Text)
	}
	return "the new text is empty"
}

// MessageID names the localized message for e.
func (e *TextError) MessageID() string {
	if e.Multiline {
		return "review.text-multiline"
	}
	return "review.text-empty"
}

// TemplateData gives the values of the localized message.
func (e *TextError) TemplateData() map[string]any { return map[string]any{"Text": e.Text} }

// Hint suggests a fix.
func (e *TextError) Hint() string { return "review.text.hint" }

// LanguageError is returned for a language the alignment does not hold.
type LanguageError struct {
	Lang  string
	Known []string
}

func (e *LanguageError) Error() string {
	return fmt.Sprintf("the alignment has no language %q (it has %s)", e.Lang, strings.Join(e.Known, ", "))
}

// MessageID names the localized message for e.
func (e *LanguageError) MessageID() string { return "review.bad-language" }

// TemplateData gives the values of the localized message.
func (e *LanguageError) TemplateData() map[string]any {
	return map[string]any{"Lang": e.Lang, "Known": strings.Join(e.Known, ", ")}
}

// SyntaxError is returned by the parsers of command-line values (group
// ranges, split positions) with the offending input and the byte offset of
// the problem in it.
type SyntaxError struct {
	What   string // range, at, direction or group
	Input  string
	Offset int
}

func (e *SyntaxError) Error() string {
	switch e.What {
	case "at":
		return fmt.Sprintf("bad split position %q at byte %d: use LANG:K such as ru:2", e.Input, e.Offset)
	case "direction":
		return fmt.Sprintf("bad direction %q: use prev or next", e.Input)
	case "group":
		return fmt.Sprintf("bad group number %q: use a number such as 12", e.Input)
	}
	return fmt.Sprintf("bad group range %q at byte %d: use numbers and ranges such as 1-20,25", e.Input, e.Offset)
}

// MessageID names the localized message for e.
func (e *SyntaxError) MessageID() string { return "review.bad-" + e.What }

// TemplateData gives the values of the localized message.
func (e *SyntaxError) TemplateData() map[string]any {
	return map[string]any{"Input": e.Input, "Offset": e.Offset}
}

// NotAlignedError is returned for a document that has no alignment yet.
type NotAlignedError struct{ ID string }

func (e *NotAlignedError) Error() string {
	return fmt.Sprintf("document %q has not been aligned yet", e.ID)
}

// MessageID names the localized message for e.
func (e *NotAlignedError) MessageID() string { return "review.not-aligned" }

// TemplateData gives the values of the localized message.
func (e *NotAlignedError) TemplateData() map[string]any { return map[string]any{"ID": e.ID} }

// Hint suggests a fix.
func (e *NotAlignedError) Hint() string { return "review.not-aligned.hint" }

// VerifyError is returned by Apply when the alignment does not match the
// stored texts: editing it would build on spans that point at the wrong
// bytes. Problems holds what document.Alignment.Verify found.
type VerifyError struct {
	ID       string
	Problems []error
}

func (e *VerifyError) Error() string {
	return fmt.Sprintf("%v (%d problems in all): the alignment of %q does not match its texts; nothing was changed", e.Problems[0], len(e.Problems), e.ID)
}

// MessageID names the localized message for e.
func (e *VerifyError) MessageID() string { return "review.not-verified" }

// TemplateData gives the values of the localized message.
func (e *VerifyError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "First": e.Problems[0].Error(), "Count": len(e.Problems)}
}

// Hint suggests a fix.
func (e *VerifyError) Hint() string { return "review.not-verified.hint" }
