package io.nightshift.core.tool;

import io.nightshift.core.egress.OutboundEndpoint;
import java.util.List;

/**
 * The plug-in point for tools: a jar lists its implementation in
 * {@code META-INF/services/io.nightshift.core.tool.ToolProvider} and the runtime finds it with
 * {@link java.util.ServiceLoader}.
 */
public interface ToolProvider {
  List<Tool> tools();

  /**
   * The hosts these tools connect to because operator configuration names them (a service's base URL read from
   * the workers' environment, say), each with the setting that names it. The runtime checks them against its egress
   * allow-list at start, so one outside it fails the start rather than the first task; tools still check each
   * connection with {@link ToolContext#egress()}.
   */
  default List<OutboundEndpoint> outboundEndpoints() {
    return List.of();
  }
}
