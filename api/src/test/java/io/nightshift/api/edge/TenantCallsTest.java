package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guard on TenantIsolationIT's reach: a method added to either service must be classified before it ships. */
class TenantCallsTest {
  @Test
  void shouldClassifyEveryMethodOfTheTaskAndArtifactServices() {
    Set<String> classified = new HashSet<>(TenantCalls.BY_TASK_ID.keySet());
    classified.addAll(TenantCalls.SCOPED_OTHERWISE);

    assertThat(classified).as("every method, each in TenantCalls, so its tenant isolation is tested")
        .containsExactlyInAnyOrderElementsOf(TenantCalls.servedMethods());
    assertThat(TenantCalls.BY_TASK_ID.keySet()).doesNotContainAnyElementsOf(TenantCalls.SCOPED_OTHERWISE);
  }
}
