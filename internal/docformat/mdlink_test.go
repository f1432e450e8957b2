package docformat

import "testing"

// TestMarkdownLinkDestination: a link's address ran to the first ")", so
// a Wikipedia address lost its closing parenthesis and left it in the
// text ("Almaty)"); addresses in <…> with one inside, titles with
// parentheses and escaped parentheses broke the same way. They are read
// as CommonMark reads them.
func TestMarkdownLinkDestination(t *testing.T) {
	for _, tc := range []struct{ in, text, href string }{
		{"See [Almaty](https://en.wikipedia.org/wiki/Almaty_(city)) now.\n", "See Almaty now.\n", "https://en.wikipedia.org/wiki/Almaty_(city)"},
		{"See [Almaty](<https://example.kz/a (b)>) now.\n", "See Almaty now.\n", "https://example.kz/a (b)"},
		{"See [Almaty](https://example.kz/a \"The city (south)\") now.\n", "See Almaty now.\n", "https://example.kz/a"},
		{"See [Almaty](https://example.kz/a_\\(b) now.\n", "See Almaty now.\n", "https://example.kz/a_(b"},
		{"See [Almaty](https://example.kz/a) (the city).\n", "See Almaty (the city).\n", "https://example.kz/a"},
	} {
		d := ReadMarkdown(tc.in)
		if d.Text != tc.text {
			t.Errorf("%q: text %q, want %q", tc.in, d.Text, tc.text)
		}
		href := ""
		for _, s := range d.Spans {
			if s.Kind == Link {
				href = s.Href
			}
		}
		if href != tc.href {
			t.Errorf("%q: link to %q, want %q", tc.in, href, tc.href)
		}
	}
}
