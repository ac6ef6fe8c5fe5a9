package dev.sopkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop render <what>}: the parent of the commands that turn SOPs into other files. */
@Command(
    name = "render",
    header = "Render the SOPs into a handbook or IT configuration.",
    description = "Render the SOP repository into other files (see the subcommands).",
    subcommands = {ConfigCommand.class, HandbookCommand.class},
    footer = {
      "",
      "Exit codes: 0 rendered, 1 findings (config) or drift (config --check),",
      "2 usage or input problem, 3 internal error."
    })
final class RenderCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  /** The directory that relative paths are resolved against; subcommands reach it through here. */
  SopkitCommand root() {
    return parent;
  }

  /** Without a subcommand there is nothing to render: a usage error, as git and gh treat it. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "render what? give a subcommand: config or handbook");
  }
}
