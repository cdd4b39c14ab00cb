package io.nightshift.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The codec-server protocol's body: a {@code temporal.api.common.v1.Payloads} message in protobuf's JSON form,
 * {@code {"payloads":[{"metadata":{"encoding":"BASE64"},"data":"BASE64"}]}}, both ways. Read with protobuf's own
 * JSON parser, as the protocol asks, so bytes are base64 exactly as the Web UI and the CLI write them. Fields a newer
 * client adds are ignored rather than refused: what matters is each payload's metadata and data.
 */
final class PayloadsJson {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  /** A body that is not a Payloads message in JSON; its message says what was wrong, for a 400. */
  static final class MalformedPayloads extends Exception {
    MalformedPayloads(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private PayloadsJson() {}

  static List<Payload> read(byte[] body) throws MalformedPayloads {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPayloads("the body is not UTF-8 text; expected JSON {\"payloads\":[...]}", e);
    }
    if (text.isBlank()) {
      throw new MalformedPayloads("the body is empty; expected JSON {\"payloads\":[{\"metadata\":{...},"
          + "\"data\":\"BASE64\"}]}", null);
    }
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      PARSER.merge(text, payloads);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      // protobuf's parser throws IllegalArgumentException and the like for some malformed input, too
      throw new MalformedPayloads("the body is not a Payloads message in protobuf JSON ({\"payloads\":[{"
          + "\"metadata\":{...},\"data\":\"BASE64\"}]}): " + e.getMessage(), e);
    }
    return payloads.getPayloadsList();
  }

  static byte[] write(List<Payload> payloads) {
    try {
      return PRINTER.print(Payloads.newBuilder().addAllPayloads(payloads)).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a Payloads message always prints as JSON", e);
    }
  }
}
