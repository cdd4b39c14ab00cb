package io.nightshift.workflows.task;

import io.temporal.failure.ApplicationFailure;

/** The innermost useful message of a Temporal failure chain, for users (not a stack trace). */
final class FailureMessages {
  private FailureMessages() {}

  static String of(Throwable failure) {
    Throwable t = failure;
    String message = failure.getMessage();
    while (t != null) {
      if (t instanceof ApplicationFailure af) {
        message = af.getOriginalMessage();
      } else if (t.getCause() == null && t.getMessage() != null) {
        message = t.getMessage();
      }
      t = t.getCause();
    }
    return message;
  }
}
