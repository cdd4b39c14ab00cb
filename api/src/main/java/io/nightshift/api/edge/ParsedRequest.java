package io.nightshift.api.edge;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.InputStream;

/**
 * A request as read off the wire: the message, or why its bytes are not one. Carrying the failure to the handler,
 * instead of throwing it from the marshaller, is what lets the call be answered INVALID_ARGUMENT (see
 * {@link UnparseableRequests}).
 *
 * @param message the parsed request; null when it did not parse
 * @param problem why it did not parse; null when it did
 */
record ParsedRequest<T>(T message, String problem) {

  boolean parsed() {
    return problem == null;
  }

  /** Reads requests with {@code method}'s own marshaller, never throwing for bytes that are not its message. */
  static <T> MethodDescriptor.Marshaller<ParsedRequest<T>> marshaller(MethodDescriptor<T, ?> method) {
    MethodDescriptor.Marshaller<T> original = method.getRequestMarshaller();
    String type = requestTypeName(method);
    return new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(ParsedRequest<T> request) {
        return original.stream(request.message());
      }

      @Override
      public ParsedRequest<T> parse(InputStream bytes) {
        try {
          return new ParsedRequest<>(original.parse(bytes), null);
        } catch (RuntimeException e) {
          return new ParsedRequest<>(null, "request does not parse as " + type + ": " + rootMessage(e));
        }
      }
    };
  }

  /** The protobuf type's full name ("nightshift.v1.SubmitTaskRequest"), which is what a client's author looks up. */
  private static String requestTypeName(MethodDescriptor<?, ?> method) {
    if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p
        && p.getMessagePrototype() instanceof Message m) {
      return m.getDescriptorForType().getFullName();
    }
    return "the request message of " + method.getFullMethodName();
  }

  /**
   * grpc's protobuf marshaller wraps the parser's exception in INTERNAL "Invalid protobuf byte sequence"; the
   * parser's own message ("the input ended unexpectedly", "invalid UTF-8") is the useful part.
   */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
