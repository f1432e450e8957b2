package serve_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// BenchmarkBrowserPageWeight is what a document page weighs (a document
// of 40 groups, and the first page, 100 groups, of one of 300) in headless Chromium: its bytes, its elements (all, form
// fields, text boxes, forms) and the main thread's time to load it (the
// renderer's TaskDuration, CPU of parsing, style, layout and the script,
// not the wall clock of a shared machine), a page load an iteration.
func BenchmarkBrowserPageWeight(b *testing.B) {
	for _, n := range []int{40, 300} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchWeight(b, n) })
	}
}

func benchWeight(b *testing.B, n int) {
	ctx := browser(b)
	h := benchServer(b, n)
	ts := httptest.NewServer(h)
	defer ts.Close()
	page := ts.URL + "/doc/doc?page=1"
	enable := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, performance.Enable, performance.EnableParams{})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, enable); err != nil {
		b.Fatal(err)
	}
	task := func() float64 {
		res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (performance.GetMetricsResult, error) {
			return cdp.Call(ctx, tg, performance.GetMetrics, cdp.Empty{})
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range res.Metrics {
			if m.Name == "TaskDuration" {
				return m.Value
			}
		}
		b.Fatal("no TaskDuration")
		return 0
	}
	load := func() {
		if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS(`#keys`))); err != nil {
			b.Fatal(err)
		}
	}
	load()
	type counts struct{ Bytes, Elements, Inputs, Textareas, Forms, Groups int }
	c, err := chromedp.Run(ctx, chromedp.Evaluate[counts](`({Bytes: new TextEncoder().encode(document.documentElement.outerHTML).length,
		Elements: document.getElementsByTagName("*").length, Inputs: document.querySelectorAll("input").length,
		Textareas: document.querySelectorAll("textarea").length, Forms: document.forms.length,
		Groups: document.querySelectorAll("tr.group").length})`))
	if err != nil {
		b.Fatal(err)
	}
	res := benchGet(b, h, page[len(ts.URL):])
	b.Logf("%d groups shown: %d bytes sent, %d elements, %d inputs, %d text boxes, %d forms", c.Groups, res, c.Elements, c.Inputs, c.Textareas, c.Forms)
	total := 0.0
	for b.Loop() {
		load()
		total += task() // counted from the page's start: a navigation starts it again
	}
	b.ReportMetric(total*1000/float64(b.N), "main-thread-ms/op")
	b.ReportMetric(float64(res)/1024, "page-KiB")
	b.ReportMetric(float64(c.Elements), "elements")
	b.ReportMetric(float64(c.Inputs+c.Textareas), "fields")
	b.ReportMetric(float64(c.Forms), "forms")
}
