package io.nightshift.runtime.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a note's artifact holds: what the agent wrote and its tags. When and by whom stay in the index, so the same
 * note saved twice is one artifact.
 */
record NoteContent(@JsonProperty("text") String text, @JsonProperty("tags") List<String> tags) {
  /** The media type of a note's artifact; JSON, so the agent is shown it when it saves one. */
  static final String MEDIA_TYPE = "application/vnd.nightshift.note+json";
}
