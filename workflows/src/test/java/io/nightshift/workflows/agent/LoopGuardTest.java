package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.pipeline.LoopGuardSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loop guard's counting, notes and stops (issue 19), without Temporal. */
class LoopGuardTest {
  private static final LoopGuard.Outcome SAME = ok("the same answer");

  @Test
  void shouldCountTheSameCallWithItsKeysReorderedAsTheSameCall() {
    LoopGuard guard = guard(5, 5);

    guard.record(call("memory.search", "{\"query\":\"grid\",\"filter\":{\"a\":1,\"b\":[{\"x\":1,\"y\":2}]}}"),
        SAME, "");
    LoopGuard.Verdict second = guard.record(call("memory.search",
        "{ \"filter\": {\"b\": [{\"y\": 2, \"x\": 1}], \"a\": 1},\n  \"query\": \"grid\" }"), SAME, "");

    assertThat(second.note()).hasValueSatisfying(n -> assertThat(n).startsWith(LoopGuard.NOTE_PREFIX)
        .contains("tool memory.search").contains("made 2 times in a row"));
    assertThat(ToolCallKey.canonicalArguments("{ \"b\": 2, \"a\": [1, {\"d\": 4, \"c\": 3}] }"))
        .isEqualTo("{\"a\":[1,{\"c\":3,\"d\":4}],\"b\":2}");
  }

  @Test
  void shouldStartAfreshOnADifferentArgumentAnotherToolOrAnotherResult() {
    LoopGuard guard = guard(5, 5);
    guard.record(call("text.echo", "{\"a\":1}"), SAME, "");
    assertThat(guard.record(call("text.echo", "{\"a\":1}"), SAME, "").note()).isPresent();

    assertThat(guard.record(call("text.echo", "{\"a\":2}"), SAME, "").note()).as("another argument").isEmpty();
    assertThat(guard.record(call("text.upper", "{\"a\":2}"), SAME, "").note()).as("another tool").isEmpty();
    assertThat(guard.record(call("text.upper", "{\"a\":2}"), ok("a new answer"), "").note()).as("another result")
        .isEmpty();
    assertThat(guard.record(call("text.upper", "{\"a\":2}"), ok("a new answer"), "").note()).isPresent();
    assertThat(guard.record(call("text.upper", "{\"a\":2}"), new LoopGuard.Outcome(true, Optional.empty()), "")
        .note()).as("a result without a digest is never the same").isEmpty();
  }

  @Test
  void shouldSayHowOftenTheCallWasMadeAndWhenTheStepStops() {
    LoopGuard guard = guard(4, 5);
    for (int i = 0; i < 2; i++) {
      guard.record(call("memory.search", "{\"query\":\"x\"}"), SAME, "");
    }

    assertThat(guard.record(call("memory.search", "{\"query\":\"x\"}"), SAME, "").note()).contains(
        "[loop guard] This exact call (tool memory.search, the same arguments) has now been made 3 times in a row and"
            + " returned the same result each time. Asking for it again after 4 such results ends this step"
            + " (max_repeats: 4): try something else.");
  }

  @Test
  void shouldRefuseTheCallThatWouldRepeatPastTheBoundNamingToolCountAndBound() {
    LoopGuard guard = guard(3, 5);
    AgentToolCall search = call("memory.search", "{\"query\":\"x\"}");
    for (int i = 0; i < 3; i++) {
      assertThat(guard.refusal(List.of(search))).as("call %d", i + 1).isEmpty();
      guard.record(search, SAME, "");
    }

    assertThat(guard.refusal(List.of(call("memory.search", "{\"query\":\"y\"}")))).isEmpty();
    assertThat(guard.refusal(List.of(call("memory.save", "{\"query\":\"x\"}"), search))).as("another call between")
        .isEmpty();
    assertThat(guard.refusal(List.of(call("memory.search", "{ \"query\" : \"x\" }")))).contains("loop guard: the model"
        + " asked again for tool 'memory.search' with the same arguments after 3 calls in a row that returned the same"
        + " result (max_repeats: 3); the call was not run: { \"query\" : \"x\" }");
  }

  @Test
  void shouldCountRepeatsWithinOneTurnAsIfTheyReturnedTheSameResult() {
    LoopGuard guard = guard(3, 5);
    AgentToolCall search = call("memory.search", "{}");
    guard.record(search, SAME, "");
    guard.record(search, SAME, "");

    assertThat(guard.refusal(List.of(search))).isEmpty();
    assertThat(guard.refusal(List.of(search, search))).hasValueSatisfying(why -> assertThat(why)
        .contains("after 3 calls in a row"));
  }

  @Test
  void shouldCountFailuresOfOneToolWhateverTheArgumentsAndEndTheStepAtTheBound() {
    LoopGuard guard = guard(5, 3);

    assertThat(guard.record(call("memory.save", "{\"text\":1}"), failed("error: text must be a string"), "").note())
        .isEmpty();
    assertThat(guard.record(call("memory.search", "{}"), failed("error: no query"), "").stop())
        .as("another tool's failures are its own").isEmpty();
    LoopGuard.Verdict second = guard.record(call("memory.save", "{\"text\":2}"), failed("error: text must be a string"),
        "");
    LoopGuard.Verdict third = guard.record(call("memory.save", "{\"text\":3}"), failed("error: text must be a string"),
        "error: text must be a string, was 3");

    assertThat(second.note()).contains("[loop guard] Tool memory.save has now failed 2 times in a row. After 3"
        + " failures in a row this step ends (max_consecutive_failures: 3): fix the call or use another tool.");
    assertThat(second.stop()).isEmpty();
    assertThat(third.stop()).contains("loop guard: tool 'memory.save' failed 3 times in a row"
        + " (max_consecutive_failures: 3); its last result: error: text must be a string, was 3");
  }

  @Test
  void shouldForgetAToolsFailuresWhenItSucceeds() {
    LoopGuard guard = guard(5, 3);
    guard.record(call("memory.save", "{\"text\":1}"), failed("error"), "");
    guard.record(call("memory.save", "{\"text\":2}"), failed("error"), "");
    guard.record(call("memory.save", "{\"text\":\"ok\"}"), ok("saved"), "");

    assertThat(guard.record(call("memory.save", "{\"text\":3}"), failed("error"), "").note()).isEmpty();
    assertThat(guard.record(call("memory.save", "{\"text\":4}"), failed("error"), "").stop()).isEmpty();
  }

  @Test
  void shouldNoteBothLoopsInOneResultWhenTheSameCallKeepsFailing() {
    LoopGuard guard = guard(5, 5);
    guard.record(call("memory.save", "{\"tags\":\"{\"}"), failed("error: not a tag"), "");

    assertThat(guard.record(call("memory.save", "{\"tags\":\"{\"}"), failed("error: not a tag"), "").note())
        .hasValueSatisfying(n -> assertThat(n).contains("made 2 times in a row").contains("failed 2 times in a row"));
  }

  @Test
  void shouldNeitherNoteNorStopWhenItsBoundsAreZero() {
    LoopGuard guard = guard(0, 0);
    AgentToolCall call = call("text.bad", "{}");
    for (int i = 0; i < 50; i++) {
      assertThat(guard.refusal(List.of(call))).isEmpty();
      assertThat(guard.record(call, failed("error"), "")).isEqualTo(LoopGuard.Verdict.NONE);
    }
  }

  @Test
  void shouldGoOnCountingFromItsStateAfterAContinueAsNew() {
    AgentToolCall search = call("memory.search", "{}");
    LoopGuard repeating = guard(3, 3);
    for (int i = 0; i < 3; i++) {
      repeating.record(search, SAME, "");
    }
    LoopGuard failing = guard(3, 3);
    failing.record(call("memory.save", "{}"), failed("error"), "");

    LoopGuard repeated = new LoopGuard(new LoopGuardSettings(3, 3), repeating.state());
    LoopGuard goneOnFailing = new LoopGuard(new LoopGuardSettings(3, 3), failing.state());

    assertThat(repeated.refusal(List.of(search))).isPresent();
    assertThat(goneOnFailing.record(call("memory.save", "{\"x\":1}"), failed("error"), "").note())
        .hasValueSatisfying(n -> assertThat(n).contains("failed 2 times in a row"));
  }

  @Test
  void shouldRememberTheFailuresOfABoundedNumberOfTools() {
    LoopGuard guard = guard(5, 5);
    for (int i = 0; i < 200; i++) {
      guard.record(call("invented.tool" + i, "{}"), failed("refused: not allowed"), "");
    }

    assertThat(guard.state().failures()).hasSize(LoopGuardState.MAX_TOOLS_REMEMBERED);
  }

  private static LoopGuard guard(int maxRepeats, int maxFailures) {
    return new LoopGuard(new LoopGuardSettings(maxRepeats, maxFailures), LoopGuardState.EMPTY);
  }

  private static AgentToolCall call(String tool, String arguments) {
    return new AgentToolCall("id-" + arguments.hashCode(), tool, arguments);
  }

  private static LoopGuard.Outcome ok(String text) {
    return new LoopGuard.Outcome(true, Optional.of(ToolCallKey.ofResult(text)));
  }

  private static LoopGuard.Outcome failed(String text) {
    return new LoopGuard.Outcome(false, Optional.of(ToolCallKey.ofResult(text)));
  }
}
