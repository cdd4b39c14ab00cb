package io.nightshift.api.backends;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.AcceleratorKind;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.CircuitState;
import io.nightshift.api.v1.Device;
import io.nightshift.api.v1.DeviceTelemetry;
import io.nightshift.api.v1.EndpointGuards;
import io.nightshift.api.v1.EndpointLoad;
import io.nightshift.api.v1.Health;
import io.nightshift.api.v1.HealthState;
import io.nightshift.api.v1.Lease;
import io.nightshift.api.v1.ModelEndpoint;
import io.nightshift.api.v1.PriceRate;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Telemetry;
import io.nightshift.models.resilience.ResilienceSnapshot;
import io.nightshift.runtime.backends.PoolObservation;
import io.nightshift.workflows.backends.BackendQueues;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns an observed pool into its {@code nightshift.v1.Backend} message. */
final class BackendViews {
  private BackendViews() {}

  static Backend backend(PoolObservation o) {
    BackendSnapshot s = o.snapshot();
    Map<String, Telemetry> telemetry = s.telemetry().stream()
        .collect(Collectors.toMap(Telemetry::deviceId, Function.identity(), (a, b) -> b));
    Backend.Builder b = Backend.newBuilder()
        .setId(o.id())
        .setType(o.config().type())
        .setKind(kind(s.kind()))
        .setHealth(health(s.health()))
        .setPrice(PriceRate.newBuilder().setPerUnitHour(s.price().perUnitHour()).setCurrency(s.price().currency())
            .setWattsPerUnit(s.price().wattsPerUnit()))
        .setSimulated(s.simulated())
        .setTotalUnits(s.totalUnits())
        .setFreeUnits(s.freeUnits())
        .setTaskQueue(BackendQueues.forPool(o.id()))
        .setSpeed(o.config().speed())
        .addAllModels(o.config().models())
        .setObservedAt(timestamp(s.at()));
    o.circuitOpenReason().ifPresent(reason -> b.setCircuitOpen(true).setCircuitDetail(reason));
    for (io.nightshift.core.accelerator.Device d : s.devices()) {
      Device.Builder device = Device.newBuilder().setId(d.id()).setIndex(d.index()).setName(d.name())
          .setMemoryBytes(d.memoryBytes()).setGroup(d.group()).setSimulated(d.simulated())
          .setLeased(s.leasedDeviceIds().contains(d.id()));
      Telemetry t = telemetry.get(d.id());
      if (t != null) {
        device.setTelemetry(telemetry(t));
      }
      b.addDevices(device);
    }
    for (io.nightshift.core.accelerator.Lease l : o.leases()) {
      b.addLeases(Lease.newBuilder().setId(l.id()).setOwner(l.owner())
          .addAllDeviceIds(l.devices().stream().map(io.nightshift.core.accelerator.Device::id).toList())
          .putAllEnvironment(l.environment()).setGrantedAt(timestamp(l.grantedAt())));
    }
    for (PoolObservation.Endpoint e : o.endpoints()) {
      ModelEndpoint.Builder m = ModelEndpoint.newBuilder().setId(e.handle().id()).setModel(e.handle().model())
          .setBaseUrl(e.handle().baseUrl().toString()).setLeaseId(e.handle().leaseId())
          .setAttached(e.handle().attached()).setHealth(health(e.health()));
      // unknown() is what a backend returns when the metrics could not be read: show no load rather than zeros.
      if (!e.load().equals(io.nightshift.core.accelerator.EndpointLoad.unknown())) {
        EndpointLoad.Builder load = EndpointLoad.newBuilder().setRequestsRunning(e.load().running())
            .setRequestsWaiting(e.load().waiting());
        if (e.load().kvCacheUsage() >= 0) {
          load.setKvCacheUsage(e.load().kvCacheUsage());
        }
        m.setLoad(load);
      }
      e.guards().forEach(g -> m.addGuards(guards(g)));
      b.addEndpoints(m);
    }
    return b.build();
  }

  static AcceleratorKind kind(io.nightshift.core.accelerator.AcceleratorKind k) {
    return switch (k) {
      case NVIDIA_GPU -> AcceleratorKind.ACCELERATOR_KIND_NVIDIA_GPU;
      case NEURON_CORE -> AcceleratorKind.ACCELERATOR_KIND_NEURON_CORE;
      case CPU -> AcceleratorKind.ACCELERATOR_KIND_CPU;
    };
  }

  static Health health(HealthStatus h) {
    HealthState state = switch (h.state()) {
      case UP -> HealthState.HEALTH_STATE_UP;
      case DEGRADED -> HealthState.HEALTH_STATE_DEGRADED;
      case DOWN -> HealthState.HEALTH_STATE_DOWN;
    };
    return Health.newBuilder().setState(state).setDetail(h.detail()).setCheckedAt(timestamp(h.at())).build();
  }

  static EndpointGuards guards(ResilienceSnapshot g) {
    return EndpointGuards.newBuilder()
        .setModelEndpointId(g.endpointId())
        .setCircuitState(circuit(g.circuitState()))
        .setFailureRatePercent(g.failureRatePercent())
        .setBufferedCalls(g.bufferedCalls())
        .setFailedCalls(g.failedCalls())
        .setNotPermittedCalls(g.notPermittedCalls())
        .setAvailableConcurrentCalls(g.availableSlots())
        .setMaxConcurrentCalls(g.maxSlots())
        .setAvailableRatePermits(g.availableRatePermits())
        .setWaitingForRatePermit(g.waitingForRatePermit())
        .build();
  }

  static CircuitState circuit(String resilience4jState) {
    return switch (resilience4jState) {
      case "CLOSED" -> CircuitState.CIRCUIT_STATE_CLOSED;
      case "OPEN" -> CircuitState.CIRCUIT_STATE_OPEN;
      case "HALF_OPEN" -> CircuitState.CIRCUIT_STATE_HALF_OPEN;
      default -> CircuitState.CIRCUIT_STATE_OTHER;
    };
  }

  private static DeviceTelemetry telemetry(Telemetry t) {
    DeviceTelemetry.Builder b = DeviceTelemetry.newBuilder().setAt(timestamp(t.at()));
    t.utilizationPercent().ifPresent(b::setUtilizationPercent);
    t.memoryUsedBytes().ifPresent(b::setMemoryUsedBytes);
    t.powerWatts().ifPresent(b::setPowerWatts);
    t.temperatureCelsius().ifPresent(b::setTemperatureCelsius);
    return b.build();
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
