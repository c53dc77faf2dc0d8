package org.aifactory.model.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RackGroups;
import org.aifactory.model.facility.FacilityModel;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.power.ChainFacility;
import org.aifactory.model.power.ConversionLosses;
import org.aifactory.model.power.PowerSystemSpec;

/**
 * How the factory lives under a site power budget below its installed load: every GPU of every
 * cluster is capped at the same fraction of its TDP, the largest at which the factory at full power
 * (every GPU at its cap, other IT, the facility's overhead and the electrical chain's losses) draws
 * no more than the budget. A cap below a GPU's lowest accepted limit is held there, so a budget
 * below what the factory draws with every GPU at its lowest limit cannot be met (a problem of the
 * scenario). The caps apply from the start of the run, with the clusters' own caps (the lower
 * applies); computed from the specs, so the same for every replication.
 *
 * @param budgetWatts the budget
 * @param capFraction the cap as a fraction of each GPU's TDP (1: the budget needs no cap)
 * @param installedWatts site load at full power without a cap
 * @param cappedWatts site load at full power under the cap
 */
public record PowerBudget(
    double budgetWatts, double capFraction, double installedWatts, double cappedWatts) {

  /** Whether the budget caps the GPUs at all. */
  public boolean caps() {
    return capFraction < 1;
  }

  /** The cap in watts of a GPU of TDP {@code tdpWatts}; infinite when nothing is capped. */
  public double capWatts(double tdpWatts) {
    return caps() ? capFraction * tdpWatts : Double.POSITIVE_INFINITY;
  }

  /**
   * The budget's caps for {@code factory}; a problem message if it cannot be met or computed. The
   * clusters' system and GPU types must be in the catalog.
   */
  public static Result of(FactorySpec factory, double budgetWatts) {
    if (factory.facility().cooling().isPresent()) {
      return new Result(
          Optional.empty(),
          Optional.of(
              "a power budget cannot be kept with a cooling plant yet: its power depends on the"
                  + " weather and the loops' state, not on the IT load alone; cap the GPUs instead"
                  + " (clusters[i].power_cap)"));
    }
    FacilityModel facility = facility(factory);
    List<SystemPower> systems = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    double lowest = 1;
    for (ClusterSpec c : factory.clusters()) {
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      systems.add(new SystemPower(system, gpu));
      counts.add(c.systemCount());
      lowest = Math.min(lowest, gpu.minimumLimitWatts() / gpu.tdpWatts());
    }
    double installed = siteWatts(facility, systems, counts, 1);
    if (installed <= budgetWatts) {
      return new Result(
          Optional.of(new PowerBudget(budgetWatts, 1, installed, installed)), Optional.empty());
    }
    double floor = siteWatts(facility, systems, counts, lowest);
    if (floor > budgetWatts) {
      return new Result(
          Optional.empty(),
          Optional.of(
              String.format(
                  java.util.Locale.ROOT,
                  "a budget of %.6g MW cannot be kept: with every GPU at its lowest power limit"
                      + " the factory still draws %.6g MW at full load (%.6g MW uncapped)",
                  budgetWatts / 1e6,
                  floor / 1e6,
                  installed / 1e6)));
    }
    // Site load rises with the cap: the largest fraction that fits, by bisection to the last bit.
    double lo = lowest;
    double hi = 1;
    for (int i = 0; i < 200 && Math.nextUp(lo) < hi; i++) {
      double mid = (lo + hi) / 2;
      if (siteWatts(facility, systems, counts, mid) <= budgetWatts) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new Result(
        Optional.of(
            new PowerBudget(budgetWatts, lo, installed, siteWatts(facility, systems, counts, lo))),
        Optional.empty());
  }

  /**
   * The budget's caps, or what is wrong.
   *
   * @param budget the caps; empty when there is a problem
   * @param problem why the budget cannot be kept
   */
  public record Result(Optional<PowerBudget> budget, Optional<String> problem) {}

  /** Site load with every GPU at {@code fraction} of its TDP (held at its lowest limit). */
  private static double siteWatts(
      FacilityModel facility, List<SystemPower> systems, List<Integer> counts, double fraction) {
    double it = 0;
    for (int i = 0; i < systems.size(); i++) {
      SystemPower p = systems.get(i);
      double gpu = p.effectiveLimitWatts(p.gpuWatts(fraction));
      it +=
          counts.get(i)
              * (p.gpusPerSystem() * gpu * p.itPerGpuWatt() + p.fixedOtherItWattsPerSystem());
    }
    return facility.facilityWatts(it, 0);
  }

  /** The facility as the run builds it: a fixed PUE, or the chain's input plus the overhead. */
  private static FacilityModel facility(FactorySpec factory) {
    if (factory.power().isEmpty()) {
      return factory.facility().model();
    }
    PowerSystemSpec power = factory.power().get();
    double[] pathIt = RackGroups.designItWatts(factory, power.paths());
    return new ChainFacility(
        factory.facility().pue(), ConversionLosses.of(power.chain(pathIt), pathIt));
  }
}
