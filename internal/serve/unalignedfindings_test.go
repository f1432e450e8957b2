package serve_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestWorkspaceFindingsNotAligned: a document not aligned yet has the
// findings tilmash status counts on its texts alone ("2 warnings"), and
// the workspace page says the same count; it showed "—", as if nothing
// had been checked.
func TestWorkspaceFindingsNotAligned(t *testing.T) {
	f := newFixture(t, serve.Options{})
	texts := map[string]string{
		"en": "The court reviewed 158 cases on 5 August 2019.  It ordered a review ..\n",
		"ru": "Суд рассмотрел 158 дел 5 августа 2019 года.  Он распорядился ,о пересмотре..\n",
	}
	for _, l := range []string{"en", "ru"} {
		if _, err := document.Import(f.ws, "draft", l, []byte(texts[l]), l+".txt", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := serve.NewTestApp("test").DocumentStatus(f.ws, "draft")
	if err != nil {
		t.Fatal(err)
	}
	if st.Alignment != nil || st.Warnings == nil || *st.Warnings == 0 {
		t.Fatalf("the fixture should be unaligned with warnings: %+v", st)
	}
	want := fmt.Sprintf("%d warnings", *st.Warnings)
	if *st.Errors > 0 {
		want = fmt.Sprintf("%d errors, %s", *st.Errors, want)
	}
	row := regexp.MustCompile(`(?s)<tr[^>]*>\s*<th scope="row">draft</th>.*?</tr>`)
	c := f.client()
	for _, load := range []string{"first", "again"} {
		_, body := c.get("/")
		got := row.FindString(body)
		if got == "" {
			t.Fatalf("%s: no row for draft:\n%s", load, body)
		}
		if cell := text(got); !strings.Contains(cell, want) || strings.Contains(cell, "—") {
			t.Errorf("%s: the row of draft says %q, status says %q", load, cell, want)
		}
	}
	// A new server takes the count status kept (app.KeptStatuses).
	a := serve.NewTestApp("test")
	if _, err := a.Status(f.ws, nil, nil); err != nil {
		t.Fatal(err)
	}
	_, body := fixtureOn(t, a, f.ws).client().get("/")
	if cell := text(row.FindString(body)); !strings.Contains(cell, want) || strings.Contains(cell, "—") {
		t.Errorf("from status's cache: the row of draft says %q, status says %q", cell, want)
	}
	// The document page says it is not aligned yet, and now the same
	// count, with where to see the findings.
	for lang, say := range map[string]string{
		"en": "Its texts alone already have findings: " + want + ", as tilmash status counts them; tilmash check draft lists them.",
		"ru": "В его текстах уже есть замечания:",
		"kk": "Мәтіндерінің өзінде кемшіліктер бар:",
	} {
		c.get("/?lang=" + lang)
		res, body := c.get("/doc/draft")
		if got := text(body); res.StatusCode != 409 || !strings.Contains(got, say) || !strings.Contains(got, "tilmash align draft") {
			t.Errorf("%s: the page of draft, not aligned (%d):\n%s", lang, res.StatusCode, got)
		}
	}
}
