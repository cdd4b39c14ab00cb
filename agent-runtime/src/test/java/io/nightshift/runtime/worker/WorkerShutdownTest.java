package io.nightshift.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker asked to stop, on Temporal's test server (real gRPC, no time skipping): running steps finish within the
 * grace, and a step that outlasts it is interrupted and handed back, so another worker runs its retry at once
 * rather than after the step's timeout.
 */
class WorkerShutdownTest {
  private static final String QUEUE = "shutdown-test";
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

  @ActivityInterface
  public interface Step {
    String run(long millis);
  }

  @WorkflowInterface
  public interface OneStep {
    @WorkflowMethod
    String go(long millis);
  }

  public static final class OneStepImpl implements OneStep {
    private final Step step = Workflow.newActivityStub(Step.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(STEP_TIMEOUT)
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100)).build()).build());

    @Override
    public String go(long millis) {
      return step.run(millis);
    }
  }

  /** The first attempt takes {@code millis}; retries are quick. */
  static final class SlowFirstAttempt implements Step {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicBoolean interrupted = new AtomicBoolean();
    final AtomicBoolean finished = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String run(long millis) {
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      attempts.incrementAndGet();
      if (attempt > 1) {
        return "done on attempt " + attempt;
      }
      started.countDown();
      try {
        Thread.sleep(millis);
        finished.set(true);
        return "done on attempt 1";
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void shouldLetARunningStepFinishWithinTheGrace() throws Exception {
    SlowFirstAttempt step = new SlowFirstAttempt();
    WorkerShutdown stopping = new WorkerShutdown(Duration.ofSeconds(20));
    WorkerShutdown.Namespace namespace = stopping.forClient(client);
    namespace.add(worker(step, namespace.running()));
    OneStep task = client.newWorkflowStub(OneStep.class, options("finish"));
    WorkflowClient.start(task::go, 1_500L);
    assertThat(step.started.await(20, TimeUnit.SECONDS)).isTrue();

    long began = System.nanoTime();
    stopping.close();

    assertThat(step.finished).isTrue();
    assertThat(step.interrupted).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void shouldHandAStepThatOutlastsTheGraceBackForAnotherWorkerToRetryAtOnce() throws Exception {
    SlowFirstAttempt step = new SlowFirstAttempt();
    WorkerShutdown stopping = new WorkerShutdown(Duration.ofMillis(300));
    WorkerShutdown.Namespace namespace = stopping.forClient(client);
    namespace.add(worker(step, namespace.running()));
    OneStep task = client.newWorkflowStub(OneStep.class, options("hand-back"));
    WorkflowClient.start(task::go, STEP_TIMEOUT.toMillis() * 2);
    assertThat(step.started.await(20, TimeUnit.SECONDS)).isTrue();

    long began = System.nanoTime();
    stopping.close();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(8));
    assertThat(step.interrupted).isTrue();
    WorkerFactory other = worker(step, new RunningActivities()); // the worker that is still up
    try {
      String result = client.newUntypedWorkflowStub("hand-back").getResult(30, TimeUnit.SECONDS, String.class);
      assertThat(result).isEqualTo("done on attempt 2");
      // well before the step's two-minute timeout, which a killed worker's step would have waited out
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
    } finally {
      other.shutdownNow();
    }
  }

  private WorkerFactory worker(Step step, RunningActivities running) {
    WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(running).build());
    // no sticky queue: the test server never times out a stopped worker's, as the runtime's workers on it do not
    factory.newWorker(QUEUE, WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build())
        .registerWorkflowImplementationTypes(OneStepImpl.class);
    factory.getWorker(QUEUE).registerActivitiesImplementations(step);
    factory.start();
    return factory;
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build();
  }
}
