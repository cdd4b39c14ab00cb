package io.nightshift.core.memory;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The notes of one {@link NotebookScope}, as the memory tools see them. Safe to use from several threads and, on
 * one data directory, from several processes: agents that share a scope run in parallel.
 */
public interface Notebook {
  /** The built-in tools that read and write notebooks; they work for agents only, which have a scope. */
  Set<String> TOOLS = Set.of("memory.save", "memory.search");

  /** The scope, for messages. */
  NotebookScope scope();

  /**
   * Adds a note, once per {@code idempotencyKey}: a retried call with the same key returns the note the first call
   * saved and adds nothing.
   *
   * @param idempotencyKey the tool call's key, stable across retries of that call
   * @throws io.nightshift.core.error.ToolException (permanent) when the scope holds as many notes as it may keep
   */
  Note save(String text, List<String> tags, String idempotencyKey) throws IOException;

  /** Every note of the scope, oldest first. */
  List<Note> notes() throws IOException;
}
