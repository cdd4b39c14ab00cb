package io.nightshift.tools.memory;

import io.nightshift.core.artifact.ArtifactRef;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code memory.search}: the notes of the calling agent's memory scope that best match a query, ranked by {@link
 * Bm25} over each note's text and tags, with their scores and when they were saved. Newer notes come first among
 * equal scores: a later note usually corrects an earlier one.
 */
final class SearchNotesTool implements Tool {
  static final String NAME = "memory.search";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME, "Search the notes you saved with memory.save (by words; best matches first)",
        List.of(ToolParam.required("query", "words to look for, at most " + MemoryArguments.MAX_QUERY_CHARS
                + " characters"),
            ToolParam.optional("limit", "how many notes at most, 1 to " + MemoryArguments.MAX_LIMIT,
                String.valueOf(MemoryArguments.DEFAULT_LIMIT))));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    String query = MemoryArguments.query(args);
    int limit = MemoryArguments.limit(args);
    Notebook notebook = MemoryArguments.notebook(context, NAME);
    List<Note> newestFirst;
    try {
      newestFirst = new ArrayList<>(notebook.notes());
    } catch (IOException e) {
      throw ToolException.retryable("cannot read the notes: " + e.getMessage(), e);
    }
    Collections.reverse(newestFirst);
    List<List<String>> documents = newestFirst.stream()
        .map(n -> NoteTokenizer.terms(n.text() + " " + String.join(" ", n.tags()))).toList();
    List<Bm25.Hit> hits = Bm25.rank(documents, NoteTokenizer.terms(query), limit);
    String found = hits.size() + " of " + newestFirst.size() + " notes in memory scope '" + notebook.scope().name()
        + "' match";
    StringBuilder out = new StringBuilder(found).append(" \"").append(query).append("\" (best first):\n");
    for (int i = 0; i < hits.size(); i++) {
      Note note = newestFirst.get(hits.get(i).document());
      out.append(i + 1).append(". score ").append(String.format(Locale.ROOT, "%.3f", hits.get(i).score()))
          .append(", saved ").append(note.savedAt())
          .append(note.tags().isEmpty() ? "" : ", tags: " + String.join(", ", note.tags())).append('\n')
          .append("   ").append(note.text().replace("\n", "\n   ")).append('\n');
    }
    try {
      ArtifactRef ref = context.artifacts().put(out.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
      return new ToolOutput(ref, found);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the search results: " + e.getMessage(), e);
    }
  }
}
