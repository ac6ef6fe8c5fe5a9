package dev.sopkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.SourceMap;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.model.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The project config {@code .sop.yaml}: defaults for command-line options, so CI commands stay
 * short. Found by walking up from the working directory, stopping at the repository root (the
 * first folder holding {@code .git}), so a config outside the repository never leaks in.
 *
 * <p>{@code root} is the SOP root of every command that takes one; a section named after a
 * command holds defaults for that command's options by long name ({@code validate: {format:
 * json}}), and nested commands nest ({@code render: {handbook: {out: site}}}). Flags on the command
 * line always win. The file is checked strictly against the real commands, so a misspelt key is an
 * error, never a silently ignored default.
 */
final class ProjectConfig implements CommandLine.IDefaultValueProvider {
  static final String FILE = ".sop.yaml";
  /** The key for the SOP root, and the label of every option or parameter that takes it. */
  static final String ROOT = "root";

  private final Path dir;
  private final Path workDir;
  private final JsonNode tree;
  private final SourceMap map;

  private ProjectConfig(Path dir, Path workDir, JsonNode tree, SourceMap map) {
    this.dir = dir;
    this.workDir = workDir;
    this.tree = tree;
    this.map = map;
  }

  /** The config that applies in {@code workDir}, or null when there is none. */
  static ProjectConfig find(Path workDir, CommandSpec commands) throws IOException {
    Path file = locate(workDir.toAbsolutePath().normalize());
    if (file == null) {
      return null;
    }
    String display = RepoScanner.display(file, workDir.toAbsolutePath().normalize());
    long size = Files.size(file);
    ParsedYaml doc =
        YamlLoader.load(new SourceFile(display, FILE, size, () -> Files.readAllBytes(file)));
    if (!doc.ok()) {
      throw new UserException(doc.problem().toText().replace(" error [yaml] ", " "));
    }
    ProjectConfig config =
        new ProjectConfig(file.getParent(), workDir.toAbsolutePath().normalize(), doc.root(), doc.map());
    config.check(commands);
    return config;
  }

  /**
   * The SOP root that the config in {@code dir} names, for a ROOT argument that points at a
   * repository made by {@code sop init} rather than at its SOP folder; null when {@code dir} holds
   * no config or the config sets no root.
   */
  static Path rootIn(Path dir, Path workDir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    String display = RepoScanner.display(file, workDir.toAbsolutePath().normalize());
    ParsedYaml doc =
        YamlLoader.load(new SourceFile(display, FILE, Files.size(file), () -> Files.readAllBytes(file)));
    if (!doc.ok()) {
      throw new UserException(doc.problem().toText().replace(" error [yaml] ", " "));
    }
    JsonNode root = doc.root().path(ROOT);
    if (!root.isValueNode() || root.isNull()) {
      return null;
    }
    Path followed = dir.resolve(root.asText()).normalize();
    if (!Files.isDirectory(followed)) {
      throw at(doc.map().value("/" + ROOT), "root '" + root.asText() + "' is not a folder");
    }
    return followed;
  }

  private static Path locate(Path start) {
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve(FILE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (Files.exists(d.resolve(".git"))) {
        return null;
      }
    }
    return null;
  }

  /** Refuses keys that name no command or option, and values that are not plain scalars. */
  private void check(CommandSpec commands) {
    if (tree.isNull() || tree.isMissingNode()) {
      return; // an empty file sets nothing
    }
    if (!tree.isObject()) {
      throw located("", "the file must be a mapping of keys to values, for example 'root: sops'");
    }
    checkSection(tree, "", commands, true);
  }

  private void checkSection(JsonNode node, String pointer, CommandSpec spec, boolean top) {
    List<String> known = new ArrayList<>();
    if (top) {
      known.add(ROOT);
    }
    for (OptionSpec o : spec.options()) {
      if (configurable(o) && !name(o).equals(ROOT)) { // the SOP root is set once, at the top
        known.add(name(o));
      }
    }
    known.addAll(spec.subcommands().keySet());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String at = SourceMap.child(pointer, key);
      CommandLine sub = spec.subcommands().get(key);
      if (sub != null) {
        if (!e.getValue().isObject()) {
          throw located(at, "'" + key + "' holds defaults for 'sop " + key + "': give it a mapping");
        }
        checkSection(e.getValue(), at, sub.getCommandSpec(), false);
      } else if (requiredOption(spec, key)) {
        throw locatedKey(
            at,
            "'"
                + key
                + "' is required on the command line of 'sop "
                + commandPath(spec)
                + "'; a default for it would never be used");
      } else if (known.contains(key)) {
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw located(at, "'" + key + "' needs a single value");
        }
      } else {
        String where = top ? "" : " for 'sop " + commandPath(spec) + "'";
        throw locatedKey(
            at,
            "unknown key '"
                + key
                + "'"
                + where
                + DidYouMean.hint(key, known)
                + "; known keys: "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** Options picocli insists on seeing on the command line, where a default cannot stand in. */
  private static boolean requiredOption(CommandSpec spec, String key) {
    for (OptionSpec o : spec.options()) {
      if (configurable(o) && name(o).equals(key)) {
        return o.required() || (o.group() != null && o.group().multiplicity().min() > 0);
      }
    }
    return false;
  }

  private static boolean configurable(OptionSpec o) {
    return !o.usageHelp() && !o.versionHelp() && o.longestName().startsWith("--");
  }

  private static String name(OptionSpec o) {
    return o.longestName().substring(2);
  }

  private static String commandPath(CommandSpec spec) {
    String q = spec.qualifiedName(" ");
    int space = q.indexOf(' ');
    return space < 0 ? q : q.substring(space + 1);
  }

  private UserException located(String pointer, String message) {
    return at(map.value(pointer), message);
  }

  private UserException locatedKey(String pointer, String message) {
    return at(map.key(pointer), message);
  }

  private static UserException at(SourcePos pos, String message) {
    return new UserException(pos + ": " + message);
  }

  /** The folder holding the config; relative paths in it are relative to this folder. */
  Path dir() {
    return dir;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (isRoot(arg)) {
      JsonNode root = tree.path(ROOT);
      if (!root.isValueNode()) {
        return null;
      }
      // Relative to the working directory, so help and messages show a path the user can type.
      Path abs = dir.resolve(root.asText()).normalize();
      String rel = workDir.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    if (!(arg instanceof OptionSpec option) || !configurable(option)) {
      return null;
    }
    JsonNode section = tree;
    List<String> path = new ArrayList<>();
    for (CommandSpec s = arg.command(); s != null && s.parent() != null; s = s.parent()) {
      path.add(0, s.name());
    }
    for (String name : path) {
      section = section.path(name);
    }
    JsonNode value = section.path(name(option));
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static boolean isRoot(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return o.longestName().equals("--" + ROOT);
    }
    return "ROOT".equals(arg.paramLabel());
  }
}
