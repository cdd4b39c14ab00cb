package io.nightshift.runtime.audit;

import java.io.IOException;

/** The audit log cannot be written: it does not verify, another writer holds it, or a write failed. */
public final class AuditLogException extends IOException {
  public AuditLogException(String message) {
    super(message);
  }
}
