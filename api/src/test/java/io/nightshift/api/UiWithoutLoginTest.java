package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow UI has no login yet and calls the API as an admin: with tokens on, it is served beside a loopback
 * API only, never where the API binds an address others reach.
 */
class UiWithoutLoginTest {
  @TempDir Path dataDir;

  @Test
  void shouldServeTheUiBesideALoopbackApiAndCallTheApiWithItsOwnCredential() throws Exception {
    // a task the API does not know: 404 means the UI's call got past the token check (401 if it had not)
    assertThat(uiAnswerWhenApiBinds("127.0.0.1", "/api/tasks/no-such-task", ApiTls.none())).contains(404);
  }

  @Test
  void shouldNotServeTheUiWhenTheApiBindsEveryAddress() throws Exception {
    // every address needs TLS on the API (ApiTls); the certificate is made fresh, since the API reads it at start
    TestPki pki = TestPki.create(Files.createDirectories(dataDir.resolve("pki")));
    assertThat(uiAnswerWhenApiBinds("0.0.0.0", "/", new ApiTls(pki.serverCertPem, pki.serverKeyPem, null)))
        .isEmpty();
  }

  /** The UI's HTTP status for {@code path}; empty when the runtime serves no UI. */
  private Optional<Integer> uiAnswerWhenApiBinds(String host, String path, ApiTls tls) throws Exception {
    RuntimeConfig config = RuntimeConfig.builder(dataDir.resolve(host)).temporalPort(freePort())
        .temporalUiPort(freePort()).apiHost(host).apiPort(freePort()).uiPort(freePort())
        .temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY).apiTls(tls).build();
    ApiRole api = new ApiRole();
    try (NightshiftRuntime runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.API),
        List.of(api))) {
      if (api.uiUrl().isEmpty()) {
        return Optional.empty();
      }
      HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(api.uiUrl().get() + path)).build(), HttpResponse.BodyHandlers.discarding());
      return Optional.of(answer.statusCode());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
