package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// TestTMXSlug: the document import-tmx makes of a file's name when it
// is given no id; standard input and a name with no letter or digit are
// refused as usage, naming the file as the caller calls it.
func TestTMXSlug(t *testing.T) {
	for _, tc := range []struct {
		file, name, want, wantErr string
	}{
		{file: "Aral Sea.tmx", name: "Aral Sea.tmx", want: "aral-sea"},
		{file: "memories/project_save.tmx", name: "memories/project_save.tmx", want: "project-save"},
		{file: "aral.groups.tmx", name: "aral.groups.tmx", want: "aral-groups"},
		{file: "", name: "standard input", wantErr: "cannot make a document id from standard input: give one after the file"},
		{file: "---.tmx", name: "---.tmx", wantErr: "cannot make a document id from ---.tmx: give one after the file"},
	} {
		got, err := TMXSlug(tc.file, tc.name)
		if tc.wantErr != "" {
			var le *locale.Error
			if !errors.As(err, &le) || le.Kind != locale.Usage || le.ID != "import-tmx.need-doc" || err.Error() != tc.wantErr {
				t.Errorf("TMXSlug(%q) = %q, %v; want usage error %q", tc.file, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("TMXSlug(%q) = %q, %v; want %q", tc.file, got, err, tc.want)
		}
	}
}

// TestImportTMXFile: import-tmx on a file's bytes. With no id, a TMX
// named as tilmash names a document's files goes back into the document
// its header names; renamed by hand it makes a document of its name; the
// file's base name is the texts' source; a file that is no TMX is
// refused with where.
func TestImportTMXFile(t *testing.T) {
	ap, ws, d := xliffDoc(t)
	own := groupsTMX(t, d)
	for _, tc := range []struct {
		name    string
		opt     ImportTMXFileOptions
		data    string
		wantID  string
		wantErr string
	}{
		{name: "tilmash's name", opt: ImportTMXFileOptions{File: "out/aral.groups.tmx", Force: true}, wantID: "aral"},
		{name: "renamed by hand", opt: ImportTMXFileOptions{File: "out/Copy of Aral.tmx"}, wantID: "copy-of-aral"},
		{name: "id given", opt: ImportTMXFileOptions{ID: "given", File: "aral.groups.tmx"}, wantID: "given"},
		{name: "standard input, no id", opt: ImportTMXFileOptions{}, wantErr: "import-tmx.need-doc"},
		{name: "no TMX", opt: ImportTMXFileOptions{ID: "bad", File: "bad.tmx"}, data: "<tmx version=\"1.4\"><header", wantErr: "bad.tmx:1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := own
			if tc.data != "" {
				data = []byte(tc.data)
			}
			name := tc.opt.File
			if name == "" {
				name = "standard input"
			}
			f, err := ReadTMXFile(Input{Name: name, Data: data})
			var res *ImportTMXResult
			if err == nil {
				res, err = ap.ImportTMXFile(ws, f, tc.opt)
			}
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error()+errID(err), tc.wantErr) {
					t.Fatalf("error %v, want one with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.ID != tc.wantID || res.Import == nil {
				t.Fatalf("imported %+v, want document %s", res, tc.wantID)
			}
			if !res.Import.Created {
				return // its texts unchanged, their source kept
			}
			src := ""
			if i := strings.LastIndexByte(tc.opt.File, '/'); tc.opt.File != "" {
				src = tc.opt.File[i+1:]
			}
			doc, err := document.Open(ws, res.ID)
			if err != nil {
				t.Fatal(err)
			}
			for l, v := range doc.Meta.Versions {
				if v != nil && v.Source != src {
					t.Errorf("%s source %q, want %q", l, v.Source, src)
				}
			}
		})
	}
}

// errID is the catalogue id of err, if it has one.
func errID(err error) string {
	var le *locale.Error
	if errors.As(err, &le) {
		return " " + le.ID
	}
	return ""
}

// TestImportXLIFFNotXLIFF: import-xliff reads the file in the app, before
// the lock; one that is no XLIFF is refused with its position, and nothing
// is written.
func TestImportXLIFFNotXLIFF(t *testing.T) {
	_, ws, _ := xliffDoc(t)
	before := files(t, ws)
	for _, data := range []string{"", "<xliff version=\"2.0\"><file", "<html/>"} {
		_, err := ReadXLIFFFile(Input{Name: "aral.en-kk.xlf", Data: []byte(data)})
		if err == nil || !strings.Contains(err.Error(), "aral.en-kk.xlf") {
			t.Errorf("%q: error %v, want one naming the file", data, err)
		}
	}
	if after := files(t, ws); len(after) != len(before) {
		t.Errorf("files changed: %d, were %d", len(after), len(before))
	}
}
