package io.nightshift.runtime.memory;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import io.nightshift.core.memory.Notebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Agents' notebooks under the data directory: one append-only index file per scope, {@code memory/<sha256 of the
 * scope>.jsonl}, and each note's text and tags an artifact of the store (content-addressed, encrypted at rest as
 * every artifact is).
 *
 * <p>Why files beside the artifact store rather than notes carried in workflow state: agents that share a scope
 * are separate workflows running in parallel, so no one workflow's state holds the scope's notes, and passing every
 * note through Temporal on each call would grow history with the notes. An index on the data directory survives a
 * worker's restart and is shared by every worker process on that directory, as the artifact store and the audit log
 * are ({@link FileNotebook} locks it). The file is named by a hash of the scope (tenant namespace, task, scope name),
 * so no task id or name can steer a path, and two scopes never share a file.
 */
public final class FileNotebooks implements Notebooks {
  /**
   * The most notes one scope keeps. Each search reads every note of its scope: 2,000 notes read in 40-56 ms on a
   * shared 2-core machine (unencrypted; a save forced to disk took 2 ms), so a full scope answers in about a quarter
   * of a second, and an agent that saves in a loop is stopped long before the disk or the search is.
   */
  public static final int MAX_NOTES_PER_SCOPE = 10_000;

  private final Path dir;
  private final ArtifactStore artifacts;
  private final Clock clock;
  private final int maxNotes;

  /**
   * @param dir       where the index files live, created owner-only on the first note
   * @param artifacts where the notes themselves are stored
   * @param clock     stamps when each note was saved
   */
  public FileNotebooks(Path dir, ArtifactStore artifacts, Clock clock) {
    this(dir, artifacts, clock, MAX_NOTES_PER_SCOPE);
  }

  /** @param maxNotes the most notes one scope keeps; a save beyond it is refused for good */
  FileNotebooks(Path dir, ArtifactStore artifacts, Clock clock, int maxNotes) {
    this.dir = dir.toAbsolutePath().normalize();
    this.artifacts = artifacts;
    this.clock = clock;
    this.maxNotes = maxNotes;
  }

  @Override
  public Optional<Notebook> open(NotebookScope scope) {
    return Optional.of(new FileNotebook(scope, dir.resolve(fileName(scope)), artifacts, clock, maxNotes));
  }

  static String fileName(NotebookScope scope) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(scope.key().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash) + ".jsonl";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
