package review

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	Status  func(document.Status) string
	Note    string            // the word before a group's note
	Finding func(Mark) string // one line describing a finding
}

// View draws groups side by side, one column per language.
//
// Columns share Width equally (less a three-cell gutter between them) and
// text wraps at spaces by display width, as go-runewidth measures it: a
// Cyrillic or Kazakh letter takes one cell, a CJK character two, a
// combining mark none. A word longer than a column is cut. With Color,
// glossary terms are painted cyan and findings red; without it they are
// written [term] and !finding!, so the view reads the same in a pipe, a
// log or a test. Lines never end in spaces.
type View struct {
	Width  int
	Langs  []string
	Color  bool
	Paint  func(sgr, s string) string
	Labels Labels
}

const gutter = " │ "

// minColumn is the narrowest column View draws, whatever the width.
const minColumn = 8

func (v *View) colWidth() int {
	n := max(len(v.Langs), 1)
	w := (v.Width - (n-1)*runewidth.StringWidth(gutter)) / n
	return max(w, minColumn)
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
// score, its sentences side by side (numbered when a language has more
// than one), its note and its findings. marks may hold marks of other
// groups; current draws the rule in double lines, for the review screen.
func (v *View) Group(w io.Writer, a *document.Alignment, n int, marks []Mark, current bool) {
	g := a.Groups[n-1]
	v.rule(w, n, g, current)
	var mine []Mark
	for _, m := range marks {
		if m.Group == n {
			mine = append(mine, m)
		}
	}
	sortMarks(mine, v.Langs)
	cw := v.colWidth()
	cells := make([][]line, len(v.Langs))
	for i, l := range v.Langs {
		cells[i] = v.cell(g, l, mine, cw)
	}
	v.rows(w, cells)
	if g.Note != "" {
		label := v.Labels.Note
		if label == "" {
			label = "note"
		}
		for _, ln := range wrap([]piece{{text: label + ": ", style: styleBold}, {text: g.Note}}, v.Width, "", "  ") {
			fmt.Fprintln(w, v.render(ln))
		}
	}
	for _, m := range mine {
		if !m.Kind.Finding() || v.Labels.Finding == nil {
			continue
		}
		for _, ln := range wrap([]piece{{text: "! " + v.Labels.Finding(m), style: styleFinding}}, v.Width, "", "  ") {
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
	score := strconv.FormatFloat(g.Score, 'f', 3, 64)
	plain := bar + bar + " " + num + " · " + status + " · " + score + " "
	fill := max(v.Width-runewidth.StringWidth(plain), 2)
	fmt.Fprintln(w, bar+bar+" "+v.paint(sgrBold, num)+" · "+v.paint(sgr, status)+" · "+score+" "+strings.Repeat(bar, fill))
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
func (v *View) cell(g *document.Group, lang string, marks []Mark, width int) []line {
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
func (v *View) styled(text string, base int, lang string, marks []Mark) []piece {
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
		p := piece{text: text[i:j], style: st[i]}
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

// wrap breaks styled text into lines of at most width cells, at white
// space (which it collapses to single spaces). The first line starts with
// first, the others with rest. A word wider than a line is cut between
// characters.
func wrap(pieces []piece, width int, first, rest string) []line {
	type word []piece
	var words []word
	var cur word
	flush := func() {
		if len(cur) > 0 {
			words = append(words, cur)
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

	var out []line
	ln := line{{text: first}}
	lw := runewidth.StringWidth(first)
	fresh := true // nothing but the prefix on ln yet
	newLine := func() {
		out = append(out, ln)
		ln = line{{text: rest}}
		lw = runewidth.StringWidth(rest)
		fresh = true
	}
	for _, wd := range words {
		ww := line(wd).width()
		if !fresh && lw+1+ww > width {
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
		// Too wide for any line: cut it between characters.
		for _, p := range wd {
			for _, r := range p.text {
				rw := runewidth.RuneWidth(r)
				if lw+rw > width && !fresh {
					newLine()
				}
				ln = append(ln, piece{text: string(r), style: p.style})
				lw += rw
				fresh = false
			}
		}
	}
	if !fresh || len(out) == 0 {
		out = append(out, ln)
	}
	return merge(out)
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
