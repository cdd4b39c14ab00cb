package io.nightshift.accelerators.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON that device tools print ({@code neuron-ls}, {@code neuron-monitor}), as Jackson's tree. */
public final class JsonText {
  /** Strict: text after the value means the tool printed something else too, and that is not the JSON we expect. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {}

  /** @throws IllegalArgumentException naming where the text stops being JSON ("invalid JSON at offset 108 ...") */
  public static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException("invalid JSON" + (at == null ? "" : " at offset " + at.getCharOffset()
          + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage(), e);
    }
  }
}
