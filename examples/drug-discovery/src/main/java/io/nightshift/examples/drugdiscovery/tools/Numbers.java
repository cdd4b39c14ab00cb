package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import java.util.Locale;

/** Locale-independent number formatting and checked numeric parameters. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static int positiveInt(ToolArguments arguments, String name, int fallback) {
    double value = arguments.number(name, fallback);
    if (value < 1 || value != Math.rint(value) || value > 1_000_000) {
      throw ToolException.permanent("parameter '" + name + "' must be a whole number from 1 to 1000000, was "
          + arguments.optional(name).orElse(String.valueOf(fallback)));
    }
    return (int) value;
  }

  static double inRange(ToolArguments arguments, String name, double fallback, double min, double max) {
    double value = arguments.number(name, fallback);
    if (value < min || value > max || Double.isNaN(value)) {
      throw ToolException.permanent(
          "parameter '" + name + "' must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static boolean flag(ToolArguments arguments, String name, boolean fallback) {
    String value = arguments.orDefault(name, String.valueOf(fallback)).strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw ToolException.permanent("parameter '" + name + "' must be true or false, was " + value);
    };
  }
}
