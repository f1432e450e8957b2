package check_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// streamTMXCases are TMX files Suite.TMX must check exactly as the
// whole-file reading (ReadTMX, Suite.Memory) does: findings, positions,
// source language, counts, skipped tags, and errors at the same places.
var streamTMXCases = []string{
	omegaTMX,
	// No srclang: the source is the suite's when a unit has it...
	"<tmx><header/><body>\n<tu><tuv xml:lang=\"kk\"><seg>Токаев 95 адам.</seg></tuv></tu>\n" +
		"<tu><tuv xml:lang=\"kk\"><seg>Тоқаев 59 адам.</seg></tuv><tuv xml:lang=\"en\"><seg>Tokayev met 95 people in Almaty.</seg></tuv></tu></body></tmx>",
	// ... and the file's first language when none has it.
	"<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>Токаев встретил 95 человек.</seg></tuv><tuv xml:lang=\"kk\"><seg>Тоқаев 59 адаммен кездесті.</seg></tuv></tu></body></tmx>",
	"<tmx><header srclang=\"en\"/><body></body></tmx>",
	"<tmx><header srclang=\"ru\"/><body></body></tmx>",
	"<tmx><body><tu>\n  <tuv xml:lang=\"*all*\"><seg>x</seg></tuv></tu></body></tmx>",
	"<tmx><body><tu><tuv xml:lang=\"en-US\"><seg>x</seg></tuv>\n<tuv xml:lang=\"en-GB\"><seg>y</seg></tuv></tu></body></tmx>",
	"<tmx><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Almaty</seg></tuv><tuv xml:lang=\"kk\"><seg>Алматы</seg></tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>\xff</seg></tuv></tu></body></tmx>",
	"<tmx>\n<body>\n  <tu><tuv xml:lang=\"en\"><seg>x</tuv>\n",
	"", "Tokayev\tТокаев\n",
	"<?xml version=\"1.0\" encoding=\"x-klingon\"?><tmx/>",
	"<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><tmx><body><tu><tuv xml:lang=\"en\"><seg>&b;</seg></tuv></tu></body></tmx>",
	"<tmx><body><tu><tuv xml:lang=\"en\"><seg>" + strings.Repeat("<hi>", 1100) + "x",
}

func TestSuiteTMXLikeMemory(t *testing.T) {
	c := testChecker(t)
	inputs := append([]string(nil), streamTMXCases...)
	inputs = append(inputs, string(utf16LE(omegaTMX)))
	for _, in := range inputs {
		sameTMXReport(t, c, []byte(in))
	}
}

func sameTMXReport(t *testing.T, c *check.Checker, data []byte) {
	t.Helper()
	cfg := check.Config{Checks: []string{"terms", "numbers", "untranslated", "consistency", "typography", "endings"}}
	whole := check.NewSuite(c, "en", wsLangs, cfg)
	var want *check.Report
	m, werr := check.ReadTMX("f.tmx", data, wsLangs)
	if werr == nil {
		want = whole.Memory(0, m)
		want.Findings = append(want.Findings, whole.Consistency()...)
	}
	stream := check.NewSuite(c, "en", wsLangs, cfg)
	got, gerr := stream.TMX(0, "f.tmx", bytes.NewReader(data), wsLangs)
	if gerr == nil {
		got.Findings = append(got.Findings, stream.Consistency()...)
	}
	var wie, gie *check.InputError
	switch {
	case werr == nil && gerr == nil:
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: streamed %+v\nwhole %+v", data, got, want)
		}
	case errors.As(werr, &wie) && errors.As(gerr, &gie):
		// The whole file is checked for UTF-8, then parsed, then its
		// units are read; the stream reports the first problem in the
		// file, which may come before the one the whole reading names
		// (malformed XML before a bad byte, a bad language before the
		// file breaks off).
		before := gie.Line < wie.Line || gie.Line == wie.Line && gie.Column < wie.Column
		if !reflect.DeepEqual(*wie, *gie) && !before && !(wie.Code == check.CodeBadUTF8 && gie.Line == wie.Line && gie.Column == wie.Column) {
			t.Errorf("%.60q: streamed error %+v, whole %+v", data, *gie, *wie)
		}
	case werr != nil && gerr == nil:
		// The stream stops at </tmx>: what follows it is not read.
		if !errors.As(werr, &wie) || wie.Code != check.CodeBadUTF8 {
			t.Errorf("%.60q: streamed without error, whole: %v", data, werr)
		}
	default:
		t.Errorf("%.60q: streamed %v, whole %v", data, gerr, werr)
	}
}

// FuzzSuiteTMX: whatever the bytes, the streamed check reports what the
// whole-file check reports.
func FuzzSuiteTMX(f *testing.F) {
	for _, s := range streamTMXCases {
		f.Add([]byte(s))
	}
	c := testChecker(f)
	f.Fuzz(func(t *testing.T, data []byte) { sameTMXReport(t, c, data) })
}
