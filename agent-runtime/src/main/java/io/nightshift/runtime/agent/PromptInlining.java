package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code <<inline artifact:sha256:...>>} in an agent's instructions and prompt into the artifact's text,
 * when the model is called. A step's prompt can only carry references to earlier outputs; a model that reliably
 * calls {@code artifact.read} needs nothing more, but small local models call a tool again and again instead of
 * answering. With this opt-in marker the pipeline hands such a model a small table (a step's text output)
 * directly. The transcript keeps the marker, not the text, so it stays small; the expansion is the same on every
 * call and retry, because artifacts are immutable.
 */
final class PromptInlining {
  /** Larger artifacts are cut here, with a note: an inlined table is for a model's context window. */
  static final int MAX_CHARS = 16_000;
  private static final Pattern MARKER = Pattern.compile("<<inline\\s+(artifact:sha256:[0-9a-f]{64})\\s*>>");

  private final ArtifactStore artifacts;

  PromptInlining(ArtifactStore artifacts) {
    this.artifacts = artifacts;
  }

  /** The conversation with the markers in system and user messages replaced by the artifacts' text. */
  List<TranscriptMessage> expand(List<TranscriptMessage> conversation) {
    List<TranscriptMessage> out = new ArrayList<>(conversation.size());
    for (TranscriptMessage m : conversation) {
      boolean fromPeople = m.role() == TranscriptMessage.Role.SYSTEM || m.role() == TranscriptMessage.Role.USER;
      if (fromPeople && m.text() != null && m.text().contains("<<inline")) {
        out.add(m.withText(expand(m.text())));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  String expand(String text) {
    Matcher m = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(read(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String read(String uri) {
    String content;
    try {
      ArtifactRef ref = artifacts.resolve(uri);
      content = new String(artifacts.read(ref), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the step that made it succeeded, so the store should have it: a transient fault, worth a retry
      throw ApplicationFailure.newFailureWithCause("cannot inline " + uri + " into the prompt: " + e.getMessage(),
          "ArtifactStoreError", e);
    }
    return content.length() <= MAX_CHARS ? content
        : content.substring(0, MAX_CHARS) + "\n[... cut at " + MAX_CHARS + " of " + content.length() + " characters]";
  }
}
