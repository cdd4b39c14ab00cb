package io.nightshift.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.PauseTaskResponse;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UI on a real socket refuses what a DNS-rebinding page or another site's page would send, before any of it
 * reaches the API, and its own pages carry a policy that runs only their own script and style.
 */
class WorkflowUiAddressingTest {
  private final AtomicInteger pauses = new AtomicInteger();
  private Server api;
  private WorkflowUiServer ui;
  private String self;

  @BeforeEach
  void setUp() throws Exception {
    api = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceGrpc.TaskServiceImplBase() {
          @Override
          public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> out) {
            out.onNext(ListTasksResponse.getDefaultInstance());
            out.onCompleted();
          }

          @Override
          public void pauseTask(PauseTaskRequest request, StreamObserver<PauseTaskResponse> out) {
            pauses.incrementAndGet();
            out.onNext(PauseTaskResponse.getDefaultInstance());
            out.onCompleted();
          }
        }).build().start();
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:" + api.getPort());
    self = "127.0.0.1:" + ui.port();
  }

  @AfterEach
  void tearDown() throws Exception {
    ui.close();
    api.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldRefuseEveryRequestAddressedToARebindingName() throws Exception {
    String rebound = "evil.example:" + ui.port();
    for (String path : new String[] {"/", "/app.js", "/api/tasks", "/api/artifacts/sha256:" + "0".repeat(64)}) {
      RawHttp.Answer answer = RawHttp.get(ui.port(), path, rebound);
      assertThat(answer.status()).as(path).isEqualTo(421);
      assertThat(answer.body()).contains("MISDIRECTED_REQUEST").contains("Host was 'evil.example:")
          .contains("127.0.0.1:" + ui.port());
    }
    RawHttp.Answer pause = RawHttp.send(ui.port(), "POST", "/api/tasks/t-1/pause",
        Map.of("Host", rebound, "Origin", "http://" + rebound, "Content-Type", "application/json"), "{}");
    assertThat(pause.status()).isEqualTo(421);
    assertThat(pauses).as("nothing reached the API").hasValue(0);
  }

  @Test
  void shouldAnswerTheUisOwnAddressesWithAPagePolicyOfItsOwnScriptAndStyleOnly() throws Exception {
    assertThat(RawHttp.get(ui.port(), "/api/tasks", "localhost:" + ui.port()).status()).isEqualTo(200);
    RawHttp.Answer page = RawHttp.get(ui.port(), "/", self);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'")
        .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void shouldTakeAnActionOnlyFromThisUisOwnOrigin() throws Exception {
    Map<String, String> foreign = Map.of("Host", self, "Origin", "http://evil.example", "Content-Type",
        "application/json");
    RawHttp.Answer refused = RawHttp.send(ui.port(), "POST", "/api/tasks/t-1/pause", foreign, "{}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("PERMISSION_DENIED").contains("Origin was 'http://evil.example'");
    RawHttp.Answer sandboxed = RawHttp.send(ui.port(), "POST", "/api/tasks/t-1/pause",
        Map.of("Host", self, "Origin", "null", "Content-Type", "application/json"), "{}");
    assertThat(sandboxed.status()).as("a sandboxed report's requests").isEqualTo(403);
    assertThat(pauses).hasValue(0);

    RawHttp.Answer own = RawHttp.send(ui.port(), "POST", "/api/tasks/t-1/pause",
        Map.of("Host", self, "Origin", "http://" + self, "Content-Type", "application/json"), "{}");
    assertThat(own.status()).isEqualTo(200);
    assertThat(pauses).hasValue(1);
  }
}
