package dev.sopkit.scaffold;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Text;
import java.util.Arrays;
import java.util.List;

/** The template kinds of {@code sop new}: each is a resource dev/sopkit/new/KIND.yaml. */
public enum Kind {
  basic,
  customer_request,
  handoff;

  /** The name users type: {@code customer-request}. */
  public String id() {
    return name().replace('_', '-');
  }

  public static Kind parse(String text) {
    for (Kind k : values()) {
      if (k.id().equals(text)) {
        return k;
      }
    }
    List<String> ids = ids();
    throw new ScaffoldException(
        "unknown template "
            + Text.quote(Text.printable(text))
            + DidYouMean.hint(text, ids)
            + "; the kinds are: "
            + String.join(", ", ids));
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Kind::id).toList();
  }
}
