package io.nightshift.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.api.ui.session.UiUser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/links on a real UI server: no link until the runtime says where Temporal's Web UI is, then the prefix of
 * the caller's tenant's namespace that a task id completes. The route asks the API nothing, so none runs here.
 */
class TemporalWebUiLinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private WorkflowUiServer ui;

  @BeforeEach
  void start() throws Exception {
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:1");
  }

  @AfterEach
  void stop() {
    ui.close();
  }

  @Test
  void shouldAnswerNoLinkWhereTheRuntimeDoesNotKnowTemporalsWebUi() throws Exception {
    RawHttp.Answer answer = RawHttp.get(ui.port(), "/api/links", host());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).size()).isZero();
  }

  @Test
  void shouldAnswerTheWorkflowsPrefixInTheNamespaceOfTheCallersTenant() throws Exception {
    ui.linkTemporalWebUi(new TemporalWebUiLink("http://127.0.0.1:8233/", tenant -> "team " + tenant));

    JsonNode links = JSON.readTree(RawHttp.get(ui.port(), "/api/links", host()).body());

    assertThat(links.get("temporalWorkflows").asText()).isEqualTo("http://127.0.0.1:8233/namespaces/team%20"
        + UrlPaths.segment(UiUser.NO_LOGIN.tenant()) + "/workflows/");
    assertThat(RawHttp.send(ui.port(), "POST", "/api/links", Map.of("Host", host(),
        "Content-Type", "application/json"), "{}").status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAWebUiAddressThatIsNotHttp() {
    assertThatThrownBy(() -> new TemporalWebUiLink("127.0.0.1:8233", tenant -> "default"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:8233");
  }

  private String host() {
    return "127.0.0.1:" + ui.port();
  }
}
