package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.runtime.ops.OpsEndpoints;
import io.nightshift.runtime.ops.ProcessMetrics;
import io.nightshift.runtime.ops.Readiness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the workflow UI's port, with its login on, /metrics, /healthz and /readyz answer without a session, as
 * Prometheus scrapes, while the UI's own paths still need one; all of them under the UI's Host check.
 */
class OpsPathsOnUiPortTest {
  private final ProcessMetrics metrics = ProcessMetrics.create();
  private WorkflowUiServer ui;

  @BeforeEach
  void setUp() throws Exception {
    // no API behind it: nothing here may need one
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:1", Optional.of("in-process-bearer"));
    ui.servePublic(OpsEndpoints.PATHS, new OpsEndpoints(metrics, new Readiness(List.of(Optional::empty)))::serve);
  }

  @AfterEach
  void tearDown() {
    ui.close();
    metrics.close();
  }

  @Test
  void shouldServeTheOpsPathsWithoutASessionAndKeepTheUiBehindItsLogin() throws Exception {
    String self = "127.0.0.1:" + ui.port();

    assertThat(RawHttp.get(ui.port(), "/healthz", self).body()).isEqualTo("ok\n");
    assertThat(RawHttp.get(ui.port(), "/readyz", self).status()).isEqualTo(200);
    RawHttp.Answer scrape = RawHttp.get(ui.port(), "/metrics", self);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(RawHttp.get(ui.port(), "/api/tasks", self).status()).as("the UI's own paths").isEqualTo(401);
  }

  @Test
  void shouldKeepTheHostCheckOnTheOpsPaths() throws Exception {
    assertThat(RawHttp.get(ui.port(), "/metrics", "evil.example:" + ui.port()).status()).isEqualTo(421);
  }
}
