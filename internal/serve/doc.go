// Package serve is tilmash's review workbench in a browser: tilmash serve.
//
// It serves one workspace over net/http with html/template pages whose
// words come from the same catalogues as the command line
// (locales/serve.*.yaml and the review messages), in the language the
// browser asks for (Accept-Language; when it asks for none of them, the
// one tilmash serve runs in, [Options.UILang]) or the one a person picked
// (a link that sets a cookie). Every asset is embedded: the pages work offline.
//
// # Pages
//
// The workspace (documents × languages, alignment state, findings, word
// counts), a document's groups side by side in pages of [Options.PageSize]
// groups (terms underlined, findings and flagged groups marked with why,
// notes), the document's findings, each linking to its group, and the
// glossary with the forms the matcher generates. The counts of findings
// on the workspace page are those tilmash status counts: every quick
// check's ([app.App.CheckAligned]: the glossary's, numbers, typography,
// …). The findings on the groups of the document page, on the findings
// page and as JSON at /doc/ID/findings.json are the workbench's
// ([app.WorkbenchChecks]): those and spelling, as tilmash check spells,
// with their check, severity and message; the hunspell processes are
// kept by the app between requests. A group is marked with the gravest
// of its findings (error, warning); a finding that points at words of a
// translation (the glossary's, a wrong number, a quotation mark, a
// misspelt word) is also marked in its text, its message on the mark.
// The findings of the documents last looked at are kept: after an edit,
// only the groups it changed are checked (and spelt) again
// ([app.App.WorkbenchCheck]).
//
// # Editing
//
// Every change is a plain form POST answered by a redirect (it works
// without JavaScript; a small script adds the keyboard of tilmash review)
// and runs through the app layer exactly as tilmash group, undo and redo
// do: [app.App.Edit], [app.App.UndoVersion] and [app.App.RedoVersion],
// under the workspace lock, into
// the document's journal. Each form carries the version of the document it
// was drawn from ([app.Version]); a change made on another version is
// refused, never applied to a group the person has not seen: the answer
// is the current page at the group, with what the change carried back.
//
// # Safety
//
// The server is meant for loopback; on another address the command
// requires a token, which every request must carry (once in the URL, then
// in an HttpOnly SameSite=Strict cookie). Without a token only requests
// addressed to a loopback host name are answered, so a web page cannot
// reach the server through DNS rebinding. Every POST carries a CSRF token
// bound to the browser's session cookie; pages are sent with a strict
// Content-Security-Policy (no inline script or style), nosniff and
// frame-ancestors 'none'; request bodies are limited; document ids are
// validated before any file is opened, and nothing but the embedded assets
// and the pages is ever served.
package serve
