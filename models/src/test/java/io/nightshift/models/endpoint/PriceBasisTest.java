package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceBasisTest {

  @Test
  void shouldPriceInputAndOutputTokensSeparatelyPerThousand() {
    PriceBasis price = PriceBasis.per1k("0.50", "1.50");

    assertThat(price.costOf(2000, 1000)).isEqualByComparingTo(new BigDecimal("2.50"));
  }

  @Test
  void shouldKeepFractionsOfACentForSmallCalls() {
    PriceBasis price = PriceBasis.per1k("0.0001", "0.0002");

    assertThat(price.costOf(7, 3)).isEqualByComparingTo(new BigDecimal("0.0000013"));
  }

  @Test
  void shouldCostNothingOnAFreeEndpoint() {
    assertThat(PriceBasis.FREE.costOf(1_000_000, 1_000_000)).isZero();
  }
}
