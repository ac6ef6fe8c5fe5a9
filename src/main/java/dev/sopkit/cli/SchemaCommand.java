package dev.sopkit.cli;

import dev.sopkit.validate.SchemaValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop schema}: writes the JSON Schemas packaged in the jar, for editors and other tools. */
@Command(
    name = "schema",
    header = "Write the JSON Schemas for editors.",
    description = {
      "Write the JSON Schemas of SOP files, org.yaml and scenario files (the ones this version"
          + " of sop checks against), so editors can complete and check fields while you type.",
      "Existing schema files are replaced: run it again after upgrading sop."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop schema                 write schema/sop.schema.json, org.schema.json and",
      "                             scenario.schema.json",
      "  sop schema --out .schemas  write them somewhere else",
      "",
      "Point SOP files at the schema with a first line such as",
      "  # yaml-language-server: $schema=../schema/sop.schema.json",
      "(see docs/editors.md)."
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The folder to write into (default: ${DEFAULT-VALUE}).",
      defaultValue = "schema")
  String out;

  @Override
  public Integer call() throws IOException {
    Path dir = parent.workDir().resolve(out).normalize();
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      throw new UserException("--out '" + out + "' is a file; give a folder to write the schemas into");
    }
    PrintWriter w = spec.commandLine().getOut();
    for (SchemaValidator.Kind kind : SchemaValidator.Kind.values()) {
      Path file = dir.resolve(kind.resource());
      String text;
      try (var in = SchemaValidator.openSchema(kind)) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      Files2.write(file, text);
      w.println("wrote " + dev.sopkit.load.RepoScanner.display(file, parent.workDir()));
    }
    return ExitCodes.CLEAN;
  }
}
