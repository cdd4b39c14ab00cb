package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.client.BearerToken;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.IssuedToken;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow UI's login against the real API on real sockets, as {@code nightshift dev} serves both: nothing
 * without a session, the start-up link good once, a pasted token's role and tenant applied by the API to the UI's
 * calls, logout, and a revoked token's session ended.
 */
class UiLoginTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static NightshiftRuntime runtime;
  private static ApiRole api;
  private static TokenStore tokens;
  private static RuntimeConfig config;
  private static int port;
  private static String self;

  @BeforeAll
  static void start() throws Exception {
    config = config(dataDir.resolve("loopback"), "127.0.0.1");
    api = new ApiRole();
    runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.API), List.of(api));
    tokens = new TokenStore(config.tokenStoreFile(), Clock.systemUTC());
    port = URI.create(api.uiUrl().orElseThrow()).getPort();
    self = "127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void shouldAnswerEveryRouteButTheLoginPageWithoutASessionAs401OrSendThePageToLogIn() throws Exception {
    for (String path : List.of("/api/tasks", "/api/tasks/t-1", "/api/session", "/app.js",
        "/api/artifacts/sha256:" + "0".repeat(64))) {
      RawHttp.Answer answer = get(path, null);
      assertThat(answer.status()).as(path).isEqualTo(401);
      assertThat(answer.body()).as(path).contains("UNAUTHENTICATED").contains("not logged in");
    }
    RawHttp.Answer page = get("/", null);
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/login");
    RawHttp.Answer login = get("/login", null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("id=\"token\"").contains("/login.js");
    assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(get("/login.js", null).status()).isEqualTo(200);
    assertThat(post("/api/tasks/t-1/pause", null, "{}").status()).isEqualTo(401);
    assertThat(get("/api/tasks", "nightshift-ui-" + port + "=made-up").status()).isEqualTo(401);
  }

  @Test
  void shouldLogInOnceWithTheLinksCodeAsTheRuntimesAdminAndRefuseTheCodeAgain() throws Exception {
    String link = api.newUiLoginLink().orElseThrow();
    assertThat(link).startsWith("http://127.0.0.1:" + port + "/login#code=");
    String code = link.substring(link.indexOf("#code=") + "#code=".length());

    RawHttp.Answer first = post("/login", null, "{\"code\": \"" + code + "\"}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Set-Cookie")).matches("nightshift-ui-" + port
        + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    String cookie = cookie(first);
    JsonNode me = JSON.readTree(get("/api/session", cookie).body());
    assertThat(me.get("role").asText()).isEqualTo("admin");
    assertThat(me.get("tenant").asText()).isEqualTo("default");
    assertThat(me.get("via").asText()).isEqualTo("link");
    // the API's own answer for a task it does not know: the UI's call got past the token check
    assertThat(get("/api/tasks/no-such-task", cookie).status()).isEqualTo(404);
    assertThat(get("/", cookie).status()).isEqualTo(200);

    // logging in again with a token replaces the link's session
    String asViewer = cookie(post("/login", cookie, "{\"token\": \""
        + tokens.create("lab", AccessRole.VIEWER, Optional.empty()).bearer() + "\"}"));
    assertThat(get("/api/session", cookie).status()).isEqualTo(401);
    assertThat(JSON.readTree(get("/api/session", asViewer).body()).get("role").asText()).isEqualTo("viewer");

    RawHttp.Answer again = post("/login", null, "{\"code\": \"" + code + "\"}");
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.header("Set-Cookie")).isNull();
    assertThat(again.body()).contains("used already, has expired");
  }

  @Test
  void shouldLogInOnceWithALinkMadeWhileTheRuntimeRunsAsTheAdminCommandMakesIt() throws Exception {
    String link = new LoginLinkDirectory(ApiRole.uiLinkDirectory(config), Clock.systemUTC()).newLink();
    assertThat(link).startsWith("http://127.0.0.1:" + port + "/login#code=");
    String body = "{\"code\": \"" + link.substring(link.indexOf("#code=") + 6) + "\"}";

    RawHttp.Answer first = post("/login", null, body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(JSON.readTree(get("/api/session", cookie(first)).body()).get("role").asText()).isEqualTo("admin");

    assertThat(post("/login", null, body).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseALoginPostedFromAnotherSiteWithoutSpendingTheCode() throws Exception {
    String link = api.newUiLoginLink().orElseThrow();
    String body = "{\"code\": \"" + link.substring(link.indexOf("#code=") + 6) + "\"}";

    RawHttp.Answer forged = send("POST", "/login", Map.of("Origin", "http://evil.example",
        "Content-Type", "application/json"), body);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.header("Set-Cookie")).isNull();
    RawHttp.Answer asForm = send("POST", "/login", Map.of("Origin", "http://" + self,
        "Content-Type", "text/plain"), body);
    assertThat(asForm.status()).isEqualTo(415);

    assertThat(post("/login", null, body).status()).isEqualTo(200);
  }

  @Test
  void shouldLetAPastedViewerTokenReadButShowTheApisRefusalOfAPause() throws Exception {
    IssuedToken viewer = tokens.create("lab", AccessRole.VIEWER, Optional.empty());
    RawHttp.Answer login = post("/login", null, "{\"token\": \"" + viewer.bearer() + "\"}");
    assertThat(login.status()).isEqualTo(200);
    String cookie = cookie(login);

    JsonNode me = JSON.readTree(get("/api/session", cookie).body());
    assertThat(me.get("role").asText()).isEqualTo("viewer");
    assertThat(me.get("tenant").asText()).isEqualTo("lab");
    assertThat(me.get("name").asText()).isEqualTo("token:" + viewer.token().id());
    assertThat(get("/api/tasks", cookie).status()).isEqualTo(200);
    RawHttp.Answer pause = post("/api/tasks/t-1/pause", cookie, "{}");
    assertThat(pause.status()).isEqualTo(403);
    assertThat(pause.body()).contains("PERMISSION_DENIED").contains("PauseTask").contains("has role viewer");
  }

  @Test
  void shouldRefuseATokenTheApiDoesNotAcceptAndOneThatIsNoToken() throws Exception {
    IssuedToken real = tokens.create("lab", AccessRole.ADMIN, Optional.empty());
    String wrong = real.bearer().substring(0, real.bearer().length() - 4) + "AAAA";

    RawHttp.Answer refused = post("/login", null, "{\"token\": \"" + wrong + "\"}");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).contains("UNAUTHENTICATED").contains("not accepted").doesNotContain(wrong);
    assertThat(refused.header("Set-Cookie")).isNull();

    RawHttp.Answer malformed = post("/login", null, "{\"token\": \"two words\"}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"token\"");
    assertThat(post("/login", null, "{\"token\": \"x\", \"code\": \"y\"}").status()).isEqualTo(400);
    assertThat(post("/login", null, "{\"password\": \"x\"}").status()).isEqualTo(400);
  }

  @Test
  void shouldEndTheSessionOnLogout() throws Exception {
    String cookie = cookie(post("/login", null, "{\"token\": \""
        + tokens.create("lab", AccessRole.SUBMITTER, Optional.empty()).bearer() + "\"}"));
    assertThat(get("/api/tasks", cookie).status()).isEqualTo(200);

    RawHttp.Answer out = post("/logout", cookie, "{}");

    assertThat(out.status()).isEqualTo(200);
    assertThat(out.header("Set-Cookie")).startsWith("nightshift-ui-" + port + "=; Max-Age=0");
    assertThat(get("/api/tasks", cookie).status()).isEqualTo(401);
  }

  @Test
  void shouldEndTheSessionOfATokenRevokedWhileItIsLoggedIn() throws Exception {
    IssuedToken token = tokens.create("lab", AccessRole.VIEWER, Optional.empty());
    String cookie = cookie(post("/login", null, "{\"token\": \"" + token.bearer() + "\"}"));
    assertThat(get("/api/tasks", cookie).status()).isEqualTo(200);

    tokens.revoke(token.token().id());

    RawHttp.Answer refused = get("/api/tasks", cookie);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).contains("not accepted");
    assertThat(get("/api/session", cookie).body()).contains("not logged in");
  }

  @Test
  void shouldShowEachTenantsSessionItsOwnTasksOnlyAndAnswerAnothersAsUnknown() throws Exception {
    IssuedToken alpha = tokens.create("alpha", AccessRole.SUBMITTER, Optional.empty());
    IssuedToken beta = tokens.create("beta", AccessRole.ADMIN, Optional.empty());
    ManagedChannel asAlpha = NettyChannelBuilder.forTarget(api.target()).usePlaintext()
        .intercept(BearerToken.sending(alpha.bearer())).build();
    try {
      TaskServiceGrpc.newBlockingStub(asAlpha).submitTask(SubmitTaskRequest.newBuilder().setTaskId("alpha-ui")
          .setSpec(TaskSpec.newBuilder().setGoal("tenancy in the UI").setPipelineYaml("""
              name: one-step
              steps:
                - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
              """)).build());
    } finally {
      asAlpha.shutdownNow();
    }
    String alphas = cookie(post("/login", null, "{\"token\": \"" + alpha.bearer() + "\"}"));
    String betas = cookie(post("/login", null, "{\"token\": \"" + beta.bearer() + "\"}"));

    assertThat(get("/api/tasks", alphas).body()).contains("alpha-ui");
    assertThat(get("/api/tasks", betas).body()).doesNotContain("alpha-ui");
    // beta is an admin, of its own tenant: alpha's task is as unknown to it as a task that never was
    for (RawHttp.Answer answer : List.of(get("/api/tasks/alpha-ui", betas),
        get("/api/tasks/alpha-ui/events", betas), get("/api/tasks/alpha-ui/steps/load/conversation", betas),
        post("/api/tasks/alpha-ui/cancel", betas, "{}"),
        get("/api/artifacts/sha256:" + "0".repeat(64) + "?task=alpha-ui", betas))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.body()).contains("NOT_FOUND").contains("alpha-ui");
    }
    RawHttp.Answer unknown = get("/api/tasks/no-such-task", betas);
    assertThat(get("/api/tasks/alpha-ui", betas).body())
        .isEqualTo(unknown.body().replace("no-such-task", "alpha-ui"));
  }

  private static RuntimeConfig config(Path dir, String host) throws IOException {
    return RuntimeConfig.builder(dir).temporalPort(TestPorts.free()).temporalUiPort(TestPorts.free())
        .apiHost(host).apiPort(TestPorts.free()).uiPort(TestPorts.free())
        .temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY).build();
  }

  private static String cookie(RawHttp.Answer login) {
    String set = login.header("Set-Cookie");
    assertThat(set).as("the login's cookie").isNotNull();
    return set.substring(0, set.indexOf(';'));
  }

  private static RawHttp.Answer get(String path, String cookie) throws IOException {
    return send("GET", path, cookie == null ? Map.of() : Map.of("Cookie", cookie), null);
  }

  /** A POST as the UI's own page sends it: JSON, from this UI's origin. */
  private static RawHttp.Answer post(String path, String cookie, String body) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Origin", "http://" + self,
        "Content-Type", "application/json"));
    if (cookie != null) {
      headers.put("Cookie", cookie);
    }
    return send("POST", path, headers, body);
  }

  private static RawHttp.Answer send(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Host", self);
    return RawHttp.send(port, method, path, all, body);
  }
}
