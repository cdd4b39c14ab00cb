package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/Dockerfile} against the build it copies from (this module's {@code package}, which Failsafe runs
 * after), since no container builder runs here: every COPY source exists and the build context keeps it, the image's
 * file tree laid out as those COPYs lay it out starts the real launcher, bin/nightshift, on the copied jars alone,
 * and the user is not root.
 */
class ContainerImageIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String LAUNCHER = "bin/nightshift";
  private static Dockerfile dockerfile;

  @BeforeAll
  static void read() throws IOException {
    dockerfile = Dockerfile.read(ROOT.resolve("deploy/Dockerfile"));
  }

  @Test
  void shouldCopyOnlyWhatTheBuildMadeAndTheContextKeeps() throws IOException {
    List<String> kept = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
        .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
    assertThat(dockerfile.copies()).isNotEmpty().allSatisfy(copy -> assertThat(copy.sources()).allSatisfy(source -> {
      assertThat(ROOT.resolve(source)).as("COPY source " + source + " (build first: deploy/README.md)").exists();
      assertThat(kept).as(".dockerignore must keep " + source).contains(stripSlash(source));
    }));
  }

  @Test
  void shouldHaveEveryJarOfTheClassPathInLibAndNoOther() throws IOException {
    Path lib = ROOT.resolve("dist/target/lib");
    List<String> entries = Arrays.asList(Files.readString(lib.resolve("classpath")).strip().split(":"));
    try (Stream<Path> files = Files.list(lib)) {
      List<String> jars = files.map(f -> "lib/" + f.getFileName()).filter(f -> f.endsWith(".jar")).toList();
      assertThat(entries).hasSizeGreaterThan(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(jars);
    }
  }

  @Test
  void shouldStartTheRealLauncherFromTheImagesFileTreeAlone() throws Exception {
    List<String> entrypoint = dockerfile.entrypoint();
    Dockerfile.Copy launcherCopy = dockerfile.copies().stream().filter(c -> c.sources().equals(List.of(LAUNCHER)))
        .findFirst().orElseThrow(() -> new AssertionError("the Dockerfile does not COPY " + LAUNCHER));
    assertThat(entrypoint.get(entrypoint.size() - 1)).as("the entrypoint ends in the launcher copied from "
        + LAUNCHER).isEqualTo(launcherCopy.destination());

    Path image = layOut(ROOT.resolve("dist/target/image-root"));
    Path launcher = image.resolve(launcherCopy.destination().substring(1));
    Process p = new ProcessBuilder(launcher.toString(), "worker", "--help").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("Usage: nightshift worker").contains("--temporal-address");
  }

  @Test
  void shouldRunAsAFixedNonRootUserOnDebianBookworm() {
    assertThat(dockerfile.arguments("FROM")).singleElement().asString().startsWith("debian:bookworm");
    assertThat(dockerfile.arguments("USER")).singleElement().asString().matches("[1-9][0-9]*(:[1-9][0-9]*)?");
    assertThat(dockerfile.arguments("VOLUME")).isNotEmpty();
    assertThat(dockerfile.arguments("RUN")).anySatisfy(run -> assertThat(run).contains("openjdk-17-jre-headless"));
  }

  /**
   * The image's file tree as the COPYs make it, under {@code dir}: a source directory's contents go into the
   * destination directory, a file to the destination path. Files are hard-linked where the file system allows.
   */
  private static Path layOut(Path dir) throws IOException {
    deleteTree(dir);
    for (Dockerfile.Copy copy : dockerfile.copies()) {
      for (String source : copy.sources()) {
        Path from = ROOT.resolve(source);
        Path to = dir.resolve(copy.destination().substring(1));
        if (Files.isDirectory(from)) {
          try (Stream<Path> tree = Files.walk(from)) {
            for (Path f : tree.filter(Files::isRegularFile).toList()) {
              place(f, to.resolve(from.relativize(f).toString()));
            }
          }
        } else {
          place(from, copy.destination().endsWith("/") ? to.resolve(from.getFileName().toString()) : to);
        }
      }
    }
    return dir;
  }

  private static void place(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> tree = Files.walk(dir)) {
        for (Path p : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String stripSlash(String source) {
    return source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
  }
}
