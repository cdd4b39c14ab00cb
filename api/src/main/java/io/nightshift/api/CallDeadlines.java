package io.nightshift.api;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;

/**
 * A client's deadline, honoured by the API. gRPC gives the service's thread the call's {@link Context}, with the
 * deadline the client sent, and every gRPC call made on that thread (the Temporal client's describe, query, signal
 * and update calls) carries what is left of it and is cancelled with it: so when the deadline passes, the Temporal
 * call the API waits on fails at once rather than running on. What this class adds is the answer: a call whose
 * context is done is answered DEADLINE_EXCEEDED (or CANCELLED, when the client cancelled it), never with a view
 * made of what the API could still read, and never as "Temporal is not answering".
 */
final class CallDeadlines {
  private CallDeadlines() {}

  /** @throws StatusRuntimeException DEADLINE_EXCEEDED or CANCELLED when the current call is over */
  static void requireOpen() {
    if (Context.current().isCancelled()) {
      throw ended();
    }
  }

  /** Whether the current call's deadline passed or its client cancelled it. */
  static boolean isOver() {
    return Context.current().isCancelled();
  }

  /** The status for a call that is over: what its client is told (it has stopped listening, or will at once). */
  static StatusRuntimeException ended() {
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null && deadline.isExpired()) {
      return Status.DEADLINE_EXCEEDED.withDescription("the call's deadline passed ("
          + -deadline.timeRemaining(TimeUnit.MILLISECONDS) + " ms ago) before the runtime could answer; it stopped"
          + " the call's work. Retry with a longer deadline").asRuntimeException();
    }
    return Status.CANCELLED.withDescription("the client cancelled the call; the runtime stopped its work")
        .asRuntimeException();
  }
}
