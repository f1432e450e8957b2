// Package glossarycmd holds the glossary and check commands.
package glossarycmd
