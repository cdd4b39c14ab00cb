package io.nightshift.tools.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadArtifactToolTest {
  @TempDir Path dir;
  private FileArtifactStore store;
  private final ReadArtifactTool tool = new ReadArtifactTool();

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
  }

  @Test
  void shouldReturnTheArtifactItselfWithoutARange() throws IOException {
    ArtifactRef log = put(lines(2_000), "text/plain");

    ToolOutput out = read(Map.of("uri", log.uri()));

    assertThat(out.artifact()).isEqualTo(log);
    assertThat(out.summary()).isEqualTo(log.size() + " bytes of text/plain");
  }

  @Test
  void shouldReturnTheAskedSliceAsTextAndSayWhereItLiesAndWhereTheRestStarts() throws IOException {
    String text = lines(2_000);
    ArtifactRef log = put(text, "text/csv");

    ToolOutput out = read(Map.of("uri", log.uri(), "offset", "8192", "length", "100"));

    assertThat(content(out)).isEqualTo(text.substring(8192, 8292));
    assertThat(out.artifact().mediaType()).isEqualTo("text/plain");
    assertThat(out.summary()).isEqualTo("bytes 8192-8291 of " + log.size() + " of " + log.uri()
        + " (text/csv); the rest from offset 8292");
  }

  @Test
  void shouldReadDefaultLengthFromAnOffsetAndFromTheStartWithALengthAlone() throws IOException {
    String text = lines(2_000);
    ArtifactRef log = put(text, "text/plain");

    assertThat(content(read(Map.of("uri", log.uri(), "offset", "10"))))
        .isEqualTo(text.substring(10, 10 + ReadRange.DEFAULT_LENGTH));
    assertThat(content(read(Map.of("uri", log.uri(), "length", "5")))).isEqualTo(text.substring(0, 5));
  }

  @Test
  void shouldClampALengthPastTheEndAndSaySo() throws IOException {
    ArtifactRef small = put("0123456789", "text/plain");

    ToolOutput out = read(Map.of("uri", small.uri(), "offset", "7", "length", "16384"));

    assertThat(content(out)).isEqualTo("789");
    assertThat(out.summary()).endsWith("bytes 7-9 of 10 of " + small.uri() + " (text/plain); the end");
  }

  @Test
  void shouldRefuseBadRangesNamingTheParameter() throws IOException {
    String uri = put("0123456789", "text/plain").uri();

    assertRefused(Map.of("uri", uri, "offset", "10"), "offset 10 is outside " + uri + ", which has 10 bytes; "
        + "offsets run 0-9");
    assertRefused(Map.of("uri", uri, "offset", "-1"), "parameter 'offset' must be >= 0 bytes, was -1");
    assertRefused(Map.of("uri", uri, "offset", "1.5"), "parameter 'offset' must be a whole number of bytes, "
        + "was '1.5'");
    assertRefused(Map.of("uri", uri, "length", "0"), "parameter 'length' must be 1-16384 bytes, was 0");
    assertRefused(Map.of("uri", uri, "length", "16385"), "parameter 'length' must be 1-16384 bytes, was 16385");
    assertRefused(Map.of("uri", uri, "length", "lots"), "parameter 'length' must be a whole number of bytes, "
        + "was 'lots'");
  }

  @Test
  void shouldRefuseARangeOfABinaryArtifact() throws IOException {
    String uri = put("\u0000\u0001binary", "image/png").uri();

    assertRefused(Map.of("uri", uri, "offset", "0"), uri + " is image/png, not text: offset and length read text "
        + "artifacts only");
  }

  @Test
  void shouldDeclareOnlyUriOffsetAndLengthSoOtherKeysAreRefused() {
    assertThat(tool.descriptor().unknownParams(List.of("uri", "offset", "length"))).isEmpty();
    assertThat(tool.descriptor().unknownParams(List.of("uri", "lines"))).contains("tool 'artifact.read' has no "
        + "parameter 'lines'; it takes: uri, offset, length");
  }

  private void assertRefused(Map<String, String> args, String message) {
    assertThatThrownBy(() -> read(args)).isInstanceOf(ToolException.class).hasMessage(message)
        .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
  }

  private static String lines(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append("row ").append(i).append(",value ").append(i * 7).append('\n');
    }
    return out.toString();
  }

  private ArtifactRef put(String text, String type) throws IOException {
    return store.put(text.getBytes(StandardCharsets.UTF_8), type);
  }

  private String content(ToolOutput out) throws IOException {
    return new String(store.read(out.artifact()), StandardCharsets.UTF_8);
  }

  private ToolOutput read(Map<String, String> args) {
    return tool.execute(new ToolContext() {
      @Override
      public ArtifactStore artifacts() {
        return store;
      }

      @Override
      public String idempotencyKey() {
        return "test/read";
      }

      @Override
      public Path workDir() {
        return dir;
      }

      @Override
      public void heartbeat(String progress) {}
    }, new ToolArguments(args));
  }
}
