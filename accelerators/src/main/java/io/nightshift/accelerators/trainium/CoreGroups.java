package io.nightshift.accelerators.trainium;

import io.nightshift.core.accelerator.Device;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks a contiguous run of NeuronCores, because {@code NEURON_RT_VISIBLE_CORES} takes a range and collectives
 * run fastest between neighbouring cores. Runs aligned to their size (cores 4-7 for four) come first, so small
 * leases do not fragment the chip and block later large ones.
 */
final class CoreGroups {
  private CoreGroups() {}

  static Optional<List<Device>> pick(List<Device> all, Set<String> leasedIds, int units) {
    List<Device> sorted = all.stream().sorted(Comparator.comparingInt(Device::index)).toList();
    Optional<List<Device>> aligned = scan(sorted, leasedIds, units, true);
    return aligned.isPresent() ? aligned : scan(sorted, leasedIds, units, false);
  }

  private static Optional<List<Device>> scan(List<Device> sorted, Set<String> leasedIds, int units, boolean aligned) {
    for (int start = 0; start + units <= sorted.size(); start++) {
      if (aligned && sorted.get(start).index() % units != 0) {
        continue;
      }
      List<Device> run = sorted.subList(start, start + units);
      boolean free = run.stream().noneMatch(d -> leasedIds.contains(d.id()));
      boolean contiguous = run.get(units - 1).index() - run.get(0).index() == units - 1;
      if (free && contiguous) {
        return Optional.of(List.copyOf(run));
      }
    }
    return Optional.empty();
  }

  /** {@code 4-7}, or {@code 3} for a single core: the form {@code NEURON_RT_VISIBLE_CORES} takes. */
  static String range(List<Device> run) {
    int first = run.get(0).index();
    int last = run.get(run.size() - 1).index();
    return first == last ? String.valueOf(first) : first + "-" + last;
  }

  static String ids(Set<String> ids) {
    return ids.stream().sorted().collect(Collectors.joining(","));
  }
}
