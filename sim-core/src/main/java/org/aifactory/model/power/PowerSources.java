package org.aifactory.model.power;

import java.util.Optional;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;

/**
 * The sources of the UPS systems' input buses at run time: the utility feeds, each through its MV
 * transformer and switchgear (when they can fail), the transfer switch of each bus and the
 * generator plant of each bus. With {@link SourceLayout#SHARED} there is one bus; with {@link
 * SourceLayout#PER_SIDE} two, each with its own transfer switch and plant.
 *
 * <p>A feed reaches the transfer switches while it is up and its transformer and switchgear work. A
 * bus's utility side is live while its feed reaches it (a shared bus: any feed). When it is not,
 * the bus's plant is demanded, and released when it is again. The bus is live while its transfer
 * switch works and its utility side is live or its plant carries; {@link PowerChain} checks the
 * plant's capacity against the load it would carry.
 *
 * <p>Streams: those of {@link UtilityFeed} and {@link GeneratorPlant}, and {@code
 * power.transformer.*}, {@code power.switchgear.*}, {@code power.ats.*} for the components.
 */
final class PowerSources {
  private static final String[] PLANT_NAMES = {"power.generators", "power.generators.b"};

  private final UtilityFeed utility;
  private final RepairableGroup transformers;
  private final RepairableGroup switchgear;
  private final RepairableGroup transferSwitches;
  private final GeneratorPlant[] plants;
  private final SourceLayout layout;
  private final int sides;
  private final boolean[] utilityLive;

  PowerSources(
      PowerChainSpec spec,
      RepairCrews crews,
      Simulation sim,
      RandomStreams streams,
      PowerChain.Recompute owner) {
    CommonCauseSpec beta = spec.commonCause();
    ChainComponents c = spec.components();
    this.layout = spec.sources();
    this.sides = layout.sides();
    this.utility =
        new UtilityFeed(spec.utility(), sim, streams, (f, up, now) -> owner.recompute(now));
    int feeds = spec.utility().feeds();
    RepairableGroup.Listener changed = owner::recompute;
    PlannedMaintenance m = spec.maintenance();
    this.transformers =
        group(
            "power.transformer",
            feeds,
            c.transformers(),
            beta.transformersBeta(),
            m.plan(MaintainedComponent.TRANSFORMERS).isPresent(),
            crews,
            sim,
            streams,
            changed);
    this.switchgear =
        group(
            "power.switchgear",
            feeds,
            c.switchgear(),
            beta.switchgearBeta(),
            m.plan(MaintainedComponent.SWITCHGEAR).isPresent(),
            crews,
            sim,
            streams,
            changed);
    this.transferSwitches =
        group(
            "power.ats",
            sides,
            c.transferSwitches(),
            beta.transferSwitchesBeta(),
            m.plan(MaintainedComponent.ATS).isPresent(),
            crews,
            sim,
            streams,
            changed);
    if (spec.generators().isPresent()) {
      plants = new GeneratorPlant[sides];
      for (int s = 0; s < sides; s++) {
        plants[s] =
            new GeneratorPlant(
                PLANT_NAMES[s],
                spec.generators().get(),
                beta.generatorsBeta(),
                crews,
                sim,
                streams,
                owner::recompute);
      }
    } else {
      plants = null;
    }
    this.utilityLive = new boolean[sides];
    java.util.Arrays.fill(utilityLive, true);
  }

  /** A component's group: failing, never failing but maintained, or none (ideal). */
  static RepairableGroup group(
      String name,
      int units,
      Optional<UnitReliability> reliability,
      double beta,
      boolean maintained,
      RepairCrews crews,
      Simulation sim,
      RandomStreams streams,
      RepairableGroup.Listener listener) {
    if (reliability.isEmpty()) {
      return maintained ? RepairableGroup.neverFailing(name, units, crews, sim, listener) : null;
    }
    UnitReliability r = reliability.get();
    return new RepairableGroup(
        name, units, r.timeToFailure(), r.repair(), beta, crews, sim, streams, listener);
  }

  /** The units of {@code kind} it holds, for their maintenance; null for the chain's own kinds. */
  MaintainableUnits maintainable(MaintainedComponent kind) {
    return switch (kind) {
      case TRANSFORMERS -> transformers;
      case SWITCHGEAR -> switchgear;
      case ATS -> transferSwitches;
      case GENERATORS -> plants == null ? null : new PlantUnits(plants);
      default -> null;
    };
  }

  /** The generator sets of every plant in one sequence: side A's, then side B's. */
  private record PlantUnits(GeneratorPlant[] plants) implements MaintainableUnits {
    @Override
    public int units() {
      return plants.length * plants[0].units();
    }

    @Override
    public boolean beginMaintenance(int unit, long nowNanos) {
      int n = plants[0].units();
      return plants[unit / n].beginMaintenance(unit % n, nowNanos);
    }

    @Override
    public void endMaintenance(int unit, long nowNanos) {
      int n = plants[0].units();
      plants[unit / n].endMaintenance(unit % n, nowNanos);
    }
  }

  /** The utility's first interruptions (the components start with {@link #startComponents}). */
  void startUtility(long nowNanos) {
    utility.start(nowNanos);
  }

  /** The first failures of the transformers, switchgear and transfer switches that can fail. */
  void startComponents(long nowNanos) {
    for (RepairableGroup g : new RepairableGroup[] {transformers, switchgear, transferSwitches}) {
      if (g != null) {
        g.start(nowNanos);
      }
    }
  }

  int sides() {
    return sides;
  }

  /**
   * Brings each bus's utility side up to date and demands or releases its plant accordingly. Call
   * first in every evaluation of the chain: the plants schedule their starts from here.
   */
  void update(long nowNanos) {
    for (int s = 0; s < sides; s++) {
      boolean live = utilitySideLive(s);
      utilityLive[s] = live;
      if (plants != null) {
        GeneratorPlant plant = plants[s];
        if (live && plant.onDemand()) {
          plant.release(nowNanos);
        } else if (!live && !plant.onDemand()) {
          plant.demand(nowNanos);
        }
      }
    }
  }

  private boolean utilitySideLive(int side) {
    if (layout == SourceLayout.PER_SIDE) {
      return feedReaches(utility.feeds() > 1 ? side : 0);
    }
    for (int f = 0; f < utility.feeds(); f++) {
      if (feedReaches(f)) {
        return true;
      }
    }
    return false;
  }

  /** Whether feed {@code f} is up and its transformer and switchgear work. */
  private boolean feedReaches(int f) {
    return utility.up(f)
        && (transformers == null || transformers.isUp(f))
        && (switchgear == null || switchgear.isUp(f));
  }

  /** Whether the utility side of bus {@code side} was live at the last {@link #update}. */
  boolean utilityLive(int side) {
    return utilityLive[side];
  }

  /** Whether bus {@code side}'s transfer switch works. */
  boolean transferSwitchUp(int side) {
    return transferSwitches == null || transferSwitches.isUp(side);
  }

  /** Whether bus {@code side}'s plant carries: started, fuelled, enough units running. */
  boolean generatorsCarry(int side) {
    return plants != null && plants[side].carrying();
  }

  /** Whether the plant's capacity must be checked against its load. */
  boolean generatorCapacityChecked() {
    return plants != null && plants[0].capacityChecked();
  }

  /** Bus {@code side}'s plant could not carry its load: it trips until the demand ends. */
  void tripGenerators(int side, long nowNanos) {
    plants[side].trip(nowNanos);
  }

  /** What bus {@code side}'s running units can carry. */
  double generatorCapacityWatts(int side) {
    return plants[side].capacityWatts();
  }

  /** Whether any plant is demanded now. */
  boolean anyPlantOnDemand() {
    if (plants != null) {
      for (GeneratorPlant p : plants) {
        if (p.onDemand()) {
          return true;
        }
      }
    }
    return false;
  }

  int utilityInterruptions() {
    return utility.interruptions();
  }

  int generatorStarts() {
    int n = 0;
    if (plants != null) {
      for (GeneratorPlant p : plants) {
        n += p.starts();
      }
    }
    return n;
  }

  int generatorFailToStarts() {
    int n = 0;
    if (plants != null) {
      for (GeneratorPlant p : plants) {
        n += p.failToStarts();
      }
    }
    return n;
  }

  /** Failures of the components that can fail, in the order of {@link PowerChainResult}. */
  void componentFailures(java.util.List<PowerChainResult.ComponentFailures> out) {
    if (transformers != null && transformers.canFail()) {
      out.add(new PowerChainResult.ComponentFailures("transformer", transformers.failures()));
    }
    if (switchgear != null && switchgear.canFail()) {
      out.add(new PowerChainResult.ComponentFailures("switchgear", switchgear.failures()));
    }
    if (transferSwitches != null && transferSwitches.canFail()) {
      out.add(new PowerChainResult.ComponentFailures("ats", transferSwitches.failures()));
    }
  }
}
