package io.nightshift.workflows.task.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one approval sequence every step that holds for a person goes through, without Temporal. */
class TaskControlTest {
  /** Answers every wait with {@code answer} (empty: the wait became moot) and records what the task saw. */
  private static final class Recording implements TaskControl {
    final List<String> seen = new ArrayList<>();
    private final Decision answer;

    Recording(Decision answer) {
      this.answer = answer;
    }

    @Override
    public void pause(String reason) {
      seen.add("pause: " + reason);
    }

    @Override
    public void resume() {
      seen.add("resume");
    }

    @Override
    public Optional<Decision> awaitDecision(String step, String why, BooleanSupplier moot) {
      seen.add("await " + step);
      return Optional.ofNullable(answer);
    }
  }

  @Test
  void shouldPauseTheTaskWhileABudgetStopWaitsAndResumeItBeforeTheRejectionFailsTheStep() {
    Recording control = new Recording(new Decision("s", false, "too dear", "cfo", 0, null, 1));

    assertThatThrownBy(() -> control.awaitApproval(Approval.budget("s", "out of tokens", "budget raise for step 's'")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(Approval.BUDGET_REJECTED);
          assertThat(f.getOriginalMessage()).isEqualTo("budget raise for step 's' rejected by cfo: too dear");
          assertThat(f.isNonRetryable()).isTrue();
        });
    assertThat(control.seen).containsExactly("pause: out of tokens", "await s", "resume");
  }

  @Test
  void shouldLetTheTaskRunWhileAGateWaitsAndNameNoOneWhenTheRejecterGaveNoName() {
    Recording control = new Recording(new Decision("publish", false, "wrong data", "", 0, null, 1));

    assertThatThrownBy(() -> control.awaitApproval(Approval.gate("publish")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(Approval.STEP_REJECTED);
          assertThat(f.getOriginalMessage()).isEqualTo("rejected: wrong data");
        });
    assertThat(control.seen).containsExactly("await publish");
  }

  @Test
  void shouldReturnTheApprovalOrNothingWhenTheWaitBecameMoot() {
    Decision yes = new Decision("s", true, "go", "lead", 5_000, null, 1);
    assertThat(new Recording(yes).awaitApproval(Approval.budget("s", "why", "raise"))).isEqualTo(yes);

    Recording moot = new Recording(null);
    assertThat(moot.awaitApproval(Approval.budget("s", "why", "raise"), () -> true)).isEmpty();
    assertThat(moot.seen).containsExactly("pause: why", "await s", "resume");
  }
}
