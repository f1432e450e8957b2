package workspace

// SetBeforeReplace lets tests stop a writer between writing the temporary
// file and renaming it over the old one.
func SetBeforeReplace(f func(path string)) { beforeReplace = f }
