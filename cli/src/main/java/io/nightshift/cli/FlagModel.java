package io.nightshift.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The CLI's flags as declared, with variables left as written ({@code ${env:...}}, {@code ${DEFAULT-VALUE}}): the
 * source of the configuration reference and of where {@code nightshift config} says a value came from. The runtime
 * commands share {@link ServerOptions}, and {@code dev} has no other flags, so its flags are theirs; the client
 * commands share {@link ApiOptions}.
 */
final class FlagModel {
  static final String RUNTIME_COMMAND = "dev";

  private final CommandLine root = new CommandLine(new NightshiftCli()).setInterpolateVariables(false);

  List<OptionSpec> runtimeFlags() {
    return flagsOf(RUNTIME_COMMAND);
  }

  /** The flags of {@link ApiOptions}, without those a client command adds of its own. */
  List<OptionSpec> clientFlags() {
    String client = commandsWith(ApiOptions.class).get(0);
    return root.getSubcommands().get(client).getCommandSpec().mixins().values().stream()
        .filter(m -> m.userObject() instanceof ApiOptions).findFirst().orElseThrow().options();
  }

  /** The top-level commands that take the flags of this mixin, in the order {@code nightshift --help} lists them. */
  List<String> commandsWith(Class<?> mixin) {
    return root.getSubcommands().entrySet().stream()
        .filter(c -> c.getValue().getCommandSpec().mixins().values().stream().anyMatch(m -> mixin.isInstance(
            m.userObject())))
        .map(Map.Entry::getKey).toList();
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
