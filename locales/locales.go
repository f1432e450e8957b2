// Package locales embeds the message catalogues of tilmash's own user
// interface, so the binary speaks English, Russian and Kazakh with no files
// beside it.
//
// Each file is named AREA.LANG.yaml (cli.kk.yaml, glossary.ru.yaml …): go-i18n
// reads the language from the second-to-last part of the name, and splitting
// by area lets each part of the program keep its own messages. Every area must
// hold the same message ids in every language; a test checks it.
package locales

import "embed"

// FS holds every *.yaml message file of this folder.
//
//go:embed *.yaml
var FS embed.FS
