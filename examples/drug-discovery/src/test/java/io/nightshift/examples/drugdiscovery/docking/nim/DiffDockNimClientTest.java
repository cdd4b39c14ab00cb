package io.nightshift.examples.drugdiscovery.docking.nim;

import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.json;
import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.ReceptorPdb;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DiffDock NIM client against a scripted server on a real socket. */
class DiffDockNimClientTest {
  private static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";
  private ScriptedDiffDockServer server;
  private DiffDockNimClient client;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedDiffDockServer();
    client = new DiffDockNimClient(URI.create(server.url() + "/"), Duration.ofSeconds(10), 3, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldSendTheReceptorAtomsAndSmilesAndReturnPosesWithConfidence() throws Exception {
    server.then(success(0.41, -0.73, -1.9));

    DiffDockResult result = client.dock(ReceptorPdb.abl1(), ASPIRIN, 3, progress::add);

    assertThat(result.poses()).extracting(DiffDockPose::confidence).containsExactly(0.41, -0.73, -1.9);
    assertThat(result.best().orElseThrow().rank()).isEqualTo(1);
    assertThat(result.best().orElseThrow().sdf()).startsWith("pose1\n").contains("M  END");
    assertThat(result.details()).isEqualTo("DiffDock run completed");
    Map<?, ?> sent = DiffDockResponses.JSON.readValue(server.requests().get(0), Map.class);
    assertThat(sent.get("ligand")).isEqualTo(ASPIRIN);
    assertThat(sent.get("ligand_file_type")).isEqualTo("txt");
    assertThat(sent.get("num_poses")).isEqualTo(3);
    String protein = (String) sent.get("protein");
    assertThat(protein.lines()).hasSize(2229).allSatisfy(l -> assertThat(l).startsWith("ATOM"));
    assertThat(protein).contains("MET B 225");
    assertThat(progress).isEmpty();
  }

  @Test
  void shouldNameTheServedModelForProvenance() {
    assertThat(client.modelName()).isEqualTo("mit/diffdock 2.2.0");
  }

  @Test
  void shouldWaitWhatRetryAfterAsksAndRetryA503() throws Exception {
    server.then(json(503, "{\"detail\":\"model loading\"}", "Retry-After", "1"), success(0.2));

    long start = System.nanoTime();
    DiffDockResult result = client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add);

    assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(0.95);
    assertThat(result.best().orElseThrow().confidence()).isEqualTo(0.2);
    assertThat(server.requests()).hasSize(2);
    assertThat(progress).singleElement().asString().contains("waiting 1.0 s", "HTTP 503", "model loading");
  }

  @Test
  void shouldGiveUpOnAServiceThatStaysBusyWithARetryableFailure() {
    server.then(json(429, "{\"detail\":\"rate limited\"}", "Retry-After", "0"));

    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOfSatisfying(NimCallFailure.class, f -> {
          assertThat(f.retryable()).isTrue();
          assertThat(f.retryAfter()).contains(Duration.ZERO);
        })
        .hasMessageContaining("HTTP 429").hasMessageContaining("after 3 attempts");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldRejectTheLigandAloneOnA400() {
    server.then(json(400, "{\"detail\":\"Invalid SMILES string\"}"));

    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), "C1CC", 1, progress::add))
        .isInstanceOf(DockingFailure.class).hasMessageContaining("HTTP 400").hasMessageContaining("Invalid SMILES");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldFailPermanentlyOnAWrongPathOrAMalformedAnswer() {
    server.then(json(404, "{\"detail\":\"Not Found\"}"));
    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOfSatisfying(NimCallFailure.class, f -> assertThat(f.retryable()).isFalse())
        .hasMessageContaining("HTTP 404").hasMessageContaining("Not Found")
        .hasMessageContaining("check the workers' NIGHTSHIFT_DIFFDOCK_NIM_URL");
  }

  @Test
  void shouldNeverPutTheAnswersBodyIntoAFailureOnlyItsErrorMessageBoundedAndPrintable() {
    String page = "<html><body>internal admin console: password=hunter2</body></html>";
    server.then(json(403, page), json(400, "{\"detail\":\"bad\\u0007 ligand\\n" + "x".repeat(5_000) + "\"}"),
        json(422, "{\"detail\":[{\"loc\":[\"body\",\"ligand\"],\"msg\":\"field required\"}]}"));
    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOf(NimCallFailure.class).hasMessageContaining("HTTP 403")
        .hasMessageContaining("a body of " + page.length() + " characters without a JSON error message, not shown")
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("<html>");

    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOf(DockingFailure.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("bad? ligand xxx").hasSizeLessThan(300)
            .doesNotContain("\u0007", "\n"));

    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOf(DockingFailure.class).hasMessageEndingWith("(HTTP 422): field required");
  }

  @Test
  void shouldCallAnAnswerOutsideTheDocumentedFormatMalformed() throws Exception {
    for (String body : List.of("<html>gateway</html>", "{\"status\":\"success\",\"ligand_positions\":[\"x\"]}",
        "{\"status\":\"success\",\"ligand_positions\":[],\"position_confidence\":[0.1]}")) {
      try (ScriptedDiffDockServer one = new ScriptedDiffDockServer()) {
        one.then(json(200, body));
        DiffDockNimClient c = new DiffDockNimClient(URI.create(one.url()), Duration.ofSeconds(10), 3,
            Duration.ofSeconds(1));
        assertThatThrownBy(() -> c.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
            .as(body).isInstanceOfSatisfying(NimCallFailure.class, f -> assertThat(f.retryable()).isFalse())
            .hasMessageContaining("not in the documented format");
        assertThat(one.requests()).hasSize(1);
      }
    }
  }

  @Test
  void shouldReportAFailedStatusAsThisLigandsFailure() {
    server.then(json(200, "{\"status\":\"failed\",\"details\":\"RDKit could not embed the ligand\","
        + "\"ligand_positions\":[],\"position_confidence\":[]}"));

    assertThatThrownBy(() -> client.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOf(DockingFailure.class).hasMessageContaining("status failed").hasMessageContaining("embed");
  }

  @Test
  void shouldRetryAConnectionRefusedAndThenSayItIsRetryable() throws Exception {
    String url = server.url();
    server.close();
    DiffDockNimClient gone = new DiffDockNimClient(URI.create(url), Duration.ofSeconds(5), 2, Duration.ofMillis(100));

    assertThatThrownBy(() -> gone.dock(ReceptorPdb.abl1(), ASPIRIN, 1, progress::add))
        .isInstanceOfSatisfying(NimCallFailure.class, f -> assertThat(f.retryable()).isTrue())
        .hasMessageContaining("cannot reach the DiffDock NIM").hasMessageContaining("after 2 attempts");
    assertThat(progress).hasSize(1);
  }

  @Test
  void shouldRefuseAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> new DiffDockNimClient(URI.create("gpu-node:8000"), Duration.ofSeconds(1), 1,
        Duration.ofSeconds(1))).hasMessageContaining("http://");
  }
}
