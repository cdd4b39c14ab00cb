package io.nightshift.api.audit;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/** A call whose answer, and the status it ends with, its {@link CallRecording} sees before the client does. */
final class RecordedCall<ReqT, RespT> extends ForwardingServerCall.SimpleForwardingServerCall<ReqT, RespT> {
  private final CallRecording recording;

  RecordedCall(ServerCall<ReqT, RespT> call, CallRecording recording) {
    super(call);
    this.recording = recording;
  }

  @Override
  public void sendMessage(RespT message) {
    recording.answered(message);
    super.sendMessage(message);
  }

  @Override
  public void close(Status status, Metadata trailers) {
    recording.closing(status);
    super.close(status, trailers);
  }
}
