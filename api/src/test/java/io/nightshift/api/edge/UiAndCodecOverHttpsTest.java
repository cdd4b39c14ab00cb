package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.api.TestPorts;
import io.nightshift.client.ClientTls;
import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow UI and the codec server beside an API with TLS that binds every address: both serve HTTPS with the
 * API's certificate, print https:// addresses under the certificate's name, and answer nothing in plain HTTP; without
 * a certificate, neither may leave loopback. One runtime for all cases.
 */
class UiAndCodecOverHttpsTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static ApiRuntimeOnSocket api;
  private static HttpClient site;
  private static String adminToken;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    int uiPort = TestPorts.free();
    int codecPort = TestPorts.free();
    api = ApiRuntimeOnSocket.start(dir.resolve("data"), builder -> builder.apiHost("0.0.0.0").uiPort(uiPort)
        .codecServing(CodecServing.of(codecPort, List.of()))
        .apiTls(new ApiTls(pki.serverCertPem, pki.serverKeyPem, null)), new ClientTls(pki.caPem, null, null,
        "localhost"));
    site = SiteClients.trusting(pki.caPem);
    adminToken = Files.readString(api.config().adminTokenFile()).strip();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldPrintHttpsAddressesUnderTheCertificatesName() {
    // the certificate is for localhost and temporal.test.internal; 0.0.0.0 is no name a client could check
    assertThat(api.uiUrl().orElseThrow()).matches("https://localhost:\\d+");
    assertThat(api.codecUrl().orElseThrow()).matches("https://localhost:\\d+");
    assertThat(api.newUiLoginLink().orElseThrow()).startsWith(api.uiUrl().orElseThrow() + "/login#code=");
  }

  @Test
  void shouldLogInWithTheLinkOverHttpsAndSetASecureCookie() throws Exception {
    String ui = api.uiUrl().orElseThrow();
    String link = api.newUiLoginLink().orElseThrow();
    String code = link.substring(link.indexOf("#code=") + "#code=".length());

    HttpResponse<String> login = site.send(HttpRequest.newBuilder(URI.create(ui + "/login"))
        .header("Content-Type", "application/json").header("Origin", ui).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\"}")).build(), body());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("; Secure").contains("HttpOnly");
    HttpResponse<String> tasks = site.send(HttpRequest.newBuilder(URI.create(ui + "/api/tasks"))
        .header("Cookie", setCookie.substring(0, setCookie.indexOf(';'))).timeout(Duration.ofSeconds(10)).build(),
        body());
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnActionFromThePlainHttpOriginOfTheSameHostAndPort() throws Exception {
    String ui = api.uiUrl().orElseThrow();

    HttpResponse<String> login = site.send(HttpRequest.newBuilder(URI.create(ui + "/login"))
        .header("Content-Type", "application/json").header("Origin", ui.replace("https://", "http://"))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"x\"}")).build(),
        body());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(403);
  }

  @Test
  void shouldAnswerNothingInPlainHttp() {
    for (String url : List.of(api.uiUrl().orElseThrow() + "/login", api.codecUrl().orElseThrow() + "/decode")) {
      URI plain = URI.create(url.replace("https://", "http://"));
      assertThatThrownBy(() -> SiteClients.plain().send(HttpRequest.newBuilder(plain)
          .timeout(Duration.ofSeconds(10)).build(), body())).as(url).isInstanceOf(IOException.class);
    }
  }

  @Test
  void shouldNotBeTrustedByAClientThatWasNotGivenTheSitesCa() {
    URI login = URI.create(api.uiUrl().orElseThrow() + "/login");

    assertThatThrownBy(() -> SiteClients.plain().send(HttpRequest.newBuilder(login)
        .timeout(Duration.ofSeconds(10)).build(), body())).isInstanceOf(IOException.class);
  }

  @Test
  void shouldSealAndOpenPayloadsOverHttpsForAnAdminToken() throws Exception {
    String data = Base64.getEncoder().encodeToString("\"secret plan\"".getBytes(StandardCharsets.UTF_8));
    String encoding = Base64.getEncoder().encodeToString("json/plain".getBytes(StandardCharsets.UTF_8));
    String plain = "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + encoding + "\"},\"data\":\"" + data + "\"}]}";

    HttpResponse<String> sealed = codec("/encode", plain);
    assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(200);
    assertThat(sealed.body()).doesNotContain(data);
    HttpResponse<String> opened = codec("/decode", sealed.body());

    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    assertThat(opened.body()).contains(data).contains(encoding);
  }

  @Test
  void shouldKeepTheUiAndTheCodecServerOnLoopbackWithoutACertificate() throws Exception {
    RuntimeConfig.Builder wide = RuntimeConfig.builder(dir.resolve("plain")).apiHost("0.0.0.0");

    assertThatThrownBy(() -> wide.uiPort(8080).build()).hasMessageContaining("--api-host '0.0.0.0'")
        .hasMessageContaining(ApiTls.CERT_FLAG).hasMessageContaining("workflow UI");
    assertThatThrownBy(() -> RuntimeConfig.builder(dir.resolve("plain")).apiHost("0.0.0.0")
        .codecServing(CodecServing.of(8234, List.of())).build()).hasMessageContaining(CodecServing.PORT_FLAG)
        .hasMessageContaining("'0.0.0.0' with no certificate").hasMessageContaining(ApiTls.CERT_FLAG);
  }

  private static HttpResponse<String> codec(String path, String json) throws Exception {
    return site.send(HttpRequest.newBuilder(URI.create(api.codecUrl().orElseThrow() + path))
        .header("Authorization", "Bearer " + adminToken).header("X-Namespace", api.config().namespace())
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), body());
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
