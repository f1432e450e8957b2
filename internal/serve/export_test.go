package serve

// TemplateIDs are the catalogue ids the templates name, for the tests.
func TemplateIDs() []string { return templateIDs }
