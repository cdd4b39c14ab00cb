package io.nightshift.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyProvider;
import io.nightshift.core.error.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSliceTest {
  private static final String HEX = "ab".repeat(32);
  private static final String SOURCE = "sha256:" + HEX;

  @TempDir Path dir;

  @Test
  void shouldReadBackTheTextItWrites() {
    TableSlice slice = new TableSlice(SOURCE, 3, 5, 120, 180);
    assertThat(slice.uri()).isEqualTo("table-slice:" + SOURCE + ";rows=3-5;bytes=120-180");
    assertThat(TableSlice.parse(slice.uri())).isEqualTo(slice);
    assertThat(slice.rows()).isEqualTo(2);
    assertThat(TableSlice.isSlice(slice.uri())).isTrue();
    assertThat(TableSlice.isSlice("artifact:" + SOURCE)).isFalse();
  }

  @Test
  void shouldRefuseMalformedSlicesNamingTheField() {
    String ok = ";rows=0-1;bytes=0-9";
    assertRefused("artifact:" + SOURCE, "starts with 'table-slice:'");
    assertRefused("table-slice:sha256:" + HEX.toUpperCase() + ok, "field 'source'");
    assertRefused("table-slice:sha256:abc" + ok, "field 'source'");
    assertRefused("table-slice:" + SOURCE + ";bytes=0-9;rows=0-1", "field 'rows'");
    assertRefused("table-slice:" + SOURCE + ";rows=01-2;bytes=0-9", "field 'rows'");
    assertRefused("table-slice:" + SOURCE + ";rows=2-2;bytes=0-9", "field 'rows'");
    assertRefused("table-slice:" + SOURCE + ";rows=-1-2;bytes=0-9", "field 'rows'");
    assertRefused("table-slice:" + SOURCE + ";rows=0-1", "field 'bytes'");
    assertRefused("table-slice:" + SOURCE + ";rows=0-1;bytes=9-3", "field 'bytes'");
    assertRefused("table-slice:" + SOURCE + ";rows=0-1;bytes=0-99999999999999999999", "field 'bytes'");
    assertRefused("table-slice:" + SOURCE + ok + ";", "nothing after");
    assertRefused("table-slice:" + SOURCE + ok + " ", "field 'bytes'");
    assertThatThrownBy(() -> new TableSlice(SOURCE, 0, 1, 5, 5)).hasMessageContaining("field 'bytes'");
  }

  @Test
  void shouldRefuseASliceWhoseBytesAreNotItsRows() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    String text = "k\n1\n2\n3\n";
    ArtifactRef table = store.put(text.getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(new String(TableSlices.read(store, new TableSlice(table.digest(), 1, 3, 4, 8)),
        StandardCharsets.UTF_8)).isEqualTo("k\n2\n3\n");
    assertThatThrownBy(() -> TableSlices.read(store, new TableSlice(table.digest(), 1, 2, 4, 8)))
        .isInstanceOf(ToolException.class).hasMessageContaining("holds more than 1 rows");
    assertThatThrownBy(() -> TableSlices.read(store, new TableSlice(table.digest(), 1, 4, 4, 8)))
        .isInstanceOf(ToolException.class).hasMessageContaining("holds 2 rows, not 3");
    assertThatThrownBy(() -> TableSlices.read(store, new TableSlice(table.digest(), 1, 3, 4, 9)))
        .isInstanceOf(ToolException.class).hasMessageContaining("ends past its table's 8 bytes");
  }

  @Test
  void shouldReadSlicesOfALargeSealedTableAtTheirOffsetsAcrossItsSegments() throws IOException {
    SecretKey key = new SecretKeySpec(new byte[32], "AES");
    FileArtifactStore store = new FileArtifactStore(dir.resolve("sealed"), new KeyProvider() {
      @Override
      public String currentId() {
        return "k";
      }

      @Override
      public SecretKey key(String id) {
        return key;
      }

      @Override
      public Set<String> ids() {
        return Set.of("k");
      }
    });
    StringBuilder text = new StringBuilder("id,note\n");
    List<Integer> starts = new ArrayList<>(); // chars, the same as bytes below: rows end in ASCII
    List<Long> byteStarts = new ArrayList<>();
    long bytes = text.length();
    int rows = 24_000;
    for (int i = 0; i < rows; i++) {
      starts.add(text.length());
      byteStarts.add(bytes);
      // 2- and 3-byte characters and a quoted comma, written as Csv.write writes them
      String row = i + ",\"\u00e9" + "x".repeat(i % 157) + ",\u20ac\"\n";
      text.append(row);
      bytes += row.getBytes(StandardCharsets.UTF_8).length;
    }
    starts.add(text.length());
    byteStarts.add(bytes);
    assertThat(bytes).as("past what is kept whole, so read at its offsets").isGreaterThan(TableSlices.KEPT_TABLE_BYTES);
    ArtifactRef table = store.put(text.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
    for (int from = 0; from < rows; from += 499) {
      int to = Math.min(rows, from + 3);
      String slice = new String(TableSlices.read(store, new TableSlice(table.digest(), from, to, byteStarts.get(from),
          byteStarts.get(to))), StandardCharsets.UTF_8);
      assertThat(slice).isEqualTo("id,note\n" + text.substring(starts.get(from), starts.get(to)));
    }
  }

  @Test
  void shouldRefuseASliceOfATableNotInTheStoreAsTheTableItself() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    assertThatThrownBy(() -> TableSlices.read(store, new TableSlice(SOURCE, 0, 1, 2, 4)))
        .isInstanceOf(IOException.class).hasMessageContaining(SOURCE).hasMessageContaining("not in the store");
  }

  private static void assertRefused(String text, String naming) {
    assertThatThrownBy(() -> TableSlice.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(naming);
  }
}
