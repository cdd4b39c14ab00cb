package io.nightshift.tools.memory;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Note;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.io.IOException;
import java.util.List;

/**
 * {@code memory.save}: keeps a note in the calling agent's memory scope, where {@code memory.search} finds it later,
 * however much of the conversation has been compacted away since, and in other steps that share the scope. The
 * note is stored once per tool call (its idempotency key), so a retried call does not save it twice.
 */
final class SaveNoteTool implements Tool {
  static final String NAME = "memory.save";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME, "Save a note to your memory, to find later with memory.search (notes outlast "
        + "the conversation; keep each to one fact or finding)", List.of(
            ToolParam.required("text", "the note, at most " + MemoryArguments.MAX_TEXT_CHARS + " characters"),
            ToolParam.optional("tags", "labels, comma-separated, at most " + MemoryArguments.MAX_TAGS, null)));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    String text = MemoryArguments.text(args);
    List<String> tags = MemoryArguments.tags(args);
    Notebook notebook = MemoryArguments.notebook(context, NAME);
    try {
      Note note = notebook.save(text, tags, context.idempotencyKey());
      return new ToolOutput(note.artifact(), "saved to memory scope '" + notebook.scope().name() + "' at "
          + note.savedAt() + (tags.isEmpty() ? "" : ", tags: " + String.join(", ", tags)));
    } catch (IOException e) {
      throw ToolException.retryable("cannot save the note: " + e.getMessage(), e);
    }
  }
}
