package dev.sopkit.render.config;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** What {@code --check} prints when a generated file is out of step: a short unified diff. */
public final class Drift {
  /** Enough to see what changed in CI logs without flooding them. */
  static final int MAX_LINES = 60;

  private Drift() {}

  /**
   * A unified diff from the file's current content to what would be rendered, cut after {@link
   * #MAX_LINES} lines; empty when the two are equal.
   */
  public static String diff(String name, String current, String rendered) {
    if (current.equals(rendered)) {
      return "";
    }
    List<String> a = current.lines().toList();
    List<String> b = rendered.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> lines =
        new ArrayList<>(
            UnifiedDiffUtils.generateUnifiedDiff(name, name + " (rendered)", a, patch, 3));
    if (patch.getDeltas().isEmpty()) {
      // lines() hides these: say what differs rather than print an empty diff.
      lines = new ArrayList<>(List.of("--- " + name, "+++ " + name + " (rendered)"));
      lines.add("the files differ only in line endings or the final newline");
    }
    StringBuilder out = new StringBuilder();
    int shown = Math.min(lines.size(), MAX_LINES);
    for (int i = 0; i < shown; i++) {
      out.append(lines.get(i)).append('\n');
    }
    if (lines.size() > shown) {
      out.append("... ").append(lines.size() - shown).append(" more diff lines\n");
    }
    return out.toString();
  }
}
