package console

import (
	"fmt"
	"time"
)

// progressDelay is how long a job runs before its indicator appears, so
// short runs, pipes, CI logs and tests see nothing.
const progressDelay = 400 * time.Millisecond

// Busy runs f and, when standard error is a terminal and f takes longer
// than a moment, shows the label with a spinner and the elapsed time until
// f returns. It is for work that cannot count its steps, such as one large
// alignment.
func (e *Env) Busy(label string, f func()) {
	if !e.ErrTTY {
		f()
		return
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		start := time.Now()
		frames := []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		drawn := false
		for i := 0; ; i++ {
			select {
			case <-done:
				if drawn {
					fmt.Fprint(e.Stderr, "\r\x1b[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < progressDelay {
					continue
				}
				fmt.Fprintf(e.Stderr, "\r%s %c %s", label, frames[i%len(frames)], time.Since(start).Round(time.Second))
				drawn = true
			}
		}
	}()
	f()
	close(done)
	<-stopped
}
