package org.aifactory.model.power;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link PowerChain} measured from its start to the time of the result.
 *
 * @param observedNanos time observed
 * @param paths per path: availability, loss events, downtime
 * @param wholeLoadAvailability fraction of the time every path was powered (a synchronous job
 *     spanning the hall dies if any of its racks loses power)
 * @param loadWeightedAvailability path availabilities weighted by the paths' IT load (the fraction
 *     of the IT energy demand that could be served)
 * @param lossOfLoadEvents times some path lost power while all were powered (site-level events)
 * @param lossOfLoadNanos total time with at least one path unpowered
 * @param lossOfLoadEventNanos the duration of each site-level event, in order (an event still on at
 *     the end counts up to the end)
 * @param utilityInterruptions times the utility went down (sustained and momentary)
 * @param generatorStarts demands on the generators whose start delay elapsed
 * @param generatorFailToStarts unit start attempts that failed
 * @param onBatteryNanos time during which at least one UPS system carried load from its battery
 * @param upsModuleFailures UPS module failures (independent and common-cause)
 * @param pduFailures PDU failures
 * @param componentFailures failures of each component that can fail besides UPS modules, generators
 *     and PDUs (transformers, switchgear, ATS, STS, battery strings), in that order; those that are
 *     ideal are left out
 * @param maintenance the planned maintenance done; empty when none is planned
 */
public record PowerChainResult(
    long observedNanos,
    List<PathResult> paths,
    double wholeLoadAvailability,
    double loadWeightedAvailability,
    int lossOfLoadEvents,
    long lossOfLoadNanos,
    List<Long> lossOfLoadEventNanos,
    int utilityInterruptions,
    int generatorStarts,
    int generatorFailToStarts,
    long onBatteryNanos,
    long upsModuleFailures,
    long pduFailures,
    List<ComponentFailures> componentFailures,
    Optional<Maintenance> maintenance) {

  public PowerChainResult {
    Objects.requireNonNull(maintenance, "maintenance");
    paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
    componentFailures = List.copyOf(Objects.requireNonNull(componentFailures, "componentFailures"));
    lossOfLoadEventNanos =
        List.copyOf(Objects.requireNonNull(lossOfLoadEventNanos, "lossOfLoadEventNanos"));
  }

  /** Whole-load unavailability: 1 − {@link #wholeLoadAvailability()}. */
  public double wholeLoadUnavailability() {
    return observedNanos == 0 ? 0 : (double) lossOfLoadNanos / observedNanos;
  }

  /**
   * One path's figures.
   *
   * @param path index
   * @param availability fraction of the observed time it was powered
   * @param lossEvents times it lost power
   * @param downNanos time it was unpowered
   */
  public record PathResult(int path, double availability, int lossEvents, long downNanos) {}

  /**
   * Failures of one component of the chain.
   *
   * @param component its name in metric keys: {@code transformer}, {@code switchgear}, {@code ats},
   *     {@code sts}, {@code battery_string}
   * @param failures its units' failures, independent and common-cause
   */
  public record ComponentFailures(String component, long failures) {}

  /**
   * The planned maintenance done.
   *
   * @param maintenanceNanos time with at least one unit out for maintenance
   * @param exposedNanos of that time, the part when some load was on static bypass or a battery,
   *     some bus on its generators, or some rack group dark
   * @param kinds each maintained kind, in the order of {@link MaintainedComponent}
   */
  public record Maintenance(long maintenanceNanos, long exposedNanos, List<MaintainedKind> kinds) {
    public Maintenance {
      kinds = List.copyOf(kinds);
    }
  }

  /**
   * One maintained kind.
   *
   * @param component its key, e.g. {@code ups}
   * @param periods units taken out so far (skipped turns not counted)
   */
  public record MaintainedKind(String component, int periods) {}
}
