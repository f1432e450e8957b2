package console

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Table writes rows under a header to standard output, each column padded
// to its widest cell by display width, so Cyrillic, Kazakh letters and wide
// characters line up. The header is bold on a colour terminal. A cell is
// one line: its control characters, tabs and line feeds included, are
// shown as escapes (see [VisibleLine]); cells made with [Env.Paint] keep
// their colour.
func (e *Env) Table(header []string, rows [][]string) {
	clean := func(r []string) []string {
		out := make([]string, len(r))
		for i, c := range r {
			out[i] = visible(c, true, e.Color)
		}
		return out
	}
	header = clean(header)
	rows = append([][]string(nil), rows...)
	for i, r := range rows {
		rows[i] = clean(r)
	}
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if w := runewidth.StringWidth(c); i < len(widths) && w > widths[i] {
				widths[i] = w
			}
		}
	}
	line := func(r []string, head bool) {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
		}
		s := strings.TrimRight(b.String(), " ")
		if head {
			s = e.Paint(Bold, s)
		}
		e.Printf("%s\n", s)
	}
	line(header, true)
	for _, r := range rows {
		line(r, false)
	}
}
