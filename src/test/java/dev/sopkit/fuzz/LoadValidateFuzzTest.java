package dev.sopkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Text;
import dev.sopkit.load.RepoScanner.Listing;
import dev.sopkit.load.SourceFile;
import dev.sopkit.testing.Positions;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

/**
 * Load + validate of arbitrary bytes, as an SOP file and as org.yaml: it never throws, and every
 * finding about the fuzzed file points at a line and column inside it and prints on one line.
 *
 * <p>Plain test runs ({@code make test}) replay the committed inputs in
 * {@code src/test/resources/dev/sopkit/fuzz/LoadValidateFuzzTestInputs/loadAndValidate/}: seeds, and
 * every crash the fuzzer found, each fixed. {@code make fuzz} (JAZZER_FUZZ=1) mutates them for
 * FUZZ_SECONDS; a new crash lands in that folder as {@code crash-*} and fails the run. Jazzer's
 * per-input timeout turns a hang into a failure too.
 */
class LoadValidateFuzzTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final byte[] ORG = read("hostile/org.yaml");
  private static final byte[] SOP = read("cli/validate-clean/sops/return.yaml");

  @FuzzTest(maxDuration = "10s")
  @DictionaryFile(resourcePath = "yaml.dict")
  void loadAndValidate(byte[] data) {
    check(new Listing(file("org.yaml", ORG), List.of(file("fuzz.yaml", data)), List.of()), data, "sops/fuzz.yaml");
    check(new Listing(file("org.yaml", data), List.of(file("return.yaml", SOP)), List.of()), data, "sops/org.yaml");
  }

  private static void check(Listing listing, byte[] data, String fuzzed) {
    RepoCheck.Result result = RepoCheck.run(listing, TODAY);
    assertNotNull(result.findings());
    for (Diagnostic d : result.findings()) {
      assertNotNull(d.file(), d::toString);
      assertNotNull(d.message(), d::toString);
      assertFalse(d.message().isBlank(), d::toString);
      assertFalse(Text.printable(d.toText()).contains("\n"), d::toString);
      if (d.file().equals(fuzzed)) {
        assertTrue(Positions.inside(data, d.line(), d.column()), () -> "outside the file: " + d.toText());
      } else {
        assertEquals("sops/return.yaml", d.file(), d::toText); // the only other file
      }
    }
  }

  private static SourceFile file(String name, byte[] bytes) {
    return new SourceFile("sops/" + name, name, bytes.length, () -> bytes);
  }

  private static byte[] read(String resource) {
    try {
      return Files.readAllBytes(Resources.path(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
