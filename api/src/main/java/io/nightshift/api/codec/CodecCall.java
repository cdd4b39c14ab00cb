package io.nightshift.api.codec;

import com.sun.net.httpserver.HttpExchange;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.auth.Principal;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One encode or decode request, from its credentials to its answer: each way it ends is recorded in the audit log
 * first, then answered. A refusal is answered even when it could not be recorded (the caller learns nothing from
 * it); payloads are sent only once their call is on disk.
 */
final class CodecCall {
  private static final Logger log = LoggerFactory.getLogger(CodecCall.class);

  private final HttpExchange ex;
  private final AuditAction action;
  private final String peer;
  private final CodecAudit audit;
  private Optional<Principal> who = Optional.empty();

  CodecCall(HttpExchange ex, AuditAction action, String peer, CodecAudit audit) {
    this.ex = ex;
    this.action = action;
    this.peer = peer;
    this.audit = audit;
  }

  /** The caller's credentials were accepted: what follows is recorded under its name. */
  void allowed(Principal principal) {
    who = Optional.of(principal);
  }

  /** Refused before the credentials were accepted; {@code principal} is who it was, where the token was valid. */
  void refuse(Optional<Principal> principal, String namespace, int status, String code, String message)
      throws IOException {
    who = principal;
    refuse(namespace, status, code, message);
  }

  void refuse(String namespace, int status, String code, String message) throws IOException {
    log.warn("codec {} from {} ({}) refused {}: {}", action.name().toLowerCase(), peer,
        who.map(Principal::name).orElse("anonymous"), status, message);
    try {
      audit.refused(action, who, peer, namespace, code, message);
    } catch (IOException e) {
      log.error("audit log {}: could not record the refused codec {} from {}: {}", audit.file(), action, peer,
          e.toString());
    }
    CodecReplies.error(ex, status, code, message);
  }

  /** Records the call, then sends {@code body}; if it cannot be recorded, sends 503 and no payload. */
  void answer(String namespace, int payloads, byte[] body) throws IOException {
    Principal principal = who.orElseThrow(() -> new IllegalStateException("answered before allowed"));
    try {
      audit.served(action, principal, peer, namespace, payloads);
    } catch (IOException e) {
      log.error("audit log {}: could not record codec {} by {}; not answered: {}", audit.file(), action,
          principal.name(), e.toString());
      CodecReplies.error(ex, 503, "UNAVAILABLE", "this call could not be recorded in the audit log, so it is not"
          + " answered; the runtime's operator must see to the log");
      return;
    }
    CodecReplies.json(ex, 200, body);
  }
}
