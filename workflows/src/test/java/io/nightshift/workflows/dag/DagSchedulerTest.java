package io.nightshift.workflows.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DagSchedulerTest {
  /** a -> (b, c) -> d, and e independent. */
  private static DagScheduler diamond() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("a", List.of());
    deps.put("b", List.of("a"));
    deps.put("c", List.of("a"));
    deps.put("d", List.of("b", "c"));
    deps.put("e", List.of());
    return new DagScheduler(deps);
  }

  @Test
  void shouldStartOnlyStepsWhoseDependenciesSucceeded() {
    DagScheduler dag = diamond();
    assertThat(dag.ready()).containsExactly("a", "e");
    dag.started("a");
    assertThat(dag.ready()).containsExactly("e");
    dag.succeeded("a");
    assertThat(dag.ready()).containsExactly("b", "c", "e");
    dag.started("b");
    dag.succeeded("b");
    assertThat(dag.ready()).containsExactly("c", "e");
    dag.started("c");
    dag.succeeded("c");
    assertThat(dag.ready()).containsExactly("d", "e");
  }

  @Test
  void shouldSkipTransitiveDependentsOfFailedStepButNotIndependentOnes() {
    DagScheduler dag = diamond();
    dag.started("a");
    dag.failed("a");
    assertThat(dag.state("b")).isEqualTo(StepState.SKIPPED);
    assertThat(dag.state("c")).isEqualTo(StepState.SKIPPED);
    assertThat(dag.state("d")).isEqualTo(StepState.SKIPPED);
    assertThat(dag.state("e")).isEqualTo(StepState.PENDING);
    assertThat(dag.ready()).containsExactly("e");
  }

  @Test
  void shouldFinishWhenEveryStepIsFinal() {
    DagScheduler dag = diamond();
    for (String s : List.of("a", "e", "b", "c", "d")) {
      assertThat(dag.isFinished()).isFalse();
      dag.started(s);
      dag.succeeded(s);
    }
    assertThat(dag.isFinished()).isTrue();
    assertThat(dag.counts()).containsEntry(StepState.SUCCEEDED, 5).containsEntry(StepState.PENDING, 0);
  }

  @Test
  void shouldCancelRunningAndPendingStepsWhenStopped() {
    DagScheduler dag = diamond();
    dag.started("a");
    dag.stopRemaining(StepState.CANCELLED, true);
    assertThat(dag.counts()).containsEntry(StepState.CANCELLED, 5);
    assertThat(dag.isFinished()).isTrue();
  }

  @Test
  void shouldRefuseIllegalTransitionsAndUnknownDependencies() {
    DagScheduler dag = diamond();
    assertThatThrownBy(() -> dag.succeeded("a")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("step 'a' is PENDING");
    assertThatThrownBy(() -> new DagScheduler(Map.of("x", List.of("y"))))
        .hasMessageContaining("needs unknown step 'y'");
  }
}
