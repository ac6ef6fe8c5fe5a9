package dev.sopkit.model;

import java.util.Objects;

/**
 * A name written in a file (a department, role, artifact…) together with where it was written.
 *
 * <p>Not a record holding a {@link SourcePos}: a repository's model keeps millions of refs until
 * all rules ran (2.5 million for 50,000 SOPs), and folding the position into the ref saves an
 * object per ref, about 40 MB at that size. It behaves as the record {@code (value, pos)} did.
 */
public final class Ref {
  private final String value;
  private final String file;
  private final int line;
  private final int column;

  public Ref(String value, SourcePos pos) {
    this.value = value;
    this.file = pos.file();
    this.line = pos.line();
    this.column = pos.column();
  }

  /** The same as {@code new Ref(value, new SourcePos(file, line, column))}, without the position. */
  public Ref(String value, String file, int line, int column) {
    this.value = value;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String value() {
    return value;
  }

  /** The line where the value starts, as in {@link #pos()}, without making the position. */
  public int line() {
    return line;
  }

  /** The column where the value starts, as in {@link #pos()}. */
  public int column() {
    return column;
  }

  public SourcePos pos() {
    return new SourcePos(file, line, column);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref r
        && Objects.equals(value, r.value)
        && file.equals(r.file)
        && line == r.line
        && column == r.column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, pos());
  }

  @Override
  public String toString() {
    return "Ref[value=" + value + ", pos=" + pos() + "]";
  }
}
