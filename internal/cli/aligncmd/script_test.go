package aligncmd

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
	_ "github.com/tilmash/tilmash/internal/cli/reviewcmd" // the group commands, for scripts that edit an alignment
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

func TestMain(m *testing.M) { clitest.Main(m) }

func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", false, nil, map[string]clitest.Cmd{
		// confirm DOC N… marks groups confirmed, as a reviewer would,
		// without linking the review commands into this test binary.
		"confirm": func(ts *testscript.TestScript, neg bool, args []string) {
			ws, err := workspace.Open(ts.Getenv("WORK") + "/ws")
			ts.Check(err)
			d, err := document.Open(ws, args[0])
			ts.Check(err)
			a, err := d.Alignment()
			ts.Check(err)
			for _, n := range args[1:] {
				k, err := strconv.Atoi(n)
				ts.Check(err)
				a.Groups[k-1].Status = document.Confirmed
			}
			ts.Check(d.SaveAlignment(a))
		},
		// same-groups A B fails unless two alignment files group the same
		// sentences, in order, whatever the groups' status and score.
		"same-groups": func(ts *testscript.TestScript, neg bool, args []string) {
			var out [2]string
			for i, f := range args {
				a, err := document.ParseAlignment(f, []byte(ts.ReadFile(f)))
				ts.Check(err)
				for k, g := range a.Groups {
					out[i] += fmt.Sprintf("%d", k+1)
					for _, l := range a.Languages {
						out[i] += " " + l
						for _, s := range g.Sents[l] {
							out[i] += fmt.Sprintf(" %d-%d %q", s.Start, s.End, s.Text)
						}
					}
					out[i] += "\n"
				}
			}
			if (out[0] == out[1]) == neg {
				ts.Fatalf("groups:\n%s---\n%s", out[0], out[1])
			}
		},
		// same-confirmed A B fails unless the confirmed groups of two
		// alignment files are identical, in order.
		"same-confirmed": func(ts *testscript.TestScript, neg bool, args []string) {
			var out [2]string
			for i, f := range args {
				a, err := document.ParseAlignment(f, []byte(ts.ReadFile(f)))
				ts.Check(err)
				for _, g := range a.Groups {
					if g.Status == document.Confirmed {
						for _, l := range a.Languages {
							out[i] += fmt.Sprintf("%s %v\n", l, g.Sents[l])
						}
					}
				}
			}
			if (out[0] == out[1]) == neg || out[0] == "" {
				ts.Fatalf("confirmed groups:\n%s---\n%s", out[0], out[1])
			}
		},
	}))
}
