package serve_test

import (
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// qaTexts is an article whose translations break the editors' checks, as
// real news does: a number the Russian gets wrong (an error of the
// numbers check) and English quotation marks in Kazakh (typography
// warnings). The workspace has no glossary: none of it is the glossary's.
var qaTexts = map[string]string{
	"en": "Prices rose by 5 percent in 2024.\n\nThe minister said \"we will act\" on Monday.\n\nThe talks resume in May.\n",
	"ru": "Цены выросли на 7 процентов в 2024 году.\n\nМинистр сказал «мы будем действовать» в понедельник.\n\nПереговоры продолжатся в мае.\n",
	"kk": "Бағалар 2024 жылы 5 пайызға өсті.\n\nМинистр дүйсенбі күні “әрекет етеміз” деді.\n\nКеліссөздер мамыр айында жалғасады.\n",
}

// qaWorkspace imports and aligns qaTexts as document "prices", the way
// tilmash import and align do, in a workspace without spelling (see
// withoutSpelling).
func qaWorkspace(t *testing.T) (*app.App, *workspace.Workspace) {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws = withoutSpelling(t, ws)
	a := serve.NewTestApp("test")
	for _, l := range []string{"en", "ru", "kk"} {
		if _, err := a.Import(ws, "prices", l, []byte(qaTexts[l]), l+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "prices"); err != nil {
		t.Fatal(err)
	}
	return a, ws
}

// TestFindingsOfEveryCheck: the workbench shows the findings tilmash
// status counts, the editors' checks (numbers, typography) as well as the
// glossary's, with the same counts: on the workspace page, on the
// findings page and in findings.json, in the language of the interface.
func TestFindingsOfEveryCheck(t *testing.T) {
	a, ws := qaWorkspace(t)
	rep, err := a.Status(ws, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := rep.Documents[0]
	if st.Errors == nil || *st.Errors == 0 || *st.Warnings == 0 {
		t.Fatalf("the sample should have errors and warnings for status: %+v", st)
	}
	errs, warns := *st.Errors, *st.Warnings
	c := fixtureOn(t, a, ws).client()

	for _, lang := range []string{"en", "ru", "kk"} {
		t.Run(lang, func(t *testing.T) {
			loc, err := locale.New(lang)
			if err != nil {
				t.Fatal(err)
			}
			counts := loc.N("check.errors", errs, nil) + ", " + loc.N("check.warnings", warns, nil)

			_, wsPage := c.get("/?lang=" + lang)
			if !strings.Contains(wsPage, `<a href="/doc/prices/findings">`+counts+`</a>`) {
				t.Errorf("the workspace page lacks the counts %q:\n%s", counts, wsPage)
			}

			_, page := c.get("/doc/prices/findings?lang=" + lang)
			if !strings.Contains(page, counts) {
				t.Errorf("the findings page lacks the counts %q:\n%s", counts, page)
			}
			if n := strings.Count(page, `data-check="`); n != errs+warns {
				t.Errorf("the findings page lists %d findings, want %d", n, errs+warns)
			}
			for _, k := range []string{"check.kind.numbers", "check.kind.typography", "check.severity.error", "check.severity.warning"} {
				if w := ">" + loc.Text(k, nil) + "<"; !strings.Contains(page, w) {
					t.Errorf("the findings page lacks %s (%q)", k, w)
				}
			}
			res, body := c.get("/doc/prices/findings.json?lang=" + lang)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
				t.Fatalf("findings.json: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
			}
			var got struct {
				Document         string
				Checked          bool
				Errors, Warnings int
				Findings         []struct {
					Group                          int
					Lang, Check, Severity, Message string
				}
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("%v\n%s", err, body)
			}
			if got.Document != "prices" || !got.Checked || got.Errors != errs || got.Warnings != warns || len(got.Findings) != errs+warns {
				t.Fatalf("findings.json says %s checked=%v %d errors, %d warnings, %d findings; status says %d errors, %d warnings\n%s",
					got.Document, got.Checked, got.Errors, got.Warnings, len(got.Findings), errs, warns, body)
			}
			checks := map[string]bool{}
			for _, fd := range got.Findings {
				checks[fd.Check] = true
				if fd.Group < 1 || fd.Lang == "" || fd.Message == "" || strings.HasPrefix(fd.Message, "qa.") || strings.HasPrefix(fd.Message, "glossary.") {
					t.Errorf("finding without group, language or message: %+v", fd)
				}
				want := map[string]string{"numbers": "error", "typography": "warning"}[fd.Check]
				if want != "" && fd.Severity != want {
					t.Errorf("%s finding of severity %s, want %s", fd.Check, fd.Severity, want)
				}
			}
			if !checks["numbers"] || !checks["typography"] {
				t.Errorf("findings.json lacks the numbers or typography findings: %v", checks)
			}

			for _, fd := range got.Findings {
				if !strings.Contains(page, `href="/doc/prices#g`+strconv.Itoa(fd.Group)+`"`) {
					t.Errorf("the findings page does not link group %d", fd.Group)
				}
			}

		})
	}
}

// TestDocumentPageMarksEveryCheck: the document page marks each group
// with the findings of every check status counts, not only the
// glossary's: a group with a numbers error is marked as an error, one with
// only typography warnings as a warning, each finding's message on its
// group in the language of the interface, and a group without findings is
// not marked.
func TestDocumentPageMarksEveryCheck(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	for _, lang := range []string{"en", "ru", "kk"} {
		t.Run(lang, func(t *testing.T) {
			loc, err := locale.New(lang)
			if err != nil {
				t.Fatal(err)
			}
			_, body := c.get("/doc/prices/findings.json?lang=" + lang)
			var got struct {
				Findings []struct {
					Group                          int
					Lang, Check, Severity, Message string
				}
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("%v\n%s", err, body)
			}
			type groupWant struct {
				severity string
				checks   map[string]int
				messages []string
			}
			want := map[int]*groupWant{}
			for _, fd := range got.Findings {
				g := want[fd.Group]
				if g == nil {
					g = &groupWant{checks: map[string]int{}}
					want[fd.Group] = g
				}
				if g.severity != "error" {
					g.severity = fd.Severity
				}
				g.checks[fd.Check+" "+fd.Severity]++
				g.messages = append(g.messages, fd.Message)
			}
			if want[1] == nil || want[1].severity != "error" || want[1].checks["numbers error"] == 0 {
				t.Fatalf("the sample's group 1 should have a numbers error: %+v", got.Findings)
			}
			if want[2] == nil || want[2].severity != "warning" || want[3] != nil {
				t.Fatalf("the sample's group 2 should have warnings only and group 3 none: %+v", got.Findings)
			}

			_, page := c.get("/doc/prices?lang=" + lang)
			rows := groupRows(t, page)
			if len(rows) != 3 {
				t.Fatalf("the page has %d groups, want 3:\n%s", len(rows), page)
			}
			for n := 1; n <= 3; n++ {
				row, w := rows[n], want[n]
				mark := ""
				if w != nil {
					mark = " has-" + w.severity
				}
				if !strings.Contains(row, `class="group `) || strings.Contains(row, "has-") != (w != nil) ||
					(w != nil && !strings.Contains(row, mark+`"`)) {
					t.Errorf("group %d is not marked%q:\n%s", n, mark, row)
				}
				if w == nil {
					if strings.Contains(row, `class="finding`) {
						t.Errorf("group %d, without findings, lists one:\n%s", n, row)
					}
					continue
				}
				for k, count := range w.checks {
					check, sev, _ := strings.Cut(k, " ")
					if got := strings.Count(row, `<div class="finding `+sev+`" data-check="`+check+`"`); got != count {
						t.Errorf("group %d lists %d %s findings of %s, want %d:\n%s", n, got, sev, check, count, row)
					}
				}
				for _, m := range w.messages {
					if !strings.Contains(row, template.HTMLEscapeString(m)) {
						t.Errorf("group %d lacks the message %q:\n%s", n, m, row)
					}
				}
				if lv := `<span class="level">` + loc.Text("check.severity."+w.severity, nil) + `</span>`; !strings.Contains(row, lv) {
					t.Errorf("group %d lacks %s", n, lv)
				}
			}
			if l := template.HTMLEscapeString(loc.Text("serve.legend.check", nil)); !strings.Contains(page, l) {
				t.Errorf("the legend lacks %q", l)
			}
		})
	}
}

// TestDocumentPageMarksAfterEdit: the document page keeps the findings of
// a document for its next pages, but an edit is checked again: the number
// put right in the Russian text takes group 1's error away, on the
// document page and on the findings page.
func TestDocumentPageMarksAfterEdit(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/prices")
	if row := groupRows(t, page)[1]; !strings.Contains(row, ` has-error"`) {
		t.Fatalf("group 1 is not marked with its numbers error:\n%s", row)
	}
	_, again := c.get("/doc/prices")
	if groupRows(t, again)[1] != groupRows(t, page)[1] {
		t.Errorf("group 1 changed without an edit:\n%s\n%s", groupRows(t, page)[1], groupRows(t, again)[1])
	}
	csrf, version := formKeys(t, page)
	res, body := c.post("prices", csrf, version, "op", "edit", "group", "1", "lang", "ru", "sentence", "1", "text", "Цены выросли на 5 процентов в 2024 году.")
	if res.StatusCode != 303 {
		t.Fatalf("the edit: status %d\n%s", res.StatusCode, body)
	}
	_, page = c.get("/doc/prices")
	if row := groupRows(t, page)[1]; strings.Contains(row, "has-") || strings.Contains(row, `class="finding`) {
		t.Errorf("group 1 is still marked after its number was put right:\n%s", row)
	}
	if row := groupRows(t, page)[2]; !strings.Contains(row, ` has-warning"`) {
		t.Errorf("group 2 lost its typography warning:\n%s", row)
	}
	if _, fpage := c.get("/doc/prices/findings"); strings.Contains(fpage, `data-check="numbers"`) {
		t.Errorf("the findings page still lists the numbers error:\n%s", fpage)
	}
}

// TestDocumentPageGlossaryFinding: a glossary finding is marked on its
// group like the other checks' findings, named by its kind as tilmash check
// names it, and the glossary's marks in the text stay.
func TestDocumentPageGlossaryFinding(t *testing.T) {
	a, ws := qaWorkspace(t)
	// The Kazakh text says Министр, the glossary wants уәзір: a missing
	// term in group 2, which has only typography warnings without it.
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	loc, err := locale.New("kk")
	if err != nil {
		t.Fatal(err)
	}
	_, page := c.get("/doc/prices?lang=kk")
	row := groupRows(t, page)[2]
	if !strings.Contains(row, ` has-error"`) || !strings.Contains(row, `<div class="finding error" data-check="terms" title="`+loc.Text("check.kind.missing", nil)+` · `) {
		t.Errorf("group 2 does not show its missing term as an error of kind %q:\n%s", loc.Text("check.kind.missing", nil), row)
	}
	if strings.Contains(page, "check.kind.") {
		t.Errorf("the page names a kind by its catalogue id:\n%s", page)
	}
	if !strings.Contains(row, `<mark class="term"`) {
		t.Errorf("group 2 lost the glossary's marks in its text:\n%s", row)
	}
	_, fpage := c.get("/doc/prices/findings?lang=kk")
	if strings.Contains(fpage, "check.kind.") {
		t.Errorf("the findings page names a kind by its catalogue id:\n%s", fpage)
	}
}

// TestDocumentPageMarksFindingSpans: a finding of the editors' checks
// that points at words of a translation is marked inside the sentence, its
// message, in the language of the interface, as the mark's title: the
// wrong number in the Russian text, the quotation mark in the Kazakh. Both
// are escaped, and a finding about the source text (a number the
// translation lacks) is listed under its group but marks nothing.
func TestDocumentPageMarksFindingSpans(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	for _, lang := range []string{"en", "ru", "kk"} {
		_, body := c.get("/doc/prices/findings.json?lang=" + lang)
		var got struct {
			Findings []struct {
				Group               int
				Lang, Text, Message string
			}
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("%v\n%s", err, body)
		}
		_, page := c.get("/doc/prices?lang=" + lang)
		rows := groupRows(t, page)
		want := map[string]bool{"1 ru 7": false, "2 kk “": false}
		for _, f := range got.Findings {
			key := strconv.Itoa(f.Group) + " " + f.Lang + " " + f.Text
			if _, ok := want[key]; !ok {
				continue
			}
			want[key] = true
			mark := `<mark class="finding" title="` + template.HTMLEscapeString(f.Message) + `">` + template.HTMLEscapeString(f.Text) + `</mark>`
			if cell := langCell(rows[f.Group], f.Lang); !strings.Contains(cell, mark) {
				t.Errorf("%s: group %d's %s text lacks %s:\n%s", lang, f.Group, f.Lang, mark, cell)
			}
		}
		for k, seen := range want {
			if !seen {
				t.Errorf("%s: the sample has no finding %q: %+v", lang, k, got.Findings)
			}
		}
	}

	// Straight quotation marks and markup in the Russian text of group 2,
	// no number in that of group 1.
	_, page := c.get("/doc/prices")
	csrf, version := formKeys(t, page)
	for _, edit := range [][]string{
		{"group", "2", "text", `Министр сказал "мы <b>будем</b> действовать" в понедельник.`},
		{"group", "1", "text", "Цены выросли в 2024 году."},
	} {
		res, body := c.post("prices", csrf, version, append([]string{"op", "edit", "lang", "ru", "sentence", "1"}, edit...)...)
		if res.StatusCode != 303 {
			t.Fatalf("the edit: status %d\n%s", res.StatusCode, body)
		}
		_, page = c.follow(res)
		csrf, version = formKeys(t, page)
	}
	rows := groupRows(t, page)
	ru := langCell(rows[2], "ru")
	if strings.Contains(ru, "<b>") || !strings.Contains(ru, "&lt;b&gt;") || !strings.Contains(ru, `<mark class="finding" title="`) ||
		!strings.Contains(ru, `">&#34;</mark>мы`) {
		t.Errorf("group 2's Russian text does not mark its straight quotation marks, escaped:\n%s", ru)
	}
	if !strings.Contains(rows[1], `data-check="numbers"`) {
		t.Errorf("group 1 does not list the number its Russian text lacks:\n%s", rows[1])
	}
	for _, l := range []string{"en", "ru", "kk"} {
		if cell := langCell(rows[1], l); strings.Contains(cell, `<mark class="finding"`) {
			t.Errorf("group 1's %s text marks the number the Russian lacks:\n%s", l, cell)
		}
	}
}

// langCell is the cell of a group's row with its text in lang.
func langCell(row, lang string) string {
	_, cell, _ := strings.Cut(row, `<td lang="`+lang+`">`)
	cell, _, _ = strings.Cut(cell, "</td>")
	return cell
}

// groupRows cuts a document page into its groups' rows, by number.
func groupRows(t *testing.T, page string) map[int]string {
	t.Helper()
	rows := map[int]string{}
	parts := strings.Split(page, `<tr id="g`)
	for _, p := range parts[1:] {
		num, _, _ := strings.Cut(p, `"`)
		n, err := strconv.Atoi(num)
		if err != nil {
			t.Fatalf("a row without a number: %.80s", p)
		}
		row, _, _ := strings.Cut(p, "</tr>")
		rows[n] = row
	}
	return rows
}

// TestBrowserFindings: in a browser, the findings link of the workspace
// page leads to every finding of the checks, and a finding's group link to
// its group.
func TestBrowserFindings(t *testing.T) {
	ctx, ts := qaBrowserFixture(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/?lang=ru"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/doc/prices/findings"]`)),
		click(`a[href="/doc/prices/findings"]`),
		waitTrue(`!!document.querySelector("table.checks tr.error")`, "the findings page never listed the numbers error"),
	); err != nil {
		t.Fatal(err)
	}
	rows := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("table.checks tbody tr")).map(r => r.dataset.check + " " + r.querySelector("td.severity").textContent)`))
	if !slices.Contains(rows, "numbers ошибка") || !slices.Contains(rows, "typography предупреждение") {
		t.Fatalf("the findings page lists %q, want the numbers error and the typography warning in Russian", rows)
	}
	href := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("table.checks tr.error a").getAttribute("href")`))
	if err := chromedp.Do(ctx,
		click(`table.checks tr.error a`),
		// readyState "complete": the page's stylesheet has loaded too. The
		// DOM is there before it, and a computed colour read then is the
		// browser's own (a yellow mark), which failed this test now and then.
		waitTrue(`location.pathname === "/doc/prices" && !!document.querySelector(location.hash) && document.readyState === "complete"`, "the group link did not lead to the group"),
	); err != nil {
		t.Fatal(err)
	}
	if hash := run(t, ctx, chromedp.Evaluate[string](`location.hash`)); !strings.HasSuffix(href, hash) {
		t.Errorf("the link %s led to %s", href, hash)
	}
	// The wrong number is marked inside the Russian sentence, its message,
	// in Russian, on the mark.
	inText := run(t, ctx, chromedp.Evaluate[[]string](`(() => { const m = document.querySelector(location.hash + " td[lang=ru] mark.finding");
		return m ? [m.textContent, m.title, getComputedStyle(m).backgroundColor] : [] })()`))
	if len(inText) != 3 || inText[0] != "7" || !strings.Contains(inText[1], "стало «7»") || inText[2] != "rgb(255, 224, 224)" {
		t.Errorf("the wrong number is marked in the Russian text as %q, want 7 on a red ground with the message in Russian", inText)
	}
	// The group the error's link leads to is marked with it, in Russian.
	mark := run(t, ctx, chromedp.Evaluate[[]string](`(() => { const g = document.querySelector(location.hash), f = g.querySelector("div.finding.error[data-check=numbers]");
		return [g.className, f ? f.querySelector(".level").textContent : "", getComputedStyle(g.querySelector("th.num")).borderLeftColor] })()`))
	if !strings.Contains(" "+mark[0]+" ", " has-error ") || mark[1] != "ошибка" || mark[2] != "rgb(187, 0, 0)" {
		t.Errorf("the group of the numbers error is marked %q, want class has-error, the severity ошибка and a red border", mark)
	}
}

// TestConfirmTellsOfEveryFinding: confirming a group whose Russian has the
// wrong number (a numbers error, no glossary finding) warns that the
// finding remains, and of which kind, as tilmash group confirm does: the
// page said only "confirmed 1 group".
func TestConfirmTellsOfEveryFinding(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/prices")
	csrf, version := formKeys(t, page)
	res, _ := c.post("prices", csrf, version, "op", "confirm", "group", "1")
	_, body := c.follow(res)
	want := "1 finding remains in the groups just confirmed: 1 (numbers: 1)"
	if !strings.Contains(text(body), want) {
		t.Errorf("the page does not say %q:\n%s", want, text(body))
	}
}

// ministerGlossary gives ws a glossary of one term, minister: the sample
// texts' Kazakh says Министр where the glossary wants уәзір.
func ministerGlossary(t *testing.T, ws *workspace.Workspace) {
	t.Helper()
	const gl = "terms:\n  - id: minister\n    en: {term: minister}\n    ru: {term: министр}\n    kk: {term: уәзір}\n"
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "people.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
}
