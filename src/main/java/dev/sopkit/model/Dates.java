package dev.sopkit.model;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates as SOP files write them ({@code 2026-11-22}). Every SOP has one or two, and {@link
 * LocalDate#parse} goes through a general formatter that cost more than the rest of the date
 * checks on 10,000 SOPs; the plain shape is read directly, anything else still goes to it.
 */
public final class Dates {
  private Dates() {}

  /**
   * The date, as {@link LocalDate#parse} gives it.
   *
   * @throws DateTimeException when the text is not an ISO local date or not a real one (as {@code
   *     LocalDate.parse} throws, the same exception type for either)
   */
  public static LocalDate parse(String text) {
    if (shaped(text)) {
      return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }
    return LocalDate.parse(text);
  }

  /** Whether the text has the shape YYYY-MM-DD (ASCII digits), real date or not. */
  public static boolean shaped(String text) {
    return text.length() == 10
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && digits(text, 0, 4)
        && digits(text, 5, 7)
        && digits(text, 8, 10);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
