package io.nightshift.api.edge;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * Hands the service's listener each request that parsed, and answers the call INVALID_ARGUMENT for one that did
 * not, or for a unary or server-streaming call without exactly one request (grpc's own handlers answer those
 * INTERNAL, "Half-closed without a request" and "Too many requests", though the client is at fault). Once it has
 * answered, the service's listener hears nothing more but the call's end.
 *
 * <p>grpc delivers a call's listener events one at a time, so the fields need no synchronisation.
 */
final class ParsedRequestListener<ReqT> extends ServerCall.Listener<ParsedRequest<ReqT>> {
  private final ServerCall<?, ?> call;
  private final MethodDescriptor<?, ?> method;
  private final ServerCall.Listener<ReqT> service;
  private int received;
  private boolean answered;

  ParsedRequestListener(ServerCall<?, ?> call, MethodDescriptor<?, ?> method, ServerCall.Listener<ReqT> service) {
    this.call = call;
    this.method = method;
    this.service = service;
  }

  @Override
  public void onMessage(ParsedRequest<ReqT> request) {
    if (answered) {
      return;
    }
    received++;
    if (!request.parsed()) {
      answerInvalid(request.problem());
    } else if (received > 1 && method.getType().clientSendsOneMessage()) {
      answerInvalid(method.getFullMethodName() + " takes exactly one request message, got more than one");
    } else {
      service.onMessage(request.message());
    }
  }

  @Override
  public void onHalfClose() {
    if (answered) {
      return;
    }
    if (received == 0 && method.getType().clientSendsOneMessage()) {
      answerInvalid(method.getFullMethodName() + " takes exactly one request message, got none");
    } else {
      service.onHalfClose();
    }
  }

  @Override
  public void onReady() {
    if (!answered) {
      service.onReady();
    }
  }

  @Override
  public void onCancel() {
    service.onCancel();
  }

  @Override
  public void onComplete() {
    service.onComplete();
  }

  private void answerInvalid(String description) {
    answered = true;
    try {
      call.close(Status.INVALID_ARGUMENT.withDescription(description), new Metadata());
    } catch (IllegalStateException alreadyClosed) {
      // a streaming service closed the call itself before this message came: its answer stands
    }
  }
}
