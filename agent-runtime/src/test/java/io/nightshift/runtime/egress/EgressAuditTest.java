package io.nightshift.runtime.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.runtime.audit.AuditLogVerifier;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.audit.AuditVerification;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressAuditTest {
  private static final String SECRET_QUERY = "smiles=CCO-secret-molecule";

  @TempDir Path dir;

  @ActivityInterface
  public interface Connecting {
    void connect(String url);
  }

  @Test
  void shouldRecordARefusedConnectionWithItsClientAndDestinationButNotWhatItWouldHaveSent() throws Exception {
    Path log = dir.resolve("audit.log");
    try (AuditLogWriter audit = AuditLogWriter.open(log, Clock.systemUTC())) {
      EgressPolicy policy = EgressPolicy.loopbackOnly().reportingTo(new EgressAudit(audit, "pid 7@worker-1"));

      assertThatThrownBy(() -> policy.beforeConnect("tool chem.dock (DiffDock NIM)",
          URI.create("http://203.0.113.5:8000/molecular-docking/diffdock/generate?" + SECRET_QUERY)))
          .isInstanceOf(EgressRefusedException.class);
    }

    List<String> lines = Files.readAllLines(log);
    assertThat(lines).singleElement().asString()
        .contains("\"actor\":{\"principal\":\"tool chem.dock (DiffDock NIM)\",\"peer\":\"pid 7@worker-1\"}")
        .contains("\"action\":\"egress\"", "\"destination\":\"http://203.0.113.5:8000\"", "\"path_digest\":")
        .contains("\"result\":\"refused\"", "\"code\":\"EGRESS_REFUSED\"", "address 203.0.113.5 is in no allowed network")
        .doesNotContain(SECRET_QUERY, "diffdock/generate");
    assertThat(AuditLogVerifier.verify(log).problem()).isEmpty();
  }

  @Test
  void shouldNameTheWorkflowAndActivityWhoseConnectionWasRefused() throws Exception {
    Path log = dir.resolve("audit.log");
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try (AuditLogWriter audit = AuditLogWriter.open(log, Clock.systemUTC())) {
      EgressPolicy policy = EgressPolicy.loopbackOnly().reportingTo(new EgressAudit(audit, "pid 7"));
      env.registerActivitiesImplementations((Connecting) url -> policy.beforeConnect("model endpoint 'far'",
          URI.create(url)));
      Connecting stub = env.newActivityStub(Connecting.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());

      assertThatThrownBy(() -> stub.connect("http://198.51.100.7:8080/v1/chat/completions"))
          .isInstanceOf(ActivityFailure.class);
      stub.connect("http://127.0.0.1:8080/v1/chat/completions"); // allowed: nothing recorded
    } finally {
      env.close();
    }

    AuditVerification verified = AuditLogVerifier.verify(log);
    assertThat(verified.problem()).isEmpty();
    assertThat(verified.records()).isEqualTo(1);
    assertThat(Files.readString(log)).contains("\"target\":{\"task\":\"", "\"activity\":\"Connect\"",
        "\"principal\":\"model endpoint 'far'\"", "\"destination\":\"http://198.51.100.7:8080\"");
  }
}
