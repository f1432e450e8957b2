// Package aligncmd holds the align and align-files commands.
package aligncmd
