package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelEndpointConfigTest {

  private static ModelEndpointConfig.Builder valid() {
    return ModelEndpointConfig.custom().id("local-llama").baseUrl("http://127.0.0.1:8000/v1").modelName("smol");
  }

  @Test
  void shouldKeepEveryConfiguredField() {
    ModelEndpointConfig config = valid()
        .provider(Provider.OLLAMA)
        .apiKey("secret")
        .maxConcurrency(4)
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(30))
        .maxWaitForSlot(Duration.ZERO)
        .priceBasis(PriceBasis.per1k("0.01", "0.03"))
        .rateLimit(RateLimit.of(10, Duration.ofSeconds(1)))
        .build();

    assertThat(config.id()).isEqualTo("local-llama");
    assertThat(config.provider()).isEqualTo(Provider.OLLAMA);
    assertThat(config.baseUrl().toString()).isEqualTo("http://127.0.0.1:8000/v1");
    assertThat(config.apiKey()).contains("secret");
    assertThat(config.maxConcurrency()).isEqualTo(4);
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxWaitForSlot()).isZero();
    assertThat(config.priceBasis().outputPer1k()).isEqualByComparingTo(new BigDecimal("0.03"));
    assertThat(config.rateLimit().permits()).isEqualTo(10);
  }

  @Test
  void shouldDefaultToOneSlotOpenAiCompatibleAndFree() {
    ModelEndpointConfig config = valid().build();

    assertThat(config.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
    assertThat(config.maxConcurrency()).isEqualTo(1);
    assertThat(config.priceBasis()).isEqualTo(PriceBasis.FREE);
    assertThat(config.apiKey()).isEmpty();
    assertThat(config.contextWindow()).as("unstated: the server or the estimate tells").isEmpty();
  }

  @Test
  void shouldKeepHalfTheSlotsWaitingAtTheServerUnlessTheQueueDepthIsStated() {
    assertThat(valid().build().queueDepth()).as("one slot: still one waiting").isEqualTo(1);
    assertThat(valid().maxConcurrency(4).build().maxInFlight()).isEqualTo(6);
    assertThat(valid().maxConcurrency(5).build().queueDepth()).isEqualTo(3);
    assertThat(valid().maxConcurrency(4).queueDepth(0).build().maxInFlight()).isEqualTo(4);
    assertThat(valid().queueDepth(7).maxConcurrency(2).build().maxInFlight()).isEqualTo(9);
    assertThatThrownBy(() -> valid().queueDepth(-1)).hasMessage("queueDepth must not be negative but was -1");
  }

  @Test
  void shouldKeepAStatedContextWindowAndRefuseOneSmallerThanAnyModelWeServe() {
    assertThat(valid().contextWindow(2048).build().contextWindow()).hasValue(2048);
    assertThatThrownBy(() -> valid().contextWindow(4))
        .hasMessage("contextWindow must be at least " + ModelEndpointConfig.MIN_CONTEXT_WINDOW + " but was 4");
  }

  @Test
  void shouldNameTheFieldInEveryValidationError() {
    assertThatThrownBy(() -> valid().id("has space")).hasMessageContaining("id must be");
    assertThatThrownBy(() -> valid().baseUrl("ftp://x/v1")).hasMessageContaining("baseUrl must be an http(s) URL");
    assertThatThrownBy(() -> valid().baseUrl(" ")).hasMessageContaining("baseUrl must not be blank");
    assertThatThrownBy(() -> valid().modelName("")).hasMessageContaining("modelName must not be blank");
    assertThatThrownBy(() -> valid().maxConcurrency(0))
        .hasMessage("maxConcurrency must be greater than 0 but was 0");
    assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout must be");
    assertThatThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("connectTimeout must be");
    assertThatThrownBy(() -> valid().maxWaitForSlot(Duration.ofMillis(-1)))
        .hasMessageContaining("maxWaitForSlot must not be negative");
    assertThatThrownBy(() -> PriceBasis.per1k("-1", "0")).hasMessageContaining("inputPer1k must not be negative");
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1))).hasMessageContaining("rateLimit.permits");
    assertThatThrownBy(() -> new CircuitBreakerSettings(0f, 10, 5, Duration.ofSeconds(1)))
        .hasMessageContaining("circuitBreaker.failureRatePercent");
  }

  @Test
  void shouldRefuseToBuildWithoutRequiredFields() {
    assertThatThrownBy(() -> ModelEndpointConfig.custom().build()).hasMessage("id must be set");
    assertThatThrownBy(() -> ModelEndpointConfig.custom().id("a").modelName("m").build())
        .hasMessageContaining("baseUrl must be set (endpoint 'a')");
    assertThatThrownBy(() -> ModelEndpointConfig.custom().id("a").baseUrl("http://h/v1").build())
        .hasMessageContaining("modelName must be set");
  }

  @Test
  void shouldMaskTheApiKeyWhenPrinted() {
    String printed = valid().apiKey("sk-very-secret").build().toString();

    assertThat(printed).doesNotContain("sk-very-secret").contains("apiKey=****");
  }
}
