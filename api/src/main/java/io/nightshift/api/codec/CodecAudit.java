package io.nightshift.api.codec;

import io.nightshift.api.edge.BoundedText;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditActor;
import io.nightshift.runtime.audit.AuditEntry;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.audit.AuditOutcome;
import io.nightshift.runtime.audit.AuditTarget;
import io.nightshift.runtime.auth.Principal;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codec server's records in the API's audit log: who asked to decode or encode, for which namespace, how many
 * payloads, and how it ended, refusals included. Never a payload's content, not even a digest of it: the log is kept
 * longer and read by more people than the history it describes.
 */
final class CodecAudit {
  private final AuditLogWriter audit;

  CodecAudit(AuditLogWriter audit) {
    this.audit = audit;
  }

  /** Why nothing more can be recorded; empty while records are taken. */
  Optional<String> stopped() {
    return audit.failure();
  }

  /** A served call, recorded before its answer is sent: a caller shown payloads is in the log. */
  void served(AuditAction action, Principal who, String peer, String namespace, int payloads) throws IOException {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("namespace", BoundedText.quoted(namespace));
    details.put("payloads", String.valueOf(payloads));
    audit.append(new AuditEntry(actor(Optional.of(who), peer), action, AuditTarget.UNKNOWN, AuditOutcome.ok(),
        details));
  }

  /** A refused call: {@code code} as the gRPC API would name it, {@code reason} clipped. */
  void refused(AuditAction action, Optional<Principal> who, String peer, String namespace, String code,
      String reason) throws IOException {
    Map<String, String> details = new LinkedHashMap<>();
    if (namespace != null) {
      details.put("namespace", BoundedText.quoted(namespace));
    }
    audit.append(new AuditEntry(actor(who, peer), action, AuditTarget.UNKNOWN,
        new AuditOutcome(AuditOutcome.Result.REFUSED, code, BoundedText.clip(reason, 300)), details));
  }

  Object file() {
    return audit.file();
  }

  private static AuditActor actor(Optional<Principal> who, String peer) {
    return who.map(p -> new AuditActor(p.name(), peer, p.tenant(), p.role().label(), p.credential()))
        .orElseGet(() -> AuditActor.anonymous(peer));
  }
}
