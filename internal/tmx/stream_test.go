package tmx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// readStream collects what Stream hands over, as Read returns it.
func readStream(r io.Reader, name string) (*TMX, error) {
	m := &TMX{}
	err := Stream(r, name, func(h *Header) error {
		m.Header = *h
		return nil
	}, func(u *Unit) error {
		m.Units = append(m.Units, *u)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// TestStreamLikeRead: Stream reads the files Read reads to the same
// header, units, texts and positions, and fails where Read fails, at the
// same place.
func TestStreamLikeRead(t *testing.T) {
	var inputs [][]byte
	for _, file := range []string{"omegat.tmx", "trados-utf16.tmx"} {
		b, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, buf.Bytes())
	for _, s := range []string{
		"hello", "<?xml version=\"1.0\"?>\n<xliff/>", "<tmx><header/></tmx>",
		"<tmx>\n<body>\n<tu>\n<tuv><seg>x</seg></tuv></tu></body></tmx>",
		"<tmx><body><tu><tuv xml:lang=\"en\"><seg>x", "<tmx>\n<body>\n</tmx>",
		"<tmx><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>",
		`<?xml version="1.0" encoding="klingon"?><tmx/>`,
		"<tmx><body>\n<tu><tuv xml:lang=\"kk\"><seg>Тоқаев \xd0</seg></tuv></tu></body></tmx>",
		"<tmx><body>\n<tu><tuv xml:lang=\"kk\"><seg>Тоқаев\xff</seg></tuv></tu></body></tmx>",
		"<tmx><body><tu><tuv xml:lang=\"en\"><seg>" + strings.Repeat("<hi>", 1200) + "x",
		"<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><tmx><body><tu><tuv xml:lang=\"en\"><seg>&b;</seg></tuv></tu></body></tmx>",
	} {
		inputs = append(inputs, []byte(s))
	}
	// A long memory, so the stream lets text go and reads more many times.
	var long bytes.Buffer
	long.WriteString("<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n")
	for i := range 3000 {
		long.WriteString("<tu tuid=\"" + strings.Repeat("7", i%5+1) + "\">\n <tuv xml:lang=\"en\"><seg>Tokayev &amp; the Akim of Almaty</seg></tuv>\n <tuv xml:lang=\"kk\"><seg>Тоқаев пен Алматы әкімі</seg></tuv></tu>\n")
	}
	long.WriteString("</body></tmx>\n")
	inputs = append(inputs, long.Bytes())
	for _, in := range inputs {
		sameAsRead(t, in)
	}
}

func sameAsRead(t *testing.T, in []byte) {
	t.Helper()
	want, werr := Read(bytes.NewReader(in), "in.tmx")
	// One byte at a time: every character and token split between reads.
	got, gerr := readStream(io.LimitReader(&oneByte{in}, int64(len(in))), "in.tmx")
	var wpe, gpe *ParseError
	switch {
	case werr == nil && gerr == nil:
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: Stream read %+v, Read %+v", in, got, want)
		}
	case werr != nil && gerr != nil && errors.As(werr, &wpe) && errors.As(gerr, &gpe):
		if !reflect.DeepEqual(*wpe, *gpe) {
			t.Errorf("%.60q: Stream fails with %+v, Read with %+v", in, *gpe, *wpe)
		}
	default:
		t.Errorf("%.60q: Stream: %v, Read: %v", in, gerr, werr)
	}
}

type oneByte struct{ b []byte }

func (r *oneByte) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.b[0]
	r.b = r.b[1:]
	return 1, nil
}

// FuzzStream: whatever Read reads, Stream reads the same; whatever Stream
// cannot read, Read cannot either.
func FuzzStream(f *testing.F) {
	for _, file := range []string{"omegat.tmx", "trados-utf16.tmx"} {
		b, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<tmx><body>\n<tu><tuv xml:lang=\"kk\"><seg>Тоқаев \xd0</seg></tuv></tu></body></tmx>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, werr := Read(bytes.NewReader(data), "f.tmx")
		got, gerr := readStream(bytes.NewReader(data), "f.tmx")
		if werr == nil && (gerr != nil || !reflect.DeepEqual(got, want)) {
			t.Fatalf("Read read %+v; Stream: %+v, %v", want, got, gerr)
		}
		if gerr != nil && werr == nil {
			t.Fatalf("Stream fails (%v) where Read reads", gerr)
		}
	})
}
