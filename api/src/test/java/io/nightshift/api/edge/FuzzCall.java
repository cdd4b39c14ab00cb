package io.nightshift.api.edge;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.util.HexFormat;

/**
 * One fuzzed call: the method and the request bytes sent to it.
 *
 * @param shown how a failing try is reported (the message's text, or the bytes in hex)
 */
record FuzzCall(MethodDescriptor<?, ?> method, byte[] request, String shown) {

  static FuzzCall ofBytes(MethodDescriptor<?, ?> method, byte[] request) {
    return new FuzzCall(method, request, HexFormat.of().formatHex(request));
  }

  /** Whether the server's own marshaller reads the bytes as the method's request message. */
  boolean parses() {
    try {
      method.parseRequest(new ByteArrayInputStream(request));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    String text = shown.length() > 400 ? shown.substring(0, 400) + "... (" + shown.length() + " chars)" : shown;
    return method.getFullMethodName() + " <- " + text;
  }
}
