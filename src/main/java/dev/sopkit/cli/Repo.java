package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Opening an SOP repository for the commands that read one: the same checks and messages. */
final class Repo {
  private Repo() {}

  /** The root folder, checked to exist and hold org.yaml. */
  static Path root(Path workDir, String root) {
    Path dir = workDir.resolve(root).normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserException(
          "'" + root + "' is not a folder; give the folder that holds org.yaml and the SOPs"
              + " (or set 'root' in " + ProjectConfig.FILE + ")");
    }
    if (!Files.isRegularFile(dir.resolve(RepoScanner.ORG_FILE))) {
      throw new UserException(
          "no org.yaml in '" + root + "'; an SOP repository needs one (run 'sop init' to start one)");
    }
    return dir;
  }

  /** Reads and checks the whole repository. */
  static RepoCheck.Result load(Path workDir, String root, LocalDate today) throws IOException {
    Path dir = root(workDir, root);
    return RepoCheck.run(RepoScanner.scan(dir, workDir), today);
  }

  /** The date option of a command, or today (UTC) when it is not given. */
  static LocalDate today(String option) {
    if (option == null) {
      return LocalDate.now(java.time.Clock.systemUTC());
    }
    try {
      return LocalDate.parse(option);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserException("--today '" + option + "' is not a date; write it as YYYY-MM-DD");
    }
  }
}
