package review

import (
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// The errors of review are *locale.Error values; these functions build
// them. None is a named type: no caller branches on one.

// NoGroup is the error for a group number n the alignment, of count
// groups, does not have.
func NoGroup(n, count int) error {
	return locale.NewError("review.no-group", map[string]any{"Group": n, "Count": count}).
		WithHint("review.no-group.hint")
}

// InDocument names document id in err when it is a [NoGroup] error: its
// hint then gives the range of id's groups and the command that lists
// them. Other errors are returned as they are.
func InDocument(err error, id string) error {
	var le *locale.Error
	if errors.As(err, &le) && le.ID == "review.no-group" {
		data := maps.Clone(le.Data)
		data["ID"] = id
		return locale.NewError(le.ID, data).WithHint("review.no-group.doc-hint")
	}
	return err
}

// Edge is the error of Merge and Move when the group they would reach past
// the first or (next) the last does not exist.
func Edge(group int, next bool) error {
	id := "review.edge-first"
	if next {
		id = "review.edge-last"
	}
	return locale.NewError(id, map[string]any{"Group": group})
}

// noSentence is the error for a sentence number k a group does not have in
// lang, where it has have sentences.
func noSentence(group int, lang string, k, have int) error {
	data := map[string]any{"Group": group, "Lang": lang, "Sentence": k, "Count": have}
	if have == 0 {
		// A group without the language needs no hint about numbering.
		return locale.NewError("review.no-sentence-none", data)
	}
	return locale.NewError("review.no-sentence", data).WithHint("review.no-sentence.hint")
}

// noSentenceToEdit is the error of EditText for a group with no sentence
// in lang: edit corrects sentences, and a translation missing from a
// group comes from the text, which its hint says how to give.
func noSentenceToEdit(group int, lang string, k int) error {
	return locale.NewError("review.no-sentence-none", map[string]any{"Group": group, "Lang": lang, "Sentence": k, "Count": 0}).
		WithHint("review.edit-missing.hint")
}

// namingDoc gives an op's error the document id as Doc, for hints that
// name the command to run next (review.no-sentence.hint): an op knows
// the alignment, not the document it belongs to.
func namingDoc(err error, id string) error {
	var e *locale.Error
	if errors.As(err, &e) && e.Hint != "" {
		if _, ok := e.Data["Doc"]; !ok {
			data := maps.Clone(e.Data)
			if data == nil {
				data = map[string]any{}
			}
			data["Doc"] = id
			e.Data = data
		}
	}
	return err
}

// nothingToMove is the error of Move for a group with no sentence in lang.
func nothingToMove(group int, lang string) error {
	return locale.NewError("review.no-sentence-to-move", map[string]any{"Group": group, "Lang": lang, "Sentence": 0, "Count": 0})
}

// splitEmpty is the error of Split when one of the two parts would hold no
// sentence at all.
func splitEmpty(group int) error {
	return locale.NewError("review.split-empty", map[string]any{"Group": group}).WithHint("review.split-empty.hint")
}

// controlText is the error of EditText for a replacement sentence holding
// control character r, the column-th character of the trimmed text.
func controlText(r rune, column int) error {
	return locale.NewError("review.text-control", map[string]any{"Char": fmt.Sprintf("U+%04X", r), "Column": column}).WithHint("review.text-control.hint")
}

// badText is the error of EditText for a replacement sentence that cannot
// be stored: empty, or (multiline) spanning lines.
func badText(text string, multiline bool) error {
	id := "review.text-empty"
	if multiline {
		id = "review.text-multiline"
	}
	return locale.NewError(id, map[string]any{"Text": text}).WithHint("review.text.hint")
}

// BadLanguage is the error for a language lang the alignment does not hold;
// known lists those it does.
func BadLanguage(lang string, known []string) error {
	return document.WithMeant(locale.NewError("review.bad-language", map[string]any{"Lang": lang, "Known": strings.Join(known, ", ")}), lang, known)
}

// notAligned is the error for a document that has no alignment yet.
func notAligned(id string) error {
	return locale.NewError("review.not-aligned", map[string]any{"ID": id}).WithHint("review.not-aligned.hint")
}

// notVerified is the error of Apply when the alignment does not match the
// stored texts: editing it would build on spans that point at the wrong
// bytes. problems holds what document.Alignment.Verify found.
// The hint is the first problem's (see Alignment.Verify: align again, or
// put back a hand edit), with its values.
func notVerified(id string, problems []error) error {
	data := map[string]any{}
	hint := "review.not-verified.hint"
	var first *locale.Error
	if errors.As(problems[0], &first) && first.Hint != "" {
		maps.Copy(data, first.TemplateData())
		hint = first.Hint
	}
	data["ID"], data["First"], data["Count"] = id, problems[0], len(problems)
	return locale.NewError("review.not-verified", data).WithHint(hint)
}
