package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyRing;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task outputs through the UI, from the real ArtifactService over a real store, sealed as the runtime's is: each
 * reference with its own media type, and every one served so that nothing in it runs on the UI's origin. The task
 * whose outputs they are is a table here (the membership and tenancy checks over Temporal have their own test,
 * TenantIsolationIT): task {@value #TASK} names both references, and no other task exists.
 */
class UiArtifactServingTest {
  private static final String TASK = "t";
  private static final String PAGE = "<script>fetch('/api/tasks/t/cancel', {method: 'POST'})</script><p>report</p>";

  @TempDir Path dir;
  private Server api;
  private WorkflowUiServer ui;
  private FileArtifactStore store;
  private ArtifactRef asText;
  private ArtifactRef asHtml;

  @BeforeEach
  void setUp() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    store = new FileArtifactStore(dir, new KeyRing("k1", Map.of("k1", new SecretKeySpec(key, "AES"))));
    // one step wrote these bytes as text, another as a report: the same digest, two references
    asText = store.put(PAGE.getBytes(StandardCharsets.UTF_8), "text/plain");
    asHtml = store.put(PAGE.getBytes(StandardCharsets.UTF_8), "text/html");
    api = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ArtifactServiceImpl(store, (taskId, scope) -> {
          if (!taskId.equals(TASK)) {
            throw ApiErrors.notFound(taskId);
          }
          return List.of(TaskArtifact.newBuilder().setStep("s").setKind(TaskArtifactKinds.OUTPUT)
              .setRef(TaskViews.ref(asText)).build());
        })).build().start();
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:" + api.getPort());
  }

  @AfterEach
  void tearDown() throws Exception {
    ui.close();
    api.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldServeEachReferenceOfTheSameBytesWithItsOwnMediaType() throws Exception {
    assertThat(asHtml.digest()).isEqualTo(asText.digest());

    assertThat(get(asText, "").header("Content-Type")).isEqualTo("text/plain");
    assertThat(get(asHtml, "").header("Content-Type")).isEqualTo("text/html");
    RawHttp.Answer neverStoredAs = get(new ArtifactRef(asText.digest(), asText.size(), "image/svg+xml"), "");
    assertThat(neverStoredAs.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(RawHttp.get(ui.port(), "/api/artifacts/" + asText.digest() + "?task=" + TASK, host())
        .header("Content-Type"))
        .as("no type asked: the one the bytes were first stored with").isEqualTo("text/plain");
  }

  @Test
  void shouldServeEveryOutputAsASandboxedDownloadThatIsNeverSniffed() throws Exception {
    RawHttp.Answer html = get(asHtml, "");

    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).isEqualTo(PAGE); // opened by the store: the file holds ciphertext
    assertThat(html.header("Content-Length")).isEqualTo(String.valueOf(PAGE.getBytes(StandardCharsets.UTF_8).length));
    assertThat(html.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"artifact-" + asHtml.hex().substring(0, 12) + ".html\"");
    assertThat(html.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
    assertThat(html.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(get(asText, "").header("Content-Disposition")).startsWith("attachment;").endsWith(".txt\"");
  }

  @Test
  void shouldShowOnlyAnHtmlReportInTheViewerAndStillInASandbox() throws Exception {
    RawHttp.Answer view = get(asHtml, "/view");

    assertThat(view.status()).isEqualTo(200);
    assertThat(view.header("Content-Disposition")).isEqualTo("inline");
    assertThat(view.header("Content-Security-Policy")).startsWith("sandbox; default-src 'none';")
        .contains("frame-ancestors 'self'").doesNotContain("script-src");
    assertThat(get(asText, "/view").status()).as("the same bytes as text are no report").isEqualTo(415);
  }

  @Test
  void shouldServeAnOutputOnlyAsOneOfTheTaskThatNamesIt() throws Exception {
    byte[] other = "another task's output".getBytes(StandardCharsets.UTF_8);
    ArtifactRef notTheTasks = store.put(other, "text/plain");

    assertThat(get(notTheTasks, "").status()).as("in the store, not in the task's view").isEqualTo(404);
    assertThat(RawHttp.get(ui.port(), "/api/artifacts/" + asText.digest() + "?task=someone-elses", host()).status())
        .isEqualTo(404);
    assertThat(RawHttp.get(ui.port(), "/api/artifacts/" + asText.digest(), host()).status())
        .as("no task named").isEqualTo(400);
  }

  @Test
  void shouldResumeADownloadFromARangeAndRefuseOneThatStartsAtTheEnd() throws Exception {
    int size = PAGE.getBytes(StandardCharsets.UTF_8).length;
    RawHttp.Answer whole = get(asHtml, "");
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.header("ETag")).isEqualTo("\"" + asHtml.digest() + "\"");

    RawHttp.Answer rest = ranged("bytes=10-", null);
    assertThat(rest.status()).isEqualTo(206);
    assertThat(rest.body()).isEqualTo(PAGE.substring(10));
    assertThat(rest.header("Content-Range")).isEqualTo("bytes 10-" + (size - 1) + "/" + size);
    assertThat(rest.header("Content-Length")).isEqualTo(String.valueOf(size - 10));
    assertThat(rest.header("Content-Security-Policy")).as("a part is served as the whole is")
        .isEqualTo("sandbox; default-src 'none'");

    RawHttp.Answer middle = ranged("bytes=5-9", null);
    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(PAGE.substring(5, 10));
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 5-9/" + size);
    assertThat(ranged("bytes=" + (size - 3) + "-" + (size + 50), null).body()).isEqualTo(PAGE.substring(size - 3));

    for (String unsatisfiable : new String[] {"bytes=" + size + "-", "bytes=" + (size + 100) + "-"}) {
      RawHttp.Answer refused = ranged(unsatisfiable, null);
      assertThat(refused.status()).as(unsatisfiable).isEqualTo(416);
      assertThat(refused.header("Content-Range")).as(unsatisfiable).isEqualTo("bytes */" + size);
    }
    RawHttp.Answer changed = ranged("bytes=10-", "\"sha256:" + "0".repeat(64) + "\"");
    assertThat(changed.status()).as("If-Range names other bytes: the whole, not a part").isEqualTo(200);
    assertThat(changed.body()).isEqualTo(PAGE);
    assertThat(ranged("bytes=10-", whole.header("ETag")).status()).isEqualTo(206);
  }

  private RawHttp.Answer ranged(String range, String ifRange) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Host", host(), "Range", range));
    if (ifRange != null) {
      headers.put("If-Range", ifRange);
    }
    return RawHttp.send(ui.port(), "GET", "/api/artifacts/" + asHtml.digest() + "?task=" + TASK + "&type="
        + URLEncoder.encode(asHtml.mediaType(), StandardCharsets.UTF_8), headers, null);
  }

  private RawHttp.Answer get(ArtifactRef ref, String suffix) throws Exception {
    return RawHttp.get(ui.port(), "/api/artifacts/" + ref.digest() + suffix + "?task=" + TASK + "&type="
        + URLEncoder.encode(ref.mediaType(), StandardCharsets.UTF_8), host());
  }

  private String host() {
    return "127.0.0.1:" + ui.port();
  }
}
