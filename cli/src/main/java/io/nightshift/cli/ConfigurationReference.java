package io.nightshift.cli;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docs/configuration.md}: every flag of the runtime and client commands, the environment variables each
 * reads and its default, generated from the CLI's own declarations so the reference cannot drift from the code,
 * and the keys of the backends and models files ({@link FileKeys}, held to their readers by a test).
 * {@code ConfigurationReferenceTest} fails when the checked-in file differs; run with
 * {@code -Dnightshift.regenerate=true}, it rewrites it.
 */
final class ConfigurationReference {
  static final String FILE = "docs/configuration.md";
  static final String REGENERATE = "./mvnw -q test -pl cli -am -Dtest=ConfigurationReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dnightshift.regenerate=true";

  /** "(default: X)" in a flag's help text, X possibly with parentheses of its own, or a closing "; default: X". */
  private static final Pattern DESCRIBED_DEFAULT = Pattern.compile(
      "\\s*\\(default: ((?:[^()]|\\([^()]*\\))*)\\)|; default: (.*)$");

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
        .append("## Runtime commands: ").append(commands(model.commandsWith(ServerOptions.class))).append("\n\n");
    table(out, model.runtimeFlags());
    out.append("\n`demo` adds flags of its own; see `nightshift demo --help`.\n\n")
        .append("## Client commands: ").append(commands(model.commandsWith(ApiOptions.class)))
        .append("\n\nThe flags every command that calls the API takes; a command's own flags are in its `--help`.\n\n");
    table(out, model.clientFlags());
    out.append("\nThe token itself may also come from the environment variable `").append(ApiOptions.TOKEN_VARIABLE)
        .append("` (used when `--token-file` is not given); it is never taken as a flag, since a command line is"
            + " visible to every user of the machine.\n")
        .append("\n## Backends file (`--backends`)\n\n");
    keys(out, FileKeys.BACKENDS);
    out.append("\n## Models file (`--models`)\n\n");
    keys(out, FileKeys.MODELS);
    out.append("\nAny other key is refused at start, naming the file, the key's path and its line.\n");
    return out.toString();
  }

  private static String commands(List<String> names) {
    return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  private static void table(StringBuilder out, List<OptionSpec> flags) {
    out.append("| flag | environment | default | meaning |\n| --- | --- | --- | --- |\n");
    for (OptionSpec flag : flags) {
      DefaultExpression defaults = DefaultExpression.parse(flag.defaultValue() == null ? "" : flag.defaultValue());
      String meaning = meaning(flag);
      // a default the code computes (from --data-dir, --api-host, ...) is written in the help text instead
      Matcher described = DESCRIBED_DEFAULT.matcher(meaning);
      String unset = flag.type() == boolean.class ? "off" : "none";
      String fallback = defaults.fallback().map(v -> "`" + v + "`").orElse(described.find()
          ? Objects.requireNonNullElse(described.group(1), described.group(2)) : unset);
      if (defaults.fallback().isEmpty()) {
        meaning = DESCRIBED_DEFAULT.matcher(meaning).replaceFirst("");
      }
      out.append("| `").append(String.join("`, `", flag.names())).append('`')
          .append(flag.type() == boolean.class ? "" : " " + label(flag))
          .append(" | ").append(defaults.variables().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(" | ").append(markdownText(fallback)).append(" | ").append(markdownText(meaning)).append(" |\n");
    }
  }

  private static void keys(StringBuilder out, List<FileKeys.FileKey> keys) {
    out.append("| key | meaning |\n| --- | --- |\n");
    keys.forEach(k -> out.append("| `").append(k.path()).append("` | ").append(markdownText(k.meaning()))
        .append(" |\n"));
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
    return text;
  }

  /** Text for a table cell: pipes escaped, and outside `code` spans {@code <data-dir>} kept from reading as HTML. */
  private static String markdownText(String text) {
    String[] parts = text.replace("|", "\\|").split("`", -1);
    for (int i = 0; i < parts.length; i += 2) {
      parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;");
    }
    return String.join("`", parts);
  }
}
