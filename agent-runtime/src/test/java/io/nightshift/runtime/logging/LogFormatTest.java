package io.nightshift.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.workflows.logging.TaskLogContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The process's log format switched as the CLI does (the runtime's own logback.xml, read again), writing to stderr:
 * JSON lines that parse, with the task's MDC as fields and the stack trace as one string; and text that names the
 * task, step and attempt in brackets only on lines about a task.
 */
class LogFormatTest {
  private static final String CONFIGURATION = "logback.configurationFile";
  private static final Logger log = LoggerFactory.getLogger("io.nightshift.test.LogFormat");
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureStderr() {
    // the test class path holds a logback-test.xml (the models test jar's), which logback would read first
    System.setProperty(CONFIGURATION, LogSetup.class.getResource("/logback.xml").toString());
    original = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.clearProperty(CONFIGURATION);
    LogSetup.use(LogFormat.TEXT);
    System.setErr(original);
    MDC.clear();
  }

  @Test
  void shouldWriteOneParseableJsonObjectALineWithEveryMdcKeyAndTheStackAsAString() throws IOException {
    long before = System.currentTimeMillis();
    LogSetup.use(LogFormat.JSON);
    // a warning while configuring would make logback print its whole configuration report at every start
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.getStatusManager().getCopyOfStatusList()).filteredOn(s -> s.getTimestamp() >= before)
        .allSatisfy(s -> assertThat(s.getLevel()).as(s.getMessage()).isEqualTo(Status.INFO));
    MDC.setContextMap(Map.of(TaskLogContext.TASK_ID, "task-1", TaskLogContext.STEP, "score",
        TaskLogContext.ATTEMPT, "2", TaskLogContext.WORKFLOW_ID, "task-1"));
    log.warn("step {} failed: \"quoted\"\nsecond line", "score", new IllegalStateException("boom"));
    MDC.clear();
    log.info("not about a task");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : stderr.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(Instant.parse(first.path("time").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
    assertThat(first.path("level").asText()).isEqualTo("WARN");
    assertThat(first.path("logger").asText()).isEqualTo("io.nightshift.test.LogFormat");
    assertThat(first.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(first.path("message").asText()).isEqualTo("step score failed: \"quoted\"\nsecond line");
    assertThat(first.path("exception").asText()).startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat io.nightshift.runtime.logging.LogFormatTest");
    assertThat(first.path("TaskId").asText()).isEqualTo("task-1");
    assertThat(first.path("Step").asText()).isEqualTo("score");
    assertThat(first.path("Attempt").asText()).isEqualTo("2");
    assertThat(first.path("WorkflowId").asText()).isEqualTo("task-1");
    JsonNode second = lines.get(1);
    assertThat(second.has("TaskId")).isFalse();
    assertThat(second.has("exception")).isFalse();
    assertThat(second.path("message").asText()).isEqualTo("not about a task");
  }

  @Test
  void shouldShowTaskStepAndAttemptInTextOnlyOnLinesAboutATask() {
    LogSetup.use(LogFormat.TEXT);
    MDC.setContextMap(Map.of(TaskLogContext.TASK_ID, "task-1", TaskLogContext.STEP, "score",
        TaskLogContext.ATTEMPT, "3"));
    log.info("running");
    MDC.remove(TaskLogContext.STEP);
    MDC.remove(TaskLogContext.ATTEMPT);
    log.info("planned");
    MDC.clear();
    log.info("worker polling");

    String[] lines = stderr.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  .* - \\[task-1/score #3] running");
    assertThat(lines[1]).endsWith(" - [task-1] planned");
    assertThat(lines[2]).endsWith(" - worker polling");
  }
}
