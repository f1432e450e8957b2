package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

// What the OmegaT test of tm lookup (lookup_omegat_test.go, in package
// export_test: it needs package tm and app, which import export) uses of
// this package's OmegaT harness.

// OmegaTTest starts a test that runs OmegaT (omegatTest).
func OmegaTTest(t *testing.T) { t.Helper(); omegatTest(t) }

// OmegaTMatch is the best match OmegaT offers a segment: its score and
// translation, with OmegaT's tags.
type OmegaTMatch = omegatMatch

func (m OmegaTMatch) Score() int          { return m.score }
func (m OmegaTMatch) Translation() string { return m.translation }

// RunOmegaTMatches runs OmegaT EN→target with Display tags on for the
// external memories, on the files of sources with the TMX files of tm in
// its tm/ folder (matches offered, never filled in), and returns the
// sources of OmegaT's segments of file name, and the best match offered
// each.
func RunOmegaTMatches(t *testing.T, target, name string, sources, tm map[string][]byte) ([]string, map[string]OmegaTMatch) {
	t.Helper()
	run := runOmegaT(t, omegatProject{target: target, sources: sources, match: tm, prefs: omegatLevel2})
	var segs []string
	for _, s := range run.segments {
		if s.file == name {
			segs = append(segs, s.source)
		}
	}
	return segs, run.matches
}

// MarkupMemoryDoc is the document of markupPages (EN, RU), aligned as
// markupGroups but with its first paragraph's two sentences in one group:
// a memory whose units are sentences and a group of two.
func MarkupMemoryDoc(t testing.TB) *document.Document {
	t.Helper()
	groups := slices.Clone(markupGroups)
	river, water := groups[1].sents, groups[2].sents
	groups[1].sents = [3][]string{append(slices.Clone(river[0]), water[0]...), append(slices.Clone(river[1]), water[1]...)}
	groups = slices.Delete(groups, 2, 3)
	pages := map[string]string{"en": markupPages["en"], "ru": markupPages["ru"]}
	d, a := newHTMLDoc(t, "markup", pages, groups)
	for _, g := range a.Groups {
		g.Score = min(g.Score, 1) // saveGroups counts past 1 for more than 10 groups
	}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
	return d
}

// ValidTMX checks a TMX with xmllint against the TMX 1.4 DTD and XSD of
// ../shared/schemas (skipping when xmllint or they are missing).
func ValidTMX(t *testing.T, data []byte) {
	t.Helper()
	lint, dir := xmllint(t), schemas(t)
	tmp := t.TempDir()
	dtd, err := os.ReadFile(filepath.Join(dir, "omegat-tmx14.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "matches.tmx")
	if err := os.WriteFile(filepath.Join(tmp, tmx.DTDName), dtd, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--valid"}, {"--schema", filepath.Join(dir, "omegat-tmx14.xsd")}} {
		args = append(append([]string{"--noout", "--nonet"}, args...), file)
		if out, err := exec.Command(lint, args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint %v: %v\n%s", args, err, out)
		}
	}
}
