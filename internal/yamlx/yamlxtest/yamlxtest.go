// Package yamlxtest holds the YAML bombs of the hostile-input audit, for
// the tests of every package that reads YAML.
package yamlxtest

import (
	"fmt"
	"strings"
)

// Bomb is a hostile YAML file.
type Bomb struct {
	Name string
	Data []byte
	// Code is the yamlx limit it must be refused with.
	Code string
}

// SelfMerge is a glossary of under 100 bytes (the audit's was 97) whose
// entry merges itself: yaml.v3 builds the tree, and any walk that follows
// merge keys never ends.
func SelfMerge() []byte {
	return []byte("terms:\n  - &e {<<: *e, id: loop, en: {term: Loop}, ru: {term: Петля}, kk: {term: Т}}\n")
}

// NestedMerge is a 1 KB glossary whose entries merge the entry before
// three times: walking the merges of the last one takes 3^24 steps.
func NestedMerge() []byte {
	var b strings.Builder
	b.WriteString("terms:\n  - &a0 {id: a, en: {term: A}, ru: {term: А}, kk: {term: А}}\n")
	for i := 1; ; i++ {
		line := fmt.Sprintf("  - &a%d {<<: *a%d, <<: *a%d, <<: *a%d}\n", i, i-1, i-1, i-1)
		if b.Len()+len(line) > 1024 {
			break
		}
		b.WriteString(line)
	}
	return []byte(b.String())
}

// Amplify is a glossary of size bytes whose entries each merge one
// mapping of 1000 fields: about 16 million fields from 246 KB.
func Amplify(size int) []byte {
	var b strings.Builder
	b.WriteString("terms:\n  - &big {")
	for i := range 1000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "x%03d: 1", i)
	}
	b.WriteString("}\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  - {<<: *big, id: e%d}\n", i)
	}
	return []byte(b.String())
}

// Bombs returns the three attacks at their audited sizes.
func Bombs() []Bomb {
	return []Bomb{
		{"self-merge", SelfMerge(), "yaml.alias-cycle"},
		{"nested-merge", NestedMerge(), "yaml.alias-expansion"},
		{"alias-amplification", Amplify(246 << 10), "yaml.alias-expansion"},
	}
}
