package io.nightshift.runtime.egress;

import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.runtime.config.RuntimeConfig;
import java.util.List;
import java.util.stream.Collectors;

/** Configured endpoints outside the egress allow-list: the process does not start. */
public final class EgressConfigException extends RuntimeException {
  EgressConfigException(List<EgressRefusedException> refused, EgressPolicy policy) {
    super(message(refused, policy));
  }

  private static String message(List<EgressRefusedException> refused, EgressPolicy policy) {
    String example = refused.stream().map(EgressRefusedException::host).filter(h -> h != null && !h.isEmpty())
        .distinct().collect(Collectors.joining(","));
    return refused.size() + " configured endpoint(s) outside the egress allow-list " + policy.describe() + ":"
        + refused.stream().map(e -> "\n  " + e.refusal()).collect(Collectors.joining())
        + "\nto allow them, add their hosts or networks (CIDR) to --egress-allow or "
        + RuntimeConfig.EGRESS_ALLOW_VARIABLE + (example.isEmpty() ? "" : ", e.g. --egress-allow " + example)
        + "; or point the settings at hosts inside it";
  }
}
