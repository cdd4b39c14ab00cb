package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.AuthServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.WhoAmIRequest;
import io.nightshift.api.v1.WhoAmIResponse;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.BearerTokens;
import io.nightshift.runtime.auth.IssuedToken;
import io.nightshift.runtime.auth.TokenStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens and roles on the real ApiServer over a socket, as {@code nightshift dev} serves it: one runtime
 * for all cases, tokens made in its data directory the way {@code nightshift admin token create} makes them.
 */
class ApiAuthenticationTest {
  private static final String PIPELINE = "name: authed\nsteps:\n  - {name: only, tool: table.describe,"
      + " params: {input: \"x\"}}\n";

  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static TokenStore tokens;

  @BeforeAll
  static void start() throws Exception {
    api = ApiRuntimeOnSocket.start(dataDir);
    tokens = new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldRefuseACallWithoutAnyTokenAsUnauthenticated() {
    Status status = read(api.channelWithoutToken());

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains("needs an API token");
  }

  @Test
  void shouldRefuseMalformedAndUnknownTokensWithoutEchoingThem() throws Exception {
    IssuedToken real = tokens.create("lab", AccessRole.ADMIN, Optional.empty());
    String wrongSecret = real.bearer().substring(0, real.bearer().length() - 4) + "AAAA";
    for (String token : List.of("garbage", "nst_zz_short", wrongSecret, "nst_0123456789ab_"
        + real.bearer().substring(real.bearer().length() - 43))) {
      Status status = read(api.channelWith(token));

      assertThat(status.getCode()).as(token).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(status.getDescription()).contains("not accepted").doesNotContain(token);
    }
  }

  @Test
  void shouldRefuseAnExpiredToken() throws Exception {
    // made two days ago for one day, as the CLI would have
    TokenStore past = new TokenStore(api.config().tokenStoreFile(),
        Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC));
    IssuedToken expired = past.create("lab", AccessRole.ADMIN, Optional.of(Duration.ofDays(1)));

    assertThat(read(api.channelWith(expired.bearer())).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void shouldRefuseATokenRevokedWhileTheServerRuns() throws Exception {
    IssuedToken token = tokens.create("lab", AccessRole.VIEWER, Optional.empty());
    Channel channel = api.channelWith(token.bearer());
    assertThat(read(channel).getCode()).isEqualTo(Status.Code.OK);

    new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC()).revoke(token.token().id());

    assertThat(read(channel).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void shouldLetAViewerReadButNotSubmit() throws Exception {
    Channel viewer = api.channelWith(tokens.create("lab", AccessRole.VIEWER, Optional.empty()).bearer());

    assertThat(read(viewer).getCode()).isEqualTo(Status.Code.OK);
    StatusRuntimeException pastTheGate = catchThrowableOfType(StatusRuntimeException.class, () -> TaskServiceGrpc
        .newBlockingStub(viewer).getTask(GetTaskRequest.newBuilder().setTaskId("no-such-task").build()));
    assertThat(pastTheGate.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> TaskServiceGrpc.newBlockingStub(viewer).submitTask(submit("by-viewer")));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refused.getStatus().getDescription()).contains("nightshift.v1.TaskService/SubmitTask")
        .contains("needs role submitter or admin").contains("has role viewer");
    StatusRuntimeException fork = catchThrowableOfType(StatusRuntimeException.class, () -> TaskServiceGrpc
        .newBlockingStub(viewer).forkTask(ForkTaskRequest.newBuilder().setTaskId("no-such-task").setFromStep("a")
            .build()));
    assertThat(fork.getStatus().getCode()).as("a fork starts a task").isEqualTo(Status.Code.PERMISSION_DENIED);
    StatusRuntimeException listed = catchThrowableOfType(StatusRuntimeException.class, () -> ArtifactServiceGrpc
        .newBlockingStub(viewer).listArtifacts(ListArtifactsRequest.newBuilder().setTaskId("no-such-task").build()));
    assertThat(listed.getStatus().getCode()).as("listing is a read").isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void shouldLetASubmitterSubmitButNotApproveAndAuditBoth() throws Exception {
    IssuedToken submitter = tokens.create("lab", AccessRole.SUBMITTER, Optional.empty());
    TaskServiceGrpc.TaskServiceBlockingStub stub = TaskServiceGrpc.newBlockingStub(api.channelWith(
        submitter.bearer()));

    stub.submitTask(submit("by-submitter"));
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> stub.approveTask(
        ApproveTaskRequest.newBuilder().setTaskId("by-submitter").setStep("only").setBy("me").build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refused.getStatus().getDescription()).contains("ApproveTask").contains("approver or admin");
    List<JsonNode> mine = auditRecords().stream()
        .filter(r -> r.get("actor").path("credential").asText().equals(submitter.token().id())).toList();
    assertThat(mine).extracting(r -> (r.get("action").asText() + " " + r.get("outcome").get("result").asText() + " "
        + r.get("outcome").path("code").asText()).strip())
        .containsExactly("submit ok", "approve refused PERMISSION_DENIED");
    assertThat(mine.get(0).get("actor").get("tenant").asText()).isEqualTo("lab");
    assertThat(mine.get(0).get("actor").get("role").asText()).isEqualTo("submitter");
  }

  @Test
  void shouldAuditAStateChangingCallRefusedForWantOfCredentialsAsAnonymous() throws Exception {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> TaskServiceGrpc.newBlockingStub(api.channelWithoutToken()).submitTask(submit("anonymous-try")));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    JsonNode last = auditRecords().stream().filter(r -> r.get("outcome").path("code").asText()
        .equals("UNAUTHENTICATED")).reduce((a, b) -> b).orElseThrow();
    assertThat(last.get("action").asText()).isEqualTo("submit");
    assertThat(last.get("outcome").get("result").asText()).isEqualTo("refused");
    assertThat(last.get("actor").get("principal").asText()).isEqualTo("anonymous");
  }

  @Test
  void shouldLetAnAdminDoAnything() throws Exception {
    TaskServiceGrpc.TaskServiceBlockingStub admin = TaskServiceGrpc.newBlockingStub(api.channel());

    admin.submitTask(submit("by-admin"));

    assertThat(admin.getTask(GetTaskRequest.newBuilder().setTaskId("by-admin").build()).getId())
        .isEqualTo("by-admin");
  }

  @Test
  void shouldKeepHealthOpenWithoutAToken() {
    HealthCheckResponse health = HealthGrpc.newBlockingStub(api.channelWithoutToken())
        .check(HealthCheckRequest.newBuilder().setService("nightshift.v1.TaskService").build());

    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void shouldKeepTheAdminTokenFileOwnerOnlyAndTheSecretOutOfTheStore() throws Exception {
    String admin = Files.readString(api.config().adminTokenFile()).strip();

    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(api.config().adminTokenFile()))).isEqualTo("rw-------");
    assertThat(Files.readString(api.config().tokenStoreFile()))
        .doesNotContain(BearerTokens.parse(admin).orElseThrow().secret());
  }

  /** A read any role may make, answered without Temporal: the backends. */
  @Test
  void shouldTellACallerWhoTheApiTakesItToBeAndRefuseOneWithoutAToken() throws Exception {
    IssuedToken viewer = tokens.create("lab", AccessRole.VIEWER, Optional.empty());

    WhoAmIResponse me = AuthServiceGrpc.newBlockingStub(api.channelWith(viewer.bearer()))
        .whoAmI(WhoAmIRequest.getDefaultInstance());

    assertThat(me.getName()).isEqualTo("token:" + viewer.token().id());
    assertThat(me.getCredential()).isEqualTo(viewer.token().id());
    assertThat(me.getTenant()).isEqualTo("lab");
    assertThat(me.getRole()).isEqualTo("viewer");
    StatusRuntimeException anonymous = catchThrowableOfType(StatusRuntimeException.class, () -> AuthServiceGrpc
        .newBlockingStub(api.channelWithoutToken()).whoAmI(WhoAmIRequest.getDefaultInstance()));
    assertThat(anonymous.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  private static Status read(Channel channel) {
    try {
      BackendServiceGrpc.newBlockingStub(channel).listBackends(ListBackendsRequest.getDefaultInstance());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static SubmitTaskRequest submit(String id) {
    return SubmitTaskRequest.newBuilder().setTaskId(id)
        .setSpec(TaskSpec.newBuilder().setGoal("auth test").setPipelineYaml(PIPELINE))
        .build();
  }

  private static List<JsonNode> auditRecords() throws Exception {
    ObjectMapper json = new ObjectMapper();
    return Files.readAllLines(api.config().auditLogFile(), StandardCharsets.UTF_8).stream().map(line -> {
      try {
        return json.readTree(line);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
