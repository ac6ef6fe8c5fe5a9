package dev.sopkit.git;

import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The files of an SOP root as they were at a commit, listed like {@link RepoScanner} lists the
 * working tree (org.yaml at the root, *.yaml and *.yml below it, hidden files and folders skipped)
 * and shown at the paths they have in the working tree, so findings of both compare.
 */
public final class GitListing {
  private GitListing() {}

  /**
   * @param root the SOP root in the working tree (inside {@code repo})
   * @param workDir the directory paths are shown relative to
   */
  public static RepoScanner.Listing at(GitRepo repo, String commit, Path root, Path workDir)
      throws GitException {
    String prefix = repo.prefix();
    Path absRoot = root.toAbsolutePath().normalize();
    Path base = workDir.toAbsolutePath().normalize();
    List<GitRepo.Entry> wanted = new ArrayList<>();
    for (GitRepo.Entry e : repo.files(commit, prefix)) {
      String relative = e.path().substring(prefix.length());
      // Symbolic links are skipped: their targets are read where they are listed themselves.
      if (e.regularFile() && !hidden(relative) && yaml(relative)) {
        wanted.add(e);
      }
    }
    Map<String, byte[]> blobs =
        repo.read(
            wanted.stream()
                .filter(e -> e.size() <= YamlLoader.MAX_BYTES)
                .map(GitRepo.Entry::object)
                .distinct()
                .toList());
    SourceFile org = null;
    List<SourceFile> sops = new ArrayList<>();
    for (GitRepo.Entry e : wanted) {
      String relative = e.path().substring(prefix.length());
      String display = RepoScanner.display(absRoot.resolve(relative), base);
      byte[] bytes = blobs.get(e.object());
      SourceFile file =
          new SourceFile(
              display,
              relative,
              e.size(),
              () -> {
                if (bytes == null) {
                  throw new IOException("not read: over the size limit");
                }
                return bytes;
              });
      if (relative.equals(RepoScanner.ORG_FILE)) {
        org = file;
      } else {
        sops.add(file);
      }
    }
    sops.sort(Comparator.comparing(SourceFile::relative));
    return new RepoScanner.Listing(org, sops, List.of());
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean yaml(String relative) {
    return relative.endsWith(".yaml") || relative.endsWith(".yml");
  }
}
