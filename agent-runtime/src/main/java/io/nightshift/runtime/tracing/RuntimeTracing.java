package io.nightshift.runtime.tracing;

import io.nightshift.runtime.config.TraceExport;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.temporal.tracing.RunSpanIds;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs OpenTelemetry for this process when an OTLP endpoint is configured, as the global instance that the
 * API's, the Temporal interceptors' and the model calls' instrumentation look up; with none it installs nothing,
 * and their spans stay no-ops. Spans leave in batches over OTLP/HTTP with protobuf, on the JDK's HTTP client;
 * closing flushes what is still queued.
 */
public final class RuntimeTracing {
  private static final Logger log = LoggerFactory.getLogger(RuntimeTracing.class);
  static final AttributeKey<String> ROLES = AttributeKey.stringKey("nightshift.roles");

  private RuntimeTracing() {}

  /**
   * Must run before anything in the process asks for a tracer: OpenTelemetry's global, once read, stays what it was.
   *
   * @param roles the process's roles in start order, as the CLI names them ({@code temporal}, {@code worker},
   *              {@code api})
   * @throws IllegalStateException when another part of this process installed a global OpenTelemetry already
   */
  public static void start(TraceExport export, List<String> roles, Closer closer) {
    if (!export.on()) {
      return;
    }
    String url = export.tracesUrl().orElseThrow().toString();
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(url).build();
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(resource(roles)))
        .setIdGenerator(new RunSpanIds())
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    try {
      GlobalOpenTelemetry.set(sdk);
    } catch (IllegalStateException e) {
      sdk.close();
      throw new IllegalStateException(TraceExport.ENDPOINT_FLAG + " is set, but this process already has a global"
          + " OpenTelemetry (an agent, or a library that read it first); run without the OpenTelemetry Java agent, or"
          + " drop " + TraceExport.ENDPOINT_FLAG + " and let the agent trace", e);
    }
    closer.push(sdk); // closing flushes the spans still queued
    log.info("tracing on: spans of {} go to {} (OTLP/HTTP, protobuf)", serviceName(roles), url);
  }

  /**
   * One service per role, so a collector tells the API's spans from a worker's; a process with several roles
   * ({@code nightshift dev}) is plain {@code nightshift}, with its roles in {@code nightshift.roles}.
   */
  static Resource resource(List<String> roles) {
    return Resource.create(Attributes.builder()
        .put(AttributeKey.stringKey("service.name"), serviceName(roles))
        .put(AttributeKey.stringKey("service.namespace"), "nightshift")
        .put(AttributeKey.stringKey("service.instance.id"), UUID.randomUUID().toString())
        .put(AttributeKey.longKey("process.pid"), ProcessHandle.current().pid())
        .put(ROLES, String.join(",", roles))
        .build());
  }

  static String serviceName(List<String> roles) {
    List<String> served = roles.size() > 1 ? roles.stream().filter(r -> !r.equals("temporal")).toList() : roles;
    return served.size() == 1 ? "nightshift-" + served.get(0) : "nightshift";
  }
}
