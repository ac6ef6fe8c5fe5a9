package dev.sopkit.render.config;

import dev.sopkit.render.config.ConfigModel.CamundaTimer;
import dev.sopkit.render.config.ConfigModel.WorkflowTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Camunda 8 timers: one executable process per {@code workflow-timers} timer, which waits for the
 * {@code until} artifact's message and leaves by a timer boundary event when the promise's
 * deadline passes first (docs/configs.md).
 */
final class CamundaTimers {
  private CamundaTimers() {}

  static List<CamundaTimer> of(List<WorkflowTimer> timers) {
    List<CamundaTimer> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (WorkflowTimer t : timers) {
      String base = "sop-timer_" + ncName(t.sop()) + "_" + ncName(t.promise());
      String processId = base;
      for (int n = 2; !used.add(processId); n++) {
        processId = base + "_" + n; // ids that differ only in characters an XML name cannot hold
      }
      out.add(new CamundaTimer(
          xmlText(t.id()),
          processId,
          xmlText(t.sop() + " " + t.promise()),
          xmlText(t.sop()),
          xmlText(t.promise()),
          t.description() == null ? null : xmlText(t.description()),
          xmlText(t.until()),
          "Message_" + ncName(t.until()),
          // java.time prints hours and below (PT72H for P3D), which Zeebe's parser accepts.
          Duration.ofSeconds(t.deadlineSeconds()).toString(),
          t.deadlineSeconds(),
          xmlText(t.ownerDepartment())));
    }
    return List.copyOf(out);
  }

  /**
   * Text XML 1.0 can hold: the template's XML output format escapes markup, but control characters
   * other than tab and line breaks (and unpaired surrogates) cannot appear even escaped, so they
   * become spaces.
   */
  static String xmlText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        b.append(c).append(s.charAt(++i));
      } else if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c))) {
        b.append(c);
      } else {
        b.append(' ');
      }
    }
    return b.toString();
  }

  /** An XML name part: BPMN process ids are NCNames, SOP and promise ids come from user files. */
  static String ncName(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? c : '_');
    }
    return b.toString();
  }
}
