package io.nightshift.runtime.temporal.tls;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A Temporal frontend as far as the runtime's first call goes ({@code GetSystemInfo}), behind real TLS that requires
 * a client certificate from the test CA, as a cluster with mutual TLS does (or, for the loopback case, plaintext). It records the {@code authorization}
 * header and the client certificate of every call, and where it is given an API key, refuses calls without it as
 * {@code UNAUTHENTICATED}, as Temporal's frontend does.
 */
final class TlsFrontend implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Server server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<String> clientSubjects = new CopyOnWriteArrayList<>();

  private TlsFrontend(Optional<TestPki> pki, Optional<String> requiredApiKey) throws IOException {
    ServerInterceptor recorder = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        authorizations.add(String.valueOf(authorization));
        clientSubjects.add(clientSubject(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)));
        if (requiredApiKey.isPresent() && !("Bearer " + requiredApiKey.get()).equals(authorization)) {
          call.close(Status.UNAUTHENTICATED.withDescription("bad API key"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
    NettyServerBuilder builder = NettyServerBuilder.forPort(0);
    if (pki.isPresent()) {
      builder.sslContext(GrpcSslContexts.forServer(pki.get().serverCertPem.toFile(), pki.get().serverKeyPem.toFile())
          .trustManager(pki.get().caPem.toFile()).clientAuth(ClientAuth.REQUIRE).build());
    }
    server = builder.addService(ServerInterceptors.intercept(new SystemInfo(), recorder)).build().start();
  }

  static TlsFrontend start(TestPki pki) throws IOException {
    return new TlsFrontend(Optional.of(pki), Optional.empty());
  }

  static TlsFrontend requiringApiKey(TestPki pki, String apiKey) throws IOException {
    return new TlsFrontend(Optional.of(pki), Optional.of(apiKey));
  }

  /** Without TLS, as an authorizing proxy on the same machine may listen; only ever reached on loopback. */
  static TlsFrontend plaintextRequiringApiKey(String apiKey) throws IOException {
    return new TlsFrontend(Optional.empty(), Optional.of(apiKey));
  }

  /** {@code host:port} of this frontend on {@code host}. */
  String address(String host) {
    return host + ":" + server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static String clientSubject(SSLSession session) {
    if (session == null) {
      return "none";
    }
    try {
      return ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
    } catch (SSLPeerUnverifiedException e) {
      return "none";
    }
  }

  private static final class SystemInfo extends WorkflowServiceGrpc.WorkflowServiceImplBase {
    @Override
    public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> response) {
      response.onNext(GetSystemInfoResponse.newBuilder().setServerVersion("tls-test").build());
      response.onCompleted();
    }
  }
}
