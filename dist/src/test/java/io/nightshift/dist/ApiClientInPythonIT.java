package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.client.ClientTls;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client in another language: {@code src/test/python/api_client.py}, on Debian's python3-grpcio and
 * python3-protobuf with message classes built from the API's descriptor set, against {@code nightshift dev} in its
 * own JVM serving the API with mutual TLS and tokens. The CLI reaches the same API with {@code --tls-*}.
 */
class ApiClientInPythonIT {
  /** Debian's interpreter, where apt puts python3-grpcio; a python3 earlier on the PATH (pyenv) may lack it. */
  private static final String PYTHON = System.getProperty("nightshift.it.python",
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");

  /** The data directory, certificates and tokens, kept under target/it-data for a post-mortem. */
  private final Path dir = ItData.newDir(getClass());

  @Test
  void shouldServeAPythonClientOverMutualTlsWithTokensAndTheCliWithItsTlsFlags() throws Exception {
    TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    Files.createDirectories(dir.resolve("client"));
    ClientTls tls = new ClientTls(pki.caPem, pki.clientCertPem, pki.clientKeyPem, "localhost");
    try (RuntimeProcess runtime = new RuntimeProcess(dir.resolve("data"), "IN_MEMORY")
        .withArgs(List.of("--api-tls-cert", pki.serverCertPem.toString(), "--api-tls-key",
            pki.serverKeyPem.toString(), "--api-tls-client-ca", pki.caPem.toString()))
        .reachedOver(r -> AdminTokenChannel.over(tls.channelTo("127.0.0.1:" + r.apiPort), r.dataDir))
        .start()) {
      RuntimeConfig config = RuntimeConfig.defaults(runtime.dataDir);
      Path viewer = dir.resolve("client/viewer-token");
      Files.writeString(viewer, new TokenStore(config.tokenStoreFile(), Clock.systemUTC())
          .create("default", AccessRole.VIEWER, Optional.empty()).bearer());

      Result python = run(List.of(PYTHON, Path.of("src/test/python/api_client.py").toAbsolutePath().toString(),
          "--target", "127.0.0.1:" + runtime.apiPort, "--server-name", "localhost",
          "--ca", pki.caPem.toString(), "--cert", pki.clientCertPem.toString(), "--key", pki.clientKeyPem.toString(),
          "--token-file", config.adminTokenFile().toString(), "--viewer-token-file", viewer.toString(),
          "--descriptors", descriptorSet().toString()));
      System.out.println("api_client.py:\n" + python.output());
      assertThat(python.exitCode()).as("api_client.py said:\n%s", python.output()).isZero();
      assertThat(python.output()).contains("all checks passed");

      List<String> cli = new ArrayList<>(List.of("list", "--tls-ca", pki.caPem.toString(), "--tls-cert",
          pki.clientCertPem.toString(), "--tls-key", pki.clientKeyPem.toString(), "--tls-server-name", "localhost"));
      JavaCli.Run list = JavaCli.run(runtime, cli.toArray(String[]::new));
      assertThat(list.exitCode()).as(list.output()).isZero();
      Matcher submitted = Pattern.compile("SubmitTask: (py-[0-9a-f]+)").matcher(python.output());
      assertThat(submitted.find()).as(python.output()).isTrue();
      assertThat(list.output()).contains(submitted.group(1));
      assertThat(runtime.log()).contains("mutual TLS");
    }
  }

  /** The API's FileDescriptorSet, which the proto module's build puts on the class path, as a file for Python. */
  private Path descriptorSet() throws Exception {
    Path file = dir.resolve("client/nightshift-v1.protoset");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("nightshift/v1/nightshift-v1.protoset")) {
      assertThat(in).as("nightshift/v1/nightshift-v1.protoset on the class path (proto's build writes it)")
          .isNotNull();
      Files.copy(in, file);
    }
    return file;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("api_client.py did not end within 60 s:\n" + out.toString(StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }
}
