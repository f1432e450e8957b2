//go:build benchfloor && !benchused

package main

// useDeps does nothing without -tags benchused (see used.go).
func useDeps([]string) {}
