package io.nightshift.cli;

import io.nightshift.runtime.logging.LogFormat;
import io.nightshift.runtime.logging.LogSetup;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code --log-format}: part of {@link ServerOptions}, applied before the command runs. */
final class LogOptions {
  @Option(names = LogFormat.FLAG, paramLabel = "FORMAT", converter = FormatName.class,
      description = "log lines on stderr: text, or json (one object a line, with the task id, step and attempt as"
          + " fields) (default: ${DEFAULT-VALUE})", defaultValue = "${env:" + LogFormat.VARIABLE + ":-text}")
  LogFormat format;

  /**
   * The CLI's execution strategy: switches the log format the parsed command asks for, then runs it, so the first
   * line the runtime logs is already in that format. Commands without the flag (the clients) keep the default.
   */
  static int applyThenRun(ParseResult parsed) {
    chosen(parsed).ifPresent(LogSetup::use);
    return new CommandLine.RunLast().execute(parsed);
  }

  /** The format of the innermost command that takes {@code --log-format} (its default when not given). */
  static Optional<LogFormat> chosen(ParseResult parsed) {
    LogFormat format = null;
    for (CommandLine command : parsed.asCommandLineList()) {
      OptionSpec option = command.getCommandSpec().findOption(LogFormat.FLAG);
      if (option != null) {
        format = option.getValue();
      }
    }
    return Optional.ofNullable(format);
  }

  /** text or json, in any case; anything else is refused naming the flag and the choices. */
  static final class FormatName implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(LogFormat.FLAG + " takes text or json, not '" + value + "'");
      }
    }
  }
}
