package io.nightshift.models.endpoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What an endpoint's tokens cost, per 1,000 input (prompt) and output (completion) tokens, in the deployment's
 * accounting currency. Local servers are not free (hardware hours, power), so budgets can still be kept in money.
 */
public record PriceBasis(BigDecimal inputPer1k, BigDecimal outputPer1k) {
  public static final PriceBasis FREE = new PriceBasis(BigDecimal.ZERO, BigDecimal.ZERO);

  public PriceBasis {
    Objects.requireNonNull(inputPer1k, "inputPer1k must not be null");
    Objects.requireNonNull(outputPer1k, "outputPer1k must not be null");
    if (inputPer1k.signum() < 0) {
      throw new IllegalArgumentException("inputPer1k must not be negative but was " + inputPer1k);
    }
    if (outputPer1k.signum() < 0) {
      throw new IllegalArgumentException("outputPer1k must not be negative but was " + outputPer1k);
    }
  }

  public static PriceBasis per1k(String inputPer1k, String outputPer1k) {
    return new PriceBasis(new BigDecimal(inputPer1k), new BigDecimal(outputPer1k));
  }

  /** The cost of one call, to 8 decimal places (a single token of a cheap model is far below a cent). */
  public BigDecimal costOf(long inputTokens, long outputTokens) {
    BigDecimal input = inputPer1k.multiply(BigDecimal.valueOf(inputTokens));
    BigDecimal output = outputPer1k.multiply(BigDecimal.valueOf(outputTokens));
    return input.add(output).divide(BigDecimal.valueOf(1000), 8, RoundingMode.HALF_UP);
  }
}
