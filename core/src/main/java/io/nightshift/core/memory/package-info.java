/**
 * Agents' memory: notes an agent saves with {@code memory.save} and finds again with {@code memory.search}, kept
 * apart from its conversation so they outlive compaction and the step itself. A {@link
 * io.nightshift.core.memory.Notebook} holds the notes of one {@link io.nightshift.core.memory.NotebookScope}; the
 * runtime opens it for a tool call from the calling agent's identity ({@link io.nightshift.core.memory.Notebooks}),
 * never from what the model asked.
 */
package io.nightshift.core.memory;
