package io.nightshift.cli;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docs/configuration.md}: every flag of the runtime and client commands, the environment variables each
 * reads and its default, generated from the CLI's own declarations so the reference cannot drift from the code.
 * {@code ConfigurationReferenceTest} fails when the checked-in file differs; run with {@code -Dnightshift.regenerate=true}, it
 * rewrites it.
 */
final class ConfigurationReference {
  static final String FILE = "docs/configuration.md";
  static final String REGENERATE = "./mvnw -q test -pl cli -am -Dtest=ConfigurationReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dnightshift.regenerate=true";

  private ConfigurationReference() {
  }

  static String markdown() {
    FlagModel model = new FlagModel();
    StringBuilder out = new StringBuilder();
    out.append("# Configuration reference\n\n")
        .append("Generated from the CLI's flag declarations; do not edit by hand. To regenerate:\n`")
        .append(REGENERATE).append("`.\n")
        .append("`nightshift config [flags]` prints the effective configuration of the runtime commands: every"
            + " setting, its value and where it came from.\n\n")
        .append("A flag given on the command line wins over its environment variables, which win over the"
            + " default. Where several variables are listed, the first one set is used.\n\n")
        .append("## Runtime commands: `dev`, `demo`, `worker`, `api`, `temporal`, `config`\n\n");
    table(out, model.runtimeFlags());
    out.append("\n`demo` adds `--pipeline` and `--param`; see `nightshift demo --help`.\n\n")
        .append("## Client commands: `submit`, `list`, `status`, `watch`, `cancel`, `pause`, `resume`, `approve`,"
            + " `reject`, `steer`, `conversation`, `backends`\n\n");
    table(out, model.clientFlags());
    out.append("\nThe token itself may also come from the environment variable `").append(ApiOptions.TOKEN_VARIABLE)
        .append("` (used when `--token-file` is not given); it is never taken as a flag, since a command line is"
            + " visible to every user of the machine.\n");
    return out.toString();
  }

  private static void table(StringBuilder out, List<OptionSpec> flags) {
    out.append("| flag | environment | default | meaning |\n| --- | --- | --- | --- |\n");
    for (OptionSpec flag : flags) {
      DefaultExpression defaults = DefaultExpression.parse(flag.defaultValue() == null ? "" : flag.defaultValue());
      out.append("| `").append(String.join("`, `", flag.names())).append('`')
          .append(flag.type() == boolean.class ? "" : " " + label(flag))
          .append(" | ").append(defaults.variables().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(" | ").append(defaults.fallback().map(v -> "`" + v + "`")
              .orElse(flag.type() == boolean.class ? "off" : "none"))
          .append(" | ").append(meaning(flag)).append(" |\n");
    }
  }

  /** The flag's value as its help names it; picocli's made-up {@code <fieldName>} becomes the kind of value. */
  private static String label(OptionSpec flag) {
    if (!flag.paramLabel().startsWith("<")) {
      return flag.paramLabel();
    }
    if (flag.type() == int.class) {
      return "N";
    }
    return flag.type() == java.nio.file.Path.class ? "PATH" : "VALUE";
  }

  /** The help text, without the default it repeats and with the choices of an enum written out. */
  private static String meaning(OptionSpec flag) {
    String text = String.join(" ", flag.description())
        .replace(" (default: ${DEFAULT-VALUE})", "")
        .replace("${DEFAULT-VALUE}", "the default");
    if (flag.completionCandidates() != null) {
      text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ",
          StreamSupport.stream(flag.completionCandidates().spliterator(), false).toList()));
    }
    if (flag.isMultiValue()) {
      text = text + (text.contains("repeatable") ? "" : " (repeatable)");
    }
    return text.replace("|", "\\|");
  }
}
