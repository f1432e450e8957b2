package xliff

import "testing"

// TestMark: the mark an export writes is read back from a 1.2 extradata
// and a 2.0 tilmash:exported attribute; another tool's extradata, a
// foreign attribute of that name in another namespace and a damaged mark
// are no mark.
func TestMark(t *testing.T) {
	fp := Fingerprint("Сот  іске\n кірісті.")
	if fp != Fingerprint("Сот іске кірісті.") || fp == Fingerprint("Сот іске кірісті") || len(fp) != 16 {
		t.Fatalf("Fingerprint: white space must not count, text must: %s", fp)
	}
	m := Mark{Status: "confirmed", Target: fp}
	tests := []struct {
		name, file string
		want       bool
	}{
		{"1.2 extradata", `<xliff version="1.2"><file><body><trans-unit id="1" extradata="` + m.String() + `"><source>a</source></trans-unit></body></file></xliff>`, true},
		{"1.2 another tool's extradata", `<xliff version="1.2"><file><body><trans-unit id="1" extradata="okapi:123"><source>a</source></trans-unit></body></file></xliff>`, false},
		{"2.0 attribute", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:t="urn:tilmash:xliff" version="2.0"><file id="f"><unit id="1" t:exported="` + m.String() + `"><segment><source>a</source></segment></unit></file></xliff>`, true},
		{"2.0 attribute of another namespace", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:t="urn:other" version="2.0"><file id="f"><unit id="1" t:exported="` + m.String() + `"><segment><source>a</source></segment></unit></file></xliff>`, false},
		{"damaged", `<xliff version="1.2"><file><body><trans-unit id="1" extradata="tilmash:confirmed:xyz"><source>a</source></trans-unit></body></file></xliff>`, false},
	}
	for _, tt := range tests {
		f, err := Read([]byte(tt.file), "f.xlf")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		u := f.Units[0]
		if u.HasMark != tt.want || tt.want && u.Mark != m {
			t.Errorf("%s: mark %+v %v, want %v", tt.name, u.Mark, u.HasMark, tt.want)
		}
	}
}
