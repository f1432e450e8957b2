package reviewcmd

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/review"
)

// frame is one drawing of the review screen on a terminal of a given
// size. A group taller than the screen is drawn a page at a time, as a
// pager draws a file: the title, the languages' header and the group's
// rule stay at the top, the keys at the bottom, and lines [top, top+page)
// of the group's body (its lines under the rule: sentences, reasons, note,
// findings) between them, with a line that says which.
type frame struct {
	text string
	// top, page and total: the body lines drawn, of all the group's;
	// page is total when the group fits.
	top, page, total int
	// prev is where the page before this one starts, last where the last
	// page starts (the last page is full, as less draws it).
	prev, last int
	// body is the group's body, every line of it.
	body []string
}

// more reports whether lines of the group are below the page.
func (f frame) more() bool { return f.top+f.page < f.total }

// minBody is the fewest lines of a group a page shows before the keys and
// the messages under it are shortened to make room.
const minBody = 3

// frame lays out the screen on a terminal w columns wide and h rows high
// (0: unknown, so the whole group), keeping reserve rows under it free for
// a prompt, and the cursor's row after the last line of the frame. The
// neighbouring groups are drawn when the screen holds them; else the one
// of them it holds; else the current group alone; else the current group a page at a time, from line
// s.top (kept within the group). The messages and the keys are broken
// between words, and rows are counted as the terminal wraps the lines.
func (s *session) frame(w, h, reserve int) frame {
	env := *s.env
	env.Color = s.env.ErrColor
	a := s.snap.Alignment
	v := newView(&env, w, a.Languages)
	marks := s.nearMarks()
	group := func(n int, current bool) string {
		var b bytes.Buffer
		v.Group(&b, a, n, marks, current)
		return b.String()
	}
	var head bytes.Buffer
	v.Header(&head)
	title := s.title(&env, w)
	msgs := ""
	if s.msgs != "" {
		msgs = wrapText(s.msgs, w)
	}
	// The keys, which a prompt open does not take: it says its own.
	keys, short := fitKeys(s.env.T("review.keys", nil), w), s.env.T("review.keys-short", nil)
	if reserve > 0 {
		keys, short = "", ""
	}
	foot := func(msgs, keys string, blank bool) string {
		f := ""
		if msgs != "" {
			f = msgs + "\n"
		}
		if keys == "" {
			return f
		}
		if blank {
			f += "\n"
		}
		return f + keys + "\n"
	}
	room := h - reserve - 1 // the cursor's row stays on the screen
	fits := func(text string) bool { return h <= 0 || rows(text, w) <= room }
	cur := group(s.cur, true)
	lines := strings.Split(strings.TrimSuffix(cur, "\n"), "\n")
	rule, body := lines[0], lines[1:]
	whole := frame{top: 0, page: len(body), total: len(body), body: body}
	// The neighbours, when the screen holds them: both, else the one it
	// holds (the one before first), so that a very tall group beside the
	// current one does not take the other neighbour away too.
	prev, next := "", ""
	if s.cur > 1 {
		prev = group(s.cur-1, false)
	}
	if s.cur < len(a.Groups) {
		next = group(s.cur+1, false)
	}
	// Before, the messages came after a blank line, under the groups.
	full := foot(msgs, keys, true)
	if msgs != "" {
		full = "\n" + full
	}
	for _, nb := range [][2]string{{prev, next}, {prev, ""}, {"", next}} {
		if nb[0] == "" && nb[1] == "" {
			break
		}
		ctx := title + head.String() + nb[0] + cur + nb[1]
		if fits(ctx + full) {
			whole.text = clearScreen + ctx + full
			return whole
		}
	}
	if fits(title + head.String() + cur + full) {
		whole.text = clearScreen + title + head.String() + cur + full
		return whole
	}
	// A page at a time, in the first of these layouts, each poorer than
	// the one before, that leaves the group minBody lines (or all of them
	// when fewer), else one line: the keys shortened, the line under the
	// page shortened to its numbers, the messages cut (saying so), the
	// messages and the keys left out, the header left out, the title cut
	// to a row.
	total := len(body)
	want := min(total, minBody)
	type plan struct {
		header, compact, oneRow bool
		end                     string
	}
	plans := []plan{
		{header: true, end: foot(msgs, keys, true)},
		{header: true, end: foot(msgs, short, true)},
		{header: true, end: foot(msgs, short, false)},
		{header: true, compact: true, end: foot(msgs, short, false)},
		{header: true, compact: true, end: "cut"},
		{header: true, compact: true, end: foot("", short, false)},
		{header: true, compact: true},
		{compact: true},
		{compact: true, oneRow: true},
	}
	// layout is a plan's rows above the page and under it, and the rows
	// left for the page; not ok when it has no room for what it is for.
	type layout struct {
		top, end string
		compact  bool
		budget   int
	}
	build := func(q plan) (layout, bool) {
		l := layout{top: title, end: q.end, compact: q.compact}
		if q.oneRow {
			l.top = s.titleRow(&env, w)
		}
		if q.header {
			l.top += head.String()
		}
		l.top += rule + "\n"
		// The line under the page is counted at its widest, with the
		// largest numbers it can show.
		fixed := height(l.top, w) + max(height(s.pageLine(w, total-1, total, total, total, q.compact), w), height(s.pageLine(w, total-1, total, total, 0, q.compact), w))
		if q.end == "cut" {
			// The messages cut to what leaves the group its lines.
			left := room - fixed - height(short, w) - want
			if left < 1 || msgs == "" {
				return l, false
			}
			l.end = foot(cutRows(msgs, w, left), short, false)
		}
		l.budget = room - fixed - height(l.end, w)
		return l, true
	}
	var chosen, some, last *layout
	for _, q := range plans {
		l, ok := build(q)
		if !ok {
			continue
		}
		if l.budget >= want {
			chosen = &l
			break
		}
		if some == nil && l.budget >= 1 {
			some = &l
		}
		last = &l
	}
	switch {
	case chosen != nil:
	case some != nil:
		chosen = some
	default:
		chosen = last // a screen too short for the title and a line
	}
	top, end, budget := chosen.top, chosen.end, chosen.budget
	f := pageOf(body, w, max(budget, 1), s.top)
	var b strings.Builder
	b.WriteString(clearScreen + top)
	for _, ln := range body[f.top : f.top+f.page] {
		b.WriteString(ln + "\n")
	}
	more := f.total - f.top - f.page
	b.WriteString(s.pageLine(w, f.top+1, f.top+f.page, f.total, more, chosen.compact) + "\n")
	b.WriteString(end)
	f.text, f.body = b.String(), body
	return f
}

// height is how many rows text takes on a terminal w columns wide: none
// when it is empty (see rows).
func height(text string, w int) int {
	if text == "" {
		return 0
	}
	return rows(text, w)
}

const clearScreen = "\x1b[H\x1b[2J"

// nearMarks are the glossary marks and the other checks' findings
// (numbers …) of the groups drawn, listed under them as show lists them;
// the other checks' findings do not change which groups are left to
// review.
func (s *session) nearMarks() []review.Mark {
	a := s.snap.Alignment
	var near []int
	for n := max(1, s.cur-1); n <= min(len(a.Groups), s.cur+1); n++ {
		near = append(near, n)
	}
	marks := s.marks
	if extra := s.app.CheckMarks(s.ws, s.d.ID, a, near); len(extra) > 0 {
		marks = app.WithCheckMarks(s.marks, extra)
	}
	return marks
}

// titleText says which document, which group of how many, and how many
// are left to review.
func (s *session) titleText() string {
	return s.env.T("review.title", map[string]any{"ID": s.d.ID, "Group": s.cur, "Count": len(s.snap.Alignment.Groups), "Left": s.left()})
}

// titleRow is the title cut to one row, on a screen too short for more.
func (s *session) titleRow(env *console.Env, w int) string {
	return env.Paint(console.Bold, runewidth.Truncate(s.titleText(), max(w-1, 1), "…")) + "\n"
}

// title is the screen's first line, in bold, broken between words on a
// narrow terminal.
func (s *session) title(env *console.Env, w int) string {
	var b strings.Builder
	for _, ln := range strings.Split(wrapText(s.titleText(), w), "\n") {
		b.WriteString(env.Paint(console.Bold, ln) + "\n")
	}
	return b.String()
}

// pageLine is the line under a page of a group: which lines of how many,
// and how many more there are below, or that the group ends there: a
// rule across the screen when it fits on a line. Compact, it is the
// numbers alone.
func (s *session) pageLine(w, from, to, total, more int, compact bool) string {
	if compact {
		// Numbers alone, on a screen too short for words: 17–32/40 ↓.
		text := strconv.Itoa(from) + "–" + strconv.Itoa(to) + "/" + strconv.Itoa(total)
		if more > 0 {
			text += " ↓"
		}
		return text
	}
	var text string
	if from == to {
		text = s.env.T("review.page-line", map[string]any{"From": from, "Count": total})
	} else {
		text = s.env.T("review.page", map[string]any{"From": from, "To": to, "Count": total})
	}
	if more > 0 {
		text += " · " + s.env.N("review.page-more", more, nil)
	} else {
		text += " · " + s.env.T("review.page-end", nil)
	}
	return ruleLine(text, w)
}

// ruleLine is text in a rule across the screen (── text ─────) when it
// fits on a line, else text broken between words.
func ruleLine(text string, w int) string {
	line := "── " + text + " "
	if n := width([]rune(line)); n+2 <= w {
		return line + strings.Repeat("─", w-n)
	}
	return wrapText(text, w)
}

// pageOf is the page of body (lines, each taking the rows the terminal
// wraps it into at width w) that starts at line top, or as near it as a
// full page allows, in room rows; a line taller than room is a page alone.
func pageOf(body []string, w, room, top int) frame {
	n := len(body)
	tall := make([]int, n)
	for i, ln := range body {
		tall[i] = rows(ln, w)
	}
	// fill is how many lines from i fit in room, one at least.
	fill := func(i int) int {
		k, used := 0, 0
		for i+k < n && (k == 0 || used+tall[i+k] <= room) {
			used += tall[i+k]
			k++
		}
		return k
	}
	last, used := n, 0
	for last > 0 && used+tall[last-1] <= room {
		used += tall[last-1]
		last--
	}
	if last == n && n > 0 {
		last = n - 1
	}
	top = max(min(top, last), 0)
	prev := top
	for used := 0; prev > 0 && used+tall[prev-1] <= room; {
		used += tall[prev-1]
		prev--
	}
	if prev == top && top > 0 {
		prev = top - 1
	}
	return frame{top: top, page: fill(top), total: n, prev: prev, last: last}
}

// cutRows keeps the first lines of text that take at most n rows at
// width w; when some are left out, the last row kept says so ("…").
func cutRows(text string, w, n int) string {
	if n < 1 || text == "" {
		return ""
	}
	lines := strings.Split(text, "\n")
	if rows(text, w) <= n {
		return text
	}
	var kept []string
	used := 0
	for _, ln := range lines {
		r := rows(ln, w)
		if used+r > n-1 {
			break
		}
		kept = append(kept, ln)
		used += r
	}
	return strings.Join(append(kept, "…"), "\n")
}

// back is p and ←: the group before, drawn from its top.
func (s *session) back() {
	if s.cur > 1 {
		s.cur--
	}
}

// scroll is what the keys of a pager do in a group taller than the
// screen: PgDn and PgUp (or b) turn a page, ↓ and ↑ (or j and k) scroll a
// line, Home and End go to the group's start and end. Space turns a page,
// and at the group's end (or in a group that fits) skips to the next group
// to review, as n does; ↓ past the end does too, and ↑ above the start goes
// back a group, as p does: in a group that fits, these keys do what they
// did before there were pages.
func (s *session) scroll(k rune) {
	f := s.shown
	if f == nil {
		w, h := s.size()
		g := s.frame(w, h, 0)
		f = &g
	}
	switch k {
	case ' ':
		if !f.more() {
			s.advance()
			return
		}
		s.top = f.top + f.page
	case keyPageDown:
		if f.more() {
			s.top = f.top + f.page
		}
	case keyDown, 'j':
		if !f.more() {
			s.advance()
			return
		}
		s.top = f.top + 1
	case keyPageUp, 'b':
		s.top = f.prev
	case keyUp, 'k':
		if f.top == 0 {
			s.back()
			return
		}
		s.top = f.top - 1
	case keyHome:
		s.top = 0
	case keyEnd:
		s.top = f.last
	}
}

// helpFrame is the help on a terminal w×h (h 0: unknown, the whole help),
// from line top: the help taller than the screen is drawn a page at a
// time, with the line that says which lines and the keys that turn the
// pages under it.
func (s *session) helpFrame(w, h, top int) frame {
	text := wrapText(s.env.T("review.help", map[string]any{"ID": s.d.ID, "Group": s.cur}), w)
	lines := strings.Split(text, "\n")
	anyKey := wrapText(s.env.T("review.any-key", nil), w)
	if h <= 0 || rows(text+"\n\n"+anyKey, w)+1 <= h {
		return frame{text: clearScreen + text + "\n\n" + anyKey + "\n", page: len(lines), total: len(lines), body: lines}
	}
	keys := wrapText(s.env.T("review.help-keys", nil), w)
	n := len(lines)
	// The line under the page, at its widest, and the keys.
	under := max(height(s.helpLine(w, n-1, n, n), w), 1) + height(keys, w)
	f := pageOf(lines, w, max(h-1-under, 1), top)
	var b strings.Builder
	b.WriteString(clearScreen)
	for _, ln := range lines[f.top : f.top+f.page] {
		b.WriteString(ln + "\n")
	}
	b.WriteString(s.helpLine(w, f.top+1, f.top+f.page, n) + "\n" + keys + "\n")
	f.text, f.body = b.String(), lines
	return f
}

// helpLine says which lines of the help a page shows, as a rule across
// the screen when it fits.
func (s *session) helpLine(w, from, to, total int) string {
	return ruleLine(s.env.T("review.page", map[string]any{"From": from, "To": to, "Count": total}), w)
}
