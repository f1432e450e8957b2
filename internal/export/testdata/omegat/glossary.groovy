// tilmash's glossary check for OmegaT's console mode (--script): reads
// every file of the project's folder glossin/ with the glossary reader
// OmegaT picks for its extension (TBX, CSV, or tab-separated for .tab,
// .utf8 and .txt; OmegaT 3.6 reads no other) and lists what it read in
// omegat/tilmash-glossary.tsv: file TAB source term TAB target term, or
// file TAB "-" for a file OmegaT does not read, file TAB "!" TAB the error.
import org.omegat.gui.glossary.*

if (eventType.toString() != "COMPILE") return
def props = project.getProjectProperties()
def esc = { s -> s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") }
def out = new StringBuilder()
new File(props.getProjectRoot(), "glossin").listFiles().sort { it.name }.each { f ->
  def n = f.name.toLowerCase()
  def entries
  try {
    if (n.endsWith(".tbx")) entries = GlossaryReaderTBX.read(f, false)
    else if (n.endsWith(".csv")) entries = GlossaryReaderCSV.read(f, false)
    else entries = GlossaryReaderTSV.read(f, false)
  } catch (Throwable e) {
    out.append(esc(f.name)).append("\t!\t").append(esc(e.toString())).append("\n")
    return
  }
  if (entries == null) {
    out.append(esc(f.name)).append("\t-\n")
    return
  }
  entries.each { e -> out.append(esc(f.name)).append("\t").append(esc(e.getSrcText())).append("\t").append(esc(e.getLocText())).append("\n") }
}
new File(props.getProjectInternal(), "tilmash-glossary.tsv").setText(out.toString(), "UTF-8")
