package io.nightshift.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nightshift admin}: the runtime's administration, done on its data directory, not through the API. */
@Command(name = "admin", mixinStandardHelpOptions = true, subcommands = {TokenCommand.class, UiLinkCommand.class, SetupCommand.class},
    description = "Administer a runtime: API tokens and workflow UI login links (through its data directory), and"
        + " the search attributes of a Temporal cluster (setup).")
final class AdminCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
