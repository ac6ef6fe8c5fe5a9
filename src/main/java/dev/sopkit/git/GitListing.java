package dev.sopkit.git;

import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files of an SOP root as they were at a commit, listed like {@link RepoScanner} lists the
 * working tree (org.yaml at the root, *.yaml and *.yml below it, hidden files and folders skipped)
 * and shown at the paths they have in the working tree, so findings of both compare.
 */
public final class GitListing {
  private GitListing() {}

  /**
   * A file of the SOP root at a commit, not read yet.
   *
   * @param relative the path inside the SOP root, with forward slashes
   * @param display the path shown in findings: the one the working tree's file there has
   * @param blob the id of its content
   * @param size its size in bytes
   */
  public record File(String relative, String display, String blob, long size) {
    /**
     * Whether {@code bytes} are this file's content. Git names a blob by the hash of a {@code
     * "blob SIZE\0"} header and the bytes: SHA-1, or SHA-256 in a repository made with that.
     */
    public boolean holds(byte[] bytes) {
      if (bytes.length != size) {
        return false;
      }
      try {
        MessageDigest hash = MessageDigest.getInstance(blob.length() == 64 ? "SHA-256" : "SHA-1");
        hash.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash.digest(bytes)).equals(blob);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-1 and SHA-256", e);
      }
    }
  }

  /**
   * The files of the SOP root at a commit, without reading them.
   *
   * @param root the SOP root in the working tree (inside {@code repo})
   * @param workDir the directory paths are shown relative to
   */
  public static List<File> files(GitRepo repo, String commit, Path root, Path workDir)
      throws GitException {
    String prefix = repo.prefix();
    Path absRoot = root.toAbsolutePath().normalize();
    Path base = workDir.toAbsolutePath().normalize();
    List<File> files = new ArrayList<>();
    for (GitRepo.Entry e : repo.files(commit, prefix)) {
      String relative = e.path().substring(prefix.length());
      // Symbolic links are skipped: their targets are read where they are listed themselves.
      if (e.regularFile() && !hidden(relative) && yaml(relative)) {
        String display = RepoScanner.display(absRoot.resolve(relative), base);
        files.add(new File(relative, display, e.object(), e.size()));
      }
    }
    return files;
  }

  /**
   * The listing of {@code files}. Where {@code same} gives a file already read whose bytes are the
   * blob (the working tree's, unchanged since the commit), that file is listed; the others are
   * read from git, in one batch.
   */
  public static RepoScanner.Listing read(
      GitRepo repo, List<File> files, Function<File, SourceFile> same) throws GitException {
    List<SourceFile> known = files.stream().map(same).toList();
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (known.get(i) == null && files.get(i).size() <= YamlLoader.MAX_BYTES) {
        wanted.add(files.get(i).blob());
      }
    }
    Map<String, byte[]> blobs = repo.read(wanted.stream().distinct().toList());
    SourceFile org = null;
    List<SourceFile> sops = new ArrayList<>();
    List<SourceFile> scenarios = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      File f = files.get(i);
      SourceFile file = known.get(i) != null ? known.get(i) : fromGit(f, blobs.get(f.blob()));
      if (f.relative().equals(RepoScanner.ORG_FILE)) {
        org = file;
      } else if (RepoScanner.scenario(f.relative())) {
        scenarios.add(file);
      } else {
        sops.add(file);
      }
    }
    sops.sort(Comparator.comparing(SourceFile::relative));
    scenarios.sort(Comparator.comparing(SourceFile::relative));
    return new RepoScanner.Listing(org, sops, List.of(), scenarios);
  }

  private static SourceFile fromGit(File f, byte[] bytes) {
    return new SourceFile(
        f.display(),
        f.relative(),
        f.size(),
        () -> {
          if (bytes == null) {
            throw new IOException("not read: over the size limit");
          }
          return bytes;
        });
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
