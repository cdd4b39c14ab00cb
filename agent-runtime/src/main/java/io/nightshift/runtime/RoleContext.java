package io.nightshift.runtime;

import io.nightshift.core.crypto.KeyProvider;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.backends.AcceleratorPools;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.ops.Operations;
import io.nightshift.runtime.planning.Planning;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.runtime.temporal.TenantNamespaceClients;
import io.nightshift.workflows.activities.ToolFiles;

/**
 * The parts a process's roles share, open before any role starts.
 *
 * @param files       where tools keep their files: the artifact store, scratch and the inputs directory
 * @param audit       the data directory's audit log, which the API records calls in and workers refused connections
 * @param payloadKeys the keys payloads to Temporal are sealed with, read once at start (the codec server opens
 *                    payloads with them for Temporal's Web UI and CLI)
 * @param ops         the process's metrics registry, readiness and ops endpoints, which roles report through
 * @param tenantNamespaces clients of the namespaces tenants are mapped to ({@code --tenant-namespace}), opened once
 *                    (with their search attributes) for the workers and the API of this process
 */
public record RoleContext(RuntimeConfig config, AcceleratorPools pools, TemporalConnection temporal,
    Planning planning, ToolFiles files, AuditLogWriter audit, KeyProvider payloadKeys, Operations ops,
    TenantNamespaceClients tenantNamespaces) {}
