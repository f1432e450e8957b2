package document

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// FuzzParseMeta: any meta.yaml (a merge or a hand edit can leave
// anything) is read or refused with a located error naming the file,
// never a panic; a read one has a version for each language it lists.
func FuzzParseMeta(f *testing.F) {
	for _, s := range []string{
		"id: story\nversions:\n  en:\n    title: Zarechnoye\n    imported: 2026-12-06T10:00:00Z\n    sha256: ab\n    bytes: 12\n  kk:\n    bytes: 3\n",
		"versions:\n  en:\n",
		"versions: [1, 2]\n",
		"versions:\n  en: {imported: not a time}\n",
		"id: x\n<<<<<<< ours\n",
		"versions: &a {en: *a}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		d := &Document{ID: "story"}
		err := d.parseMeta([]byte(data))
		if err == nil {
			if d.Meta.ID != "story" {
				t.Fatalf("id %q", d.Meta.ID)
			}
			for l, v := range d.Meta.Versions {
				if v == nil {
					t.Fatalf("version %q read as nil", l)
				}
			}
			return
		}
		var le *locale.Error
		var lim *yamlx.LimitError
		switch {
		case errors.As(err, &lim):
			if lim.File != "documents/story/meta.yaml" || lim.Line < 1 {
				t.Fatalf("%v: not located", err)
			}
		case errors.As(err, &le):
			if le.Pos == nil || le.Pos.File != "documents/story/meta.yaml" || le.Pos.Line < 1 {
				t.Fatalf("%v: not located", err)
			}
		default:
			t.Fatalf("%T %v: not a located error", err, err)
		}
	})
}
