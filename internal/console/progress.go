package console

import (
	"fmt"
	"strings"
	"time"
)

// Progress draws a progress bar on standard error while a long job runs.
// It draws only when standard error is a terminal and the job has run for
// a moment, so short runs, pipes, CI logs and tests see nothing.
type Progress struct {
	env     *Env
	label   string
	total   int
	done    int
	start   time.Time
	last    time.Time
	drawn   bool
	enabled bool
}

// progressDelay is how long a job runs before its bar appears.
const progressDelay = 400 * time.Millisecond

// Progress starts a bar for total steps labelled with a localized text.
func (e *Env) Progress(total int, label string) *Progress {
	return &Progress{env: e, label: label, total: total, start: time.Now(), enabled: e.ErrTTY}
}

// Add records n more steps done.
func (p *Progress) Add(n int) {
	p.done += n
	if !p.enabled {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < progressDelay || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.draw()
}

func (p *Progress) draw() {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = float64(min(p.done, p.total)) / float64(p.total)
	}
	full := int(frac * width)
	bar := strings.Repeat("█", full) + strings.Repeat("░", width-full)
	fmt.Fprintf(p.env.Stderr, "\r%s %s %3.0f%% %s", p.label, bar, frac*100, time.Since(p.start).Round(time.Second))
	p.drawn = true
}

// Done clears the bar.
func (p *Progress) Done() {
	if p.drawn {
		fmt.Fprintf(p.env.Stderr, "\r\x1b[K")
	}
}
