package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --tenant-namespace} as {@code nightshift dev}, {@code api} and {@code worker} parse it. */
class ServerOptionsTenantNamespaceTest {
  @Test
  void shouldMapNoTenantByDefault() {
    assertThat(parse().tenantNamespaces().byTenant()).isEmpty();
  }

  @Test
  void shouldTakeTheFlagRepeatedAndRefuseAMalformedOneNamingIt() {
    RuntimeConfig config = parse("--tenant-namespace", "lab=lab-tasks", "--tenant-namespace", "fraud=secure");

    assertThat(config.tenantNamespaces().of("lab")).hasValue("lab-tasks");
    assertThat(config.tenantNamespaces().of("fraud")).hasValue("secure");
    assertThatThrownBy(() -> parse("--tenant-namespace", "lab:lab-tasks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tenant-namespace must be TENANT=NAMESPACE").hasMessageContaining("'lab:lab-tasks'");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Api api = new ServeCommand.Api();
    new CommandLine(api).parseArgs(args);
    return api.options.toConfig();
  }
}
