package glossary

import "testing"

// TestAgainstNew: for the refusal of glossary add, a conflict between the
// new entry and one in the files is named at the form in the files; a
// conflict within the new entry, or between two other entries, is left as
// it is.
func TestAgainstNew(t *testing.T) {
	tests := []struct {
		name, newID string
		p           Problem
		want        string
	}{
		{"the new entry forbids a form another accepts", "almaty-x",
			Problem{Code: CodeFormConflict, File: "g/places.yaml", Line: 40, Column: 42, ID: "almaty-x", OtherID: "almaty", Other: "g/places.yaml:15:13", Lang: "ru", Form: "Алматы"},
			`g/places.yaml:15:13: entry almaty accepts ru form "Алматы", which the new entry almaty-x would forbid`},
		{"another entry forbids a form the new one accepts", "nur-sultan",
			Problem{Code: CodeFormConflict, File: "g/places.yaml", Line: 43, Column: 60, ID: "astana", OtherID: "nur-sultan", Other: "g/places.yaml:74:16", Lang: "kk", Form: "Нур-Султан"},
			`g/places.yaml:43:60: entry astana forbids kk form "Нур-Султан", which the new entry nur-sultan would accept`},
		{"a conflict within the new entry", "nur-sultan",
			Problem{Code: CodeSelfConflict, File: "g/a.yaml", Line: 6, Column: 36, ID: "nur-sultan", Other: "g/a.yaml:6:16", Lang: "kk", Form: "Астана"},
			`g/a.yaml:6:36: entry nur-sultan both accepts and forbids kk form "Астана" (accepted at g/a.yaml:6:16)`},
		{"a conflict of two other entries", "nur-sultan",
			Problem{Code: CodeFormConflict, File: "g/a.yaml", Line: 6, Column: 36, ID: "a", OtherID: "b", Other: "g/a.yaml:9:16", Lang: "kk", Form: "Астана"},
			`g/a.yaml:6:36: entry a forbids kk form "Астана", which entry b accepts at g/a.yaml:9:16`},
		{"an Other that is no position", "nur-sultan",
			Problem{Code: CodeFormConflict, File: "g/a.yaml", Line: 6, Column: 36, ID: "nur-sultan", OtherID: "b", Other: "nowhere", Lang: "kk", Form: "Астана"},
			`g/a.yaml:6:36: entry nur-sultan forbids kk form "Астана", which entry b accepts at nowhere`},
	}
	for _, tt := range tests {
		if got := tt.p.AgainstNew(tt.newID).Error(); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
