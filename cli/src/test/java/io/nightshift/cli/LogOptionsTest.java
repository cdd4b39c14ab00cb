package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.runtime.logging.LogFormat;
import io.nightshift.runtime.logging.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import picocli.CommandLine;

/** {@code --log-format} as {@code bin/nightshift} runs it: parsed, and applied before the command runs. */
class LogOptionsTest {
  private final PrintStream original = System.err;

  @AfterEach
  void restore() {
    LogSetup.use(LogFormat.TEXT);
    System.setErr(original);
    MDC.clear();
  }

  @Test
  void shouldSwitchToJsonBeforeTheCommandRuns() throws Exception {
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));

    // --help: the command runs (prints its usage) without starting a runtime
    int exit = NightshiftCli.commandLine().setOut(new PrintWriter(new StringWriter()))
        .execute("worker", "--log-format", "JSON", "--help");
    MDC.put("TaskId", "task-1");
    LoggerFactory.getLogger("io.nightshift.cli").info("after the switch");

    assertThat(exit).isZero();
    JsonNode line = new ObjectMapper().readTree(stderr.toString(StandardCharsets.UTF_8).strip());
    assertThat(line.path("message").asText()).isEqualTo("after the switch");
    assertThat(line.path("TaskId").asText()).isEqualTo("task-1");
  }

  @Test
  void shouldRefuseAnUnknownFormatNamingTheFlagAndTheChoices() {
    StringWriter err = new StringWriter();
    int exit = NightshiftCli.commandLine().setErr(new PrintWriter(err)).execute("api", "--log-format", "yaml");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--log-format takes text or json, not 'yaml'");
  }

  @Test
  void shouldChooseTextByDefaultOnRuntimeCommandsAndNothingOnClientCommands() {
    CommandLine.ParseResult dev = NightshiftCli.commandLine().parseArgs("dev");
    CommandLine.ParseResult list = NightshiftCli.commandLine().parseArgs("list");

    assertThat(LogOptions.chosen(dev)).contains(LogFormat.TEXT);
    assertThat(LogOptions.chosen(list)).isEmpty();
  }
}
