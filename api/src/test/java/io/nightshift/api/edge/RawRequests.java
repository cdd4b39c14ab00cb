package io.nightshift.api.edge;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a method with request bytes of the caller's choosing, so that bytes which are not the method's message
 * reach the server as they are. A streaming answer counts as OK at its first message; the call is then cancelled,
 * since a watch on a running task would stream until the task ends.
 */
final class RawRequests {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final Channel channel;

  RawRequests(Channel channel) {
    this.channel = channel;
  }

  /** How the server ended a call: its status and the trailers that came with it. */
  record Answer(Status status, Metadata trailers) {}

  /** The server's answer to {@code method} called with the given request messages (usually one). */
  Status call(MethodDescriptor<?, ?> method, List<byte[]> requests) {
    return answer(method, requests).status();
  }

  Status call(MethodDescriptor<?, ?> method, byte[] request) {
    return call(method, List.of(request));
  }

  Answer answer(MethodDescriptor<?, ?> method, List<byte[]> requests) {
    MethodDescriptor<byte[], byte[]> raw = method.toBuilder(BYTES, BYTES).build();
    ClientCall<byte[], byte[]> call = channel.newCall(raw, CallOptions.DEFAULT.withDeadlineAfter(20,
        TimeUnit.SECONDS));
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(byte[] message) {
        answer.complete(new Answer(Status.OK, new Metadata()));
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        answer.complete(new Answer(status, trailers));
      }
    }, new Metadata());
    call.request(1);
    requests.forEach(call::sendMessage);
    call.halfClose();
    try {
      Answer first = answer.get(30, TimeUnit.SECONDS);
      if (!method.getType().serverSendsOneMessage()) {
        // the first streamed message is the answer. Cancelled here, after halfClose, not in onMessage: a server
        // that answered a streaming call before this thread half-closed it made halfClose throw "call was
        // cancelled" (a fresh clone's run, raw bytes to ServerReflectionInfo)
        call.cancel("the first streamed message is the answer", null);
      }
      return first;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + method.getFullMethodName(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from " + method.getFullMethodName(), e);
    }
  }
}
