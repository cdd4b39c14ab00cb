package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolResultExcerptTest {
  private static final Pattern NOTE = Pattern.compile("\\[\\.\\.\\. (\\d+) bytes omitted \\(bytes (\\d+)-(\\d+) of "
      + "(\\d+)\\): read them with artifact\\.read \\{\"uri\": \"(artifact:sha256:[0-9a-f]{64})\", \"offset\": (\\d+), "
      + "\"length\": (\\d+)}, then on from the offset its answer gives; at most 16384 bytes a call]");
  @TempDir Path dir;
  private FileArtifactStore store;
  private ToolResultExcerpt excerpt;

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    excerpt = new ToolResultExcerpt(store, 1_000);
  }

  @Test
  void shouldShowAnOutputWithinTheBudgetWhole() throws IOException {
    String table = "name,mw\n" + "aspirin,180.2\n".repeat(60); // 848 bytes

    assertThat(excerpt.of(put(table, "text/csv"))).isEqualTo("\ncontent:\n" + table);
  }

  @Test
  void shouldShowTheHeadAndTheTailOfALargeOutputAndSayHowToReadTheRest() throws IOException {
    String log = log(5_000);
    ArtifactRef ref = put(log, "text/plain");

    String shown = excerpt.of(ref);

    assertThat(shown).startsWith("\ncontent (" + ref.size() + " bytes of text/plain; the first 500 and the last 500 "
        + "bytes shown):\n" + log.substring(0, 500) + "\n[... ");
    assertThat(shown).endsWith("]\n" + log.substring(log.length() - 500));
    Matcher note = NOTE.matcher(shown);
    assertThat(note.find()).as(shown).isTrue();
    assertThat(Long.parseLong(note.group(1))).isEqualTo(ref.size() - 1_000);
    assertThat(note.group(2)).isEqualTo("500");
    assertThat(Long.parseLong(note.group(3))).isEqualTo(ref.size() - 501);
    assertThat(note.group(5)).isEqualTo(ref.uri());
    assertThat(note.group(6)).isEqualTo("500");
    assertThat(note.group(7)).as("a page the size of the budget").isEqualTo("1000");
    assertThat(shown).doesNotContain("line 2500 ");
    assertThat(shown.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000 + 400);
  }

  @Test
  void shouldNeverCutACharacterAtEitherEnd() throws IOException {
    // 3 bytes each: byte 500 falls inside the 167th, byte 5500 (the tail's start) inside the 1834th
    String text = "€".repeat(2_000);
    ArtifactRef ref = put(text, "text/plain");

    String shown = excerpt.of(ref);

    assertThat(shown).doesNotContain("\uFFFD");
    assertThat(shown).contains("the first 498 and the last 501 bytes shown");
    String[] parts = shown.split("\n");
    assertThat(parts[2]).as("the head stops before the character it would cut").isEqualTo("€".repeat(166));
    assertThat(parts[4]).as("the tail starts with the character it would cut").isEqualTo("€".repeat(167));
  }

  @Test
  void shouldShowNothingOfABinaryOutput() throws IOException {
    assertThat(excerpt.of(put("\u0000".repeat(5_000), "image/png"))).isEmpty();
  }

  @Test
  void shouldHoldALongErrorToTheBudgetAndKeepTheWholeOneReadable() throws IOException {
    String traceback = "Traceback (most recent call last):\n" + log(3_000) + "ValueError: the column 'mw' is empty";

    String shown = excerpt.ofMessage(traceback);

    assertThat(shown).startsWith("Traceback (most recent call last):").endsWith("ValueError: the column 'mw' is empty");
    Matcher note = NOTE.matcher(shown);
    assertThat(note.find()).isTrue();
    assertThat(new String(store.read(store.resolve(note.group(5))), StandardCharsets.UTF_8)).isEqualTo(traceback);
    assertThat(excerpt.ofMessage("'x' is not acceptable")).isEqualTo("'x' is not acceptable");
  }

  @Test
  void shouldCutALongSummaryToOneShortLine() {
    assertThat(ToolResultExcerpt.summary("  6 characters ")).isEqualTo("6 characters");
    String cut = ToolResultExcerpt.summary("x".repeat(10_000));
    assertThat(cut).isEqualTo("x".repeat(300) + " [... summary cut at 300 of 10000 characters]");
    assertThat(ToolResultExcerpt.summary("x".repeat(299) + "😀".repeat(5))).startsWith("x".repeat(299) + " [...");
  }

  @Test
  void shouldCutATransientFailuresMessageToTheBudgetWithoutStoringIt() throws IOException {
    long storedBefore = storedFiles();

    assertThat(excerpt.failure("connection reset")).isEqualTo("connection reset");
    assertThat(excerpt.failure("e".repeat(5_000))).isEqualTo("e".repeat(1_000)
        + " [... message cut at 1000 of 5000 characters]");
    assertThat(storedFiles()).isEqualTo(storedBefore);
    excerpt.ofMessage("e".repeat(5_000));
    assertThat(storedFiles()).as("an error, unlike a failure, is kept whole").isGreaterThan(storedBefore);
  }

  @Test
  void shouldRefuseABudgetTooSmallToShowAnything() {
    assertThatThrownBy(() -> new ToolResultExcerpt(store, 100))
        .hasMessage("the tool result budget must be at least 256 bytes, was 100");
  }

  private static String log(int lines) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      out.append("line ").append(i).append(" status=ok value=").append(i % 97).append('\n');
    }
    return out.toString();
  }

  private long storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("artifacts"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private ArtifactRef put(String text, String type) throws IOException {
    return store.put(text.getBytes(StandardCharsets.UTF_8), type);
  }
}
