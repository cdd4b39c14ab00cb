package io.nightshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's TLS files are checked when its channel is built, and a bad one is named with its flag. */
class ClientTlsTest {
  @TempDir Path dir;

  @Test
  void shouldBePlaintextWithoutFlagsAndTlsWithAny() {
    assertThat(ClientTls.none().enabled()).isFalse();
    assertThat(new ClientTls(null, null, null, "api.site.internal").enabled()).isTrue();
  }

  @Test
  void shouldNameTheFlagOfAMissingOrMalformedFile() throws Exception {
    Path missing = dir.resolve("missing.pem");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

    assertThatThrownBy(() -> new ClientTls(missing, null, null, null).channelTo("127.0.0.1:7070"))
        .hasMessageContaining(ClientTls.CA_FLAG + " " + missing + ": no such file");
    assertThatThrownBy(() -> new ClientTls(garbage, null, null, null).channelTo("127.0.0.1:7070"))
        .hasMessageContaining("cannot reach the API over TLS with " + ClientTls.CA_FLAG + " " + garbage);
    assertThatThrownBy(() -> new ClientTls(null, garbage, missing, null).channelTo("127.0.0.1:7070"))
        .hasMessageContaining(ClientTls.KEY_FLAG + " " + missing + ": no such file");
  }
}
