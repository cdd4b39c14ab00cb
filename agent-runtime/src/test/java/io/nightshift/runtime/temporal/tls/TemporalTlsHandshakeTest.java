package io.nightshift.runtime.temporal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.TemporalSecurity;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's stubs against a frontend behind real mutual TLS ({@link TlsFrontend}): they connect with the
 * cluster's CA and a client certificate, and the start fails, naming the flags, with a wrong CA, without a client
 * certificate, with a server name the certificate lacks, or with an API key the cluster refuses.
 */
class TemporalTlsHandshakeTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(dir);
  }

  @Test
  void shouldConnectWithTheClusterCaAndAClientCertificate() throws Exception {
    try (TlsFrontend frontend = TlsFrontend.start(pki)) {
      String address = frontend.address("localhost");
      WorkflowServiceStubs stubs = TemporalStubs.open(address, credentials(address, pki.caPem, true, null, null));
      try {
        assertThat(stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion())
            .isEqualTo("tls-test");
      } finally {
        stubs.shutdownNow();
      }
      assertThat(frontend.clientSubjects).isNotEmpty().allMatch("CN=client"::equals);
    }
  }

  @Test
  void shouldRefuseTheStartWhenTheClusterCertificateIsNotFromTheGivenCa() throws Exception {
    try (TlsFrontend frontend = TlsFrontend.start(pki)) {
      String address = frontend.address("localhost");
      assertThatThrownBy(() -> TemporalStubs.open(address, credentials(address, pki.otherCaPem, true, null, null)))
          .isInstanceOf(IOException.class).hasMessageContaining("refused the link")
          .hasMessageContaining(TemporalSecurity.CA_FLAG + " " + pki.otherCaPem);
      assertThat(frontend.authorizations).as("no call got through").isEmpty();
    }
  }

  @Test
  void shouldRefuseTheStartWithoutAClientCertificateWhereTheClusterRequiresOne() throws Exception {
    try (TlsFrontend frontend = TlsFrontend.start(pki)) {
      String address = frontend.address("localhost");
      assertThatThrownBy(() -> TemporalStubs.open(address, credentials(address, pki.caPem, false, null, null)))
          .isInstanceOf(IOException.class).hasMessageContaining("refused the link")
          .hasMessageContaining("client certificate none");
      assertThat(frontend.authorizations).as("no call got through").isEmpty();
    }
  }

  @Test
  void shouldCheckTheClusterCertificateAgainstTheServerNameGiven() throws Exception {
    try (TlsFrontend frontend = TlsFrontend.start(pki)) {
      // the certificate names localhost and temporal.test.internal, not 127.0.0.1
      String byIp = frontend.address("127.0.0.1");
      assertThatThrownBy(() -> TemporalStubs.open(byIp, credentials(byIp, pki.caPem, true, null, null)))
          .isInstanceOf(IOException.class).hasMessageContaining("refused the link");

      WorkflowServiceStubs stubs = TemporalStubs.open(byIp,
          credentials(byIp, pki.caPem, true, TestPki.SERVER_NAME, null));
      stubs.shutdownNow();
      assertThat(frontend.clientSubjects).containsExactly("CN=client");
    }
  }

  @Test
  void shouldSendTheApiKeyAsABearerToken() throws Exception {
    Path keyFile = TestPki.secretFile(dir.resolve("api-key-right"), "k3y-for-the-cluster\n");
    try (TlsFrontend frontend = TlsFrontend.requiringApiKey(pki, "k3y-for-the-cluster")) {
      String address = frontend.address("localhost");
      TemporalStubs.open(address, credentials(address, pki.caPem, true, null, keyFile)).shutdownNow();
      assertThat(frontend.authorizations).containsExactly("Bearer k3y-for-the-cluster");
    }
  }

  @Test
  void shouldRefuseTheStartWhenTheClusterRejectsTheApiKey() throws Exception {
    Path keyFile = TestPki.secretFile(dir.resolve("api-key-wrong"), "an-old-key");
    try (TlsFrontend frontend = TlsFrontend.requiringApiKey(pki, "k3y-for-the-cluster")) {
      String address = frontend.address("localhost");
      assertThatThrownBy(() -> TemporalStubs.open(address, credentials(address, pki.caPem, true, null, keyFile)))
          .isInstanceOf(IOException.class).hasMessageContaining("UNAUTHENTICATED")
          .hasMessageContaining(TemporalSecurity.API_KEY_FLAG + " " + keyFile)
          .hasMessageNotContaining("an-old-key");
    }
  }

  @Test
  void shouldSendTheApiKeyInPlaintextToALoopbackAddressWithoutTlsFlags() throws Exception {
    Path keyFile = TestPki.secretFile(dir.resolve("api-key-local"), "local-proxy-key");
    try (TlsFrontend frontend = TlsFrontend.plaintextRequiringApiKey("local-proxy-key")) {
      String address = frontend.address("127.0.0.1");
      // the SDK alone would turn TLS on for an API key, and a TLS hello to a plaintext port fails
      TemporalStubs.open(address, credentials(address, null, false, null, keyFile)).shutdownNow();
      assertThat(frontend.authorizations).containsExactly("Bearer local-proxy-key");
    }
  }

  private static TemporalCredentials credentials(String address, Path ca, boolean clientCert, String serverName,
      Path apiKey) {
    return TemporalCredentials.load(address, new TemporalSecurity(ca, clientCert ? pki.clientCertPem : null,
        clientCert ? pki.clientKeyPem : null, serverName, apiKey));
  }
}
