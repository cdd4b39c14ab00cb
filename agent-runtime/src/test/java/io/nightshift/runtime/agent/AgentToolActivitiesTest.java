package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.StepBeat;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentToolActivities;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.AgentToolInput;
import io.nightshift.workflows.agent.AgentToolOutput;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's tool call runs its tool the way a step does: progress heartbeats reach Temporal, and a cancelled
 * call stops the tool and ends as a cancellation, not as an "error:" tool result the model would read.
 */
class AgentToolActivitiesTest {
  @TempDir Path dir;
  private TestActivityEnvironment env;
  private final List<String> beats = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @BeforeEach
  void setUp() throws IOException {
    env = TestActivityEnvironment.newInstance();
    env.setActivityHeartbeatListener(StepBeat.class, b -> beats.add(b.progress()));
    ToolProvider provider = () -> List.of(new Slow(), new Scripted());
    env.registerActivitiesImplementations(new AgentToolActivitiesImpl(ToolRegistry.of(List.of(provider)),
        ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")), dir.resolve("scratch")), 50,
        ToolResultBudget.fixed(ToolResultBudget.DEFAULT_BYTES)));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aCancelledToolCallStopsTheToolAndIsNotReportedAsItsAnswer() throws Exception {
    AgentToolActivities tools = env.newActivityStub(AgentToolActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        // Temporal sends heartbeats at most every 0.8 of this, so a short one lets the test see the cancel soon
        .setHeartbeatTimeout(Duration.ofSeconds(1)).build());
    CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> {
      Throwable thrown = catchThrowable(() -> tools.callTool(new AgentToolInput("agent-1", 1,
          new AgentToolCall("call-1", "lab.wait", "{}"), "agent-1/1/0")));
      return thrown;
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(300);
    env.requestCancelActivity();

    Object result = outcome.get(10, TimeUnit.SECONDS);
    assertThat(result).as("the call ends as a cancellation, not as a tool result").isInstanceOf(Throwable.class);
    assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the tool was stopped").isTrue();
    assertThat(beats).as("the tool's progress reached Temporal").anyMatch(b -> b.startsWith("waited "));
  }

  @Test
  void shouldPassOnTheToolItsResultAsksTheModelToCallNext() {
    AgentToolActivities tools = env.newActivityStub(AgentToolActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    AgentToolOutput out = tools.callTool(new AgentToolInput("agent-1", 1,
        new AgentToolCall("call-1", "lab.script", "{}"), "agent-1/1/0"));

    assertThat(out.ok()).isTrue();
    assertThat(out.nextTool()).hasValue("lab.wait");
  }

  @Test
  void shouldGiveTheSameResultDigestForTheSameOutputWhateverTheCallsIdAndAnotherForAnError() {
    AgentToolActivities tools = env.newActivityStub(AgentToolActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    AgentToolOutput first = tools.callTool(new AgentToolInput("agent-1", 1,
        new AgentToolCall("call-1", "lab.script", "{}"), "agent-1/1/0"));
    AgentToolOutput again = tools.callTool(new AgentToolInput("agent-1", 2,
        new AgentToolCall("call-2", "lab.script", "{}"), "agent-1/2/0"));
    AgentToolOutput refused = tools.callTool(new AgentToolInput("agent-1", 3,
        new AgentToolCall("call-3", "lab.script", "{\"unknown\":1}"), "agent-1/3/0"));

    // what the workflow's loop guard compares (issue 19): the text the model is shown, not the call's id
    assertThat(first.resultDigest()).isPresent().isEqualTo(again.resultDigest());
    assertThat(refused.ok()).isFalse();
    assertThat(refused.resultDigest()).isPresent().isNotEqualTo(first.resultDigest());
  }

  /** A scripted procedure: its result says which tool comes next. */
  private static final class Scripted implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("lab.script", "says what to do next", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        return new ToolOutput(context.artifacts().put("now wait".getBytes(StandardCharsets.UTF_8), "text/plain"),
            "now wait").withNextTool("lab.wait");
      } catch (IOException e) {
        throw ToolException.retryable(e.getMessage(), e);
      }
    }
  }

  /** Waits in short sleeps, reporting progress, until it is interrupted or its heartbeat is refused. */
  private final class Slow implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("lab.wait", "waits for an instrument", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      started.countDown();
      try {
        for (int i = 0; i < 400; i++) {
          context.heartbeat("waited " + i * 25 + " ms");
          Thread.sleep(25);
        }
      } catch (InterruptedException | ToolException e) {
        stopped.countDown();
        throw ToolException.permanent("the wait was stopped");
      }
      throw ToolException.permanent("never cancelled");
    }
  }
}
