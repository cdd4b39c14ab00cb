package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.TestPorts;
import io.nightshift.api.tls.ServerTls;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.client.ClientTls;
import io.nightshift.client.NightshiftClient;
import io.nightshift.client.RetryPolicy;
import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ApiServer with {@code --api-tls-cert}, {@code --api-tls-key} and {@code --api-tls-client-ca} over a
 * socket: a client needs a certificate from the client CA, and a token on top of it; the workflow UI and codec server
 * beside it ask for the same certificate over HTTPS, and the UI still reaches the API (in process); a bad file stops
 * the start naming its flag and file ({@link ServerTls}). One runtime and one throwaway PKI (keytool takes seconds
 * per certificate) for all cases.
 */
class ApiMutualTlsTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static ApiRuntimeOnSocket api;
  private static String adminToken;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    int uiPort = TestPorts.free();
    int codecPort = TestPorts.free();
    api = ApiRuntimeOnSocket.start(dir.resolve("data"), builder -> builder.uiPort(uiPort)
        .codecServing(CodecServing.of(codecPort, List.of()))
        .apiTls(new ApiTls(pki.serverCertPem, pki.serverKeyPem, pki.caPem)),
        clientWith(pki.clientCertPem, pki.clientKeyPem));
    adminToken = Files.readString(api.config().adminTokenFile()).strip();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldAnswerAClientWithTheRightCertificateAndATokenAndAuditItsCertificateSubject() throws Exception {
    TaskServiceGrpc.TaskServiceBlockingStub tasks = TaskServiceGrpc.newBlockingStub(api.channel());

    assertThat(tasks.listTasks(ListTasksRequest.newBuilder().setPageSize(5).build()).getTasksCount()).isZero();
    StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
        () -> tasks.cancelTask(CancelTaskRequest.newBuilder().setTaskId("no-such-task").build()));

    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    List<String> records = Files.readAllLines(api.config().auditLogFile());
    String lastRecord = records.get(records.size() - 1);
    assertThat(new ObjectMapper().readTree(lastRecord).get("actor").get("peer").asText())
        .matches("127\\.0\\.0\\.1:\\d+ CN=client");
  }

  @Test
  void shouldStillAskForATokenFromAClientWithTheRightCertificate() {
    assertThat(statusOfListing(api.channelWithoutToken()).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void shouldRefuseAClientThatShowsNoCertificate() {
    ClientTls noCertificate = new ClientTls(pki.caPem, null, null, "localhost");

    assertThat(statusOfListing(api.channelWith(noCertificate, adminToken)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void shouldRefuseAClientWhoseCertificateComesFromAnotherCa() {
    ClientTls wrongCertificate = clientWith(pki.otherClientCertPem, pki.otherClientKeyPem);

    assertThat(statusOfListing(api.channelWith(wrongCertificate, adminToken)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void shouldNotAnswerAPlaintextClient() {
    assertThat(statusOfListing(api.channelWith(ClientTls.none(), adminToken)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void shouldServeTheWorkflowUiOverHttpsToAClientWithTheRightCertificate() throws Exception {
    String ui = api.uiUrl().orElseThrow();
    String link = api.newUiLoginLink().orElseThrow();
    String code = link.substring(link.indexOf("#code=") + "#code=".length());
    HttpClient browser = SiteClients.showing(pki.caPem, pki.clientCertPem, pki.clientKeyPem);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(ui + "/login"))
        .header("Content-Type", "application/json").header("Origin", ui).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();

    HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(ui + "/api/tasks/no-such-task"))
        .header("Cookie", setCookie.substring(0, setCookie.indexOf(';'))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());

    // NOT_FOUND: the UI's call reached the API and got past its token check (401 or 503 if it had not)
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
  }

  @Test
  void shouldRefuseTheHandshakeOfTheUiAndCodecServerToAClientThatShowsNoCertificate() throws Exception {
    HttpClient noCertificate = SiteClients.trusting(pki.caPem);
    HttpClient wrongCertificate = SiteClients.showing(pki.caPem, pki.otherClientCertPem, pki.otherClientKeyPem);

    for (HttpClient client : List.of(noCertificate, wrongCertificate)) {
      for (String url : List.of(api.uiUrl().orElseThrow() + "/login", api.codecUrl().orElseThrow() + "/decode")) {
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString())).as(url).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void shouldNameTheFlagAndFileOfAMissingOrMalformedCertificate() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> ServerTls.load(new ApiTls(garbage, pki.serverKeyPem, null)))
        .hasMessageContaining(ApiTls.CERT_FLAG + " " + garbage);
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(missing, pki.serverKeyPem, null)))
        .hasMessageContaining(ApiTls.CERT_FLAG + " " + missing).hasMessageContaining("no such file");
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, pki.serverKeyPem, garbage)))
        .hasMessageContaining(ApiTls.CLIENT_CA_FLAG + " " + garbage);
    assertThat(ServerTls.load(new ApiTls(pki.serverCertPem, pki.serverKeyPem, null))).isPresent();
  }

  @Test
  void shouldRefuseAKeyThatIsNotTheCertificatesOrThatOthersMayRead() throws Exception {
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, pki.clientKeyPem, null)))
        .hasMessageContaining(ApiTls.KEY_FLAG + " " + pki.clientKeyPem)
        .hasMessageContaining("is not the private key of the certificate in " + ApiTls.CERT_FLAG);
    Path exposed = Files.copy(pki.serverKeyPem, dir.resolve("exposed-key.pem"));
    Files.setPosixFilePermissions(exposed, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, exposed, null)))
        .hasMessageContaining(ApiTls.KEY_FLAG + " " + exposed).hasMessageContaining("chmod 600");
  }

  /** The Java client with the same TLS: its certificate, the CA and server name, and the token from its file. */
  @Test
  void shouldAnswerTheJavaClientWithItsCertificateAndTokenFileAndRefuseItWithoutTheToken() throws Exception {
    try (NightshiftClient client = NightshiftClient.builder().address(api.target())
        .tls(clientWith(pki.clientCertPem, pki.clientKeyPem)).tokenFile(api.config().adminTokenFile()).build()) {
      assertThat(client.list(ListTasksRequest.newBuilder().setPageSize(5).build()).getTasksCount()).isZero();
    }
    try (NightshiftClient tokenless = NightshiftClient.builder().address(api.target())
        .tls(clientWith(pki.clientCertPem, pki.clientKeyPem)).retry(RetryPolicy.NONE).build()) {
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
          () -> tokenless.get("any-task"));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  /** The server's certificate is for localhost (not 127.0.0.1), so the name is given as a client would. */
  private static ClientTls clientWith(Path cert, Path key) {
    return new ClientTls(pki.caPem, cert, key, "localhost");
  }

  private static Status statusOfListing(Channel channel) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> TaskServiceGrpc
        .newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .listTasks(ListTasksRequest.newBuilder().setPageSize(1).build()));
    assertThat(e).as("the call should have failed").isNotNull();
    return e.getStatus();
  }
}
