package dev.sopkit.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints a page of the handbook to PDF with headless Chromium ({@code --print-to-pdf}): the print
 * stylesheet decides the pages, their running header and footer. Chromium's own header and footer
 * (date, file URL) are turned off. The PDF is written beside the target and moved into place, so a
 * failed print leaves no half-written file.
 */
public final class Pdf {
  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final long TIMEOUT_MINUTES = 10;

  private Pdf() {}

  /** Why a PDF could not be made, in words for the user. */
  public static final class PdfException extends Exception {
    PdfException(String message) {
      super(message);
    }
  }

  /** The Chromium to use: {@code explicit} if given, else the first of the usual names on PATH. */
  public static Path chromium(String explicit, String pathVariable) throws PdfException {
    if (explicit != null) {
      Path p = Path.of(explicit);
      if (!Files.isExecutable(p)) {
        throw new PdfException("'" + explicit + "' is not an executable Chromium");
      }
      return p;
    }
    if (pathVariable != null) {
      for (String name : NAMES) {
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
          if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
            return Path.of(dir, name);
          }
        }
      }
    }
    throw new PdfException(
        "--pdf needs Chromium to print with, and none of " + String.join(", ", NAMES)
            + " is on PATH; install one or give --chromium PATH");
  }

  /** Prints {@code page} (an HTML file) to {@code pdf}; returns the number of pages. */
  public static int print(Path chromium, Path page, Path pdf) throws PdfException, IOException {
    Path dir = pdf.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".sop-pdf-", ".pdf");
    Path profile = Files.createTempDirectory("sop-chromium-");
    try {
      List<String> cmd = new ArrayList<>(List.of(
          chromium.toString(), "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
          // As root (containers, CI) Chromium runs only without its sandbox; it opens only our page.
          "--no-sandbox",
          "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + tmp,
          page.toAbsolutePath().toUri().toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean done;
      try {
        done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new PdfException("interrupted while Chromium printed the PDF");
      }
      if (!done) {
        p.destroyForcibly();
        throw new PdfException("Chromium did not finish printing within " + TIMEOUT_MINUTES + " minutes");
      }
      byte[] bytes = Files.readAllBytes(tmp);
      if (p.exitValue() != 0 || bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
        throw new PdfException("Chromium (" + chromium + ") did not print a PDF (exit " + p.exitValue() + ")");
      }
      Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return pages(bytes);
    } finally {
      Files.deleteIfExists(tmp);
      try (Stream<Path> walk = Files.walk(profile)) {
        walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Pages of a PDF as Chromium writes it: one {@code /Type /Page} object per page. */
  public static int pages(byte[] pdf) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    return text.split("/Type\\s*/Page[^s]", -1).length - 1;
  }
}
