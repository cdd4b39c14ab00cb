package io.nightshift.bench.fleet;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.simulated.SimulatedConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one strategy achieved on the simulated fleet.
 *
 * @param makespanSeconds  time until the last subtask finished
 * @param busyCost         price x leased device-hours (what per-use billing charges)
 * @param fleetCost        price x all devices x makespan (what holding the fleet for the run costs)
 * @param energyKWh        busy draw of leased devices plus idle draw of the rest, over the makespan
 * @param subtasksPerPool  where the subtasks ran
 */
public record FleetResult(String strategy, double makespanSeconds, double busyCost, double fleetCost, double energyKWh,
    Map<String, Integer> subtasksPerPool) {
  /**
   * The figures of a run from what its leases held: busy cost at each pool's price, fleet cost of every device over
   * the makespan, energy at busy draw for held device-seconds and idle draw for the rest.
   *
   * @param busyDeviceSeconds per pool id, device-seconds held by leases (in the pools' model time)
   */
  public static FleetResult of(String strategy, double makespanSeconds, List<SimulatedBackend> pools,
      Map<String, Double> busyDeviceSeconds, Map<String, Integer> subtasksPerPool) {
    double busyCost = 0;
    double fleetCost = 0;
    double joules = 0;
    for (SimulatedBackend p : pools) {
      SimulatedConfig c = p.config();
      double busy = busyDeviceSeconds.getOrDefault(p.id(), 0.0);
      busyCost += c.pricePerUnitHour() * busy / 3600;
      fleetCost += c.pricePerUnitHour() * c.devices() * makespanSeconds / 3600;
      joules += c.wattsPerUnit() * busy + c.idleWattsPerUnit() * Math.max(0, c.devices() * makespanSeconds - busy);
    }
    return new FleetResult(strategy, makespanSeconds, busyCost, fleetCost, joules / 3.6e6,
        new TreeMap<>(subtasksPerPool));
  }
}
