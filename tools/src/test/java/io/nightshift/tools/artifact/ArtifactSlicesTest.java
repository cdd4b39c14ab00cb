package io.nightshift.tools.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSlicesTest {
  // "aé€😀b": a (1 byte, 0), é (2 bytes, 1-2), € (3 bytes, 3-5), 😀 (4 bytes, 6-9), b (1 byte, 10)
  private static final String MIXED = "aé€😀b";
  @TempDir Path dir;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
  }

  @Test
  void shouldReadTheAskedBytesAndSayWhereTheyLie() throws IOException {
    ArtifactRef ref = text("0123456789".repeat(100));

    TextSlice slice = ArtifactSlices.read(store, ref, 200, 50);

    assertThat(slice.text()).isEqualTo("0123456789".repeat(5));
    assertThat(slice.where()).isEqualTo("bytes 200-249 of 1000");
    assertThat(slice.reachesEnd()).isFalse();
  }

  @Test
  void shouldMoveAStartInsideACharacterBackToItsFirstByte() throws IOException {
    ArtifactRef ref = text(MIXED);

    TextSlice inEuro = ArtifactSlices.read(store, ref, 5, 5); // the last byte of €

    assertThat(inEuro.text()).isEqualTo("€😀");
    assertThat(inEuro.where()).isEqualTo("bytes 3-9 of 11");
    assertThat(ArtifactSlices.read(store, ref, 7, 4).text()).isEqualTo("😀b");
  }

  @Test
  void shouldEndAtTheLastWholeCharacterNeverCuttingOne() throws IOException {
    ArtifactRef ref = text(MIXED);

    assertThat(ArtifactSlices.read(store, ref, 0, 2).text()).isEqualTo("a"); // é would need byte 2
    assertThat(ArtifactSlices.read(store, ref, 0, 3).text()).isEqualTo("aé");
    assertThat(ArtifactSlices.read(store, ref, 0, 9).text()).isEqualTo("aé€"); // 😀 ends at byte 9
    TextSlice all = ArtifactSlices.read(store, ref, 0, 100);
    assertThat(all.text()).isEqualTo(MIXED);
    assertThat(all.where()).isEqualTo("bytes 0-10 of 11");
  }

  @Test
  void shouldGiveAWholeCharacterWhenTheLengthIsShorterThanIt() throws IOException {
    ArtifactRef ref = text(MIXED);

    TextSlice emoji = ArtifactSlices.read(store, ref, 6, 1);

    assertThat(emoji.text()).isEqualTo("😀");
    assertThat(emoji.where()).isEqualTo("bytes 6-9 of 11");
  }

  @Test
  void shouldClampALengthPastTheEndAndRefuseAnOffsetPastIt() throws IOException {
    ArtifactRef ref = text("0123456789");

    TextSlice tail = ArtifactSlices.read(store, ref, 8, 4096);

    assertThat(tail.text()).isEqualTo("89");
    assertThat(tail.reachesEnd()).isTrue();
    assertThatThrownBy(() -> ArtifactSlices.read(store, ref, 10, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset 10 is outside " + ref.uri() + ", which has 10 bytes; offsets run 0-9");
    assertThatThrownBy(() -> ArtifactSlices.read(store, ref, -1, 1)).hasMessageContaining("offset -1 is outside");
    assertThatThrownBy(() -> ArtifactSlices.read(store, ref, 0, 0)).hasMessage("length must be at least 1, was 0");
  }

  @Test
  void shouldReadEveryByteOnceWhenPagingByTheEndsItReports() throws IOException {
    String text = (MIXED + "\n").repeat(300);
    ArtifactRef ref = text(text);
    StringBuilder paged = new StringBuilder();
    long offset = 0;
    int pages = 0;
    while (offset < ref.size()) {
      TextSlice page = ArtifactSlices.read(store, ref, offset, 97); // a length that cuts characters
      assertThat(page.start()).isEqualTo(offset);
      paged.append(page.text());
      offset = page.end();
      pages++;
    }

    assertThat(paged.toString()).isEqualTo(text);
    assertThat(pages).isGreaterThan(30);
  }

  @Test
  void shouldTakeTextJsonCsvXmlAndYamlAsText() {
    assertThat(ArtifactSlices.isText("text/plain")).isTrue();
    assertThat(ArtifactSlices.isText("application/json")).isTrue();
    assertThat(ArtifactSlices.isText("application/x-ndjson")).isTrue();
    assertThat(ArtifactSlices.isText("application/yaml")).isTrue();
    assertThat(ArtifactSlices.isText("image/png")).isFalse();
    assertThat(ArtifactSlices.isText("application/octet-stream")).isFalse();
  }

  private ArtifactRef text(String content) throws IOException {
    return store.put(content.getBytes(StandardCharsets.UTF_8), "text/plain");
  }
}
