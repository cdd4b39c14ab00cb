package io.nightshift.api.edge;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * The call as the service's own handler expects it: typed with its request message and described by its original
 * method, while the server reads requests as {@link ParsedRequest}s. Everything else is the server's call, but
 * for the status it closes with, which is kept within what a client accepts ({@link BoundedStatus}).
 */
final class OriginalRequestCall<ReqT, RespT> extends ServerCall<ReqT, RespT> {
  private final ServerCall<ParsedRequest<ReqT>, RespT> call;
  private final MethodDescriptor<ReqT, RespT> method;

  OriginalRequestCall(ServerCall<ParsedRequest<ReqT>, RespT> call, MethodDescriptor<ReqT, RespT> method) {
    this.call = call;
    this.method = method;
  }

  @Override
  public void request(int numMessages) {
    call.request(numMessages);
  }

  @Override
  public void sendHeaders(Metadata headers) {
    call.sendHeaders(headers);
  }

  @Override
  public void sendMessage(RespT message) {
    call.sendMessage(message);
  }

  @Override
  public boolean isReady() {
    return call.isReady();
  }

  @Override
  public void close(Status status, Metadata trailers) {
    call.close(BoundedStatus.description(status), BoundedStatus.trailers(trailers));
  }

  @Override
  public boolean isCancelled() {
    return call.isCancelled();
  }

  @Override
  public void setMessageCompression(boolean enabled) {
    call.setMessageCompression(enabled);
  }

  @Override
  public void setCompression(String compressor) {
    call.setCompression(compressor);
  }

  @Override
  public void setOnReadyThreshold(int numBytes) {
    call.setOnReadyThreshold(numBytes);
  }

  @Override
  public SecurityLevel getSecurityLevel() {
    return call.getSecurityLevel();
  }

  @Override
  public Attributes getAttributes() {
    return call.getAttributes();
  }

  @Override
  public String getAuthority() {
    return call.getAuthority();
  }

  @Override
  public MethodDescriptor<ReqT, RespT> getMethodDescriptor() {
    return method;
  }
}
