package dev.sopkit.diag;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the test report CI servers (Jenkins, GitLab, Azure) display: one test case per file
 * checked, failing when the file has errors. Each test case holds one {@code <failure>} listing the
 * file's errors, because Jenkins and GitLab read only the first failure element of a test case;
 * warnings and infos go to the test case's {@code <system-out>} so they show without failing it.
 */
public final class JUnitFormatter implements Formatter {
  private final List<String> files;

  /** @param files every file checked, as shown in findings; files with findings are added */
  public JUnitFormatter(List<String> files) {
    this.files = files;
  }

  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    TreeSet<String> all = new TreeSet<>(files);
    findings.forEach(d -> all.add(d.file()));
    all.forEach(f -> byFile.put(f, new ArrayList<>()));
    findings.forEach(d -> byFile.get(d.file()).add(d));
    long failed =
        byFile.values().stream()
            .filter(ds -> ds.stream().anyMatch(d -> d.severity() == Severity.ERROR))
            .count();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      x.writeStartElement("testsuites");
      counts(x, byFile.size(), failed);
      nl(x, 1);
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "sop validate");
      counts(x, byFile.size(), failed);
      x.writeAttribute("skipped", "0");
      for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
        nl(x, 2);
        testCase(x, e.getKey(), e.getValue());
      }
      nl(x, 1);
      x.writeEndElement();
      nl(x, 0);
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println();
    out.flush();
  }

  private static void counts(XMLStreamWriter x, int tests, long failed) throws XMLStreamException {
    x.writeAttribute("tests", String.valueOf(tests));
    x.writeAttribute("failures", String.valueOf(failed));
    x.writeAttribute("errors", "0");
  }

  private static void testCase(XMLStreamWriter x, String file, List<Diagnostic> ds)
      throws XMLStreamException {
    List<Diagnostic> errors = ds.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    List<Diagnostic> others = ds.stream().filter(d -> d.severity() != Severity.ERROR).toList();
    x.writeStartElement("testcase");
    x.writeAttribute("classname", safe(classname(file)));
    x.writeAttribute("name", safe(file));
    if (!errors.isEmpty()) {
      nl(x, 3);
      x.writeStartElement("failure");
      Diagnostic first = errors.get(0);
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      x.writeAttribute("message", safe("[" + first.rule() + "] " + first.message() + more));
      x.writeAttribute("type", first.rule());
      x.writeCharacters(lines(errors));
      x.writeEndElement();
    }
    if (!others.isEmpty()) {
      nl(x, 3);
      x.writeStartElement("system-out");
      x.writeCharacters(lines(others));
      x.writeEndElement();
    }
    if (!errors.isEmpty() || !others.isEmpty()) {
      nl(x, 2);
    }
    x.writeEndElement();
  }

  /**
   * Jenkins splits classname at its last dot into package and class: give it the folder, without
   * the {@code ..} of a run from a sub-folder, which would read as empty package names.
   */
  public static String classname(String file) {
    List<String> folders = new ArrayList<>(List.of(file.split("/")));
    folders.remove(folders.size() - 1);
    folders.removeIf(f -> f.equals("..") || f.equals(".") || f.isEmpty());
    return folders.isEmpty() ? "sop" : String.join(".", folders);
  }

  private static String lines(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder("\n");
    for (Diagnostic d : ds) {
      b.append(safe(d.toText())).append('\n');
      for (Related r : d.related()) {
        b.append("  ").append(safe(r.toText())).append('\n');
      }
    }
    return b.toString();
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }

  /**
   * Text safe for XML 1.0 on one line: the writer escapes markup but not characters XML cannot
   * hold at all (control characters, lone surrogates), which would make the report unreadable.
   */
  public static String safe(String s) {
    String p = Text.printable(s);
    StringBuilder out = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < p.length() && Character.isLowSurrogate(p.charAt(i + 1))) {
        out.append(c).append(p.charAt(++i));
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
