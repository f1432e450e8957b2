package journal

// SetBeforeWrite lets the crash tests stop a process just before a step or
// an undo writes a file.
func SetBeforeWrite(f func(name string)) { beforeWrite = f }
