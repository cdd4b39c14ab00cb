package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.AgentCallUse;
import org.junit.jupiter.api.Test;

class CallUseLineTest {
  @Test
  void shouldPrintThePromptAgainstTheWindowTheTurnsOutOfViewAndTheServersCounts() {
    AgentCallUse use = AgentCallUse.newBuilder().setEndpoint("local").setPromptTokens(1_743).setWindow(2_048)
        .setTurnsLeftOut(3).setInputTokens(1_800).setOutputTokens(5).build();

    assertThat(CallUseLine.of(use))
        .isEqualTo("prompt 1,743 of 2,048 tokens (85 %), 3 turn(s) out of view; served by local: 1,800 in + 5 out");
  }

  @Test
  void shouldLeaveOutWhatWasNotKnownInsteadOfPrintingZeros() {
    AgentCallUse unreported = AgentCallUse.newBuilder().setEndpoint("vllm-a").setPromptTokens(300).setWindow(32_768)
        .build();
    AgentCallUse unmeasured = AgentCallUse.newBuilder().setEndpoint("vllm-a").setInputTokens(40).setOutputTokens(2)
        .build();

    assertThat(CallUseLine.of(unreported))
        .isEqualTo("prompt 300 of 32,768 tokens (1 %); served by vllm-a (no usage reported)");
    assertThat(CallUseLine.of(unmeasured)).isEqualTo("served by vllm-a: 40 in + 2 out");
  }
}
