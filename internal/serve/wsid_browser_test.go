package serve_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestBrowserWorkspaceIDsBreakAtHyphens: on the workspace page a
// document's id breaks only after its hyphens (torture- / complaints-
// / reform); it was cut anywhere to fit the column (torture-complaint /
// s-reform), which reads as another word. One page load, in Kazakh, in a
// narrow window.
func TestBrowserWorkspaceIDsBreakAtHyphens(t *testing.T) {
	const id = "torture-complaints-reform-and-politics"
	ctx, _, ts := browserServing(t, func() *fixture {
		ws, err := reviewtest.Workspace(t.TempDir(), id, reviewtest.OneToOne)
		if err != nil {
			t.Fatal(err)
		}
		s, err := serve.New(serve.Options{App: serve.NewTestApp("test"), WS: ws})
		if err != nil {
			t.Fatal(err)
		}
		return &fixture{t: t, ws: ws, srv: s}
	})
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(480, 800),
		chromedp.Navigate(ts.URL+"/?lang=kk"),
		waitTrue(`(function(){var a=document.querySelector("table.ws tbody th a");if(!a)return false;var n=a.firstChild,r=document.createRange(),top=null,lines=1;`+
			`for(var i=0;i<n.data.length;i++){r.setStart(n,i);r.setEnd(n,i+1);var y=r.getBoundingClientRect().top;`+
			`if(top!==null&&Math.abs(y-top)>2){if(n.data[i-1]!=="-")return false;lines++}top=y}return true})()`,
			"a document's id is cut inside a word"),
	); err != nil {
		t.Fatal(err)
	}
}
