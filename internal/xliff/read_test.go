package xliff

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// omegat12 is a tilmash XLIFF 1.2 export as CAT tools hand it back: Okapi
// segmentation (<seg-source> with <mrk mtype="seg">), an <alt-trans> from
// a memory, inline codes made of the text (<g>, <x/>, <ph>), a target
// language in another case, notes from the tool, a group.
const omegat12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="zarechnoye-videos" source-language="EN" target-language="kk-KZ" datatype="plaintext">
    <header><note from="tilmash">forced past 1 flagged group</note></header>
    <body>
      <group id="g1">
      <trans-unit id="1" approved="yes">
        <source>Five days later.</source>
        <seg-source><mrk mtype="seg" mid="0">Five days later.</mrk></seg-source>
        <target state="translated"><mrk mtype="seg" mid="0">Бес күннен</mrk> <mrk mtype="seg" mid="1">кейін.</mrk></target>
        <alt-trans match-quality="80"><source>Five days.</source><target>Бес күн.</target><note>from memory</note></alt-trans>
        <note from="tilmash">old note</note>
        <note from="translator">  checked  </note>
      </trans-unit>
      </group>
      <trans-unit id="2">
        <source>A &lt;b&gt;bold&lt;/b&gt; claim.</source>
        <target state="signed-off">A <ph id="1">&lt;b&gt;</ph><g id="2">батыл</g><ph id="3">&lt;/b&gt;</ph><x id="4"/> сөз.</target>
      </trans-unit>
      <trans-unit id="3" approved="no">
        <source>Gone.</source>
        <target state="signed-off"></target>
      </trans-unit>
      <trans-unit id="4"><source>No target.</source></trans-unit>
    </body>
  </file>
</xliff>
`

// segmented20 is an XLIFF 2.0 unit split into two segments with an
// ignorable between them, codes with original data, and states.
const segmented20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="kk">
  <file id="zarechnoye-videos" original="documents/zarechnoye-videos">
    <notes><note id="forced" category="tilmash">forced</note></notes>
    <unit id="7">
      <notes><note category="tilmash">check the quote</note></notes>
      <originalData><data id="d1">&lt;i&gt;</data><data id="d2">&lt;/i&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>
      <segment id="7a" state="final"><source>One <pc id="1" dataRefStart="d1" dataRefEnd="d2">two</pc>.</source><target>Бір <pc id="1" dataRefStart="d1" dataRefEnd="d2">екі</pc>.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="7b" state="reviewed"><source>Three<ph id="2" dataRef="d3"/>.</source><target>Үш<ph id="2" dataRef="d3"/>.</target></segment>
    </unit>
    <group id="g">
      <unit id="8"><segment state="final"><source>A.</source><target>А.</target></segment><segment state="translated"><source>B.</source><target>Б.</target></segment></unit>
      <unit id="9" translate="no"><segment><source></source></segment></unit>
    </group>
  </file>
</xliff>
`

func TestRead12(t *testing.T) {
	f, err := Read([]byte(omegat12), "z.xliff")
	if err != nil {
		t.Fatal(err)
	}
	if f.Version != V12 || f.SourceLang != "EN" || f.TargetLang != "kk-KZ" || strings.Join(f.Originals, ",") != "zarechnoye-videos" {
		t.Fatalf("file %+v", f)
	}
	want := []struct {
		id, source, target string
		hasTarget          bool
		state              State
		notes              string
		line, col          int
	}{
		{"1", "Five days later.", "Бес күннен кейін.", true, Confirmed, "old note|checked", 7, 7},
		{"2", "A <b>bold</b> claim.", "A <b>батыл</b> сөз.", true, Confirmed, "", 16, 7},
		{"3", "Gone.", "", true, Unconfirmed, "", 20, 7},
		{"4", "No target.", "", false, StateNone, "", 24, 7},
	}
	if len(f.Units) != len(want) {
		t.Fatalf("%d units, want %d", len(f.Units), len(want))
	}
	for i, w := range want {
		u := f.Units[i]
		if u.ID != w.id || u.Source != w.source || u.Target != w.target || u.HasTarget != w.hasTarget || u.State != w.state || strings.Join(u.Notes, "|") != w.notes {
			t.Errorf("unit %d = %+v, want %+v", i+1, u, w)
		}
		if u.Pos.Line != w.line || u.Pos.Column != w.col {
			t.Errorf("unit %s at %d:%d, want %d:%d", u.ID, u.Pos.Line, u.Pos.Column, w.line, w.col)
		}
	}
	// The position of a target's content points into the file.
	u := f.Units[2]
	if u.TargetPos.Line != 22 || omegat12[u.TargetPos.Offset:u.TargetPos.Offset+9] != "</target>" {
		t.Errorf("empty target at %+v", u.TargetPos)
	}
	if u := f.Units[3]; u.TargetPos != u.Pos {
		t.Errorf("a unit without a target points at %+v, want the unit %+v", u.TargetPos, u.Pos)
	}
}

// XLIFF 1.1 (Translate Toolkit's po2xliff writes it) and 1.0 have the
// structure of 1.2 that tilmash reads: they are read as 1.2, by the
// version attribute or, without one, the namespace.
func TestRead11(t *testing.T) {
	for _, head := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">`,
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1">`,
		`<xliff version="1.0">`,
	} {
		in := strings.Replace(omegat12, `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`, head, 1)
		f, err := Read([]byte(in), "z.xliff")
		if err != nil {
			t.Errorf("%s: %v", head, err)
			continue
		}
		if f.Version != V12 || f.TargetLang != "kk-KZ" || len(f.Units) != 4 || f.Units[0].Target != "Бес күннен кейін." || f.Units[0].State != Confirmed {
			t.Errorf("%s: read %+v", head, f)
		}
	}
}

// TestReadPOReference: po2xliff numbers units anew and keeps the id
// xliff2po took as the PO location in a po-reference context: that is the
// unit's id. Its PO header unit is no unit. A unit says what its notes are
// only when it has a <note>, even an empty one.
func TestReadPOReference(t *testing.T) {
	in := `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
<file original="a.po" source-language="en-US" datatype="plaintext"><body>
<trans-unit id="2" restype="x-gettext-domain-header"><source>Project-Id-Version: X</source><target>Project-Id-Version: X</target></trans-unit>
<trans-unit id="3" approved="yes"><source>One.</source><target>Бір.</target>
<context-group name="po-reference" purpose="location"><context context-type="sourcefile">1</context></context-group></trans-unit>
<trans-unit id="4"><source>Two.</source><target>Екі.</target><note/>
<context-group name="po-entry" purpose="information"><context context-type="x-po-autocomment">7</context></context-group></trans-unit>
<trans-unit id="5"><source>Three.</source><target>Үш.</target>
<context-group name="po-reference" purpose="location"><context context-type="sourcefile">3</context><context context-type="sourcefile">9</context></context-group></trans-unit>
</body></file></xliff>`
	f, err := Read([]byte(in), "a.xliff")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range f.Units {
		got = append(got, fmt.Sprintf("%s:%s:%v", u.ID, u.Source, u.HasNotes))
	}
	// Two locations name no one unit: the unit keeps its own id.
	if want := "1:One.:false 4:Two.:true 5:Three.:false"; strings.Join(got, " ") != want {
		t.Errorf("units %q, want %q", strings.Join(got, " "), want)
	}
}

func TestRead20(t *testing.T) {
	f, err := Read([]byte(segmented20), "z.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if f.Version != V20 || f.SourceLang != "en" || f.TargetLang != "kk" || strings.Join(f.Originals, ",") != "zarechnoye-videos" {
		t.Fatalf("file %+v", f)
	}
	if len(f.Units) != 3 {
		t.Fatalf("%d units", len(f.Units))
	}
	u := f.Units[0]
	if u.Source != "One <i>two</i>. Three<br/>." || u.Target != "Бір <i>екі</i>. Үш<br/>." || u.State != Confirmed || strings.Join(u.Notes, "|") != "check the quote" {
		t.Errorf("unit 7 = %+v", u)
	}
	if u := f.Units[1]; u.Source != "A.B." || u.Target != "А.Б." || u.State != Unconfirmed || u.StateText != "translated" {
		t.Errorf("unit 8 = %+v", u)
	}
	if u := f.Units[2]; !u.NoTranslate || u.HasTarget {
		t.Errorf("unit 9 = %+v", u)
	}
}

// TestReadUTF16: Trados saves XLIFF in UTF-16 with a byte-order mark.
func TestReadUTF16(t *testing.T) {
	src := strings.Replace(segmented20, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	u := utf16.Encode([]rune(src))
	data := []byte{0xFF, 0xFE}
	for _, c := range u {
		data = append(data, byte(c), byte(c>>8))
	}
	f, err := Read(data, "z.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if f.Units[0].Target != "Бір <i>екі</i>. Үш<br/>." {
		t.Errorf("target %q", f.Units[0].Target)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, code string
		line, col      int
	}{
		{"not xliff", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>", CodeNotXLIFF, 2, 1},
		{"version", "<xliff version=\"3.0\"/>", CodeVersion, 1, 1},
		{"version 1.3", "<xliff version=\"1.3\"/>", CodeVersion, 1, 1},
		{"no file", "<xliff version=\"1.2\">\n</xliff>", CodeNoFile, 2, 9},
		{"truncated", "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"kk\">\n<file id=\"a\">\n<unit id=\"1\"><segment><source>One", "malformed-xml", 3, 34},
		{"mismatched", "<xliff version=\"1.2\"><file>\n<body><trans-unit id=\"1\"><source>x</target>", "malformed-xml", 2, 35},
		{"empty", "", "no-root", 1, 1},
		{"entity", "<!DOCTYPE x [<!ENTITY a \"b\">]><xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&a;</source></trans-unit></body></file></xliff>", "malformed-xml", 1, 91},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.in), "bad.xlf")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *ParseError", err, err)
			}
			if pe.Code != tt.code || pe.Line != tt.line || pe.Column != tt.col || pe.File != "bad.xlf" {
				t.Errorf("got %s at %d:%d (%s), want %s at %d:%d", pe.Code, pe.Line, pe.Column, pe.Reason, tt.code, tt.line, tt.col)
			}
			if !strings.HasPrefix(err.Error(), "bad.xlf:") {
				t.Errorf("message %q does not start with the place", err)
			}
		})
	}
}

// FuzzRead: any input is read or refused with a located error, never a
// panic; what is read has units whose positions lie in the file.
func FuzzRead(f *testing.F) {
	for _, s := range []string{omegat12, segmented20, "<xliff version=\"1.2\"><file><body/></file></xliff>", "<xliff/>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(data, "f.xlf")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v (%T) is not located", err, err)
			}
			return
		}
		for _, u := range file.Units {
			for _, p := range []Position{u.Pos, u.SourcePos, u.TargetPos} {
				if p.Offset < 0 || p.Offset > len(data)*3 || p.Line < 0 {
					t.Fatalf("unit %q position %+v out of the file", u.ID, p)
				}
			}
		}
	})
}
