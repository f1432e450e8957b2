package serve_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserNoteFieldAndLegend: a note being written is shown whole, on
// as many lines as it takes, across the group column (it was a one-line
// field some 25 letters wide, the rest scrolled out of sight), and so is
// a sentence being corrected, inside its cell; and the
// legend's ⚑ stays on the line of its label at any width (it wrapped away
// from it), and its error and warning badges keep to their label (the gap
// between the legend's items fell between them too). One page load, in
// Kazakh, whose labels are the longest.
func TestBrowserNoteFieldAndLegend(t *testing.T) {
	ctx, _, ts := browserFixture(t)
	long := "Тексеру керек: бұл сөйлемдегі сандар ағылшын мәтініндегі сандармен сәйкес келмейді, редакторға хабарлау керек"
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(ts.URL+"/doc/news?lang=kk#g2"),
		waitTrue(`document.getElementById("g2").classList.contains("current")`, "group 2 never became current"),
		pageKey("a"),
		waitTrue(`(function(){var t=document.activeElement;return !!t&&t.name==="note"})()`, "a did not open the note field"),
		chromedp.KeyEvent("Т"),
		waitTrue(`(function(){var f=document.activeElement,c=f.closest("th");f.value=`+jsString(long)+`;`+
			`return f.scrollWidth<=f.clientWidth&&f.scrollHeight<=f.clientHeight+1&&`+
			`f.getBoundingClientRect().width>=c.clientWidth*0.8})()`,
			"the note being written is not shown whole across the column"),
		// A sentence's box too, at a laptop's width: the box the page sized
		// at some 40 letters a line held 5 lines of a 9-line Kazakh
		// sentence, and overran its cell by its border.
		chromedp.KeyEvent("\x1b"),
		chromedp.EmulateViewport(1024, 800),
		pageKey("s"),
		waitTrue(`(function(){var f=document.activeElement;if(!f||f.tagName!=="TEXTAREA"||f.name!=="text")return false;`+
			`f.value=`+jsString(strings.Repeat(long+" ", 3))+`;var c=f.closest("td").getBoundingClientRect(),r=f.getBoundingClientRect();`+
			`return f.scrollHeight<=f.clientHeight+1&&r.right<=c.right&&r.left>=c.left})()`,
			"the sentence's box does not show the sentence whole inside its cell"),
		// Narrow the legend step by step: ⚑ and its label's first letter are
		// on one line at every width.
		waitTrue(`(function(){var p=document.querySelector("p.legend"),n=null,w=document.createTreeWalker(p,NodeFilter.SHOW_TEXT);`+
			`while(w.nextNode()){if(w.currentNode.data.includes("⚑")){n=w.currentNode;break}}if(!n)return false;`+
			`var i=n.data.indexOf("⚑"),r=document.createRange();r.setStart(n,i);r.setEnd(n,i+3);`+
			`for(var x=120;x<=1000;x+=4){p.style.width=x+"px";var rs=r.getClientRects(),top=rs[0].top;`+
			`for(var k=1;k<rs.length;k++){if(Math.abs(rs[k].top-top)>2){return false}}}p.style.width="";return true})()`,
			"⚑ wraps away from its label in the legend"),
		// The error and warning badges are as near their label as a space,
		// not set apart by the gap between the legend's items.
		waitTrue(`(function(){var k=document.querySelector("p.legend .finding-key"),b=k.querySelector(".finding.warning"),n=b.nextSibling,r=document.createRange();`+
			`r.setStart(n,n.data.search(/\S/));r.setEnd(n,n.data.search(/\S/)+1);return r.getBoundingClientRect().left-b.getBoundingClientRect().right<8})()`,
			"the legend's badges stand apart from their label"),
	); err != nil {
		t.Fatal(err)
	}
}
