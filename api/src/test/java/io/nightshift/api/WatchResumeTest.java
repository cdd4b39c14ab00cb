package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.api.v1.TimelineEventKind;
import io.nightshift.api.v1.WatchTaskRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WatchTask's sequence numbers over real sockets and a real task workflow: two API instances on one Temporal (as
 * two API processes, or one before and after a restart) give the same sequence, and a client cut off mid-task that
 * reconnects to the other with its last sequence gets every timeline entry it missed, none twice.
 */
class WatchResumeTest {
  @TempDir Path dir;
  private StepsOnGates gates;
  private TaskApiOnSocket first;
  private TaskApiOnSocket second;

  @BeforeEach
  void setUp() throws Exception {
    gates = new StepsOnGates(dir, 4);
    first = TaskApiOnSocket.start(gates.client(), gates.submitter(dir), null);
    second = TaskApiOnSocket.start(gates.client(), gates.submitter(dir), null);
  }

  @AfterEach
  void tearDown() {
    first.close();
    second.close();
    gates.close();
  }

  @Test
  void shouldResumeAfterADisconnectWithEveryTimelineEntryItMissedAndNoneTwice() throws Exception {
    gates.start("resumed");
    Watch before = new Watch();
    first.asyncApi().watchTask(WatchTaskRequest.newBuilder().setTaskId("resumed").build(), before);
    gates.open(); // s1 succeeds, s2 starts and waits
    await(() -> before.showsStep("s2", TimelineEventKind.TIMELINE_EVENT_KIND_STEP_STARTED));
    before.call.cancel("the client's network went away", null); // forced disconnect
    long last = before.lastSequence();

    gates.open(); // s2 and s3 succeed while nobody watches
    gates.open();
    await(() -> readFrom(second, "resumed").getStepsList().stream().filter(s -> s.getName().equals("s4"))
        .anyMatch(s -> s.getState() == StepState.STEP_STATE_RUNNING));

    Watch after = new Watch();
    second.asyncApi().watchTask(WatchTaskRequest.newBuilder().setTaskId("resumed").setAfterSequence(last).build(),
        after);
    await(() -> !after.events.isEmpty());
    TaskEvent resumedWith = after.events.get(0);
    assertThat(resumedWith.getTimeline(0).getSequence()).as("the first event starts right after the last seen")
        .isEqualTo(last + 1);
    assertThat(resumedWith.getTimelineList()).extracting(TimelineEvent::getStep).contains("s2", "s3", "s4");
    assertThat(resumedWith.getTimelineLost()).isZero();
    assertThat(resumedWith.getTask().getTimelineList()).as("a watch event's view carries no timeline").isEmpty();
    gates.open();
    after.done.get(30, TimeUnit.SECONDS);

    List<TimelineEvent> received = new ArrayList<>(before.entries());
    received.addAll(after.entries());
    Task ended = readFrom(first, "resumed");
    assertThat(ended.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(received).as("both streams together: the task's whole timeline, in order, nothing twice")
        .containsExactlyElementsOf(ended.getTimelineList());
    assertThat(after.events.get(after.events.size() - 1).getSequence()).isEqualTo(ended.getSequence());
  }

  @Test
  void shouldGiveTheSameSequenceAndTimelineFromTwoApiInstances() throws Exception {
    gates.start("twice");
    gates.open();
    await(() -> readFrom(first, "twice").getStepsList().stream()
        .anyMatch(s -> s.getName().equals("s2") && s.getState() == StepState.STEP_STATE_RUNNING));

    Task one = readFrom(first, "twice");
    Task other = readFrom(second, "twice");
    assertThat(one.getSequence()).isPositive().isEqualTo(other.getSequence());
    assertThat(one.getTimelineList()).isEqualTo(other.getTimelineList());
    assertThat(one.getTimeline(one.getTimelineCount() - 1).getSequence()).isEqualTo(one.getSequence());
    // the first step's times, as the workflow recorded them
    var s1 = one.getSteps(0);
    assertThat(s1.hasStartedAt() && s1.hasEndedAt()).isTrue();
    assertThat(s1.getAttemptLogList()).hasSize(1);
    assertThat(s1.getAttemptLog(0).getOutcome()).isEqualTo("SUCCEEDED");
    assertThat(one.getSteps(1).hasEndedAt()).as("a running step has not ended").isFalse();
    assertThat(one.getSteps(1).getAttemptLog(0).getOutcome()).isEqualTo("RUNNING");
    gates.open();
    gates.open();
    gates.open();
    gates.awaitEnd("twice");
  }

  @Test
  void shouldRefuseANegativeAfterSequenceNamingTheField() throws Exception {
    gates.start("refused");
    Watch watch = new Watch();
    first.asyncApi().watchTask(WatchTaskRequest.newBuilder().setTaskId("refused").setAfterSequence(-1).build(),
        watch);
    StatusRuntimeException e = catchThrowableOfType(Exception.class, () -> watch.done.get(10, TimeUnit.SECONDS))
        .getCause() instanceof StatusRuntimeException s ? s : null;
    assertThat(e).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("after_sequence");
    for (int i = 0; i < 4; i++) {
      gates.open();
    }
    gates.awaitEnd("refused");
  }

  private static Task readFrom(TaskApiOnSocket api, String id) {
    return api.api().getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Every event of one stream. */
  private static final class Watch implements ClientResponseObserver<WatchTaskRequest, TaskEvent> {
    final List<TaskEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile ClientCallStreamObserver<WatchTaskRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchTaskRequest> requestStream) {
      call = requestStream;
    }

    @Override
    public void onNext(TaskEvent event) {
      events.add(event);
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      done.complete(null);
    }

    List<TimelineEvent> entries() {
      List<TimelineEvent> all = new ArrayList<>();
      events.forEach(e -> all.addAll(e.getTimelineList()));
      return all;
    }

    long lastSequence() {
      return events.get(events.size() - 1).getSequence();
    }

    boolean showsStep(String step, TimelineEventKind kind) {
      for (Iterator<TimelineEvent> it = entries().iterator(); it.hasNext(); ) {
        TimelineEvent e = it.next();
        if (e.getStep().equals(step) && e.getKind() == kind) {
          return true;
        }
      }
      return false;
    }
  }
}
