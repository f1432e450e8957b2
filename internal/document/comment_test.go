package document

import "testing"

// TestCommentOf: the comments of YAML lines tilmash and people write, at
// the start of a line or after a value, and the # signs that are not
// comments (inside a quoted or plain scalar).
func TestCommentOf(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"# header", "# header"},
		{"    # indented", "# indented"},
		{"  - status: confirmed  # ask Aigul", "# ask Aigul"},
		{"      - {at: 0-5, text: Суд}  # checked with the desk", "# checked with the desk"},
		{"      - {at: 0-5, text: 'Item #3 # not a comment'}", ""},
		{"      - {at: 0-5, text: 'It''s #3'} # yes", "# yes"},
		{`    note: "say \"#1\" # no"  # yes`, "# yes"},
		{"    note: issue#5 stays", ""},
		{"    note: rock 'n roll # a comment", "# a comment"},
		{"    title: 'open # quote", ""},
		{"  ru: " + "abc", ""},
		{"no comment here", ""},
	} {
		got, _, ok := commentOf([]byte(c.line))
		if string(got) != c.want || ok != (c.want != "") {
			t.Errorf("commentOf(%q) = %q, %v; want %q", c.line, got, ok, c.want)
		}
	}
}
