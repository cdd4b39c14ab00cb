package io.nightshift.runtime.memory;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;

/**
 * A second JVM saving notes to one scope, as a worker process on the same data directory does: the index's file
 * lock, not the JVM's monitor, must keep every note and never let two saves of one key both land.
 */
final class NoteSaverProcess {
  private NoteSaverProcess() {}

  /** Saves {@code notes} notes as {@code writer}, each under its own key, and each of those twice (a retry). */
  static Process start(Path dataDir, NotebookScope scope, String writer, int notes) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NoteSaverProcess.class.getName(),
        dataDir.toString(), scope.namespace(), scope.taskId(), scope.name(), writer, String.valueOf(notes))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Notebook notebook = new FileNotebooks(data.resolve("memory"),
        FileArtifactStore.unencrypted(data.resolve("artifacts")), Clock.systemUTC())
        .open(new NotebookScope(args[1], args[2], args[3])).orElseThrow();
    for (int i = 0; i < Integer.parseInt(args[5]); i++) {
      notebook.save(args[4] + " note " + i, List.of(), args[4] + "/" + i);
      notebook.save(args[4] + " note " + i, List.of(), args[4] + "/" + i);
    }
  }
}
