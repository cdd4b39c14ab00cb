package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.provisioning.CacheDirectory;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's conventions, checked in the build by the Buf CLI itself ({@code buf lint} with {@code proto/buf.yaml}:
 * Buf's STANDARD rules and a comment on every element), from its hash-pinned lock rather than a binary on the PATH.
 */
class ProtoLintIT {
  private static final Path PROTO = Path.of("..", "proto").toAbsolutePath().normalize();
  private static Path buf;

  @BeforeAll
  static void install() {
    PythonEnvironment venv = PythonEnvironment.builder(
        CacheDirectory.defaultRoot().resolve("buf").resolve("venv")).build();
    venv.ensure(List.of(PythonLock.BUF.requirements()), List.of("-c", "import buf_bin"));
    buf = venv.bin("buf");
  }

  @Test
  void shouldPassBufLintOnTheApi(@TempDir Path cache) throws Exception {
    Result result = lint(PROTO, cache);

    assertThat(result.output()).as("buf lint proto").isEmpty();
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  /** The check can fail: the same files with one field's comment taken away are refused, naming the field. */
  @Test
  void shouldRefuseAFieldWithoutAComment(@TempDir Path copy, @TempDir Path cache) throws Exception {
    copyTree(PROTO.resolve("src"), copy.resolve("src"));
    Files.copy(PROTO.resolve("buf.yaml"), copy.resolve("buf.yaml"));
    Path artifacts = copy.resolve("src/main/proto/nightshift/v1/artifact_service.proto");
    String text = Files.readString(artifacts);
    String uncommented = text.replace("message ArtifactChunk {", "message ArtifactChunk {\n  int64 extra = 99;");
    assertThat(uncommented).isNotEqualTo(text);
    Files.writeString(artifacts, uncommented);

    Result result = lint(copy, cache);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("Field \"extra\" should have a non-empty comment");
  }

  private record Result(int exitCode, String output) {}

  private static Result lint(Path dir, Path cache) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(buf.toString(), "lint").directory(dir.toFile())
        .redirectErrorStream(true);
    // buf keeps a module cache; the well-known types it needs are built in, so nothing is fetched
    builder.environment().put("BUF_CACHE_DIR", cache.toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("buf lint did not end within 120 s: " + out);
    }
    return new Result(p.exitValue(), out);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = new ArrayList<>(walk.toList());
    }
    for (Path p : paths) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target);
      }
    }
  }
}
