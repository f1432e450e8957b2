// Package reviewcmd holds the alignment review commands: show, group, undo
// and review.
package reviewcmd
