package io.nightshift.runtime.egress;

import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.core.egress.OutboundEndpoint;
import io.nightshift.runtime.config.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a process whose configuration names a host outside its egress allow-list, listing every such
 * setting at once with how to allow it: better than a first task failing hours later, or data leaving the site.
 */
public final class EgressAtStart {
  private static final Logger log = LoggerFactory.getLogger(EgressAtStart.class);

  private EgressAtStart() {}

  /**
   * @param agentsHere whether this process runs agents and tools (the worker role)
   * @throws EgressConfigException naming each refused setting, its URL and the flag that would allow it
   */
  public static void check(RuntimeConfig config, boolean agentsHere) {
    check(config.egress(), ConfiguredEndpoints.of(config, agentsHere));
  }

  static void check(EgressPolicy policy, List<OutboundEndpoint> endpoints) {
    List<EgressRefusedException> refused = new ArrayList<>();
    for (OutboundEndpoint endpoint : endpoints) {
      try {
        policy.check(endpoint);
      } catch (EgressRefusedException e) {
        refused.add(e);
      }
    }
    if (!refused.isEmpty()) {
      throw new EgressConfigException(refused, policy);
    }
    log.info("egress allowed to {}; the {} configured outbound endpoint(s) are inside it", policy.describe(),
        endpoints.size());
  }
}
