package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/workspace"
)

// spellingWords gives cfg the glossary folder's word lists
// (words.LANG.txt, see [check.WordsFile]) when the spelling check is one of
// its checks: the words an editor told the check to accept. A language
// without a list has none; a list that is not a list of words is an error
// at its line.
func spellingWords(ws *workspace.Workspace, cfg *check.Config) error {
	if !slices.Contains(cfg.Checks, string(qa.Spelling)) {
		return nil
	}
	for _, l := range ws.Config.Languages {
		rel := filepath.Join(ws.Config.Glossary, check.WordsFile(l))
		data, err := ws.ReadFile(rel)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		words, err := check.ParseWords(rel, data)
		if err != nil {
			return err
		}
		if cfg.Words == nil {
			cfg.Words = map[string][]string{}
		}
		cfg.Words[l] = words
	}
	return nil
}

// WordsAdded is what [App.AddWords] did: the list it wrote (File, relative
// to the workspace), the words it added, and those the list held already.
type WordsAdded struct {
	File  string
	Added []string
	Known []string
}

// AddWords adds words to the glossary folder's word list of lang
// (words.LANG.txt, see [check.WordsFile]): what an editor does when the
// spelling check flags a word that is spelt right, from tilmash glossary
// add-word or the workbench. Each word is checked as the list's lines are
// ([check.CheckWord]), in NFC; one the list holds already is left alone.
// The new words go at the end of the list, one a line, with its line
// endings; the rest of the file is kept byte for byte (comments, order,
// a byte-order mark). The list is read whole first: one that is not a word
// list is refused at its line, and so is one in UTF-16, which tilmash
// does not write. The file is written atomically, nothing when every word
// is known; the caller holds the workspace lock.
func (a *App) AddWords(ws *workspace.Workspace, lang string, words []string) (WordsAdded, error) {
	rel := filepath.Join(ws.Config.Glossary, check.WordsFile(lang))
	res := WordsAdded{File: filepath.ToSlash(rel)}
	if !slices.Contains(ws.Config.Languages, lang) {
		return res, locale.NewError("check.add-word.bad-lang", map[string]any{"Lang": lang, "Langs": strings.Join(ws.Config.Languages, ", ")}).
			WithHint("check.add-word.hint").OfKind(locale.Usage)
	}
	if len(words) == 0 {
		return res, locale.NewError("check.add-word.no-words", nil).WithHint("check.add-word.hint").OfKind(locale.Usage)
	}
	var add []string
	for _, w := range words {
		w = norm.NFC.String(strings.TrimSpace(w))
		if err := check.CheckWord(w); err != nil {
			return res, err
		}
		if !slices.Contains(add, w) {
			add = append(add, w)
		}
	}
	data, err := ws.ReadFile(rel)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	have, err := check.ParseWords(res.File, data)
	if err != nil {
		return res, err
	}
	if enc, _ := textenc.Sniff(data); enc != textenc.UTF8 {
		return res, locale.NewError("check.add-word.utf16", map[string]any{"File": res.File, "Encoding": string(enc)}).
			WithHint("check.add-word.utf16.hint")
	}
	for _, w := range add {
		if slices.Contains(have, w) {
			res.Known = append(res.Known, w)
		} else {
			res.Added = append(res.Added, w)
		}
	}
	if len(res.Added) == 0 {
		return res, nil
	}
	eol := "\n"
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		eol = "\r\n"
	}
	out := slices.Clip(data)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, eol...)
	}
	for _, w := range res.Added {
		out = append(append(out, w...), eol...)
	}
	if data == nil {
		// The first list of a workspace whose glossary folder is not made yet.
		if err := os.MkdirAll(filepath.Dir(ws.Path(rel)), 0o755); err != nil {
			return res, CannotWrite(res.File, err)
		}
	}
	if err := ws.WriteFile(rel, out); err != nil {
		return res, err
	}
	return res, nil
}
