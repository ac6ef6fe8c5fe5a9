package dev.sopkit.scaffold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which texts count as a template sentence left as {@code sop new} wrote it. */
class PlaceholdersTest {
  @Test
  void aSentenceWithoutPlaceholderMatchesOnlyAsWritten() {
    assertTrue(Placeholders.matches("What finishes the procedure."));
    assertTrue(Placeholders.matches("  What finishes the procedure.\n"));
    assertFalse(Placeholders.matches("What finishes the procedure"));
    assertFalse(Placeholders.matches("What finishes the procedure. Then file it."));
    assertFalse(Placeholders.matches("Say what finishes the procedure."));
  }

  @Test
  void aPlaceholderStandsForAnyTextButNotForNone() {
    assertTrue(Placeholders.matches("Prepare everything Finance needs to continue."));
    assertTrue(Placeholders.matches("Prepare everything the warehouse\nteam needs to continue."));
    assertTrue(Placeholders.matches("Send the handover to IT and check that it arrived."));
    assertFalse(Placeholders.matches("Prepare everything  needs to continue.".replace("  ", " ")));
    assertFalse(Placeholders.matches("Prepare everything Finance needs to continue today."));
    assertFalse(Placeholders.matches("Please prepare everything Finance needs to continue."));
  }

  @Test
  void realInstructionsDoNotMatch() {
    assertFalse(Placeholders.matches("Refund the double charge in the payment system."));
    assertFalse(Placeholders.matches(""));
    assertFalse(Placeholders.matches("P"));
  }
}
