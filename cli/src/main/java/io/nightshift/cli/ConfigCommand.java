package io.nightshift.cli;

import io.nightshift.runtime.config.RuntimeConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift config}: reads the flags of {@code nightshift dev} as it would, checks them the same way
 * ({@link ServerOptions#toConfig}), and prints every setting with its value and where it came from (flag,
 * environment variable, default, or computed by the runtime from other settings). Starts nothing
 * and reads no file: key, certificate and token files are named, never opened.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print the effective configuration of the runtime commands (the flags of dev, worker, api,"
        + " temporal, demo): every setting, its value and where it came from; secrets masked. Starts nothing.")
final class ConfigCommand implements Callable<Integer> {
  static final String JSON_FLAG = "--json";

  /** Settings whose default the runtime computes from others: what it will use, rather than "none". */
  private static final Map<String, Function<RuntimeConfig, Object>> COMPUTED = Map.of(
      "--tools-dir", RuntimeConfig::toolsDir,
      "--payload-keys", RuntimeConfig::payloadKeysFile,
      "--ops-host", c -> c.ops().hostOr(c.apiHost()));

  @Mixin ServerOptions options;
  @Spec CommandSpec spec;

  @Option(names = JSON_FLAG, description = "one JSON object: {\"settings\": [{\"flag\", \"value\", \"source\"}]}")
  boolean json;

  @Override
  public Integer call() {
    RuntimeConfig config;
    try {
      config = options.toConfig(); // refuses what dev would refuse, with the same message
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<EffectiveSetting> settings = settings(System.getenv(), config);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? EffectiveSetting.json(settings) : EffectiveSetting.text(settings));
    out.flush();
    return 0;
  }

  private List<EffectiveSetting> settings(Map<String, String> env, RuntimeConfig config) {
    FlagModel declared = new FlagModel();
    List<EffectiveSetting> settings = new ArrayList<>();
    FlagModel.configurable(spec.options().stream()).filter(o -> !o.longestName().equals(JSON_FLAG)).forEach(o -> {
      DefaultExpression defaults = declared.runtimeDefault(o.longestName());
      String source = spec.commandLine().getParseResult().hasMatchedOption(o) ? "flag"
          : defaults.variables().stream().filter(v -> env.get(v) != null && !env.get(v).isEmpty()).findFirst()
              .map(v -> "environment " + v).orElse("default");
      String value = written(o.getValue());
      if (value == null && COMPUTED.containsKey(o.longestName())) {
        value = String.valueOf(COMPUTED.get(o.longestName()).apply(config));
        source = "computed";
      }
      List<String> names = Stream.concat(Stream.of(o.names()), defaults.variables().stream()).toList();
      settings.add(new EffectiveSetting(o.longestName(), Optional.ofNullable(SecretMask.shown(names, o.type(), value)),
          source));
    });
    return settings;
  }

  private static String written(Object value) {
    if (value instanceof Collection<?> values) {
      return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return value == null ? null : String.valueOf(value);
  }
}
