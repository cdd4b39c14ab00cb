/**
 * TLS and mutual TLS on the gRPC API ({@code --api-tls-cert}, {@code --api-tls-key}, {@code --api-tls-client-ca}):
 * the server side. The client side is {@link io.nightshift.client.ClientTls}.
 */
package io.nightshift.api.tls;
