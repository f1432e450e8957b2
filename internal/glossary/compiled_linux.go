package glossary

import "syscall"

// mapPopulate maps the whole file at once: it is read through, for its
// sum, straight away.
const mapPopulate = syscall.MAP_POPULATE
