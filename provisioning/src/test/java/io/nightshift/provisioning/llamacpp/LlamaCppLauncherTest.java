package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher file: written from the jar, left alone when current, replaced when an older one is there. */
class LlamaCppLauncherTest {
  @TempDir Path dir;

  @Test
  void shouldWriteTheLauncherThatRegistersTheCappedChatFormat() throws IOException {
    Path launcher = LlamaCppLauncher.writeInto(dir.resolve("llama-cpp"));

    assertThat(launcher).hasFileName(LlamaCppLauncher.FILE_NAME);
    assertThat(Files.readString(launcher))
        .contains("CAPPED_FORMAT = \"" + LlamaCppLauncher.CAPPED_CHAT_FORMAT + "\"")
        .contains("register_chat_completion_handler(CAPPED_FORMAT)")
        .contains("llama_chat_format.chatml_function_calling(");
  }

  @Test
  void shouldKeepACurrentLauncherAndReplaceAnOlderOne() throws IOException {
    Path launcher = LlamaCppLauncher.writeInto(dir);
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(launcher, old);

    LlamaCppLauncher.writeInto(dir);
    assertThat(Files.getLastModifiedTime(launcher)).as("the same bytes are not written again").isEqualTo(old);

    Files.writeString(launcher, "print('an older launcher')\n");
    LlamaCppLauncher.writeInto(dir);
    assertThat(Files.readAllBytes(launcher)).isEqualTo(LlamaCppLauncher.content());
    try (var left = Files.list(dir)) {
      assertThat(left).as("no partial file left behind").containsExactly(launcher);
    }
  }
}
