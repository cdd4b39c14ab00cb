package io.nightshift.bench;

import java.util.Map;

/**
 * What one strategy achieved on the simulated fleet.
 *
 * @param makespanSeconds  time until the last subtask finished
 * @param busyCost         price x leased device-hours (what per-use billing charges)
 * @param fleetCost        price x all devices x makespan (what holding the fleet for the run costs)
 * @param energyKWh        busy draw of leased devices plus idle draw of the rest, over the makespan
 * @param subtasksPerPool  where the subtasks ran
 */
record FleetResult(String strategy, double makespanSeconds, double busyCost, double fleetCost, double energyKWh,
    Map<String, Integer> subtasksPerPool) {}
