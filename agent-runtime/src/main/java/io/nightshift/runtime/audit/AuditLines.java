package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The one written form of a record: compact JSON, fields in {@link AuditRecord}'s order, details sorted by key,
 * absent fields left out. The hashes cover this form, and the verifier requires each line to be exactly it, so a
 * changed byte cannot hide in a spelling JSON treats as the same (an escaped letter, a space, a duplicate key).
 */
final class AuditLines {
  /** The {@code prev} of the first record. */
  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private AuditLines() {}

  /** The record's line, without its newline. */
  static String line(AuditRecord record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit record of strings and numbers always serializes", e);
    }
  }

  /** The record's hash: over its written form with {@code hash} left out. */
  static String contentHash(AuditRecord record) {
    return sha256(line(record.withHash(null)));
  }

  /** The record with its hash set. */
  static AuditRecord sealed(AuditRecord record) {
    return record.withHash(contentHash(record));
  }

  /** What the next record's {@code prev} holds. */
  static String sha256(String line) {
    return TextDigest.sha256Hex(line.getBytes(StandardCharsets.UTF_8));
  }

  static AuditRecord parse(String line) throws JsonProcessingException {
    return JSON.readValue(line, AuditRecord.class);
  }
}
