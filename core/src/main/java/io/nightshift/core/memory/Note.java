package io.nightshift.core.memory;

import io.nightshift.core.artifact.ArtifactRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One saved note.
 *
 * @param text     what the agent wrote
 * @param tags     its labels, lower-case; searched like the text
 * @param savedAt  when it was first saved (a retried save keeps the first time)
 * @param artifact where its text and tags are stored
 */
public record Note(String text, List<String> tags, Instant savedAt, ArtifactRef artifact) {
  public Note {
    Objects.requireNonNull(text, "text");
    tags = List.copyOf(tags == null ? List.of() : tags);
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(artifact, "artifact");
  }
}
