package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.ApiRole;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.worker.WorkerRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nightshift submit --label --idempotency-key}, the labels in {@code nightshift status}, and
 * {@code nightshift list} with its filters, against a whole
 * runtime on real sockets (Temporal's in-memory server, so it starts in seconds).
 */
class SubmitAndListFiltersTest {
  private static final String GATED = """
      name: gated
      steps:
        - {name: publish, tool: table.describe, params: {input: "x"}, approval: required}
      """;

  @TempDir static Path dataDir;
  private static NightshiftRuntime runtime;
  private static String api;
  private static Path pipeline;

  @BeforeAll
  static void start() throws IOException {
    RuntimeConfig config = RuntimeConfig.builder(dataDir).temporalPort(freePort()).temporalUiPort(freePort())
        .apiHost("127.0.0.1").apiPort(freePort()).temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY).build();
    ApiRole role = new ApiRole();
    runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER, Role.API),
        List.of(new WorkerRole(), role));
    api = role.target();
    pipeline = Files.writeString(dataDir.resolve("gated.yaml"), GATED);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void shouldSubmitOncePerIdempotencyKeyAndListByLabelStateAndTime() throws Exception {
    Run first = nightshift("submit", pipeline.toString(), "--label", "team=ml", "--label", "tier=gold",
        "--idempotency-key", "order-1");
    Run again = nightshift("submit", pipeline.toString(), "--label", "tier=gold", "--label", "team=ml",
        "--idempotency-key", "order-1");
    Run other = nightshift("submit", pipeline.toString(), "--label", "team=bio");
    Run conflicting = nightshift("submit", pipeline.toString(), "--label", "team=ml", "--idempotency-key",
        "order-1");

    assertThat(first.exit).as(first.err).isZero();
    String id = first.out.strip();
    assertThat(again.out.strip()).isEqualTo(id);
    assertThat(conflicting.exit).isEqualTo(1);
    assertThat(conflicting.err).contains("FAILED_PRECONDITION").contains("idempotency_key");
    assertThat(nightshift("status", id).out).contains("labels: team=ml, tier=gold");
    assertThat(nightshift("cancel", id).exit).isZero();

    List<String> cancelledMl = awaitRows("list", "--state", "cancelled", "--label", "team=ml", "--since", "1h");
    assertThat(cancelledMl).hasSize(1);
    assertThat(cancelledMl.get(0)).startsWith(id).contains("team=ml,tier=gold");
    assertThat(rows(nightshift("list", "--label", "team=bio"))).singleElement().asString()
        .startsWith(other.out.strip());
    assertThat(rows(nightshift("list", "--until", "1h"))).as("nothing created over an hour ago").isEmpty();
    Run badState = nightshift("list", "--state", "sleeping");
    assertThat(badState.exit).isEqualTo(2);
    assertThat(badState.err).contains("'sleeping' is not a task state");
    Run badLabel = nightshift("list", "--label", "team=x y");
    assertThat(badLabel.exit).isEqualTo(1);
    assertThat(badLabel.err).contains("labels[\"team\"]");
  }

  private List<String> awaitRows(String... args) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> rows = rows(nightshift(args));
    while (rows.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      rows = rows(nightshift(args));
    }
    return rows;
  }

  /** The table's rows, its header left out. */
  private static List<String> rows(Run run) {
    assertThat(run.exit).as(run.err).isZero();
    List<String> lines = new ArrayList<>(run.out.lines().toList());
    assertThat(lines.get(0)).startsWith("ID");
    return lines.subList(1, lines.size());
  }

  private record Run(int exit, String out, String err) {}

  private static Run nightshift(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api", api, "--data-dir", dataDir.toString()));
    int exit = new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
