package dev.sopkit.cli;

/** Facts about sop itself that reports carry: its version and where its documentation lives. */
final class About {
  /** The project's home, the same host the format schemas' ids name. */
  static final String HOME = "https://sopkit.dev";
  /** Rule pages, published from docs/rules/. */
  static final String RULE_DOCS = HOME + "/docs/rules/";

  private About() {}

  /** The version from the jar manifest, written there by the build; "dev" when run from classes. */
  static String version() {
    String v = About.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
