package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.TableSlice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceInputsTest {
  private static final String TABLE = "id,name\n1,a\n2,\"b, c\"\n3,d\n";
  /** Rows 1-2 of {@link #TABLE}, as a split that copied its chunks stored them. */
  private static final String CHUNK = "id,name\n2,\"b, c\"\n3,d\n";

  @TempDir Path dir;
  private FileArtifactStore store;
  private ArtifactRef table;
  private String slice;

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir);
    table = store.put(TABLE.getBytes(StandardCharsets.UTF_8), "text/csv");
    slice = new TableSlice(table.digest(), 1, 3, 12, TABLE.length()).uri();
  }

  @Test
  void shouldShowTheToolASliceAsTheChunkArtifactACopyWouldHaveBeenWithoutWritingIt() throws IOException {
    SliceInputs inputs = SliceInputs.of(store, Map.of("input", slice, "where", "id > 1"));
    // the copy's reference, computed here on a store of its own: the call's store must not hold it
    ArtifactRef copy = FileArtifactStore.unencrypted(dir.resolve("copy")).put(CHUNK.getBytes(StandardCharsets.UTF_8),
        "text/csv");
    assertThat(inputs.params()).containsExactlyInAnyOrderEntriesOf(Map.of("input", copy.uri(), "where", "id > 1"));
    ArtifactStore seen = inputs.artifacts();
    assertThat(seen.resolve(copy.uri())).isEqualTo(copy);
    assertThat(seen.find(copy.digest(), "text/csv")).contains(copy);
    assertThat(new String(seen.read(copy), StandardCharsets.UTF_8)).isEqualTo(CHUNK);
    try (InputStream in = seen.open(copy, 8)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CHUNK.substring(8));
    }
    assertThat(store.find(copy.digest())).isEmpty();
    assertThat(seen.read(table)).isEqualTo(store.read(table)); // everything else as the worker's store has it
  }

  @Test
  void shouldStoreTheChunkWhenTheToolHandsItOnAsItsOutput() throws IOException {
    SliceInputs inputs = SliceInputs.of(store, Map.of("input", slice));
    ArtifactRef chunk = inputs.artifacts().resolve(inputs.params().get("input"));
    inputs.keep(table);
    assertThat(store.find(chunk.digest())).isEmpty();
    inputs.keep(chunk);
    assertThat(store.find(chunk.digest())).contains(chunk);
    assertThat(new String(store.read(chunk), StandardCharsets.UTF_8)).isEqualTo(CHUNK);
  }

  @Test
  void shouldNotStoreAgainAChunkTheToolStoredItself() throws IOException {
    AtomicInteger puts = new AtomicInteger();
    ArtifactStore counting = new ArtifactStore() {
      @Override
      public ArtifactRef put(byte[] content, String mediaType) throws IOException {
        puts.incrementAndGet();
        return store.put(content, mediaType);
      }

      @Override
      public ArtifactRef put(InputStream content, String mediaType) throws IOException {
        puts.incrementAndGet();
        return store.put(content, mediaType);
      }

      @Override
      public InputStream open(ArtifactRef ref) throws IOException {
        return store.open(ref);
      }

      @Override
      public byte[] read(ArtifactRef ref) throws IOException {
        return store.read(ref);
      }

      @Override
      public Optional<ArtifactRef> find(String digest) throws IOException {
        return store.find(digest);
      }
    };
    SliceInputs inputs = SliceInputs.of(counting, Map.of("input", slice));
    // a filter that kept every row: its output is its input's bytes, which it stored itself
    ArtifactRef output = inputs.artifacts().put(CHUNK.getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(inputs.artifacts().resolve(inputs.params().get("input"))).isEqualTo(output);
    inputs.keep(output);
    assertThat(puts).hasValue(1);
  }

  @Test
  void shouldLeaveParametersWithoutSlicesAsTheyAre() {
    Map<String, String> params = Map.of("input", table.uri());
    SliceInputs inputs = SliceInputs.of(store, params);
    assertThat(inputs.params()).isSameAs(params);
    assertThat(inputs.artifacts()).isSameAs(store);
  }

  @Test
  void shouldRefuseAMalformedSliceForGoodNamingTheParameterAndTheField() {
    String bad = slice.replace(";rows=1-3", ";rows=3-1");
    assertThatThrownBy(() -> SliceInputs.of(store, Map.of("input", bad))).isInstanceOfSatisfying(ToolException.class,
        e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e).hasMessageContaining("parameter 'input'").hasMessageContaining("field 'rows'");
        });
  }

  @Test
  void shouldRefuseASliceOfATableTheStoreCannotGiveAsItRefusesTheTable() throws IOException {
    FileArtifactStore other = FileArtifactStore.unencrypted(dir.resolve("other"));
    assertThatThrownBy(() -> other.resolve(table.uri())).hasMessageContaining("is not in the store");
    assertThatThrownBy(() -> SliceInputs.of(other, Map.of("input", slice))).isInstanceOfSatisfying(
        ToolException.class, e -> assertThat(e).hasMessageContaining("parameter 'input'")
            .hasMessageContaining(table.digest()).hasMessageContaining("is not in the store"));
  }
}
