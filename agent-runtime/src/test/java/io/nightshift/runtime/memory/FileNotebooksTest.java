package io.nightshift.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Note;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable notebooks: idempotent saves, restarts, several writers, torn lines and scopes kept apart. */
class FileNotebooksTest {
  private static final NotebookScope TEAM = new NotebookScope("default", "task-1", "shared:team");
  @TempDir Path dir;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws Exception {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
  }

  @Test
  void shouldSaveANoteOncePerKeyAndKeepItAcrossARestart() throws Exception {
    Notebook first = notebooks(Instant.parse("2026-12-05T10:00:00Z")).open(TEAM).orElseThrow();
    Note saved = first.save("the well at grid 17 is dry", List.of("north"), "task-1/scout/0/0");
    // a retry of the same call, on a worker whose clock has moved on
    Notebook retried = notebooks(Instant.parse("2026-12-05T11:00:00Z")).open(TEAM).orElseThrow();
    Note again = retried.save("the well at grid 17 is dry", List.of("north"), "task-1/scout/0/0");

    // a worker started later on the same data directory
    List<Note> notes = notebooks(Instant.parse("2026-12-06T09:00:00Z")).open(TEAM).orElseThrow().notes();
    assertThat(again).isEqualTo(saved);
    assertThat(notes).containsExactly(saved);
    assertThat(saved.savedAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(saved.tags()).containsExactly("north");
  }

  @Test
  void shouldKeepEveryNoteWhenSeveralWritersAppendToOneScopeAtOnce() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Note>> saves = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        // each writer its own FileNotebooks, as each worker process has
        Notebook notebook = notebooks(Instant.parse("2026-12-05T10:00:00Z")).open(TEAM).orElseThrow();
        for (int i = 0; i < 25; i++) {
          String key = "task-1/agent-" + w + "/" + i + "/0";
          int writer = w;
          int n = i;
          saves.add(writers.submit(() -> notebook.save("writer " + writer + " note " + n, List.of(), key)));
        }
      }
      for (Future<Note> save : saves) {
        save.get();
      }
    } finally {
      writers.shutdownNow();
    }

    List<Note> notes = notebooks(Instant.EPOCH).open(TEAM).orElseThrow().notes();
    assertThat(notes).hasSize(100);
    assertThat(notes).extracting(Note::text).doesNotHaveDuplicates().contains("writer 3 note 24");
  }

  @Test
  void shouldKeepEveryNoteOnceWhenWorkerProcessesOnOneDataDirectorySaveAtOnce() throws Exception {
    List<Process> workers = new ArrayList<>();
    for (String writer : List.of("worker-a", "worker-b", "worker-c")) {
      workers.add(NoteSaverProcess.start(dir, TEAM, writer, 40));
    }
    Notebook here = notebooks(Instant.parse("2026-12-05T10:00:00Z")).open(TEAM).orElseThrow();
    for (int i = 0; i < 40; i++) {
      here.save("here note " + i, List.of(), "here/" + i);
    }
    for (Process worker : workers) {
      assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.exitValue()).isZero();
    }

    List<Note> notes = here.notes();
    assertThat(notes).hasSize(160); // each process saved each note twice, under one key
    assertThat(notes).extracting(Note::text).doesNotHaveDuplicates()
        .contains("worker-a note 39", "worker-b note 0", "worker-c note 17", "here note 39");
  }

  @Test
  void shouldRefuseANoteBeyondTheScopesLimitForGoodButStillAnswerARetryOfOneItKept() throws Exception {
    Notebook notebook = new FileNotebooks(dir.resolve("memory"), store, Clock.systemUTC(), 2).open(TEAM)
        .orElseThrow();
    notebook.save("one", List.of(), "k1");
    notebook.save("two", List.of(), "k2");

    assertThatThrownBy(() -> notebook.save("three", List.of(), "k3")).isInstanceOf(ToolException.class)
        .hasMessageContaining("holds 2 notes, the most it keeps")
        .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
    assertThat(notebook.save("two", List.of(), "k2").text()).isEqualTo("two");
    assertThat(notebook.notes()).hasSize(2);
  }

  @Test
  void shouldSkipALineTornByACrashAndCutItOffOnTheNextSave() throws Exception {
    Notebook notebook = notebooks(Instant.parse("2026-12-05T10:00:00Z")).open(TEAM).orElseThrow();
    notebook.save("first", List.of(), "k1");
    Path index = dir.resolve("memory").resolve(FileNotebooks.fileName(TEAM));
    Files.writeString(index, "{\"key\":\"k2\",\"note\":\"sha2", StandardOpenOption.APPEND);

    assertThat(notebook.notes()).extracting(Note::text).containsExactly("first");
    notebook.save("second", List.of(), "k2");
    assertThat(notebook.notes()).extracting(Note::text).containsExactly("first", "second");
    assertThat(Files.readAllLines(index)).hasSize(2);
  }

  @Test
  void shouldKeepScopesOfOtherTasksTenantsAndNamesApartAndTheTextOutOfTheIndex() throws Exception {
    FileNotebooks notebooks = notebooks(Instant.parse("2026-12-05T10:00:00Z"));
    notebooks.open(TEAM).orElseThrow().save("the access code is 4512", List.of(), "k1");

    for (NotebookScope other : List.of(new NotebookScope("default", "task-2", "shared:team"),
        new NotebookScope("tenant-b", "task-1", "shared:team"), new NotebookScope("default", "task-1", "step:team"))) {
      assertThat(notebooks.open(other).orElseThrow().notes()).as(other.toString()).isEmpty();
    }
    String index = Files.readString(dir.resolve("memory").resolve(FileNotebooks.fileName(TEAM)),
        StandardCharsets.UTF_8);
    assertThat(index).contains("\"key\":\"k1\"").doesNotContain("4512");
  }

  private FileNotebooks notebooks(Instant now) {
    return new FileNotebooks(dir.resolve("memory"), store, Clock.fixed(now, ZoneOffset.UTC));
  }
}
