/**
 * What an operator watches a process by: one Micrometer registry per process ({@link ProcessMetrics}) with series
 * prefixed {@code nightshift_} ({@link MetricNames}), and /metrics, /healthz and /readyz over HTTP without
 * credentials ({@link OpsEndpoints}). No label carries task content: no task id, goal or parameter, only
 * configured names (pools, queues, model endpoints, tools) and fixed words (states, outcomes).
 */
package io.nightshift.runtime.ops;
