package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.table.TableSlice;
import io.nightshift.core.table.TableSlices;
import io.nightshift.workflows.map.MapActivities.ChunkRange;
import io.nightshift.workflows.map.MapActivities.MergeRequest;
import io.nightshift.workflows.map.MapActivities.SplitRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapActivitiesImplTest {
  @TempDir Path dir;
  private CountingStore store;
  private MapActivitiesImpl map;

  @BeforeEach
  void setUp() throws IOException {
    store = new CountingStore(FileArtifactStore.unencrypted(dir));
    map = new MapActivitiesImpl(store);
  }

  @Test
  void shouldListSlicesThatReadAsTheBytesAndBoundariesOfCuttingTheParsedTable() throws IOException {
    // CRLF, a blank line, quoted commas, newlines and quotes, and characters of 2, 3 and 4 UTF-8 bytes (a surrogate
    // pair): a slice's byte range must land on the rows whatever their encoding
    String text = "id,\"note\"\r\n" + "1,plain\n\n2,\"with, comma\"\n3,\"multi\nline\"\n4,\"q\"\"uote\"\n"
        + "5,\u00e9\u20ac\n6,\uD834\uDD1E clef\r\n7,z";
    Table table = Csv.parse(text);
    ArtifactRef input = store.put(text.getBytes(StandardCharsets.UTF_8), "text/csv");
    for (int size : new int[] {1, 3, 7, 100}) {
      long putsBefore = store.puts.get();
      MapActivities.SplitResult split = map.split(new SplitRequest(input.uri(), size));
      assertThat(store.puts.get() - putsBefore).as("the manifest alone is written").isEqualTo(1);
      assertThat(split.manifest().mediaType()).isEqualTo(MapActivitiesImpl.SLICES);
      MapActivities.ChunkRefs refs = map.chunks(new ChunkRange(split.manifest(), 0, split.chunks()));
      assertThat(refs.chunks()).isEmpty();
      List<String> expected = new ArrayList<>();
      for (int from = 0; from < table.rows().size(); from += size) {
        expected.add(Csv.write(new Table(table.header(),
            table.rows().subList(from, Math.min(table.rows().size(), from + size)))));
      }
      assertThat(split.rows()).isEqualTo(7);
      assertThat(refs.itemValues()).allSatisfy(v -> assertThat(v).startsWith(TableSlice.PREFIX));
      assertThat(refs.itemValues().stream().map(this::sliceText).toList()).as("slices of %d", size)
          .isEqualTo(expected);
      // byte for byte what the split that copied its chunks wrote, and the same chunks from any range
      MapActivities.SplitResult copied = map.splitByCopying(new SplitRequest(input.uri(), size));
      List<String> copies = map.chunks(new ChunkRange(copied.manifest(), 0, copied.chunks())).chunks().stream()
          .map(this::text).toList();
      assertThat(copies).isEqualTo(expected);
      assertThat(map.chunks(new ChunkRange(split.manifest(), 1, split.chunks())).itemValues())
          .isEqualTo(refs.itemValues().subList(1, refs.itemValues().size()));
    }
  }

  @Test
  void shouldCopyTheChunksOfATableWithBytesThatAreNotUtf8() throws IOException {
    byte[] text = "id,v\n1,a\n2,\u00ff\n3,c\n".getBytes(StandardCharsets.ISO_8859_1); // 0xff: no UTF-8 byte at all
    ArtifactRef input = store.put(text, "text/csv");
    MapActivities.SplitResult split = map.split(new SplitRequest(input.uri(), 1));
    List<ArtifactRef> chunks = map.chunks(new ChunkRange(split.manifest(), 0, split.chunks())).chunks();
    assertThat(split.manifest().mediaType()).isNotEqualTo(MapActivitiesImpl.SLICES);
    assertThat(chunks.stream().map(this::text).toList())
        .containsExactly("id,v\n1,a\n", "id,v\n2,\uFFFD\n", "id,v\n3,c\n");
  }

  @Test
  void shouldReadTheChunkArtifactsOfAManifestWrittenBeforeSlices() throws IOException {
    ArtifactRef one = store.put("k\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    ArtifactRef two = store.put("k\n2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    ArtifactRef manifest = store.put((one.digest() + "\n" + two.digest() + "\n").getBytes(StandardCharsets.UTF_8),
        "text/x-nightshift-manifest");
    MapActivities.ChunkRefs refs = map.chunks(new ChunkRange(manifest, 0, 2));
    assertThat(refs.chunks()).containsExactly(one, two);
    assertThat(refs.itemValues()).containsExactly(one.uri(), two.uri());
  }

  @Test
  void shouldStreamACopiedChunkLongerThanItsBufferWithTheSameBytes() throws IOException {
    String wide = "w".repeat(SplitManifest.BUFFERED_CHARS / 2);
    StringBuilder text = new StringBuilder("id,blob\n");
    for (int i = 0; i < 5; i++) {
      text.append(i).append(',').append(wide).append('\n');
    }
    Table table = Csv.parse(text.toString());
    ArtifactRef input = store.put(text.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
    MapActivities.SplitResult split = map.splitByCopying(new SplitRequest(input.uri(), 4));
    List<ArtifactRef> chunks = map.chunks(new ChunkRange(split.manifest(), 0, split.chunks())).chunks();
    assertThat(chunks).hasSize(2);
    assertThat(text(chunks.get(0))).isEqualTo(Csv.write(new Table(table.header(), table.rows().subList(0, 4))));
    assertThat(text(chunks.get(1))).isEqualTo(Csv.write(new Table(table.header(), table.rows().subList(4, 5))));
    List<String> slices = map.chunks(new ChunkRange(map.split(new SplitRequest(input.uri(), 4)).manifest(), 0, 2))
        .itemValues();
    assertThat(slices.stream().map(this::sliceText).toList()).containsExactly(text(chunks.get(0)),
        text(chunks.get(1)));
  }

  @Test
  void shouldWriteTheFirstCopiedChunkBeforeReadingMostOfTheTable() throws IOException {
    StringBuilder text = new StringBuilder("id,value\n");
    for (int i = 0; i < 100_000; i++) {
      text.append(i).append(',').append(i % 997).append('\n');
    }
    ArtifactRef input = store.put(text.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
    store.watch(input);
    MapActivities.SplitResult split = map.splitByCopying(new SplitRequest(input.uri(), 1_000));
    assertThat(split.chunks()).isEqualTo(100);
    // a split that parsed the whole table first would have read all of its ~980 KB before its first chunk; this
    // one has read at most the chunks it writes ahead (17 of 100, ~190 KB) and its readers' buffers
    assertThat(input.size()).isGreaterThan(900_000);
    assertThat(store.readWhenFirstChunkWasPut.get()).isPositive().isLessThan(input.size() / 4);
  }

  @Test
  void shouldMergePartsInOrderWithTheBytesOfMergingParsedTables() throws IOException {
    List<ArtifactRef> parts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      List<List<String>> part = List.of(List.of("r" + p, "a,b"), List.of("s" + p, "\"q\""));
      rows.addAll(part);
      parts.add(store.put(Csv.write(new Table(List.of("k", "v"), part)).getBytes(StandardCharsets.UTF_8),
          "text/csv"));
    }
    MapActivities.Merged merged = map.merge(new MergeRequest(parts));
    assertThat(merged.rows()).isEqualTo(80);
    assertThat(text(merged.table())).isEqualTo(Csv.write(new Table(List.of("k", "v"), rows)));
    assertThat(text(map.merge(new MergeRequest(List.of())).table())).isEqualTo("\n");
  }

  @Test
  void shouldCopyTheFirstPartsRowsBeforeOpeningTheLastParts() throws IOException {
    List<ArtifactRef> parts = new ArrayList<>();
    for (int p = 0; p < 3 * MergedRows.AHEAD; p++) {
      parts.add(store.put(("k\n" + p + "\n").getBytes(StandardCharsets.UTF_8), "text/csv"));
    }
    try (MergedRows rows = new MergedRows(store, parts)) {
      assertThat(rows.next()).containsExactly("k");
      assertThat(rows.next()).containsExactly("0");
      assertThat(store.reads.get()).isLessThanOrEqualTo(MergedRows.AHEAD + 1);
    }
  }

  @Test
  void shouldRefusePartsWithOtherColumnsOrNoTable() throws IOException {
    ArtifactRef a = store.put("k\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    ArtifactRef b = store.put("other\n2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    ArtifactRef broken = store.put("k\n\"open".getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThatThrownBy(() -> map.merge(new MergeRequest(List.of(a, b)))).isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("chunk results have different columns: [k] and [other]");
    assertThatThrownBy(() -> map.merge(new MergeRequest(List.of(a, broken)))).isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("a chunk result is not a readable table: CSV ends inside a quoted field");
    assertThatThrownBy(() -> map.split(new SplitRequest(broken.uri(), 1))).isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("the table to map over is not a readable table");
  }

  private String sliceText(String slice) {
    try {
      return new String(TableSlices.read(store, TableSlice.parse(slice)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(ArtifactRef ref) {
    try {
      return new String(store.read(ref), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A store that counts what is read: of one watched artifact, bytes served; of all, whole reads and opens. */
  private static final class CountingStore implements ArtifactStore {
    private final ArtifactStore store;
    private final AtomicLong watchedBytesRead = new AtomicLong();
    final AtomicLong readWhenFirstChunkWasPut = new AtomicLong(-1);
    final AtomicLong reads = new AtomicLong();
    final AtomicLong puts = new AtomicLong();
    private volatile String watched = "";

    CountingStore(ArtifactStore store) {
      this.store = store;
    }

    void watch(ArtifactRef ref) {
      watched = ref.digest();
    }

    @Override
    public ArtifactRef put(byte[] content, String mediaType) throws IOException {
      puts.incrementAndGet();
      return store.put(content, mediaType);
    }

    @Override
    public ArtifactRef put(InputStream content, String mediaType) throws IOException {
      puts.incrementAndGet();
      if (mediaType.equals("text/csv")) {
        readWhenFirstChunkWasPut.compareAndSet(-1, watchedBytesRead.get());
      }
      return store.put(content, mediaType);
    }

    @Override
    public InputStream open(ArtifactRef ref) throws IOException {
      reads.incrementAndGet();
      InputStream in = store.open(ref);
      if (!ref.digest().equals(watched)) {
        return in;
      }
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int c = super.read();
          watchedBytesRead.addAndGet(c < 0 ? 0 : 1);
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          watchedBytesRead.addAndGet(Math.max(n, 0));
          return n;
        }
      };
    }

    @Override
    public byte[] read(ArtifactRef ref) throws IOException {
      reads.incrementAndGet();
      return store.read(ref);
    }

    @Override
    public Optional<ArtifactRef> find(String digest) throws IOException {
      return store.find(digest);
    }
  }
}
