package io.nightshift.client;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** What a client adds to its channel to call the API with a token: the {@code authorization: Bearer} header. */
public final class BearerToken {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
      Metadata.ASCII_STRING_MARSHALLER);

  private BearerToken() {}

  /** Sends {@code token} with every call on the channel it is added to. */
  public static ClientInterceptor sending(String token) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token.strip());
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }
}
