package dev.sopkit.model;

/** Where a value starts: the file as the user would type it, and a 1-based line and column. */
public record SourcePos(String file, int line, int column) {
  public static SourcePos start(String file) {
    return new SourcePos(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
