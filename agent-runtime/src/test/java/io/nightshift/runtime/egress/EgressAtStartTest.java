package io.nightshift.runtime.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.RolePart;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TraceExport;
import io.nightshift.runtime.lifecycle.Closer;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured host outside the egress allow-list fails the start, naming the setting, the URL and the remedy. */
class EgressAtStartTest {
  /** TEST-NET-3 (RFC 5737): never routed; nothing here connects to it anyway. */
  private static final String OUTSIDE = "http://203.0.113.5:8000/v1";

  @TempDir Path dir;

  private Path modelsFile(String baseUrl) throws IOException {
    return Files.writeString(dir.resolve("models.yaml"), """
        endpoints:
          - id: remote-llama
            base_url: %s
            model: llama
        """.formatted(baseUrl));
  }

  private RuntimeConfig.Builder config(String baseUrl) throws IOException {
    return RuntimeConfig.builder(dir.resolve("data")).modelsFile(modelsFile(baseUrl));
  }

  @Test
  void shouldRefuseToStartWithAModelEndpointOutsideTheAllowList() throws IOException {
    RuntimeConfig config = config(OUTSIDE).build();
    Path models = config.modelsFile();

    assertThatThrownBy(() -> NightshiftRuntime.start(config, EnumSet.of(Role.WORKER), List.of(new Noop())))
        .isInstanceOf(EgressConfigException.class)
        .hasMessageStartingWith("1 configured endpoint(s) outside the egress allow-list [127.0.0.0/8, ::1/128,"
            + " localhost]:\n  models file " + models + ", endpoints[remote-llama].base_url = " + OUTSIDE
            + ": address 203.0.113.5 is in no allowed network\n")
        .hasMessageEndingWith("to allow them, add their hosts or networks (CIDR) to --egress-allow or"
            + " NIGHTSHIFT_EGRESS_ALLOW, e.g. --egress-allow 203.0.113.5; or point the settings at hosts inside it");
  }

  @Test
  void shouldRefuseAnOtlpCollectorOutsideTheAllowListOnEveryRole() {
    RuntimeConfig config = RuntimeConfig.builder(dir.resolve("data"))
        .traceExport(TraceExport.of("http://203.0.113.9:4318")).build();

    // the API alone sends spans too: the collector is checked where no agent runs
    assertThatThrownBy(() -> EgressAtStart.check(config, false))
        .isInstanceOf(EgressConfigException.class)
        .hasMessageContaining("\n  --otlp-endpoint = http://203.0.113.9:4318: address 203.0.113.9 is in no allowed"
            + " network\n");
    assertThatCode(() -> EgressAtStart.check(RuntimeConfig.builder(dir.resolve("data"))
        .traceExport(TraceExport.of("http://203.0.113.9:4318")).egressAllow("203.0.113.9").build(), false))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldAcceptTheSameEndpointOnceItsNetworkIsAllowed() throws IOException {
    RuntimeConfig config = config(OUTSIDE).egressAllow("10.0.0.0/8, 203.0.113.0/24").build();

    assertThatCode(() -> EgressAtStart.check(config, true)).doesNotThrowAnyException();
  }

  @Test
  void shouldAcceptLoopbackEndpointsByDefault() throws IOException {
    for (String url : List.of("http://127.0.0.1:8080/v1", "http://localhost:8080/v1", "http://[::1]:8080/v1")) {
      RuntimeConfig config = config(url).build();
      assertThatCode(() -> EgressAtStart.check(config, true)).as(url).doesNotThrowAnyException();
    }
  }

  @Test
  void shouldCheckModelEndpointsOnlyWhereAgentsRun() throws IOException {
    RuntimeConfig config = config(OUTSIDE).build();

    // an API-only process never calls a model, so its models file's hosts are the workers' concern
    assertThatCode(() -> EgressAtStart.check(config, false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> EgressAtStart.check(config, true)).isInstanceOf(EgressConfigException.class);
  }

  @Test
  void shouldListEveryRefusedSettingOfTheBackendsFileAndTheTemporalAddressAtOnce() throws IOException {
    Path backends = Files.writeString(dir.resolve("backends.yaml"), """
        pools:
          - id: gpu
            type: simulated
            properties: {host: 198.51.100.7, dcgm-exporter-url: "http://dcgm.example.net:9400/metrics"}
            endpoints:
              - {model: llama, url: "http://127.0.0.1:8000"}
              - {model: mistral, url: "http://[2001:db8::9]:8000"}
        """);
    // names resolve nowhere here, so no test asks DNS
    RuntimeConfig config = RuntimeConfig.builder(dir.resolve("data")).backendsFile(backends)
        .temporalAddress("temporal.example.net:7233").egress(EgressPolicy.allowing("", host -> {
          throw new UnknownHostException(host);
        })).build();

    String where = "backends file " + backends + ", pools[gpu]";
    assertThatThrownBy(() -> EgressAtStart.check(config, true))
        .hasMessageStartingWith("4 configured endpoint(s)")
        .hasMessageContaining("\n  --temporal-address = temporal.example.net:7233: host 'temporal.example.net' does"
            + " not resolve")
        .hasMessageContaining("\n  " + where + ".endpoints[1].url = http://[2001:db8::9]:8000: address 2001:db8::9")
        .hasMessageContaining("\n  " + where + ".properties.host = 198.51.100.7: address 198.51.100.7")
        .hasMessageContaining("\n  " + where + ".properties.dcgm-exporter-url = http://dcgm.example.net:9400/metrics")
        .hasMessageNotContaining("endpoints[0]");
  }

  @Test
  void shouldRefuseABadAllowListEntryNamingTheFlagAndTheEntry() {
    assertThatThrownBy(() -> RuntimeConfig.builder(dir).egressAllow("10.0.0.0/8,10.1.0.0/99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--egress-allow (NIGHTSHIFT_EGRESS_ALLOW): egress allow-list entry '10.1.0.0/99':");
  }

  private record Noop() implements RolePart {
    @Override
    public Role role() {
      return Role.WORKER;
    }

    @Override
    public void start(RoleContext context, Closer closer) {}
  }
}
