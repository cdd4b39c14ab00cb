package io.nightshift.models;

/**
 * Tokens one call used, as the server reported them. {@code reported} is false when the server sent no usage
 * (some OpenAI-compatible servers omit it): the counts are then zero and budgets must not trust them.
 */
public record TokenCounts(long input, long output, boolean reported) {
  public static final TokenCounts UNREPORTED = new TokenCounts(0, 0, false);

  public TokenCounts {
    if (input < 0 || output < 0) {
      throw new IllegalArgumentException("token counts must not be negative: input=" + input + ", output=" + output);
    }
  }

  public long total() {
    return input + output;
  }
}
