package dev.sopkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void elapsedFiguresReadInTheHandbooksWords() {
    Deadline d = Deadline.parse("P3D");
    assertEquals("3 days", d.describe());
    assertEquals("3 days 5 h", d.describe(77 * 3_600, 0));
  }

  @Test
  void minutesNeverReadAsMonths() {
    Deadline d = Deadline.parse("PT35M");
    assertEquals("35 min", d.describe());
    assertEquals("1 h 35 min", d.describe(95 * 60, 0));
  }

  @Test
  void businessFiguresKeepTheirMeasure() {
    Deadline d = Deadline.parse("5 business days");
    assertEquals("5 business days", d.describe());
    assertEquals("6 business days 4 hours", d.describe(6 * 8 * 3_600 + 4 * 3_600, 8 * 3_600));
  }
}
