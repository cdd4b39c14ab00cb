package io.nightshift.runtime.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The token store's file as JSON: one object with a version and the tokens, dates as ISO-8601 text, so an operator
 * can read (not edit) it. Unknown fields are refused: a file this version does not understand is not guessed at.
 */
final class TokenFile {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  /** The file's shape. */
  record Contents(int version, List<Entry> tokens) {}

  /** One token in the file. */
  record Entry(String id, String tenant, String role, String created, String expires, boolean revoked,
      String sha256) {}

  private TokenFile() {}

  static List<ApiToken> read(byte[] bytes) throws IOException {
    Contents contents = JSON.readValue(bytes, Contents.class);
    if (contents.version() != VERSION) {
      throw new IOException("version " + contents.version() + ", this runtime reads version " + VERSION);
    }
    try {
      return contents.tokens() == null ? List.of() : contents.tokens().stream().map(TokenFile::token).toList();
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new IOException("a token entry is incomplete or malformed: " + e.getMessage(), e);
    }
  }

  static byte[] write(List<ApiToken> tokens) throws IOException {
    return JSON.writeValueAsBytes(new Contents(VERSION, tokens.stream().map(TokenFile::entry).toList()));
  }

  private static ApiToken token(Entry e) {
    return new ApiToken(e.id(), e.tenant(), AccessRole.parse(e.role()), Instant.parse(e.created()),
        e.expires() == null ? null : Instant.parse(e.expires()), e.revoked(), e.sha256());
  }

  private static Entry entry(ApiToken t) {
    return new Entry(t.id(), t.tenant(), t.role().label(), t.created().toString(),
        t.expiry().map(Instant::toString).orElse(null), t.revoked(), t.secretHash());
  }
}
