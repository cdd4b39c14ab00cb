package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Text that travels as an artifact (an agent's answer) and text written for a model to read. */
final class TextArtifacts {
  static final String MEDIA_TYPE = "text/plain";

  private TextArtifacts() {}

  /** The text of an {@code artifact:sha256:...} value; any other value is taken as the text itself. */
  static String read(ToolContext context, String param, String value) {
    if (!ArtifactRef.isUri(value.strip())) {
      return value;
    }
    try {
      return new String(context.artifacts().read(context.artifacts().resolve(value.strip())), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ToolException.permanent("cannot read '" + param + "' " + value + ": " + e.getMessage(), e);
    }
  }

  static ArtifactRef store(ToolContext context, String text) {
    try {
      return context.artifacts().put(text.getBytes(StandardCharsets.UTF_8), MEDIA_TYPE);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the text: " + e.getMessage(), e);
    }
  }
}
