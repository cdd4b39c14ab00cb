package io.nightshift.runtime.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One line of the audit log. The order of the fields is fixed, so each record has exactly one written form
 * ({@link AuditLines}), which is what the hashes cover.
 *
 * @param seq  1 for the first record, one more for each after it
 * @param time when the call ended, UTC, ISO-8601
 * @param prev hex SHA-256 of the previous line's bytes; {@link AuditLines#GENESIS} for the first record
 * @param hash hex SHA-256 of this record's written form without {@code hash}, {@code prev} included; null only
 *             while the record is being sealed
 */
@JsonPropertyOrder({"seq", "time", "actor", "action", "target", "outcome", "details", "prev", "hash"})
public record AuditRecord(long seq, String time, AuditActor actor, AuditAction action, AuditTarget target,
    AuditOutcome outcome, Map<String, String> details, String prev, String hash) {

  AuditRecord withHash(String hash) {
    return new AuditRecord(seq, time, actor, action, target, outcome, details, prev, hash);
  }
}
