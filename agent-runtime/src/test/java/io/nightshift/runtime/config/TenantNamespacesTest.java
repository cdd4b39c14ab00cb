package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --tenant-namespace TENANT=NAMESPACE}, read once at start. */
class TenantNamespacesTest {
  @Test
  void shouldMapEachNamedTenantAndLeaveTheOthersInTheRuntimesNamespace() {
    TenantNamespaces mapped = TenantNamespaces.parse(List.of("lab=lab-tasks", "fraud=secure", "audit=secure",
        "home=default"));

    assertThat(mapped.of("lab")).hasValue("lab-tasks");
    assertThat(mapped.of("someone")).isEmpty();
    assertThat(mapped.besides("default")).containsExactly("lab-tasks", "secure");
  }

  @Test
  void shouldRefuseAMalformedEntryOrATenantNamedTwiceNamingTheFlag() {
    for (String bad : List.of("lab", "=ns", "lab=", "Lab=ns", "lab=name space", "lab=ns'")) {
      assertThatThrownBy(() -> TenantNamespaces.parse(List.of(bad))).as(bad)
          .hasMessageContaining("--tenant-namespace").hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> TenantNamespaces.parse(List.of("lab=a", "lab=b")))
        .hasMessageContaining("names tenant 'lab' twice");
  }
}
