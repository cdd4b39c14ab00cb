package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.client.ClientTls;
import io.nightshift.provisioning.CacheDirectory;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Python client package (client-python/), built as a user would get it and tested against a real runtime:
 * grpcio-tools generates its modules from the API's .proto files, setuptools builds the wheel (both from the
 * hash-pinned python-client lock), the wheel is unpacked into a directory of its own, and its unittest suite runs
 * against {@code nightshift dev} on Temporal's dev server: submit and wait, idempotent resubmit, the list's filters,
 * a watch whose connection is cut mid-task, an artifact download cut a megabyte in (it reads on from the bytes it
 * has), and retries while the server is not up yet.
 */
class PythonClientIT {
  private static final Path CLIENT = Path.of("..", "client-python").toAbsolutePath().normalize();
  private final Path dir = ItData.newDir(getClass());

  @Test
  void shouldBuildThePythonClientAndPassItsTestsAgainstARealRuntime() throws Exception {
    PythonEnvironment venv = PythonEnvironment.builder(
        CacheDirectory.defaultRoot().resolve("python-client").resolve("venv")).build();
    venv.ensure(List.of(PythonLock.PYTHON_CLIENT.requirements()), List.of("-c", "import grpc_tools, setuptools"));
    Path build = dir.resolve("build");
    Result built = run(List.of(CLIENT.resolve("build.sh").toString(), venv.python().toString(), build.toString()),
        Map.of(), 300);
    assertThat(built.exitCode()).as(built.output()).isZero();
    Path wheel = wheel(build.resolve("dist"));
    Path site = dir.resolve("site");
    // a pure-Python wheel is a zip laid out as site-packages: unpacked, it is the installed package, and nothing
    // but the locked venv's own packages comes from anywhere else
    Result installed = run(List.of(venv.python().toString(), "-m", "zipfile", "-e", wheel.toString(),
        site.toString()), Map.of(), 120);
    assertThat(installed.exitCode()).as(installed.output()).isZero();

    // the API as a site would run it: mutual TLS and tokens, so the client's Tls options are the ones in use
    TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    ClientTls tls = new ClientTls(pki.caPem, pki.clientCertPem, pki.clientKeyPem, "localhost");
    try (RuntimeProcess runtime = new RuntimeProcess(dir.resolve("runtime"), "DEV")
        .withArgs(List.of("--api-tls-cert", pki.serverCertPem.toString(), "--api-tls-key",
            pki.serverKeyPem.toString(), "--api-tls-client-ca", pki.caPem.toString()))
        .reachedOver(r -> AdminTokenChannel.over(tls.channelTo("127.0.0.1:" + r.apiPort), r.dataDir))
        .start()) {
      RuntimeConfig config = RuntimeConfig.defaults(runtime.dataDir);
      Path token = config.adminTokenFile();
      Result tests = run(List.of(venv.python().toString(), "-m", "unittest", "discover", "-v", "-s",
          CLIENT.resolve("tests").toString()), Map.of("PYTHONPATH", site.toString(),
          "NIGHTSHIFT_ADDRESS", "127.0.0.1:" + runtime.apiPort, "NIGHTSHIFT_TOKEN_FILE", token.toString(),
          "NIGHTSHIFT_TLS_CA", pki.caPem.toString(), "NIGHTSHIFT_TLS_CERT", pki.clientCertPem.toString(),
          "NIGHTSHIFT_TLS_KEY", pki.clientKeyPem.toString(), "NIGHTSHIFT_TLS_SERVER_NAME", "localhost",
          "NIGHTSHIFT_INPUTS_DIR", config.inputsDir().toString()), 600);
      System.out.println("client-python tests:\n" + tests.output());
      assertThat(tests.exitCode()).as(tests.output()).isZero();
      // the generated nightshift.v1 modules exist only in the built wheel: the tests imported the installed package
      assertThat(tests.output()).doesNotContain("Error").containsPattern("Ran \\d+ tests").endsWith("OK\n");
    }
  }

  private static Path wheel(Path dist) throws Exception {
    try (Stream<Path> files = Files.list(dist)) {
      List<Path> wheels = files.filter(f -> f.getFileName().toString().endsWith(".whl")).toList();
      assertThat(wheels).hasSize(1);
      return wheels.get(0);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Map<String, String> env, int seconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within " + seconds + " s:\n"
          + out.toString(StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }
}
