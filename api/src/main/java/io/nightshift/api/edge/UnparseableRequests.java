package io.nightshift.api.edge;

import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves a service so that a request whose bytes do not parse as its method's message is answered
 * INVALID_ARGUMENT ("request does not parse as nightshift.v1.SubmitTaskRequest: ..."), not UNKNOWN.
 *
 * <p>Why not a marshaller that throws INVALID_ARGUMENT: grpc-java parses a request inside
 * {@code ServerCallImpl.ServerStreamListenerImpl.messagesAvailableInternal}, and {@code ServerImpl}'s
 * {@code JumpToApplicationThreadServerStreamListener.internalClose} answers any throwable from there UNKNOWN
 * "Application error processing RPC", whatever its type or status (grpc-java 1.76.0). By hand, 1,027 of 1,500
 * fuzzed calls got that answer. So the marshaller here never throws: it hands a {@link ParsedRequest} to
 * {@link ParsedRequestListener}, which answers the call itself when parsing failed.
 *
 * <p>Each method keeps its name, type, response marshaller and schema descriptor, so clients, server reflection
 * and the health service see the same API.
 */
public final class UnparseableRequests {
  private UnparseableRequests() {}

  /** {@code service} with every method reading its requests as {@link ParsedRequest}s. */
  public static ServerServiceDefinition answeredInvalid(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> parsing = parsing(method);
      descriptor.addMethod(parsing.getMethodDescriptor());
      methods.add(parsing);
    }
    // the builder checks that each bound method is the same instance its descriptor lists
    ServerServiceDefinition.Builder wrapped = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(wrapped::addMethod);
    return wrapped.build();
  }

  /**
   * The request a service would be handed for {@code received}, a message as a server interceptor sees it: outside
   * these services it is a {@link ParsedRequest}, which this unwraps; empty when its bytes did not parse.
   */
  public static Optional<Object> requestMessage(Object received) {
    if (received instanceof ParsedRequest<?> parsed) {
      return Optional.ofNullable(parsed.message());
    }
    return Optional.ofNullable(received);
  }

  private static <ReqT, RespT> ServerMethodDefinition<ParsedRequest<ReqT>, RespT> parsing(
      ServerMethodDefinition<ReqT, RespT> definition) {
    MethodDescriptor<ReqT, RespT> method = definition.getMethodDescriptor();
    MethodDescriptor<ParsedRequest<ReqT>, RespT> parsingMethod = method
        .toBuilder(ParsedRequest.marshaller(method), method.getResponseMarshaller()).build();
    ServerCallHandler<ReqT, RespT> service = definition.getServerCallHandler();
    ServerCallHandler<ParsedRequest<ReqT>, RespT> handler = (call, headers) -> new ParsedRequestListener<>(call,
        method, service.startCall(new OriginalRequestCall<>(call, method), headers));
    return ServerMethodDefinition.create(parsingMethod, handler);
  }
}
