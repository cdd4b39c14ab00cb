package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every tool gets from the activity it runs in, seen through a step: progress sent to Temporal while it
 * runs and as a failed attempt ends, the last attempt's progress to resume from, cancellation that interrupts it,
 * a scratch directory that is gone afterwards, and the runtime's inputs directory.
 */
class ActivityToolRunnerTest {
  @TempDir Path dir;
  private TestActivityEnvironment env;
  private final List<String> beats = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicReference<Path> scratchSeen = new AtomicReference<>();
  private final AtomicReference<String> stoppedBy = new AtomicReference<>();

  @BeforeEach
  void setUp() throws IOException {
    env = TestActivityEnvironment.newInstance();
    env.setActivityHeartbeatListener(StepBeat.class, b -> beats.add(b.progress()));
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    Map<String, Tool> tools = Map.of("slow", new Slow(), "flaky", new Flaky(), "inputs", new Inputs());
    ToolFiles files = new ToolFiles(store, dir.resolve("scratch"), Optional.of(dir.resolve("inputs")));
    env.registerActivitiesImplementations(new StepActivitiesImpl(name -> Optional.ofNullable(tools.get(name)), files,
        50));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void progressIsSentWhileTheToolRunsAndCancellationInterruptsIt() throws Exception {
    StepActivities steps = stub();
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(
        () -> catchThrowable(() -> steps.runStep(input("dock", "slow", UnitDemand.none()))));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(300);
    env.requestCancelActivity();

    Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
    assertThat(thrown).as("a cancelled step must not end as a success").isNotNull();
    assertThat(stoppedBy.get()).as("how the tool's wait ended").isIn("interrupted", "heartbeat refused");
    assertThat(beats).as("progress reached Temporal while the tool ran").anyMatch(b -> b.startsWith("tick "));
    assertThat(scratchSeen.get()).as("the tool used its scratch directory").isNotNull();
    assertThat(Files.exists(scratchSeen.get())).as("scratch directory removed after the run").isFalse();
  }

  @Test
  void aFailedAttemptsLastProgressIsSentAndTheRetryResumesFromIt() {
    StepActivities steps = stub();
    Throwable first = catchThrowable(() -> steps.runStep(input("score", "flaky", UnitDemand.none())));
    assertThat(first).hasMessageContaining("lost the GPU");
    assertThat(beats).as("the progress reported just before the failure").contains("37 of 100");

    env.setHeartbeatDetails("37 of 100");
    StepOutput retry = steps.runStep(input("score", "flaky", UnitDemand.none()));
    assertThat(retry.summary()).isEqualTo("resumed at 37 of 100");
  }

  @Test
  void theToolSeesTheRuntimesInputsDirectory() {
    StepOutput out = stub().runStep(input("load", "inputs", UnitDemand.none()));
    assertThat(out.summary()).isEqualTo(dir.resolve("inputs").toString());
  }

  @Test
  void aToolPastItsRunLimitIsStoppedAndTheAttemptFailsRetryably() {
    Throwable thrown = catchThrowable(() -> stub().runStep(input("dock", "slow", new UnitDemand(1, 0, 0, 300))));

    assertThat(thrown).hasRootCauseInstanceOf(ApplicationFailure.class)
        .hasStackTraceContaining("ran past its time limit of PT0.3S");
    assertThat(((ApplicationFailure) rootCause(thrown)).getType()).isEqualTo(ActivityToolRunner.RUN_LIMIT);
    assertThat(((ApplicationFailure) rootCause(thrown)).isNonRetryable()).isFalse();
    assertThat(stoppedBy.get()).isIn("interrupted", "heartbeat refused");
  }

  private static Throwable rootCause(Throwable t) {
    return t.getCause() == null ? t : rootCause(t.getCause());
  }

  private static StepInput input(String step, String tool, UnitDemand demand) {
    return new StepInput("t1", step, tool, Map.of(), "t1/" + step, demand);
  }

  private StepActivities stub() {
    return env.newActivityStub(StepActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))// Temporal sends heartbeats at most every 0.8 of this, so a short one lets the test see the cancel soon
        .setHeartbeatTimeout(Duration.ofSeconds(1)).build());
  }

  /** Works in ticks until stopped, reporting each; records how it was stopped. */
  private final class Slow implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("slow", "works until cancelled", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      scratchSeen.set(context.workDir());
      started.countDown();
      for (int tick = 0; tick < 400; tick++) {
        try {
          context.heartbeat("tick " + tick);
          Thread.sleep(25);
        } catch (InterruptedException e) {
          stoppedBy.set("interrupted");
          throw ToolException.permanent("stopped");
        } catch (ToolException e) {
          stoppedBy.set("heartbeat refused");
          throw e;
        }
      }
      stoppedBy.set("ran to the end");
      throw ToolException.permanent("never cancelled");
    }
  }

  /** Fails after reporting progress unless it is resuming, then answers where it resumed. */
  private static final class Flaky implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("flaky", "fails once", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      if (context.resumeFrom().isEmpty()) {
        context.heartbeat("37 of 100");
        throw ToolException.retryable("lost the GPU", null);
      }
      return text(context, "resumed at " + context.resumeFrom().get());
    }
  }

  /** Answers the inputs directory its context names. */
  private static final class Inputs implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("inputs", "names the inputs directory", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      return text(context, context.inputsDir().map(Path::toString).orElse("none"));
    }
  }

  /** The summary as the output, stored as a text artifact. */
  private static ToolOutput text(ToolContext context, String summary) {
    try {
      return new ToolOutput(context.artifacts().put(summary.getBytes(StandardCharsets.UTF_8), "text/plain"),
          summary);
    } catch (IOException e) {
      throw ToolException.retryable("store", e);
    }
  }
}
