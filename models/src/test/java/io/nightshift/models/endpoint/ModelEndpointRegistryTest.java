package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.NoSuchElementException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ModelEndpointRegistryTest {

  private static ModelEndpointConfig endpoint(String id, Provider provider, int slots) {
    return ModelEndpointConfig.custom().id(id).provider(provider).baseUrl("http://127.0.0.1:9/v1")
        .modelName("m").maxConcurrency(slots).build();
  }

  @Test
  void shouldBuildTheLangChain4jModelOfEachProvider() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(
        endpoint("vllm", Provider.OPENAI_COMPATIBLE, 8), endpoint("ollama", Provider.OLLAMA, 2)));

    assertThat(registry.get("vllm").chatModel()).isInstanceOf(OpenAiChatModel.class);
    assertThat(registry.get("ollama").chatModel()).isInstanceOf(OllamaChatModel.class);
  }

  @Test
  void shouldAddAndForgetEndpointsOfServersStartedWhileRunning() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(endpoint("fixed", Provider.OPENAI_COMPATIBLE, 1)));

    registry.register(endpoint("leased", Provider.OPENAI_COMPATIBLE, 3));

    assertThat(registry.configs()).extracting(ModelEndpointConfig::id).containsExactly("fixed", "leased");
    assertThat(registry.snapshot("leased").orElseThrow().maxSlots()).as("3 slots + 2 queued").isEqualTo(5);
    assertThatThrownBy(() -> registry.register(endpoint("leased", Provider.OPENAI_COMPATIBLE, 1)))
        .hasMessageContaining("'leased' is already registered");
    assertThat(registry.remove("leased")).isTrue();
    assertThat(registry.contains("leased")).isFalse();
    assertThat(registry.snapshot("leased")).isEmpty();
  }

  @Test
  void shouldSizeEachBulkheadToTheEndpointsSlotsPlusItsQueueDepthAndStartClosed() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(
        endpoint("b", Provider.OPENAI_COMPATIBLE, 8), endpoint("a", Provider.OLLAMA, 2)));

    assertThat(registry.snapshots()).extracting(s -> s.endpointId(), s -> s.circuitState(), s -> s.maxSlots(),
            s -> s.availableSlots())
        .containsExactly(
            Tuple.tuple("a", "CLOSED", 3, 3),
            Tuple.tuple("b", "CLOSED", 12, 12));
  }

  @Test
  void shouldRejectTheSameIdTwice() {
    assertThatThrownBy(() -> ModelEndpointRegistry.of(List.of(
            endpoint("x", Provider.OPENAI_COMPATIBLE, 1), endpoint("x", Provider.OLLAMA, 1))))
        .hasMessageContaining("'x' is configured twice");
  }

  @Test
  void shouldListTheKnownEndpointsWhenAskedForAnUnknownOne() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(endpoint("known", Provider.OLLAMA, 1)));

    assertThatThrownBy(() -> registry.get("missing"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no model endpoint 'missing'")
        .hasMessageContaining("[known]");
  }
}
