//go:build unix && !linux

package glossary

const mapPopulate = 0
