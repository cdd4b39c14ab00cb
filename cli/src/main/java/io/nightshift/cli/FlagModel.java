package io.nightshift.cli;

import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The CLI's flags as declared, with variables left as written ({@code ${env:...}}, {@code ${DEFAULT-VALUE}}): the
 * source of the configuration reference and of where {@code nightshift config} says a value came from. The runtime
 * commands share {@link ServerOptions}, so {@code dev}'s flags are theirs; the client commands share
 * {@link ApiOptions}, so {@code list}'s are theirs.
 */
final class FlagModel {
  static final String RUNTIME_COMMAND = "dev";
  static final String CLIENT_COMMAND = "list";

  private final CommandLine root = new CommandLine(new NightshiftCli()).setInterpolateVariables(false);

  List<OptionSpec> runtimeFlags() {
    return flagsOf(RUNTIME_COMMAND);
  }

  List<OptionSpec> clientFlags() {
    return flagsOf(CLIENT_COMMAND);
  }

  /** The default of the flag of the runtime commands with this name, as its annotation writes it. */
  DefaultExpression runtimeDefault(String flag) {
    OptionSpec option = root.getSubcommands().get(RUNTIME_COMMAND).getCommandSpec().findOption(flag);
    return option == null || option.defaultValue() == null ? DefaultExpression.parse("")
        : DefaultExpression.parse(option.defaultValue());
  }

  private List<OptionSpec> flagsOf(String command) {
    return configurable(root.getSubcommands().get(command).getCommandSpec().options().stream()).toList();
  }

  /** Without --help and --version, which configure nothing. */
  static Stream<OptionSpec> configurable(Stream<OptionSpec> options) {
    return options.filter(o -> !o.usageHelp() && !o.versionHelp());
  }
}
