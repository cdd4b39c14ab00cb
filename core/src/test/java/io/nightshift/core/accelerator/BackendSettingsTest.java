package io.nightshift.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {
  private final BackendSettings settings = new BackendSettings("nvidia", "gpu-a", Map.of(
      "price-per-unit-hour", "4.10", "startup-timeout", "PT40M", "poll", "15", "bad", "four", "cmd", " vllm  serve "));

  @Test
  void shouldParseTypedValuesAndFallBackWhenAbsent() {
    assertThat(settings.decimal("price-per-unit-hour", 0)).isEqualTo(4.10);
    assertThat(settings.duration("startup-timeout", Duration.ZERO)).isEqualTo(Duration.ofMinutes(40));
    assertThat(settings.duration("poll", Duration.ZERO)).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.integer("missing", 7)).isEqualTo(7);
    assertThat(settings.words("cmd", List.of())).containsExactly("vllm", "serve");
  }

  @Test
  void shouldNameThePoolAndKeyWhenAValueIsInvalid() {
    assertThatThrownBy(() -> settings.integer("bad", 1))
        .isInstanceOf(AcceleratorException.class)
        .hasMessageContaining("pool 'gpu-a' key 'bad' must be an integer, was 'four'")
        .satisfies(e -> assertThat(((AcceleratorException) e).retryable()).isFalse());
  }

  @Test
  void shouldPriceUnitsByTheHour() {
    PriceRate rate = new PriceRate(4.0, "USD", 700);
    assertThat(rate.cost(2, Duration.ofMinutes(30))).isEqualTo(4.0);
    assertThatThrownBy(() -> new PriceRate(-1, "USD", 0)).hasMessageContaining("perUnitHour");
  }
}
