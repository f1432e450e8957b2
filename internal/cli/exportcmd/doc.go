// Package exportcmd holds the export, import-tmx and glossary export/import
// commands.
package exportcmd
