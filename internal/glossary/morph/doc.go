// Package morph generates the inflected forms of Russian and Kazakh names:
// the six Russian cases of a name's declinable head ([RussianForms]) and the
// Kazakh endings of a name's last word chosen by vowel harmony and final
// sound ([KazakhWordForms], [KazakhInflect]). It also reads and rewrites a
// Kazakh ending after a name ([ParseKazakhEnding], [KazakhReinflect],
// [FixKazakhForbidden]) for the editors' QA checks.
//
// The package knows nothing of glossary files: package glossary compiles
// its entries through it, and package qa checks endings with it, so both
// share one morphology.
package morph

// Kind is what a name names; it steers inflection the way the glossary's
// entry kind does, and has the same values.
type Kind string

// The kinds of name. Only a person's name declines as a surname (Russian
// Токаев → Токаева; Kazakh -ов/-ев surnames take back-vowel endings), a
// place name in -о/-е is indeclinable in Russian (Актобе), and a common
// noun (Other) also takes the Kazakh plural possessive (әкімдерінің).
const (
	Person       Kind = "person"
	Place        Kind = "place"
	Organization Kind = "organization"
	Institution  Kind = "institution"
	Other        Kind = "other"
)
