package dev.sopkit.cli;

/** The exit codes, named once. */
public final class ExitCodes {
  /** No findings at or above the fail level. */
  public static final int CLEAN = 0;
  /** Findings at or above the fail level. */
  public static final int FINDINGS = 1;
  /** Usage or input problem: bad flag, missing folder, no org.yaml. */
  public static final int USAGE = 2;
  /** A bug in sop: a short message asks for a report. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
