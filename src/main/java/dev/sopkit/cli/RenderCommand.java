package dev.sopkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop render <what>}: the parent of the commands that turn SOPs into other files. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render the SOP repository into other files (see the subcommands).",
    subcommands = {ConfigCommand.class, HandbookCommand.class},
    footer = {
      "",
      "Exit codes: 0 rendered, 1 findings (config) or drift (config --check),",
      "2 usage or input problem, 3 internal error."
    })
final class RenderCommand implements Runnable {
  @Spec CommandSpec spec;
  @ParentCommand SopkitCommand parent;

  /** The directory that relative paths are resolved against; subcommands reach it through here. */
  SopkitCommand root() {
    return parent;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
