package dev.sopkit.cli;

import dev.sopkit.render.TemplateEngine;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --templates DIR}, shared by the render subcommands: a folder of template overrides. */
final class TemplatesMixin {
  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A folder of templates that replace the built-in ones of the same name"
              + " (for example DIR/handbook/layout.ftlh); the others stay built-in.")
  String templates;

  /** The engine for this run; a missing folder is a usage problem (a RenderException, exit 2). */
  TemplateEngine engine(Path workDir) {
    if (templates == null) {
      return new TemplateEngine(null, null);
    }
    return new TemplateEngine(workDir.resolve(templates).normalize(), templates);
  }
}
