package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.grpc.Status;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.OpsListening;
import io.nightshift.runtime.config.TenantNamespaces;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tenant-namespace gamma=gamma-tasks} on the official dev server: gamma's tasks are started in, run by the
 * workers polling, and read and listed from namespace gamma-tasks, and the runtime's own namespace has none of them;
 * the task counts on /metrics count them in their namespace.
 */
class TenantNamespaceIT {
  private static final String PIPELINE = """
      name: small
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
      """;

  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static Channel gamma;

  @BeforeAll
  static void start() throws Exception {
    int opsPort = ApiRuntimeOnSocket.freeListenerPort();
    api = ApiRuntimeOnSocket.startOnDevServer(dataDir, builder -> builder
        .tenantNamespaces(TenantNamespaces.parse(List.of("gamma=gamma-tasks")))
        .ops(new OpsListening(Optional.empty(), opsPort)));
    gamma = api.channelWith(new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC())
        .create("gamma", AccessRole.SUBMITTER, Optional.empty()).bearer());
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldRunAMappedTenantsTaskInItsNamespaceAndKeepItFromTheOthers() throws Exception {
    tasks(gamma).submitTask(SubmitTaskRequest.newBuilder().setTaskId("in-gamma")
        .setSpec(TaskSpec.newBuilder().setGoal("namespaced").setPipelineYaml(PIPELINE)).build());

    Task done = awaitEnd(gamma, "in-gamma");
    assertThat(done.getState()).as(done.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(namespaceHas("gamma-tasks", "in-gamma")).isTrue();
    assertThat(namespaceHas(api.config().namespace(), "in-gamma")).isFalse();
    assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.ArtifactService/ReadArtifact"), gamma,
        new TenantCalls.Target("in-gamma", "", done.getSteps(0).getOutput().getDigest())).getCode())
        .isEqualTo(Status.Code.OK);
    assertThat(awaitListed(gamma, "in-gamma")).contains("in-gamma");
    Status fromDefault = TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.TaskService/GetTask"),
        api.channel(), new TenantCalls.Target("in-gamma", "", ""));
    assertThat(fromDefault.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(tasks(api.channel()).listTasks(ListTasksRequest.getDefaultInstance()).getTasksList())
        .extracting(Task::getId).doesNotContain("in-gamma");

    String home = api.config().namespace();
    String scraped = awaitScrape("nightshift_tasks{namespace=\"gamma-tasks\",state=\"SUCCEEDED\"} 1.0");
    assertThat(scraped).as("counted in its own namespace alone")
        .contains("nightshift_tasks{namespace=\"" + home + "\",state=\"SUCCEEDED\"} 0.0")
        .contains("nightshift_approvals_waiting{namespace=\"gamma-tasks\"} 0.0")
        .contains("nightshift_queue_backlog{namespace=\"gamma-tasks\",queue=\"nightshift-control\",type=\"workflow\"}");
  }

  /** The ops port's /metrics once it shows {@code sample}: the task counts are sampled every 5 s. */
  private static String awaitScrape(String sample) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String last = "";
    while (!last.contains(sample)) {
      assertThat(System.nanoTime()).as("never scraped " + sample + "; last scrape:\n" + last).isLessThan(deadline);
      Thread.sleep(250);
      last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.config().ops().port()
          + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
    return last;
  }

  /** Whether Temporal itself has the workflow in that namespace, asked past the API. */
  private static boolean namespaceHas(String namespace, String workflowId) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + api.config().temporalPort()).build());
    try {
      stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace(namespace).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
      return true;
    } catch (io.grpc.StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }

  private static Task awaitEnd(Channel channel, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Task t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    while (t.getState() != TaskState.TASK_STATE_SUCCEEDED && t.getState() != TaskState.TASK_STATE_FAILED) {
      assertThat(System.nanoTime()).as("task never ended; last view:\n" + t).isLessThan(deadline);
      Thread.sleep(200);
      t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    }
    return t;
  }

  private static List<String> awaitListed(Channel channel, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> ids = List.of();
    while (!ids.contains(id)) {
      assertThat(System.nanoTime()).as(id + " never listed; listed: " + ids).isLessThan(deadline);
      Thread.sleep(200);
      ids = tasks(channel).listTasks(ListTasksRequest.getDefaultInstance()).getTasksList().stream()
          .map(Task::getId).toList();
    }
    return ids;
  }

  private static TaskServiceGrpc.TaskServiceBlockingStub tasks(Channel channel) {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }
}
