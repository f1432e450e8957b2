package serve_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestFindingsPageContext: the findings page shows each finding in its
// sentence, the words it is about marked, so that an editor sees which
// number and which quotation mark are meant without opening every group.
// Before, it gave the message alone ("the quotation mark “ is not used in
// kk text"), not the sentence.
func TestFindingsPageContext(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/prices/findings")
	rows := regexp.MustCompile(`(?s)<tr class="(?:error|warning)" data-check="[a-z]+">.*?</tr>`).FindAllString(page, -1)
	want := map[string]string{
		"numbers":    `<p class="context" lang="ru">Цены выросли на <mark>7</mark> процентов в 2024 году.</p>`,
		"typography": `<p class="context" lang="kk">Министр дүйсенбі күні <mark>“</mark>әрекет етеміз” деді.</p>`,
	}
	seen := map[string]bool{}
	for _, r := range rows {
		check := regexp.MustCompile(`data-check="([a-z]+)"`).FindStringSubmatch(r)[1]
		w, ok := want[check]
		if !ok || seen[check] {
			continue
		}
		seen[check] = true
		if !strings.Contains(r, w) {
			t.Errorf("the %s finding is not shown in its sentence %s:\n%s", check, w, r)
		}
	}
	for check := range want {
		if !seen[check] {
			t.Errorf("no %s finding on the page:\n%s", check, text(page))
		}
	}
}
