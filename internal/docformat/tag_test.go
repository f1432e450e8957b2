package docformat

import (
	"slices"
	"testing"
)

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

// TestHTMLElements: the inline elements OmegaT makes tags of but tilmash
// has no formatting for (<span>, <sup>, <sub>, <u>, an <a> without a
// link) are recorded as element spans naming the element, each its own
// even next to another; spans over the same text keep the order of their
// elements; an element outside the list (<label> is dropped, <wbr> holds
// no text) records nothing.
func TestHTMLElements(t *testing.T) {
	d, err := ReadHTML("t.html", []byte(`<article><p>A <span class="x">s</span><span>t</span> 10<sup>4</sup> H<sub>2</sub> <u>u</u> <a name="m">m</a> <a href="#top">top</a> <a href="javascript:x()">js</a> <a href="/l"><b>lb</b></a> <b><a href="/l">bl</a></b> <blink>k</blink> <font color="red"><i>f</i></font>.</p></article>`))
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, s := range d.Spans {
		got = append(got, [3]string{s.Text, s.Kind, s.Tag})
	}
	want := [][3]string{
		{"s", Element, "span"}, {"t", Element, "span"}, {"4", Element, "sup"}, {"2", Element, "sub"}, {"u", Element, "u"},
		{"m", Element, "a"}, {"top", Element, "a"}, {"js", Element, "a"},
		{"lb", Link, ""}, {"lb", Bold, "b"}, {"bl", Bold, "b"}, {"bl", Link, ""},
		{"f", Element, "font"}, {"f", Italic, "i"},
	}
	if len(got) != len(want) {
		t.Fatalf("spans %q,\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// TestHTMLElementSpace: an element that holds the space beside its words
// (<b>left </b>the, Crews<i> worked</i>) records it in Span.Space, the
// span itself without it; a space outside the element records nothing,
// nor does one inside it next to one outside (collapsed into the one
// outside: "A <b> two</b>" is stored "A two").
func TestHTMLElementSpace(t *testing.T) {
	d, err := ReadHTML("t.html", []byte(`<article><p>Officers <b>left </b>the <a href="/g">scene </a>quietly. Crews<i> worked</i> on. A <b>plain</b> one,<span> both </span>x, <b> two</b> and <u>last </u></p></article>`))
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, s := range d.Spans {
		got = append(got, [2]string{s.Text, s.Space})
	}
	want := [][2]string{{"left", SpaceEnd}, {"scene", SpaceEnd}, {"worked", SpaceStart}, {"plain", ""}, {"both", SpaceBoth}, {"two", ""}, {"last", SpaceEnd}}
	if len(got) != len(want) {
		t.Fatalf("spans %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// TestHTMLTouchingElements: two elements of the same formatting next to
// each other (<b>Update</b><b>:</b>) are two tags to a CAT tool and stay
// two spans; a DOCX's runs of the same formatting are one span.
func TestHTMLTouchingElements(t *testing.T) {
	d, err := ReadHTML("t.html", []byte(`<article><p><b>Update</b><b>:</b> roads <b>re<b>opened</b></b>.</p></article>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Spans {
		got = append(got, s.Text)
	}
	if want := []string{"Update", ":", "reopened"}; !slices.Equal(got, want) {
		t.Errorf("spans %q, want %q", got, want)
	}
	if spans := Tidy("ab", []Span{{Start: 0, End: 1, Kind: Bold}, {Start: 1, End: 2, Kind: Bold}}); len(spans) != 1 {
		t.Errorf("Tidy left touching runs apart: %+v", spans)
	}
}
