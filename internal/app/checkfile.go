package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// CheckFileOptions are what check's HTML report needs beyond the run.
type CheckFileOptions struct {
	// Lang is the language of the page's labels; Labels renders catalogue
	// messages in it (see [check.HTMLOptions]).
	Lang   string
	Labels func(id string, data map[string]any) string
}

// CheckFile is the report file of check --format json or html (the text
// one is printed, not a file): the run's inputs, findings and counts as
// JSON, or one page a person reads in a browser, offline.
func CheckFile(ws *workspace.Workspace, run CheckRun, format string, o CheckFileOptions) ([]byte, error) {
	switch format {
	case "json":
		return jsonBytes(checkJSON(ws, run))
	case "html":
		var b bytes.Buffer
		if err := check.WriteHTML(&b, run.Reports, check.HTMLOptions{Lang: o.Lang, Labels: o.Labels, Workspace: filepath.Base(ws.Root)}); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("check: no report file in format %q", format)
}

// jsonFinding is one finding of check --format json.
type jsonFinding struct {
	Doc      string `json:"doc"`
	Scope    string `json:"scope"`
	Group    int    `json:"group"`
	Lang     string `json:"lang"`
	SrcLang  string `json:"src_lang,omitempty"`
	Entry    string `json:"entry,omitempty"`
	Check    string `json:"check"`
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Expected string `json:"expected"`
	Hidden   string `json:"hidden,omitempty"`
	Segment  string `json:"segment"`
	Target   string `json:"target,omitempty"`
	InSource bool   `json:"in_source,omitempty"`
	check.Position
	Places  []jsonPlace `json:"places,omitempty"`
	Message string      `json:"message"`
}

// jsonPlace is one place of a consistency finding.
type jsonPlace struct {
	Doc   string `json:"doc"`
	Scope string `json:"scope"`
	Group int    `json:"group"`
	check.Position
	// Variant is the number, from 1, of the finding's variant here.
	Variant int `json:"variant,omitempty"`
}

// jsonInput describes one checked document or file.
type jsonInput struct {
	Name     string   `json:"name"`
	Format   string   `json:"format"`
	Source   string   `json:"source"`
	Scope    string   `json:"scope"`
	Units    int      `json:"units"`
	Stale    bool     `json:"stale,omitempty"`
	Skipped  []string `json:"skipped_langs,omitempty"`
	Findings int      `json:"findings"`
}

// CheckTally is what check's summary counts of its reports.
type CheckTally struct {
	// Documents and Files count the inputs checked, Findings the
	// findings, Errors those of severity error; Kinds counts them by kind.
	Documents, Files, Findings, Errors int
	Kinds                              map[string]int
	// WordLists are the word lists of the glossary folder that would
	// accept the words spelling flagged, one a language, sorted, with
	// forward slashes.
	WordLists []string
}

// TallyCheck counts reports for check's summary; glossaryDir is the
// workspace's glossary folder, where the word lists are.
func TallyCheck(reports []*check.Report, glossaryDir string) CheckTally {
	t := CheckTally{Kinds: map[string]int{}}
	var spelt []string // languages with spelling findings
	for _, r := range reports {
		if r.Format == "document" {
			t.Documents++
		} else {
			t.Files++
		}
		for _, f := range r.Findings {
			t.Kinds[f.Kind]++
			t.Findings++
			if f.Severity == qa.Error {
				t.Errors++
			}
			if f.Kind == string(qa.Spelling) && !slices.Contains(spelt, f.Lang) {
				spelt = append(spelt, f.Lang)
			}
		}
	}
	slices.Sort(spelt)
	for _, l := range spelt {
		t.WordLists = append(t.WordLists, filepath.ToSlash(filepath.Join(glossaryDir, check.WordsFile(l))))
	}
	return t
}

// checkJSON is the JSON report of run, of the checks of workspace ws.
func checkJSON(ws *workspace.Workspace, run CheckRun) map[string]any {
	inputs := []jsonInput{}
	findings := []jsonFinding{}
	errs := 0
	for _, r := range run.Reports {
		inputs = append(inputs, jsonInput{Name: r.Name, Format: r.Format, Source: r.Source, Scope: string(r.Scope), Units: r.Units, Stale: r.Stale, Skipped: r.Skipped, Findings: len(r.Findings)})
		for _, f := range r.Findings {
			jf := jsonFinding{
				Doc: f.Doc, Scope: string(f.Scope), Group: f.Group, Lang: f.Lang, SrcLang: f.SrcLang, Entry: f.EntryID,
				Check: f.Check, Kind: f.Kind, Severity: string(f.Severity), Text: f.Text, Start: f.Start, End: f.End, Expected: f.Expected,
				Hidden: f.Hidden, Segment: f.Segment, Target: f.Target, InSource: f.InSource, Position: f.Position, Message: f.Error(),
			}
			for _, p := range f.Places {
				jf.Places = append(jf.Places, jsonPlace{Doc: p.Doc, Scope: string(p.Scope), Group: p.Group, Position: p.Position, Variant: p.Variant})
			}
			if f.Severity == qa.Error {
				errs++
			}
			findings = append(findings, jf)
		}
	}
	checks := run.Checks
	if checks == nil {
		checks = []string{}
	}
	sev := map[string]string{}
	for n, s := range run.Severity {
		sev[n] = string(s)
	}
	return map[string]any{"workspace": ws.Root, "checks": checks, "severity": sev, "inputs": inputs, "findings": findings,
		"count": len(findings), "errors": errs, "warnings": len(findings) - errs}
}

func jsonBytes(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}
