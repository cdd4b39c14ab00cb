package io.nightshift.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void shouldResolveAFileUnderTheInputsDirectory() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("rows.csv"), "a\n1\n");

    assertThat(InputFiles.confined(context(Optional.of(inputs)), Path.of("rows.csv")))
        .isEqualTo(inputs.resolve("rows.csv").toRealPath());
  }

  @Test
  void shouldRefuseAFileOutsideTheInputsDirectoryAsAPermanentFailure() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(dir.resolve("secret.txt"), "no");

    assertThatThrownBy(() -> InputFiles.confined(context(Optional.of(inputs)), Path.of("../secret.txt")))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("lies outside the inputs directory");
    assertThatThrownBy(() -> InputFiles.confined(context(Optional.of(inputs)), dir.resolve("secret.txt")))
        .hasMessageContaining("lies outside the inputs directory");
  }

  @Test
  void shouldRefuseEveryFileWhenTheRuntimeHasNoInputsDirectory() {
    assertThatThrownBy(() -> InputFiles.confined(context(Optional.empty()), Path.of("rows.csv")))
        .isInstanceOf(ToolException.class).hasMessageContaining("file: sources are disabled");
  }

  @Test
  void shouldReportAMissingFileAsAnIoError() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));

    assertThatThrownBy(() -> InputFiles.confined(context(Optional.of(inputs)), Path.of("nope.csv")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private static ToolContext context(Optional<Path> inputsDir) {
    return new ToolContext() {
      @Override
      public ArtifactStore artifacts() {
        throw new UnsupportedOperationException();
      }

      @Override
      public String idempotencyKey() {
        return "test";
      }

      @Override
      public Path workDir() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void heartbeat(String progress) {}

      @Override
      public Optional<Path> inputsDir() {
        return inputsDir;
      }
    };
  }
}
