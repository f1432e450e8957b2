// tilmash's test script for OmegaT's console mode (--script). After the
// translated files are written (event COMPILE) it
//  1. lists every segment, in OmegaT's own segmentation, with the
//     translation the translated files got in omegat/tilmash-segments.tsv
//     (file TAB source TAB translation; tabs, line breaks and backslashes
//     escaped);
//  2. applies the translator's edits listed in omegat/tilmash-edits.tsv
//     (source TAB new translation), as a person would in the editor;
//  3. saves the project memory omegat/project_save.tmx with OmegaT's own
//     writer, which console mode never calls;
//  4. lists the memories of tm/ OmegaT loaded, with their entries, in
//     omegat/tilmash-memories.tsv (path TAB entries);
//  5. lists for each segment left untranslated the best match OmegaT's
//     Fuzzy Matches pane offers, in omegat/tilmash-matches.tsv (source
//     TAB score TAB translation);
//  6. when the project has a folder glossin/, runs glossary.groovy, beside
//     this script, in the same run (one Java start for both).
import org.omegat.core.data.PrepareTMXEntry
import org.omegat.core.events.IStopped
import org.omegat.core.statistics.FindMatches

if (eventType.toString() != "COMPILE") return
def props = project.getProjectProperties()
def internal = new File(props.getProjectInternal())
def esc = { s -> s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") }
def edits = [:]
def editsFile = new File(internal, "tilmash-edits.tsv")
if (editsFile.isFile()) {
  editsFile.getText("UTF-8").split("\n").each { line ->
    def f = line.split("\t", 2)
    if (f.length == 2) edits[f[0]] = f[1]
  }
}
def now = System.currentTimeMillis()
def out = new StringBuilder()
project.getAllEntries().each { ste ->
  def src = ste.getSrcText()
  def info = project.getTranslationInfo(ste)
  def trans = info != null && info.isTranslated() ? info.translation : ""
  out.append(esc(ste.getKey().file)).append("\t").append(esc(src)).append("\t").append(esc(trans)).append("\n")
}
project.getAllEntries().each { ste ->
  def src = ste.getSrcText()
  if (edits.containsKey(src)) {
    def e = new PrepareTMXEntry()
    e.source = src
    e.translation = edits[src]
    e.changer = "translator"
    e.changeDate = now
    e.creator = "translator"
    e.creationDate = now
    project.setTranslation(ste, e, true, null)
  }
}
new File(internal, "tilmash-segments.tsv").setText(out.toString(), "UTF-8")
def matches = new StringBuilder()
def finder = new FindMatches(project.getSourceTokenizer(), 1, false, false)
def never = { false } as IStopped
project.getAllEntries().each { ste ->
  def info = project.getTranslationInfo(ste)
  if (info != null && info.isTranslated()) return
  def best = finder.search(project, ste.getSrcText(), true, false, never)
  if (best.isEmpty()) return
  def ns = best.get(0)
  matches.append(esc(ste.getSrcText())).append("\t").append(ns.scores[0].score).append("\t").append(esc(ns.translation)).append("\n")
}
new File(internal, "tilmash-matches.tsv").setText(matches.toString(), "UTF-8")
def mems = new StringBuilder()
project.getTransMemories().each { path, tmx -> mems.append(esc(path)).append("\t").append(tmx.getEntries().size()).append("\n") }
new File(internal, "tilmash-memories.tsv").setText(mems.toString(), "UTF-8")
def f = project.class.getDeclaredField("projectTMX")
f.setAccessible(true)
f.get(project).save(props, props.getProjectInternal() + "project_save.tmx", true)
println("tilmash: saved project_save.tmx")
if (new File(props.getProjectRoot(), "glossin").isDirectory()) {
  evaluate(new File(props.getProjectRoot(), "glossary.groovy"))
}
