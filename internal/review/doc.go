// Package review changes a document's alignment the way a person reviewing
// it does, and keeps every change undoable.
//
// # Edits
//
// An [Op] is one edit of a [document.Alignment]: [Merge], [Split], [Move],
// [EditText], [SetStatus] and [SetNote]. Ops work in memory and report
// what they touched in a [Change]; [Apply] is the one path that runs an op
// against the files of a document: it verifies the alignment against the
// stored texts first, writes the journal entry, then the new files, and
// re-checks the touched groups with a [Marker].
//
// A group whose sentences a person regroups (merge, split, move) becomes
// aligned: it is no longer the aligner's verdict, and not yet a
// confirmation. The one exception is the aligner's own rule for empty
// sides: a regrouped group without a sentence in some language is flagged,
// and the edit says so ([Change.Gaps]). Taking a confirmation back follows
// the same rule. Fixing a typo ([EditText]) and writing a note keep the
// status, a confirmation included.
//
// A group's score is the aligner's confidence in its proposal. A group a
// person reshaped keeps the lowest score of the groups it was made from:
// a merge takes the lower of the two, both parts of a split keep the
// group's score, and a group that receives a moved sentence takes the lower
// of its own and the sender's. The score says how sure the aligner was of
// the material, not what the person did with it.
//
// # Journal
//
// Apply writes through a [document.Change], so every edit that changes
// bytes on disk is one step of the document's journal (see package
// journal), as align and import are: [Undo] takes steps back whatever
// command made them, and a crash halfway is rolled back by the next
// command. [Load] shows the state before an interrupted step without
// writing.
//
// # Rendering
//
// The view subpackage draws groups in columns, one per language, wrapped
// by display width so that Cyrillic, Kazakh letters and wide characters
// line up, with the [Mark]s of glossary terms and findings highlighted in
// colour or between plain markers.
package review
