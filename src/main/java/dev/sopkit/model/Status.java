package dev.sopkit.model;

import java.util.Locale;

/**
 * The life-cycle of an SOP. Retired SOPs take no part in handoffs; a draft is not in force yet, so
 * its outputs satisfy only the inputs of other drafts.
 */
public enum Status {
  DRAFT,
  REVIEW,
  APPROVED,
  RETIRED;

  /** The status for its YAML spelling, or null when the text is not a status. */
  public static Status parse(String text) {
    for (Status s : values()) {
      if (s.yaml().equals(text)) {
        return s;
      }
    }
    return null;
  }

  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }
}
