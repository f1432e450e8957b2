// tilmash's test script for OmegaT's console mode (--script). One Java
// start serves every OmegaT project of a test run: started on an empty
// project, after its COMPILE event the script reads project folders from
// standard input, one a line, and for each does what console-translate
// does (load the project, write the translated files, close it) with the
// preference ext_tmx_show_level2 as the project's config/omegat.prefs sets
// it, and in between
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
//     this script, on it.
// It answers each folder with a line "tilmash-done TAB folder TAB ok" on
// standard output, or the error instead of ok, and ends with its input.
import org.omegat.core.Core
import org.omegat.core.data.PrepareTMXEntry
import org.omegat.core.data.RealProject
import org.omegat.core.events.IStopped
import org.omegat.core.statistics.FindMatches
import org.omegat.util.Preferences
import org.omegat.util.ProjectFileStorage

if (eventType.toString() != "COMPILE") return
def scriptDir = new File(project.getProjectProperties().getProjectRoot())
def esc = { s -> s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") }

def list = { proj ->
  def props = proj.getProjectProperties()
  def internal = new File(props.getProjectInternal())
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
  proj.getAllEntries().each { ste ->
    def src = ste.getSrcText()
    def info = proj.getTranslationInfo(ste)
    def trans = info != null && info.isTranslated() ? info.translation : ""
    out.append(esc(ste.getKey().file)).append("\t").append(esc(src)).append("\t").append(esc(trans)).append("\n")
  }
  proj.getAllEntries().each { ste ->
    def src = ste.getSrcText()
    if (edits.containsKey(src)) {
      def e = new PrepareTMXEntry()
      e.source = src
      e.translation = edits[src]
      e.changer = "translator"
      e.changeDate = now
      e.creator = "translator"
      e.creationDate = now
      proj.setTranslation(ste, e, true, null)
    }
  }
  new File(internal, "tilmash-segments.tsv").setText(out.toString(), "UTF-8")
  def matches = new StringBuilder()
  def finder = new FindMatches(proj.getSourceTokenizer(), 1, false, false)
  def never = { false } as IStopped
  proj.getAllEntries().each { ste ->
    def info = proj.getTranslationInfo(ste)
    if (info != null && info.isTranslated()) return
    def best = finder.search(proj, ste.getSrcText(), true, false, never)
    if (best.isEmpty()) return
    def ns = best.get(0)
    matches.append(esc(ste.getSrcText())).append("\t").append(ns.scores[0].score).append("\t").append(esc(ns.translation)).append("\n")
  }
  new File(internal, "tilmash-matches.tsv").setText(matches.toString(), "UTF-8")
  def mems = new StringBuilder()
  proj.getTransMemories().each { path, tmx -> mems.append(esc(path)).append("\t").append(tmx.getEntries().size()).append("\n") }
  new File(internal, "tilmash-memories.tsv").setText(mems.toString(), "UTF-8")
  def f = RealProject.getDeclaredField("projectTMX")
  f.setAccessible(true)
  f.get(proj).save(props, props.getProjectInternal() + "project_save.tmx", true)
  if (new File(props.getProjectRoot(), "glossin").isDirectory()) {
    binding.setVariable("project", proj)
    evaluate(new File(scriptDir, "glossary.groovy"))
  }
}

def input = new BufferedReader(new InputStreamReader(System.in, "UTF-8"))
def line
while ((line = input.readLine()) != null) {
  def dir = new File(line)
  def result = "ok"
  RealProject proj = null
  try {
    def prefs = new File(dir, "config/omegat.prefs")
    def level2 = prefs.isFile() && prefs.getText("UTF-8").contains("<ext_tmx_show_level2>true</ext_tmx_show_level2>")
    Preferences.setPreference(Preferences.EXT_TMX_SHOW_LEVEL2, level2)
    def props = ProjectFileStorage.loadProjectProperties(dir.getAbsoluteFile())
    props.verifyProject()
    proj = new RealProject(props)
    Core.setProject(proj)
    proj.loadProject(true)
    if (!proj.isProjectLoaded()) throw new IllegalStateException("OmegaT did not load the project")
    proj.compileProject(".*", false)
    list(proj)
  } catch (Throwable e) {
    def w = new StringWriter()
    e.printStackTrace(new PrintWriter(w))
    result = w.toString()
  } finally {
    if (proj != null && proj.isProjectLoaded()) proj.closeProject()
  }
  println("tilmash-done\t" + esc(line) + "\t" + esc(result))
  System.out.flush()
}
