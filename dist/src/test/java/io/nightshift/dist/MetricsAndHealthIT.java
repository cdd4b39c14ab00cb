package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.runtime.ops.MetricNames;
import io.nightshift.runtime.temporal.TemporalProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real runtime ({@code nightshift dev}) on the official Temporal dev server, scraped on the workflow UI's port as
 * Prometheus would, without credentials, while a task waits at an approval gate; then two outages under the running
 * API and worker: its Temporal server frozen with SIGSTOP (a server that hangs, the hardest outage to see) and
 * thawed, and then SIGKILLed and started again on the same port and database file. Through each, health turns
 * NOT_SERVING and calls are answered UNAVAILABLE; after each it recovers, and the task is approved to its end.
 */
class MetricsAndHealthIT {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$",
      Pattern.MULTILINE);
  /** A task that runs a step, then waits at a gate for a person. */
  private static final String GATED = """
      name: gated
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
        - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
      """;
  /** The runtime's namespace's (no tenant is mapped to one of its own here). */
  private static final String APPROVALS_WAITING = "nightshift_approvals_waiting{namespace=\"default\"}";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldScrapeTheSeriesOfARunningTaskAndReportNotServingWhileTemporalIsFrozenOrKilled() throws Exception {
    RoleProcess restarted = null; // closed after the runtime, which talks to it
    try (RuntimeProcess runtime = new RuntimeProcess(ItData.newDir(getClass()), "DEV").start()) {
      ApiClient api = new ApiClient(runtime.channel());
      String id = api.submitYaml(GATED, Map.of());
      api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_AWAITING_APPROVAL, Duration.ofMinutes(1));

      // the task runs, its gate waits for a person: the sampled figures show it within a sample or two
      String running = awaitScrape(runtime, s -> value(s, APPROVALS_WAITING) == 1
          && value(s, tasks("AWAITING_APPROVAL")) == 1, Duration.ofSeconds(30));
      assertThat(value(running, "nightshift_step_duration_seconds_count{kind=\"RunStep\",outcome=\"success\","
          + "tool=\"data.read_csv\"}")).isEqualTo(1);
      assertThat(value(running, "nightshift_step_duration_seconds_count{kind=\"Plan\",outcome=\"success\","
          + "tool=\"none\"}")).isEqualTo(1);
      assertThat(value(running, "nightshift_temporal_reachable")).isEqualTo(1);
      assertThat(value(running, "nightshift_pool_units{pool=\"cpu\",status=\"free\"}")).isPositive();
      assertThat(value(running, "nightshift_pool_up{pool=\"cpu\"}")).isEqualTo(1);
      assertThat(families(running)).contains("nightshift_queue_backlog", "nightshift_pool_waiting",
          "nightshift_pool_cost_per_hour", "nightshift_step_duration_seconds_bucket");
      assertThat(families(running).stream().filter(f -> f.startsWith("nightshift_")).map(MetricNames::family))
          .as("only series the dashboard test knows").allSatisfy(f -> assertThat(MetricNames.PROMETHEUS).contains(f));
      assertThat(running).as("no task id in any label").doesNotContain(id);

      // a server that hangs, the hardest outage to see: frozen, then thawed
      List<ProcessHandle> frozen = temporalProcesses(runtime.dataDir);
      signal("STOP", frozen);
      try {
        assertOutageSeen(runtime, api, id, System.nanoTime());
      } finally {
        signal("CONT", frozen);
      }
      awaitHealth(runtime, ServingStatus.SERVING, Duration.ofSeconds(20));
      assertThat(get(runtime, "/readyz").statusCode()).isEqualTo(200);

      // a server that dies: SIGKILLed with its child, then a new one on the same port and database file, as an
      // operator's supervisor would start it; the task waiting at its gate is in that file
      restarted = killAndRestartTemporal(runtime, killed -> assertOutageSeen(runtime, api, id, killed));
      awaitHealth(runtime, ServingStatus.SERVING, Duration.ofSeconds(30));
      assertThat(get(runtime, "/readyz").statusCode()).isEqualTo(200);
      assertThat(api.tasks().getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState())
          .as("the task outlived its server").isEqualTo(TaskState.TASK_STATE_AWAITING_APPROVAL);

      api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("publish").build());
      assertThat(api.watch(id, Duration.ofMinutes(1))).last().extracting(Task::getState)
          .isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      String done = awaitScrape(runtime, s -> value(s, tasks("SUCCEEDED")) == 1
          && value(s, APPROVALS_WAITING) == 0, Duration.ofSeconds(30));
      assertThat(value(done, "nightshift_step_duration_seconds_count{kind=\"RunStep\",outcome=\"success\","
          + "tool=\"table.describe\"}")).isEqualTo(1);
      // the SDK reports every 10 s, so by now
      assertThat(families(done)).as("the Temporal SDK's own series the dashboard queries")
          .containsAll(dashboardTemporalSeries());
    } finally {
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  /** Every temporal_ series deploy/grafana/nightshift.json queries, as scraped (a histogram's as its buckets). */
  private static Set<String> dashboardTemporalSeries() throws IOException {
    String dashboard = Files.readString(Path.of("..", "deploy", "grafana", "nightshift.json"));
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\btemporal_[a-z_]+").matcher(dashboard);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  /**
   * What a client of a runtime whose Temporal stopped answering at {@code since} sees: health NOT_SERVING and
   * /readyz 503 within 10 s, liveness unchanged, and calls refused at once, UNAVAILABLE with what to do rather than
   * after the Temporal client's own deadline with its internals and address.
   */
  private void assertOutageSeen(RuntimeProcess runtime, ApiClient api, String id, long since) throws Exception {
    awaitHealth(runtime, ServingStatus.NOT_SERVING, Duration.ofSeconds(15));
    HttpResponse<String> notReady = get(runtime, "/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).startsWith("not ready: Temporal at 127.0.0.1:" + runtime.temporalPort
        + " does not answer");
    assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofSeconds(10));
    assertThat(get(runtime, "/healthz").statusCode()).as("alive all the while").isEqualTo(200);
    assertThat(value(get(runtime, "/metrics").body(), "nightshift_temporal_reachable")).isZero();
    long asked = System.nanoTime();
    StatusRuntimeException refused = catchThrowableOfType(() -> api.tasks().withDeadlineAfter(5, TimeUnit.SECONDS)
        .getTask(GetTaskRequest.newBuilder().setTaskId(id).build()), StatusRuntimeException.class);
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refused.getStatus().getDescription()).contains("is not answering")
        .doesNotContain(String.valueOf(runtime.temporalPort));
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
  }

  /** Checks made while Temporal is down, given when it went down ({@link System#nanoTime}). */
  @FunctionalInterface
  private interface WhileDown {
    void check(long since) throws Exception;
  }

  /**
   * SIGKILLs {@code runtime}'s dev server and whatever it runs under, checks {@code whileDown}, then starts
   * {@code nightshift temporal} on the same port and data directory (so the same database file); returns it serving.
   */
  private static RoleProcess killAndRestartTemporal(RuntimeProcess runtime, WhileDown whileDown) throws Exception {
    List<ProcessHandle> server = temporalProcesses(runtime.dataDir);
    long killed = System.nanoTime();
    server.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : server) {
      p.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(TemporalProbe.answers("127.0.0.1:" + runtime.temporalPort)).as("killed").isFalse();
    whileDown.check(killed);
    RoleProcess restarted = RoleProcess.start(runtime.dataDir.resolve("logs/temporal-restarted.out"), List.of(
        "temporal", "--data-dir", runtime.dataDir.toString(), "--tools-dir", RuntimeProcess.TOOLS_CACHE.toString(),
        "--temporal-server", "DEV", "--temporal-port", String.valueOf(runtime.temporalPort),
        "--temporal-ui-port", String.valueOf(runtime.uiPort)));
    try {
      assertThat(TemporalProbe.awaitReady("127.0.0.1:" + runtime.temporalPort, Duration.ofMinutes(1), null))
          .as("restarted on the same port; log:%n%s", restarted.log()).isTrue();
      return restarted;
    } catch (RuntimeException | Error e) {
      restarted.close();
      throw e;
    }
  }

  /** The dev server and whatever it runs under (the CLI may launch the server as a child). */
  private static List<ProcessHandle> temporalProcesses(Path dataDir) throws IOException {
    long pid = Long.parseLong(Files.readString(dataDir.resolve("temporal/server.pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    return Stream.concat(Stream.of(server), server.descendants()).toList();
  }

  private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }
  }

  private static void awaitHealth(RuntimeProcess runtime, ServingStatus wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ServingStatus last = null;
    while (System.nanoTime() < deadline) {
      last = HealthGrpc.newBlockingStub(runtime.channel()).withDeadlineAfter(2, TimeUnit.SECONDS)
          .check(HealthCheckRequest.newBuilder().setService("").build()).getStatus();
      if (last == wanted) {
        assertThat(HealthGrpc.newBlockingStub(runtime.channel()).withDeadlineAfter(2, TimeUnit.SECONDS)
            .check(HealthCheckRequest.newBuilder().setService("nightshift.v1.TaskService").build()).getStatus())
            .isEqualTo(wanted);
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("health stayed " + last + " for " + timeout + ", expected " + wanted);
  }

  private String awaitScrape(RuntimeProcess runtime, Predicate<String> done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(runtime, "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      last = response.body();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not scraped within " + timeout + ":\n" + last);
  }

  private HttpResponse<String> get(RuntimeProcess runtime, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.workflowUiPort + path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The runtime's namespace's tasks in {@code state}, as scraped. */
  private static String tasks(String state) {
    return "nightshift_tasks{namespace=\"default\",state=\"" + state + "\"}";
  }

  /** The sample named exactly (name and labels as scraped); -1 when absent. */
  private static double value(String scrape, String series) {
    Matcher m = SAMPLE.matcher(scrape);
    while (m.find()) {
      String name = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      if (name.equals(series)) {
        return Double.parseDouble(m.group(3));
      }
    }
    return -1;
  }

  private static Set<String> families(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher m = SAMPLE.matcher(scrape);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
