// Package view draws an alignment's groups side by side on a terminal or
// in plain text, for the show and review commands. It knows the review
// package's marks, not the catalogue: the caller gives it the words.
package view

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/review"

	"github.com/mattn/go-runewidth"

	"github.com/tilmash/tilmash/internal/document"
)

// SGR colour codes View passes to its Paint function (the same codes as
// the console package's colour names).
const (
	sgrBold   = "1"
	sgrRed    = "31"
	sgrGreen  = "32"
	sgrYellow = "33"
	sgrCyan   = "36"
)

// Labels are the words View prints around the text, in the reader's
// language: the review package does not know the catalogue.
type Labels struct {
	Status func(document.Status) string
	Note   string // the word before a group's note
	// Reshaped is what the rule shows in place of the score of a group a
	// person regrouped and has not confirmed (document.Group.Reshaped):
	// its shape is the person's decision, and the lowest score of the
	// groups it was made from would read as the aligner's doubt. Empty
	// shows the score.
	Reshaped string
	Finding  func(review.Mark) string // one line describing a finding
	// Reasons says why a group is flagged (no sentence in a language, a
	// low score), or nothing; nil shows no reasons.
	Reasons func(a *document.Alignment, g *document.Group) []string
	// Was is the word before the text a detached group had in language
	// lang before a new version of that text (document.Group.Was); nil
	// shows none.
	Was func(lang string) string
}

// View draws groups side by side, one column per language.
//
// Columns share Width equally (less a three-cell gutter between them) and
// text wraps at spaces by display width, as go-runewidth measures it: a
// Cyrillic or Kazakh letter takes one cell, a CJK character two, a
// combining mark none. Only a word longer than a whole column is cut, with
// a hyphen where the cut falls between two letters, and never so that
// punctuation alone starts the next line; a dash or other punctuation
// standing alone stays on the line of the word before it. A Width below
// [MinWidth] is widened to it, since narrower columns cannot be read. With Color,
// glossary terms are painted cyan and findings red; without it they are
// written [term] and !finding!, so the view reads the same in a pipe, a
// log or a test. Lines never end in spaces.
//
// Visible makes the text of documents, notes and findings safe to print:
// a sentence may hold ESC or other control characters, which must be shown,
// not obeyed by the terminal. The command line passes console.Visible; it
// is applied before wrapping, so the escapes it writes are measured too.
// Nil leaves the text as it is.
type View struct {
	Width   int
	Langs   []string
	Color   bool
	Paint   func(sgr, s string) string
	Visible func(string) string
	Labels  Labels
}

func (v *View) visible(s string) string {
	if v.Visible == nil {
		return s
	}
	return v.Visible(s)
}

const gutter = " │ "

// minColumn is the narrowest column View draws, and minView the narrowest
// view: below them a column holds too few characters per line to read.
const (
	minColumn = 8
	minView   = 40
)

// MinWidth is the narrowest view of n columns that View draws; a smaller
// Width is widened to it.
func MinWidth(n int) int {
	n = max(n, 1)
	return max(minView, n*minColumn+(n-1)*runewidth.StringWidth(gutter))
}

// width is the width the view is drawn at: Width, or MinWidth when Width
// is smaller.
func (v *View) width() int { return max(v.Width, MinWidth(len(v.Langs))) }

func (v *View) colWidth() int {
	n := max(len(v.Langs), 1)
	return (v.width() - (n-1)*runewidth.StringWidth(gutter)) / n
}

func (v *View) paint(sgr, s string) string {
	if !v.Color || v.Paint == nil || s == "" {
		return s
	}
	return v.Paint(sgr, s)
}

// Header writes the language codes above their columns.
func (v *View) Header(w io.Writer) {
	cells := make([][]line, len(v.Langs))
	for i, l := range v.Langs {
		cells[i] = []line{{{text: strings.ToUpper(l), style: styleBold}}}
	}
	v.rows(w, cells)
}

// Group writes group n (1-based) of a: a rule with its number, status and
// score (none for a group with no sentence left: [document.Group.Empty]), its sentences side by side (numbered when a language has more
// than one), why it is flagged, the text it had before a new version of a
// text (a detached group), its note and its findings. marks may hold marks of other
// groups; current draws the rule in double lines, for the review screen.
func (v *View) Group(w io.Writer, a *document.Alignment, n int, marks []review.Mark, current bool) {
	g := a.Groups[n-1]
	v.rule(w, n, g, current)
	var mine []review.Mark
	for _, m := range marks {
		if m.Group == n {
			mine = append(mine, m)
		}
	}
	review.SortMarks(mine, v.Langs)
	cw := v.colWidth()
	cells := make([][]line, len(v.Langs))
	for i, l := range v.Langs {
		cells[i] = v.cell(g, l, mine, cw)
	}
	v.rows(w, cells)
	if v.Labels.Reasons != nil && v.Labels.Status != nil {
		if rs := v.Labels.Reasons(a, g); len(rs) > 0 {
			for _, ln := range wrap([]piece{{text: v.Labels.Status(document.Flagged) + ": ", style: styleBold}, {text: v.visible(strings.Join(rs, "; "))}}, v.width(), "", "  ") {
				fmt.Fprintln(w, v.render(ln))
			}
		}
	}
	if v.Labels.Was != nil {
		for _, b := range g.Before(v.Langs) {
			for _, ln := range wrap([]piece{{text: v.Labels.Was(b.Lang) + ": ", style: styleBold}, {text: v.visible(b.Text)}}, v.width(), "", "  ") {
				fmt.Fprintln(w, v.render(ln))
			}
		}
	}
	if g.Note != "" {
		label := v.Labels.Note
		if label == "" {
			label = "note"
		}
		for _, ln := range wrap([]piece{{text: label + ": ", style: styleBold}, {text: v.visible(g.Note)}}, v.width(), "", "  ") {
			fmt.Fprintln(w, v.render(ln))
		}
	}
	for _, m := range mine {
		if !m.Kind.Finding() || v.Labels.Finding == nil {
			continue
		}
		for _, ln := range wrap([]piece{{text: "! " + v.visible(v.Labels.Finding(m)), style: styleFinding}}, v.width(), "", "  ") {
			fmt.Fprintln(w, v.render(ln))
		}
	}
}

func (v *View) rule(w io.Writer, n int, g *document.Group, current bool) {
	bar := "─"
	if current {
		bar = "═"
	}
	status := string(g.Status)
	if v.Labels.Status != nil {
		status = v.Labels.Status(g.Status)
	}
	sgr := ""
	switch g.Status {
	case document.Confirmed:
		sgr = sgrGreen
	case document.Flagged:
		sgr = sgrRed
	case document.Aligned:
		sgr = sgrYellow
	}
	num := strconv.Itoa(n)
	score := " · " + strconv.FormatFloat(g.Score, 'f', 3, 64)
	switch {
	case g.Empty():
		// A group a new version emptied: the score was the aligner's of
		// text it no longer holds, and would read as a judgement of
		// nothing.
		score = ""
	case g.Reshaped && !g.Detached && g.Status != document.Confirmed && v.Labels.Reshaped != "":
		score = " · " + v.Labels.Reshaped
	}
	plain := bar + bar + " " + num + " · " + status + score + " "
	fill := max(v.width()-runewidth.StringWidth(plain), 2)
	fmt.Fprintln(w, bar+bar+" "+v.paint(sgrBold, num)+" · "+v.paint(sgr, status)+score+" "+strings.Repeat(bar, fill))
}

// rows writes cells side by side, padding every column but the last.
func (v *View) rows(w io.Writer, cells [][]line) {
	cw := v.colWidth()
	height := 0
	for _, c := range cells {
		height = max(height, len(c))
	}
	for r := 0; r < height; r++ {
		var b strings.Builder
		for i, c := range cells {
			var ln line
			if r < len(c) {
				ln = c[r]
			}
			if i > 0 {
				b.WriteString(gutter)
			}
			b.WriteString(v.render(ln))
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", max(cw-ln.width(), 0)))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// cell lays out a group's sentences in one language.
func (v *View) cell(g *document.Group, lang string, marks []review.Mark, width int) []line {
	sents := g.Sents[lang]
	if len(sents) == 0 {
		return []line{{{text: "—"}}}
	}
	var out []line
	base := 0
	for i, s := range sents {
		pieces := v.styled(s.Text, base, lang, marks)
		base += len(s.Text) + 1
		first, rest := "", ""
		if len(sents) > 1 {
			first = "(" + strconv.Itoa(i+1) + ") "
			rest = strings.Repeat(" ", len(first))
		}
		out = append(out, wrap(pieces, width, first, rest)...)
	}
	return out
}

type style int

const (
	stylePlain style = iota
	styleTerm
	styleFinding
	styleBold
)

type piece struct {
	text  string
	style style
}

type line []piece

func (l line) width() int {
	w := 0
	for _, p := range l {
		w += runewidth.StringWidth(p.text)
	}
	return w
}

func (v *View) render(l line) string {
	var b strings.Builder
	for _, p := range l {
		switch p.style {
		case styleTerm:
			b.WriteString(v.paint(sgrCyan, p.text))
		case styleFinding:
			b.WriteString(v.paint(sgrRed, p.text))
		case styleBold:
			b.WriteString(v.paint(sgrBold, p.text))
		default:
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// styled cuts a sentence into pieces by the marks that cover it. base is
// the sentence's offset in the group's joined text, which mark offsets
// refer to. Findings win over terms where they overlap. Without colour the
// marked text gets its plain markers here, before wrapping, so that
// wrapping counts them.
func (v *View) styled(text string, base int, lang string, marks []review.Mark) []piece {
	st := make([]style, len(text))
	for _, m := range marks {
		if m.Lang != lang || !m.Placed() {
			continue
		}
		s, e := max(m.Start-base, 0), min(m.End-base, len(text))
		if s >= e || !utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e]) {
			continue
		}
		k := styleTerm
		if m.Kind.Finding() {
			k = styleFinding
		}
		for i := s; i < e; i++ {
			st[i] = max(st[i], k)
		}
	}
	var out []piece
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && st[j] == st[i] {
			j++
		}
		p := piece{text: v.visible(text[i:j]), style: st[i]}
		if !v.Color {
			switch p.style {
			case styleTerm:
				p.text = "[" + p.text + "]"
			case styleFinding:
				p.text = "!" + p.text + "!"
			}
			p.style = stylePlain
		}
		out = append(out, p)
		i = j
	}
	return out
}

// word is a run of text without white space, in one or more styles.
type word []piece

func (w word) width() int { return line(w).width() }

// punctuation reports whether w holds no letter and no digit: a dash, a
// closing quote, a plain marker.
func (w word) punctuation() bool {
	for _, p := range w {
		for _, r := range p.text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// words cuts styled text at white space.
func words(pieces []piece) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, p := range pieces {
		start := -1
		for i, r := range p.text {
			if unicode.IsSpace(r) {
				if start >= 0 {
					cur = append(cur, piece{text: p.text[start:i], style: p.style})
					start = -1
				}
				flush()
				continue
			}
			if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			cur = append(cur, piece{text: p.text[start:], style: p.style})
		}
	}
	flush()
	return out
}

// wrap breaks styled text into lines of at most width cells, at white
// space (which it collapses to single spaces). The first line starts with
// first, the others with rest. A word of punctuation alone is kept on the
// line of the word before it. A word wider than a line is cut (see cut).
func wrap(pieces []piece, width int, first, rest string) []line {
	ws := words(pieces)
	restWidth := runewidth.StringWidth(rest)
	var out []line
	ln := line{{text: first}}
	lw := runewidth.StringWidth(first)
	fresh := true // nothing but the prefix on ln yet
	newLine := func() {
		out = append(out, ln)
		ln = line{{text: rest}}
		lw = restWidth
		fresh = true
	}
	// trail[i] is the width the words of punctuation right after word i
	// take, with their spaces.
	trail := make([]int, len(ws)+1)
	for i := len(ws) - 2; i >= 0; i-- {
		if ws[i+1].punctuation() {
			trail[i] = 1 + ws[i+1].width() + trail[i+1]
		}
	}
	for i, wd := range ws {
		ww := wd.width()
		// The room this word needs on its line: itself, and the words of
		// punctuation after it when they all fit on one line.
		need := ww + trail[i]
		if need > width-restWidth {
			need = ww
		}
		if !fresh && lw+1+need > width {
			newLine()
		}
		if !fresh {
			// A space between two words of one style takes that style, so a
			// painted phrase is painted in one run.
			sp := piece{text: " "}
			if last := ln[len(ln)-1]; last.style == wd[0].style {
				sp.style = last.style
			}
			ln = append(ln, sp)
			lw++
		}
		if lw+ww <= width {
			ln = append(ln, wd...)
			lw += ww
			fresh = false
			continue
		}
		for _, part := range cut(wd, width-lw, width-restWidth) {
			if !fresh {
				newLine()
			}
			ln = append(ln, part...)
			lw += part.width()
			fresh = false
		}
	}
	if !fresh || len(out) == 0 {
		out = append(out, ln)
	}
	return merge(out)
}

// cut breaks a word too wide for its line into parts: the first fits in
// room cells, the others in full cells each (the room of a new line).
// Where a cut falls between two letters of a narrow script the part ends
// in a hyphen (CJK text is cut without one, as it is written). A cut never
// leaves punctuation or a single letter to start a part on its own:
// "International]," is cut as "Internatio-" "nal],", not "International]"
// ",". It takes time linear in the word's length.
func cut(wd word, room, full int) []word {
	var cs []char
	for _, p := range wd {
		for _, r := range p.text {
			cs = append(cs, char{r, p.style})
		}
	}
	// after[i] counts the letters and digits of cs[i:]; width[i] is the
	// width of cs[:i].
	after := make([]int, len(cs)+1)
	for i := len(cs) - 1; i >= 0; i-- {
		after[i] = after[i+1]
		if isLetter(cs[i].r) {
			after[i]++
		}
	}
	width := make([]int, len(cs)+1)
	for i, c := range cs {
		width[i+1] = width[i] + runewidth.RuneWidth(c.r)
	}
	carry := min(2, after[0]-1) // letters the rest of a cut must start with
	// fit returns the end of the part that starts at i and fits in room
	// cells, moved back until the rest starts with carry letters; at
	// least one character, so that a line narrower than one still moves on.
	fit := func(i, room int) int {
		n := i
		for n < len(cs) && width[n+1]-width[i] <= room {
			n++
		}
		for n > i+1 && n < len(cs) && after[n] < carry {
			n--
		}
		return max(n, i+1)
	}
	var parts []word
	for i := 0; i < len(cs); room = full {
		if width[len(cs)]-width[i] <= room {
			parts = append(parts, chars(cs[i:]).word())
			break
		}
		n, hy := fit(i, room), false
		if k := breakAfter(cs[i:n]); k > (n-i)/2 && i+k < n {
			n = i + k // after a hyphen or slash of the word itself
		} else if n < len(cs) && joins(cs[n-1], cs[n]) {
			// The cut needs a hyphen, and the hyphen a cell.
			n = fit(i, room-1)
			hy = n < len(cs) && joins(cs[n-1], cs[n]) && width[n]-width[i]+1 <= room
		}
		part := chars(cs[i:n]).word()
		if hy {
			part = append(part, piece{text: "-", style: cs[n-1].style})
		}
		parts = append(parts, part)
		i = n
	}
	return parts
}

// char is one character of a word being cut, with its style.
type char struct {
	r     rune
	style style
}

type chars []char

// word turns characters back into pieces, one per run of a style.
func (cs chars) word() word {
	var w word
	var b strings.Builder
	for i, c := range cs {
		b.WriteRune(c.r)
		if i+1 == len(cs) || cs[i+1].style != c.style {
			w = append(w, piece{text: b.String(), style: c.style})
			b.Reset()
		}
	}
	return w
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// breakAfter returns the length of the longest prefix of cs that ends in
// a hyphen, a dash or a slash followed by a letter or digit, 0 if none:
// the word's own place to break.
func breakAfter(cs []char) int {
	for k := len(cs) - 1; k >= 1; k-- {
		if strings.ContainsRune("-‐–—/", cs[k-1].r) && (unicode.IsLetter(cs[k].r) || unicode.IsDigit(cs[k].r)) {
			return k
		}
	}
	return 0
}

// joins reports whether a cut between a and b splits a word of a narrow
// script, which a hyphen then marks.
func joins(a, b char) bool {
	return unicode.IsLetter(a.r) && unicode.IsLetter(b.r) && runewidth.RuneWidth(a.r) == 1
}

// merge joins neighbouring pieces of the same style, so that a coloured
// word is painted once, not letter by letter.
func merge(lines []line) []line {
	for i, l := range lines {
		var m line
		for _, p := range l {
			if p.text == "" {
				continue
			}
			if n := len(m); n > 0 && m[n-1].style == p.style {
				m[n-1].text += p.text
				continue
			}
			m = append(m, p)
		}
		lines[i] = m
	}
	return lines
}
