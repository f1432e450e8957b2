package app

import (
	"runtime"
	"sync"
)

// workers is how many documents the app works on at once.
func (app *App) workers() int {
	if app.Workers > 0 {
		return app.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// inOrder runs work(i) for every i in [0, n) on up to workers goroutines
// and calls done(i) on the calling goroutine in the order of i, each as
// soon as work(i) has finished: what a person reads comes out in the same
// order, whatever the order the work finishes in. Work runs at most
// 2*workers items ahead of done, which bounds what waits in memory. At
// the first error of done, no more work starts; inOrder waits for the
// work under way and returns that error.
func inOrder(n, workers int, work func(i int), done func(i int) error) error {
	if workers < 1 {
		workers = 1
	}
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			work(i)
			if err := done(i); err != nil {
				return err
			}
		}
		return nil
	}
	finished := make([]chan struct{}, n)
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	window := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				work(i)
				close(finished[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for i := 0; i < n && err == nil; i++ {
		<-finished[i]
		<-window
		err = done(i)
	}
	close(stop)
	wg.Wait()
	return err
}
