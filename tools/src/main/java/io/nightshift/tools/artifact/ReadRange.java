package io.nightshift.tools.artifact;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import java.util.Optional;

/**
 * The part of an artifact {@code artifact.read} is asked for: {@code offset} and {@code length} in bytes, parsed
 * and checked once here, each refusal naming its parameter.
 *
 * @param offset the first byte, from 0
 * @param length how many bytes, 1 to {@link #MAX_LENGTH}
 */
public record ReadRange(long offset, int length) {
  /** The most one call returns: enough for a page of a log or a table, small enough for a model's context. */
  public static final int MAX_LENGTH = 16_384;
  /** What a call that gives an offset but no length reads. */
  public static final int DEFAULT_LENGTH = 4_096;

  public ReadRange {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("length must be 1-" + MAX_LENGTH + ", was " + length);
    }
  }

  /** The range in a call's arguments; empty when it gives neither offset nor length (the whole artifact). */
  public static Optional<ReadRange> of(ToolArguments args) {
    Optional<String> offset = args.optional("offset");
    Optional<String> length = args.optional("length");
    if (offset.isEmpty() && length.isEmpty()) {
      return Optional.empty();
    }
    long from = offset.map(v -> whole("offset", v, 0, Long.MAX_VALUE)).orElse(0L);
    long bytes = length.map(v -> whole("length", v, 1, MAX_LENGTH)).orElse((long) DEFAULT_LENGTH);
    return Optional.of(new ReadRange(from, (int) bytes));
  }

  private static long whole(String param, String value, long min, long max) {
    long parsed;
    try {
      parsed = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ToolException.permanent("parameter '" + param + "' must be a whole number of bytes, was '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw ToolException.permanent("parameter '" + param + "' must be "
          + (max == Long.MAX_VALUE ? ">= " + min : min + "-" + max) + " bytes, was " + parsed);
    }
    return parsed;
  }
}
