package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TimelineEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's event stream over real sockets, on the real API and task workflow: each event carries the task's
 * sequence as its id, and a page that reconnects with {@code Last-Event-ID} (as a browser's EventSource does by
 * itself) gets every timeline entry recorded while it was away, none twice.
 */
class UiEventResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private StepsOnGates gates;
  private TaskApiOnSocket api;
  private WorkflowUiServer ui;

  @BeforeEach
  void setUp() throws Exception {
    gates = new StepsOnGates(dir, 4);
    api = TaskApiOnSocket.start(gates.client(), gates.submitter(dir), null);
    ui = WorkflowUiServer.start("127.0.0.1", 0, api.target());
  }

  @AfterEach
  void tearDown() throws Exception {
    ui.close();
    api.close();
    gates.close();
  }

  @Test
  void shouldResumeAPagesStreamAfterItsLastEventIdMissingNothing() throws Exception {
    gates.start("paged");
    HttpURLConnection page = open("/api/tasks/paged/events", null);
    assertThat(page.getResponseCode()).isEqualTo(200);
    List<Sse> before = new ArrayList<>();
    try (BufferedReader in = reader(page)) {
      gates.open(); // s1 succeeds, s2 starts
      readUntil(in, before, e -> e.type.equals("timeline") && e.steps().contains("s2"));
    }
    page.disconnect(); // the page's connection drops
    String lastId = before.get(before.size() - 1).id;
    assertThat(lastId).as("every event names the sequence it brings the page to").isNotNull();

    gates.open();
    gates.open();
    awaitRunning("s4");

    HttpURLConnection again = open("/api/tasks/paged/events", lastId);
    assertThat(again.getResponseCode()).isEqualTo(200);
    List<Sse> after = new ArrayList<>();
    try (BufferedReader in = reader(again)) {
      gates.open();
      readUntil(in, after, e -> e.type.equals("end"));
    }

    List<Long> received = new ArrayList<>();
    for (Sse e : before) {
      received.addAll(e.sequences());
    }
    for (Sse e : after) {
      received.addAll(e.sequences());
    }
    Task ended = api.api().getTask(GetTaskRequest.newBuilder().setTaskId("paged").build());
    assertThat(received).as("the page saw the task's whole timeline, in order, nothing twice")
        .containsExactlyElementsOf(ended.getTimelineList().stream().map(TimelineEvent::getSequence).toList());
    // the first view may be one the API's shared poll read a moment before the page came back: its entries follow
    assertThat(after).filteredOn(e -> !e.sequences().isEmpty()).first()
        .satisfies(e -> assertThat(e.sequences().get(0)).isEqualTo(Long.parseLong(lastId) + 1));
    assertThat(after).filteredOn(e -> !e.type.equals("end")).extracting(e -> Long.parseLong(e.id))
        .as("ids never go back").isSorted()
        .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(Long.parseLong(lastId)));
    assertThat(after).filteredOn(e -> e.type.equals("task")).last()
        .satisfies(e -> assertThat(e.id).isEqualTo(String.valueOf(ended.getSequence())));
  }

  @Test
  void shouldRefuseALastEventIdThatIsNoSequence() throws Exception {
    gates.start("refused");
    HttpURLConnection page = open("/api/tasks/refused/events", "yesterday");
    assertThat(page.getResponseCode()).isEqualTo(400);
    String body = new String(page.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("Last-Event-ID must be a timeline sequence").contains("yesterday");
    for (int i = 0; i < 4; i++) {
      gates.open();
    }
    gates.awaitEnd("refused");
  }

  private void awaitRunning(String step) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (api.api().getTask(GetTaskRequest.newBuilder().setTaskId("paged").build()).getStepsList().stream()
        .noneMatch(s -> s.getName().equals(step) && s.getState() == StepState.STEP_STATE_RUNNING)) {
      assertThat(System.nanoTime()).as("waited 20 s for " + step).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private HttpURLConnection open(String path, String lastEventId) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + ui.port() + path).toURL()
        .openConnection();
    c.setReadTimeout(20_000);
    if (lastEventId != null) {
      c.setRequestProperty("Last-Event-ID", lastEventId);
    }
    return c;
  }

  private static BufferedReader reader(HttpURLConnection c) throws IOException {
    return new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Reads events into {@code into} until one matches {@code last}. */
  private static void readUntil(BufferedReader in, List<Sse> into, Predicate<Sse> last) throws IOException {
    String type = null;
    String id = null;
    String data = null;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("event: ")) {
        type = line.substring(7);
      } else if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("data: ")) {
        data = line.substring(6);
      } else if (line.isEmpty() && type != null) {
        Sse e = new Sse(type, id, JSON.readTree(data));
        into.add(e);
        if (last.test(e)) {
          return;
        }
        type = null;
        id = null;
        data = null;
      }
    }
    throw new AssertionError("the stream ended before the event the test waited for; got " + into.size());
  }

  /** One server-sent event. */
  private record Sse(String type, String id, JsonNode data) {
    List<Long> sequences() {
      List<Long> all = new ArrayList<>();
      if (type.equals("timeline")) {
        data.get("entries").forEach(e -> all.add(e.get("sequence").asLong()));
      }
      return all;
    }

    List<String> steps() {
      List<String> all = new ArrayList<>();
      if (type.equals("timeline")) {
        data.get("entries").forEach(e -> all.add(e.path("step").asText()));
      }
      return all;
    }
  }
}
