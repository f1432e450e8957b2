package docformat

import "testing"

// TestHTMLInlineTags: an inline span read from HTML records the element
// when it is not the one tilmash's page writes for its kind (<b> for bold,
// <i> for italic, <kbd> for code), so that the TMX export can name the tag
// as a CAT tool names it; <strong>, <em>, <code> and links record none.
// Bold from <b> next to bold from <strong> stays two spans.
func TestHTMLInlineTags(t *testing.T) {
	d, err := ReadHTML("t.html", []byte(`<article><p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <cite>c</cite> <kbd>k</kbd> <code>o</code> <a href="/x">a</a> <b>x</b><strong>y</strong></p></article>`))
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, s := range d.Spans {
		got = append(got, [2]string{s.Text, s.Tag})
	}
	want := [][2]string{{"b", "b"}, {"s", ""}, {"i", "i"}, {"e", ""}, {"c", "cite"}, {"k", "kbd"}, {"o", ""}, {"a", ""}, {"x", "b"}, {"y", ""}}
	if len(got) != len(want) {
		t.Fatalf("spans %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d: %q, want %q", i, got[i], want[i])
		}
	}
}
