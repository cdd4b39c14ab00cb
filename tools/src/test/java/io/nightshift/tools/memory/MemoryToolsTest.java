package io.nightshift.tools.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Note;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** memory.save and memory.search over a notebook kept in a list: their arguments, bounds and output. */
class MemoryToolsTest {
  @TempDir Path dir;
  private FileArtifactStore store;
  private ListNotebook notebook;

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    notebook = new ListNotebook(store);
  }

  @Test
  void shouldSaveOnceAndFindTheBestMatchingNotesWithScoresAndTimes() throws IOException {
    save("k1", Map.of("text", "The vendor quote for reagent X is 420 EUR", "tags", "Vendor, price"));
    save("k2", Map.of("text", "Compound 7 failed the solubility test"));
    save("k2", Map.of("text", "Compound 7 failed the solubility test")); // a retry: same key
    save("k3", Map.of("text", "Reagent X ships in two weeks", "tags", "[\"vendor\", \"shipping\"]"));

    ToolOutput out = MemoryTools.search().execute(context("s1"), new ToolArguments(Map.of("query", "reagent X vendor",
        "limit", "2")));
    String text = new String(store.read(out.artifact()), StandardCharsets.UTF_8);

    assertThat(notebook.notes()).hasSize(3);
    assertThat(out.summary()).isEqualTo("2 of 3 notes in memory scope 'step:ask' match");
    assertThat(text).startsWith("2 of 3 notes in memory scope 'step:ask' match \"reagent X vendor\" (best first):\n1. score ")
        .contains("tags: vendor, price\n   The vendor quote for reagent X is 420 EUR")
        .contains("tags: vendor, shipping\n   Reagent X ships in two weeks")
        .doesNotContain("solubility").contains("saved 2026-12-05T10:00:0");
  }

  @Test
  void shouldRefuseArgumentsOutOfBoundsNamingTheParameter() {
    assertThatThrownBy(() -> save("k", Map.of("text", "x".repeat(MemoryArguments.MAX_TEXT_CHARS + 1))))
        .isInstanceOf(ToolException.class).hasMessageContaining("parameter 'text' may be at most 2000 characters");
    assertThatThrownBy(() -> save("k", Map.of("text", "t", "tags", "ok, not a tag")))
        .hasMessageContaining("parameter 'tags': 'not a tag' is not a tag");
    assertThatThrownBy(() -> save("k", Map.of("text", "t", "tags", "a,b,c,d,e,f,g,h,i")))
        .hasMessageContaining("parameter 'tags' may hold at most 8 tags, was 9");
    assertThatThrownBy(() -> search(Map.of("query", "the of")))
        .hasMessageContaining("parameter 'query' has no words to search for");
    assertThatThrownBy(() -> search(Map.of("query", "q".repeat(501))))
        .hasMessageContaining("parameter 'query' may be at most 500 characters");
    assertThatThrownBy(() -> search(Map.of("query", "vendor", "limit", "21")))
        .hasMessageContaining("parameter 'limit' must be a whole number from 1 to 20, was 21");
    assertThatThrownBy(() -> search(Map.of("query", "vendor", "limit", "2.5")))
        .hasMessageContaining("parameter 'limit'");
    assertThat(notebook.notes()).isEmpty();
  }

  @Test
  void shouldRefuseACallWithoutAMemoryScopeForGood() {
    ToolContext stepContext = new TestContext(store, "step-key", Optional.empty());

    assertThatThrownBy(() -> MemoryTools.save().execute(stepContext, new ToolArguments(Map.of("text", "hi"))))
        .isInstanceOf(ToolException.class).hasMessageContaining("memory.save keeps notes for agents")
        .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
  }

  private ToolOutput save(String key, Map<String, String> args) {
    return MemoryTools.save().execute(context(key), new ToolArguments(args));
  }

  private ToolOutput search(Map<String, String> args) {
    return MemoryTools.search().execute(context("s"), new ToolArguments(args));
  }

  private ToolContext context(String key) {
    return new TestContext(store, key, Optional.of(notebook));
  }

  /** Notes in a list, with times a second apart from a fixed start; idempotent by key as a real notebook is. */
  private static final class ListNotebook implements Notebook {
    private final ArtifactStore store;
    private final Map<String, Note> byKey = new LinkedHashMap<>();

    ListNotebook(ArtifactStore store) {
      this.store = store;
    }

    @Override
    public NotebookScope scope() {
      return new NotebookScope("default", "task-1", "step:ask");
    }

    @Override
    public Note save(String text, List<String> tags, String idempotencyKey) throws IOException {
      if (!byKey.containsKey(idempotencyKey)) {
        ArtifactRef ref = store.put((text + tags).getBytes(StandardCharsets.UTF_8), "text/plain");
        byKey.put(idempotencyKey, new Note(text, tags, Instant.parse("2026-12-05T10:00:00Z")
            .plusSeconds(byKey.size()), ref));
      }
      return byKey.get(idempotencyKey);
    }

    @Override
    public List<Note> notes() {
      return new ArrayList<>(byKey.values());
    }
  }

  private record TestContext(ArtifactStore artifacts, String idempotencyKey, Optional<Notebook> notebook)
      implements ToolContext {
    @Override
    public Path workDir() {
      throw new UnsupportedOperationException("the memory tools need no scratch directory");
    }

    @Override
    public void heartbeat(String progress) {}
  }
}
