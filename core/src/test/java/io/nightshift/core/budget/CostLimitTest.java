package io.nightshift.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostLimitTest {
  @Test
  void shouldReadPlainDecimalsExactlyWithinTheBounds() {
    assertThat(CostLimit.parse("25")).isEqualByComparingTo("25");
    assertThat(CostLimit.parse(" 0.50 ").toPlainString()).isEqualTo("0.50");
    assertThat(CostLimit.parse("9999999999.99999999").toPlainString()).isEqualTo("9999999999.99999999");
    assertThat(CostLimit.parse("0.00000001").toPlainString()).isEqualTo("0.00000001");
  }

  @Test
  void shouldRefuseWhatDoubleParsingOrBigDecimalAlsoTakeButIsNoPlainBoundedDecimal() {
    for (String text : List.of("1d", "1f", "Infinity", "-Infinity", "NaN", "0x1p3", "1e3", "1e999999999", "1E-5",
        "+1", ".5", "5.", "1,5", "", " ", "a lot")) {
      assertThatThrownBy(() -> CostLimit.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain notation").hasMessageContaining("'" + text + "'");
    }
    assertThatThrownBy(() -> CostLimit.parse(null)).hasMessageContaining("plain notation");
  }

  @Test
  void shouldRefuseZeroNegativeAndValuesPastTheDigitBounds() {
    assertThatThrownBy(() -> CostLimit.parse("0")).hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> CostLimit.parse("0.00000000")).hasMessageContaining("greater than 0");
    for (String text : List.of("-1", "-0.5", "12345678901", "0.123456789")) {
      assertThatThrownBy(() -> CostLimit.parse(text)).as(text).hasMessageContaining("at most 10 digits before it");
    }
  }
}
