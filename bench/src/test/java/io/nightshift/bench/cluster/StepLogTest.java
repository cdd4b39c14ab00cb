package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {
  private static final String WORKER_1 = """
      10:00:00.001 INFO  i.n.w.a.StepActivitiesImpl - [t1] running step 'load' of task t1 with data.read_csv (attempt 1)
      10:00:00.050 INFO  i.n.w.a.StepActivitiesImpl - [t1] finished step 'load' of task t1 in 49 ms: 8 rows
      10:00:00.100 INFO  i.n.w.a.StepActivitiesImpl - [t1] running step 'work[0]' of task t1 with simulated.work \
      (attempt 1, on 1 leased unit(s) sim)
      10:00:00.110 INFO  i.n.w.a.StepActivitiesImpl - [t1] running step 'work[1]' of task t1 with simulated.work \
      (attempt 1, on 1 leased unit(s) sim)
      10:00:02.100 INFO  i.n.w.a.StepActivitiesImpl - [t1] finished step 'work[0]' of task t1 in 2000 ms: ok
      """;
  private static final String WORKER_2 = """
      10:00:30.000 INFO  i.n.w.a.StepActivitiesImpl - [t1] running step 'work[1]' of task t1 with simulated.work \
      (attempt 2, on 1 leased unit(s) sim)
      10:00:32.001 INFO  i.n.w.a.StepActivitiesImpl - [t1] finished step 'work[1]' of task t1 in 2001 ms: ok
      """;

  @Test
  void shouldCountTheStepsStartedAndNotFinishedAsInFlight() {
    assertThat(StepLog.inFlight(WORKER_1)).isEqualTo(1);
    assertThat(StepLog.inFlight(WORKER_2)).isZero();
  }

  @Test
  void shouldCountOnlyTheStartsBeyondTheFirstOfEachStepAsReExecutions() {
    assertThat(StepLog.reExecutions(List.of(WORKER_1, WORKER_2))).isEqualTo(1);
    assertThat(StepLog.reExecutions(List.of(WORKER_1))).isZero();
  }

  @Test
  void shouldReadTheDurationTheWorkerMeasured() {
    assertThat(StepLog.durationsMillis(WORKER_1 + WORKER_2)).containsExactly(49L, 2000L, 2001L);
  }

  @Test
  void shouldCountAStepThatFailedAndStartedAgainInOneLogAsOneInFlight() {
    String log = """
        running step 'work[3]' of task t9 with simulated.work (attempt 1)
        step 'work[3]' of task t9 failed, will retry: busy
        running step 'work[3]' of task t9 with simulated.work (attempt 2)
        """;

    assertThat(StepLog.inFlight(log)).isEqualTo(1);
    assertThat(StepLog.reExecutions(List.of(log))).isEqualTo(1);
  }
}
