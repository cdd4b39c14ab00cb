package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ContextRefusalTest {
  private static ContextRefusal refusal(String serverMessage) {
    return ContextRefusal.of(new ModelCallException("e", FailureKind.CONTEXT_LENGTH_EXCEEDED, 400, null,
        serverMessage, null)).orElseThrow();
  }

  @Test
  void shouldReadTheWindowAndThePromptFromEachServersWording() {
    ContextRefusal llamaCppPython = refusal("This model's maximum context length is 2048 tokens. However, you "
        + "requested 2113 tokens (2049 in the messages, 64 in the completion).");
    ContextRefusal vllm = refusal("This model's maximum context length is 4096 tokens. However, your request has "
        + "5000 input tokens.");
    ContextRefusal llamaCpp = refusal("Requested tokens (9000) exceed context window of 8192");

    assertThat(llamaCppPython.window()).isEqualTo(OptionalInt.of(2_048));
    assertThat(llamaCppPython.promptTokens()).isEqualTo(OptionalInt.of(2_049));
    assertThat(vllm.window()).isEqualTo(OptionalInt.of(4_096));
    assertThat(vllm.promptTokens()).isEqualTo(OptionalInt.of(5_000));
    assertThat(llamaCpp.window()).isEqualTo(OptionalInt.of(8_192));
    assertThat(llamaCpp.promptTokens()).isEqualTo(OptionalInt.of(9_000));
  }

  @Test
  void shouldSayWhatTheServerLeftUnstatedAndLeaveOtherFailuresAlone() {
    ContextRefusal vague = refusal("the request exceeds the available context size");

    assertThat(vague.numbers()).isEqualTo("a context window it did not state and a prompt size it did not state");
    assertThat(ContextRefusal.of(new ModelCallException("e", FailureKind.BAD_REQUEST, 400, null, "bad json", null)))
        .isEmpty();
  }
}
