package document

// The stored text marks a heading the Markdown way: a line opening with
// one to six "#" and a blank ("## Title" is a heading of level 2). The
// marks belong to the layout, not to the sentence: no export, CAT tool or
// reader sees them as text. Heading is the one place that reads them;
// everything that shows or writes a sentence goes through it.

// Heading returns the level (1–6) of the heading marks s opens with and
// the length in bytes of the marks with the blanks (spaces, tabs) after
// them: "## Title" gives 2, 3. s that does not open with them, or holds
// nothing after them, gives 0, 0.
func Heading(s string) (level, marks int) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0, 0
	}
	k := n
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if k == n || k == len(s) {
		return 0, 0
	}
	return n, k
}

// StripHeading returns s without the heading marks it opens with
// ("## Title" → "Title").
func StripHeading(s string) string {
	_, k := Heading(s)
	return s[k:]
}
