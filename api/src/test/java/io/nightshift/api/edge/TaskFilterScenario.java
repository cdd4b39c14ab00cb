package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.PreconditionFailure;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.Timestamps;
import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.client.FieldViolations;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Idempotent submits, labels and ListTasks filters, played the same on any runtime: the test on the in-memory
 * fallback (filters in Java) and the IT on the official dev server (filters in visibility queries) run this very
 * scenario, so both must give the same answers. Tenant lab submits four tasks in order: a (labels team=ml,
 * tier=gold; succeeds), b (team=ml; waits at a gate), c (team=bio, pipeline "other"; succeeds), d (team=ml,
 * tier=gold; cancelled at its gate); tenant ops submits with a's idempotency key, and holds a team=ml task too.
 */
final class TaskFilterScenario {
  private static final String QUICK = """
      name: %s
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
        - {name: describe, tool: table.describe, params: {input: "${steps.load.output}"}}
      """;
  private static final String GATED = """
      name: gated
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
        - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
      """;
  /**
   * A pipeline name (of task "hostile") that, put into the visibility query as it is, would end its string literal
   * and widen the query to every task.
   */
  static final String HOSTILE_PIPELINE = "x' OR WorkflowType = 'TaskWorkflow";

  private final ApiRuntimeOnSocket api;
  private final String labToken;
  private final Channel lab;
  private final Channel ops;
  private String a;
  private String b;
  private String c;
  private String d;
  private String hostile;

  TaskFilterScenario(ApiRuntimeOnSocket api) throws Exception {
    TokenStore tokens = new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC());
    this.api = api;
    labToken = tokens.create("lab", AccessRole.ADMIN, Optional.empty()).bearer();
    lab = api.channelWith(labToken);
    ops = api.channelWith(tokens.create("ops", AccessRole.ADMIN, Optional.empty()).bearer());
  }

  /** Submits the tasks (a with an idempotency key, sent four times at once) and waits for their states. */
  void submitAll() throws Exception {
    List<CompletableFuture<String>> repeats = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
        () -> submit(lab, keyed("key-a", quick("quick", Map.of("team", "ml", "tier", "gold")))))).toList();
    a = repeats.get(0).get(60, TimeUnit.SECONDS);
    for (CompletableFuture<String> repeat : repeats) {
      assertThat(repeat.get(60, TimeUnit.SECONDS)).as("every concurrent submit with the key").isEqualTo(a);
    }
    b = submit(lab, SubmitTaskRequest.newBuilder().setSpec(gated(Map.of("team", "ml"))).build());
    c = submit(lab, SubmitTaskRequest.newBuilder().setSpec(quick("other", Map.of("team", "bio"))).build());
    d = submit(lab, SubmitTaskRequest.newBuilder().setSpec(gated(Map.of("team", "ml", "tier", "gold"))).build());
    hostile = submit(lab, SubmitTaskRequest.newBuilder().setSpec(quick(HOSTILE_PIPELINE.replace("'", "''"),
        Map.of("team", "sec"))).build());
    await(lab, a, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    await(lab, c, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    await(lab, hostile, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    await(lab, b, t -> t.getAwaitingMap().containsKey("publish"));
    await(lab, d, t -> t.getAwaitingMap().containsKey("publish"));
    tasks(lab).cancelTask(CancelTaskRequest.newBuilder().setTaskId(d).build());
    await(lab, d, t -> t.getState() == TaskState.TASK_STATE_CANCELLED);
    submit(ops, SubmitTaskRequest.newBuilder().setSpec(quick("quick", Map.of("team", "ml"))).build());
    // visibility catches up with the ends on its own time
    eventually(() -> ids(lab, ListTasksRequest.newBuilder().addStates(TaskState.TASK_STATE_CANCELLED)),
        Set.of(d));
    eventually(() -> ids(lab, ListTasksRequest.newBuilder().addStates(TaskState.TASK_STATE_SUCCEEDED)),
        Set.of(a, c, hostile));
  }

  void shouldAnswerARepeatedKeyWithTheSameTaskAndStartNothing() {
    String again = submit(lab, keyed("key-a", quick("quick", Map.of("tier", "gold", "team", "ml"))));

    assertThat(again).isEqualTo(a);
    assertThat(ids(lab, ListTasksRequest.newBuilder())).hasSize(5);
    assertThat(ids(lab, ListTasksRequest.newBuilder().putLabels("tier", "gold").putLabels("team", "ml")
        .addStates(TaskState.TASK_STATE_SUCCEEDED))).containsExactly(a);
  }

  void shouldRefuseTheSameKeyWithAnotherSpecNamingIt() {
    StatusRuntimeException refused = refusal(() -> submit(lab, keyed("key-a",
        quick("quick", Map.of("team", "ml", "tier", "silver")))));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription()).contains("idempotency_key").contains(a);
    assertThat(StatusProto.fromThrowable(refused).getDetailsList()).anySatisfy(detail -> assertThat(
        detail.unpack(PreconditionFailure.class).getViolations(0).getSubject()).isEqualTo("idempotency_key"));
  }

  void shouldGiveAnotherTenantsSameKeyItsOwnTask() {
    String theirs = submit(ops, keyed("key-a", quick("quick", Map.of("team", "ml", "tier", "gold"))));

    assertThat(theirs).isNotEqualTo(a);
    assertThat(ids(ops, ListTasksRequest.newBuilder().putLabels("tier", "gold"))).containsExactly(theirs);
    assertThat(ids(lab, ListTasksRequest.newBuilder().putLabels("tier", "gold"))).doesNotContain(theirs);
  }

  void shouldRefuseMalformedKeysAndLabelsNamingTheField() {
    assertThat(invalidField(() -> submit(lab, keyed("has space", quick("quick", Map.of())))))
        .isEqualTo("idempotency_key");
    assertThat(invalidField(() -> submit(lab, keyed("key-z", quick("quick", Map.of())).toBuilder()
        .setTaskId("chosen").build()))).isEqualTo("idempotency_key");
    assertThat(invalidField(() -> submit(lab, SubmitTaskRequest.newBuilder()
        .setSpec(quick("quick", Map.of("bad key", "x"))).build()))).isEqualTo("spec.labels[\"bad key\"]");
    assertThat(invalidField(() -> submit(lab, SubmitTaskRequest.newBuilder()
        .setSpec(quick("quick", Map.of("team", "x".repeat(64)))).build()))).isEqualTo("spec.labels[\"team\"]");
    Map<String, String> many = new java.util.HashMap<>();
    IntStream.range(0, 33).forEach(i -> many.put("k" + i, "v"));
    assertThat(invalidField(() -> submit(lab, SubmitTaskRequest.newBuilder().setSpec(quick("quick", many))
        .build()))).isEqualTo("spec.labels");
  }

  void shouldShowLabelsOnGetTaskAndInTheList() {
    assertThat(tasks(lab).getTask(GetTaskRequest.newBuilder().setTaskId(a).build()).getLabelsMap())
        .isEqualTo(Map.of("team", "ml", "tier", "gold"));
    Task listed = tasks(lab).listTasks(ListTasksRequest.newBuilder().build()).getTasksList().stream()
        .filter(t -> t.getId().equals(c)).findFirst().orElseThrow();
    assertThat(listed.getLabelsMap()).isEqualTo(Map.of("team", "bio"));
  }

  void shouldFilterByEachFilterAlone() {
    assertThat(ids(lab, ListTasksRequest.newBuilder().putLabels("team", "ml"))).containsExactlyInAnyOrder(a, b, d);
    assertThat(ids(lab, ListTasksRequest.newBuilder().putLabels("team", "ml").putLabels("tier", "gold")))
        .containsExactlyInAnyOrder(a, d);
    assertThat(ids(lab, ListTasksRequest.newBuilder().addStates(TaskState.TASK_STATE_SUCCEEDED)
        .addStates(TaskState.TASK_STATE_CANCELLED))).containsExactlyInAnyOrder(a, c, d, hostile);
    TaskState waiting = listedState(b);
    assertThat(waiting).as("a waiting task is listed in a running state")
        .isNotIn(TaskState.TASK_STATE_SUCCEEDED, TaskState.TASK_STATE_FAILED, TaskState.TASK_STATE_CANCELLED);
    assertThat(ids(lab, ListTasksRequest.newBuilder().addStates(waiting))).containsExactly(b);
    assertThat(ids(lab, ListTasksRequest.newBuilder().setPipeline("other"))).containsExactly(c);
    Timestamp betweenBAndC = between(b, c);
    assertThat(ids(lab, ListTasksRequest.newBuilder().setCreatedAfter(betweenBAndC)))
        .containsExactlyInAnyOrder(c, d, hostile);
    assertThat(ids(lab, ListTasksRequest.newBuilder().setCreatedBefore(betweenBAndC)))
        .containsExactlyInAnyOrder(a, b);
  }

  void shouldCombineFiltersAcrossPages() {
    ListTasksRequest.Builder filters = ListTasksRequest.newBuilder().putLabels("team", "ml")
        .setCreatedAfter(between(a, b)).addStates(TaskState.TASK_STATE_CANCELLED).addStates(listedState(b));
    List<String> seen = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    int pages = 0;
    do {
      ListTasksResponse page = tasks(lab).listTasks(filters.clone().setPageSize(1).setPageToken(token).build());
      assertThat(page.getTasksCount()).isLessThanOrEqualTo(1);
      page.getTasksList().forEach(t -> seen.add(t.getId()));
      token = page.getNextPageToken();
      assertThat(++pages).as("pages").isLessThan(20);
    } while (!token.isEmpty());

    assertThat(seen).containsExactlyInAnyOrder(b, d);
  }

  void shouldRefuseAPageTokenUsedWithOtherFilters() {
    ListTasksResponse first = tasks(lab).listTasks(ListTasksRequest.newBuilder().setPageSize(1)
        .putLabels("team", "ml").build());
    assertThat(first.getNextPageToken()).isNotEmpty();

    assertThat(invalidField(() -> tasks(lab).listTasks(ListTasksRequest.newBuilder().setPageSize(1)
        .putLabels("team", "bio").setPageToken(first.getNextPageToken()).build()))).isEqualTo("page_token");
    assertThat(tasks(lab).listTasks(ListTasksRequest.newBuilder().setPageSize(1).putLabels("team", "ml")
        .setPageToken(first.getNextPageToken()).build()).getTasksCount()).isEqualTo(1);
  }

  void shouldNeverLetAHostileValueWidenTheQuery() {
    assertThat(invalidField(() -> tasks(lab).listTasks(ListTasksRequest.newBuilder()
        .putLabels("team", "x' OR NightshiftTenant = 'ops").build()))).isEqualTo("labels[\"team\"]");
    assertThat(ids(lab, ListTasksRequest.newBuilder().setPipeline(HOSTILE_PIPELINE))).containsExactly(hostile);
    assertThat(ids(lab, ListTasksRequest.newBuilder().setPipeline(HOSTILE_PIPELINE.replace("'", "''"))))
        .as("the name as SQL would escape it is another name").isEmpty();
    assertThat(invalidField(() -> tasks(lab).listTasks(ListTasksRequest.newBuilder()
        .addStatesValue(99).build()))).isEqualTo("states[0]");
    assertThat(invalidField(() -> tasks(lab).listTasks(ListTasksRequest.newBuilder()
        .setCreatedAfter(between(b, c)).setCreatedBefore(between(a, b)).build()))).isEqualTo("created_before");
  }

  /**
   * How many tasks each page of a filtered listing holds, pages of one. Where the server filters, every page is
   * full; where rows are filtered after the server paged them, a page may come back empty.
   */
  List<Integer> pageSizesOfTeamBio() {
    List<Integer> sizes = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListTasksResponse page = tasks(lab).listTasks(ListTasksRequest.newBuilder().putLabels("team", "bio")
          .setPageSize(1).setPageToken(token).build());
      sizes.add(page.getTasksCount());
      token = page.getNextPageToken();
    } while (!token.isEmpty() && sizes.size() < 20);
    return sizes;
  }

  /**
   * The workflow UI's GET /api/tasks takes the filters and the page size as query parameters and passes them on to
   * ListTasks; a page size outside 1 to 200 is refused, naming page_size.
   */
  void shouldFilterTheUisTaskListByQueryParameters() throws Exception {
    try (WorkflowUiServer ui = WorkflowUiServer.start("127.0.0.1", 0, api.target(), Optional.of(labToken))) {
      String host = "127.0.0.1:" + ui.port();
      RawHttp.Answer login = RawHttp.send(ui.port(), "POST", "/login", Map.of("Host", host, "Origin", "http://"
          + host, "Content-Type", "application/json"), "{\"token\": \"" + labToken + "\"}");
      String setCookie = login.header("Set-Cookie");
      assertThat(setCookie).as(login.body()).isNotNull();
      Map<String, String> session = Map.of("Host", host, "Cookie", setCookie.substring(0, setCookie.indexOf(';')));
      RawHttp.Answer mlEnded = RawHttp.send(ui.port(), "GET", "/api/tasks?label=team%3Dml&state=succeeded"
          + "&state=TASK_STATE_CANCELLED", session, null);
      assertThat(mlEnded.status()).as(mlEnded.body()).isEqualTo(200);
      assertThat(listedIds(mlEnded.body())).containsExactlyInAnyOrder(a, d);

      String after = URLEncoder.encode(Timestamps.toString(between(b, c)), StandardCharsets.UTF_8);
      RawHttp.Answer later = RawHttp.send(ui.port(), "GET", "/api/tasks?pipeline=other&created_after=" + after,
          session, null);
      assertThat(listedIds(later.body())).containsExactly(c);
      RawHttp.Answer before = RawHttp.send(ui.port(), "GET", "/api/tasks?created_before=" + after
          + "&label=team%3Dml", session, null);
      assertThat(listedIds(before.body())).containsExactlyInAnyOrder(a, b);

      RawHttp.Answer badState = RawHttp.send(ui.port(), "GET", "/api/tasks?state=sleeping", session, null);
      assertThat(badState.status()).isEqualTo(400);
      assertThat(badState.body()).contains("\"field\":\"state\"");
      RawHttp.Answer badLabel = RawHttp.send(ui.port(), "GET", "/api/tasks?label=team%3Dx%27y", session, null);
      assertThat(badLabel.status()).as("the API's own refusal, naming the label").isEqualTo(400);
      assertThat(badLabel.body()).contains("labels[\\\"team\\\"]");

      // page_size: the pages, walked with the tokens they give, hold every team=ml task once and none twice
      List<String> paged = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      String token = "";
      do {
        RawHttp.Answer page = RawHttp.send(ui.port(), "GET", "/api/tasks?label=team%3Dml&page_size=2"
            + (token.isEmpty() ? "" : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), session,
            null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        sizes.add(listedIds(page.body()).size());
        paged.addAll(listedIds(page.body()));
        token = new ObjectMapper().readTree(page.body()).path("nextPageToken").asText();
      } while (!token.isEmpty() && sizes.size() < 10);
      assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrder(a, b, d);
      assertThat(sizes).as("pages of at most two").allMatch(n -> n <= 2).hasSizeGreaterThan(1);
      for (String bad : List.of("0", "201", "ten")) {
        RawHttp.Answer refused = RawHttp.send(ui.port(), "GET", "/api/tasks?page_size=" + bad, session, null);
        assertThat(refused.status()).as(bad).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"page_size\"").contains("1 to 200");
      }
    }
  }

  private static List<String> listedIds(String json) throws Exception {
    List<String> ids = new ArrayList<>();
    new ObjectMapper().readTree(json).path("tasks").forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  private TaskState listedState(String id) {
    return tasks(lab).listTasks(ListTasksRequest.newBuilder().setPageSize(500).build()).getTasksList().stream()
        .filter(t -> t.getId().equals(id)).findFirst().orElseThrow().getState();
  }

  /** The instant halfway between two tasks' creation. */
  private Timestamp between(String earlier, String later) {
    Timestamp x = tasks(lab).getTask(GetTaskRequest.newBuilder().setTaskId(earlier).build()).getCreatedAt();
    Timestamp y = tasks(lab).getTask(GetTaskRequest.newBuilder().setTaskId(later).build()).getCreatedAt();
    long xn = x.getSeconds() * 1_000_000_000L + x.getNanos();
    long yn = y.getSeconds() * 1_000_000_000L + y.getNanos();
    assertThat(yn).as(later + " created after " + earlier).isGreaterThan(xn);
    long mid = xn + (yn - xn) / 2;
    return Timestamp.newBuilder().setSeconds(mid / 1_000_000_000L).setNanos((int) (mid % 1_000_000_000L)).build();
  }

  private static SubmitTaskRequest keyed(String key, TaskSpec spec) {
    return SubmitTaskRequest.newBuilder().setIdempotencyKey(key).setSpec(spec).build();
  }

  private static TaskSpec quick(String pipeline, Map<String, String> labels) {
    return TaskSpec.newBuilder().setGoal("filters").setPipelineYaml(QUICK.formatted("'" + pipeline + "'"))
        .putAllLabels(labels).build();
  }

  private static TaskSpec gated(Map<String, String> labels) {
    return TaskSpec.newBuilder().setGoal("filters").setPipelineYaml(GATED).putAllLabels(labels).build();
  }

  private static String submit(Channel channel, SubmitTaskRequest request) {
    return tasks(channel).submitTask(request).getTaskId();
  }

  private static Set<String> ids(Channel channel, ListTasksRequest.Builder request) {
    List<String> ids = tasks(channel).listTasks(request.setPageSize(500).build()).getTasksList().stream()
        .map(Task::getId).toList();
    assertThat(ids).doesNotHaveDuplicates();
    return new HashSet<>(ids);
  }

  private static StatusRuntimeException refusal(Runnable call) {
    return (StatusRuntimeException) org.assertj.core.api.Assertions.catchThrowable(call::run);
  }

  private static String invalidField(Runnable call) {
    StatusRuntimeException refused = refusal(call);
    assertThat(refused).isNotNull();
    assertThat(refused.getStatus().getCode()).as(refused.toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return FieldViolations.of(refused).get(0).getField();
  }

  private static void eventually(Supplier<Set<String>> actual, Set<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Set<String> now = actual.get();
    while (!now.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      now = actual.get();
    }
    assertThat(now).isEqualTo(expected);
  }

  private static Task await(Channel channel, String id, Predicate<Task> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Task t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    while (!condition.test(t)) {
      assertThat(System.nanoTime()).as("task never got there; last view:\n" + t).isLessThan(deadline);
      assertThat(t.getState()).as(t.getError()).isNotEqualTo(TaskState.TASK_STATE_FAILED);
      Thread.sleep(200);
      t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    }
    return t;
  }

  private static TaskServiceGrpc.TaskServiceBlockingStub tasks(Channel channel) {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }
}
