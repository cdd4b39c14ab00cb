package io.nightshift.runtime.egress;

import io.nightshift.core.egress.OutboundEndpoint;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.runtime.backends.BackendsFile;
import io.nightshift.runtime.backends.EndpointConfig;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TraceExport;
import io.nightshift.runtime.models.ModelsFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every host this process's configuration makes it connect to, each with the setting that names it: the external
 * Temporal cluster, the OpenTelemetry collector traces go to, the backends file's running model servers, the hosts
 * its pools start servers on and their DCGM
 * exporters, and where agents run, the models file's endpoints and what the tool plug-ins declare (the DiffDock NIM).
 * MCP servers are started over stdio and have no host; the local Temporal server and servers started on leases
 * listen on a pool's {@code host}, which is listed here.
 */
final class ConfiguredEndpoints {
  private ConfiguredEndpoints() {}

  /** @param agentsHere whether this process runs agents and tools (the worker role): only it calls their hosts */
  static List<OutboundEndpoint> of(RuntimeConfig config, boolean agentsHere) {
    List<OutboundEndpoint> out = new ArrayList<>();
    if (config.temporalAddress() != null) {
      out.add(OutboundEndpoint.ofHostPort("--temporal-address", config.temporalAddress()));
    }
    config.traceExport().otlpEndpoint()
        .ifPresent(collector -> out.add(OutboundEndpoint.of(TraceExport.ENDPOINT_FLAG, collector)));
    if (config.backendsFile() != null) {
      out.addAll(ofPools("backends file " + config.backendsFile(), BackendsFile.read(config.backendsFile())));
    }
    if (agentsHere && config.modelsFile() != null) {
      for (ModelEndpointConfig e : ModelsFile.read(config.modelsFile())) {
        out.add(OutboundEndpoint.of("models file " + config.modelsFile() + ", endpoints[" + e.id() + "].base_url",
            e.baseUrl()));
      }
    }
    if (agentsHere) {
      ServiceLoader.load(ToolProvider.class).forEach(p -> out.addAll(p.outboundEndpoints()));
    }
    return out;
  }

  static List<OutboundEndpoint> ofPools(String file, List<PoolConfig> pools) {
    List<OutboundEndpoint> out = new ArrayList<>();
    for (PoolConfig pool : pools) {
      String where = file + ", pools[" + pool.id() + "]";
      for (int i = 0; i < pool.endpoints().size(); i++) {
        EndpointConfig e = pool.endpoints().get(i);
        out.add(OutboundEndpoint.of(where + ".endpoints[" + i + "].url", e.baseUrl()));
      }
      // servers the pool starts listen on its host, and the runtime probes and calls them there
      String host = pool.properties().get("host");
      if (host != null) {
        out.add(new OutboundEndpoint(where + ".properties.host", host, host));
      }
      String dcgm = pool.properties().get("dcgm-exporter-url");
      if (dcgm != null) {
        out.add(OutboundEndpoint.of(where + ".properties.dcgm-exporter-url", URI.create(dcgm)));
      }
    }
    return out;
  }
}
