package org.aifactory.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the electrical chain did in one run.
 *
 * @param upsDesign UPS redundancy design name
 * @param generatorDesign generator design name, or {@code none}
 * @param paths rack groups
 * @param pdus PDUs (rack groups × cords)
 * @param upsModules installed UPS modules
 * @param upsInstalledWatts installed UPS capacity
 * @param generatorUnits installed generators
 * @param generatorInstalledWatts installed generator capacity
 * @param availability fraction of the time the whole IT load was powered
 * @param loadWeightedAvailability path availabilities weighted by design load
 * @param lossOfLoadEvents times any rack group lost power
 * @param lossOfLoadHours time during which some rack group was unpowered
 * @param utilityInterruptions utility interruptions
 * @param generatorStarts demands on the generators
 * @param generatorFailToStarts failed start attempts
 * @param onBatteryHours time with a UPS on battery
 * @param upsModuleFailures UPS module failures
 * @param pduFailures PDU failures
 * @param stages loss stage names
 * @param stageLossJoules energy lost in each stage
 * @param pathAvailability each rack group's availability, in path order
 * @param componentFailures failures of the chain's other components that can fail (transformers,
 *     switchgear, ATS, STS, battery strings), those that are ideal left out
 * @param maintenance the planned maintenance done; empty when none is planned
 */
public record ElectricalResult(
    String upsDesign,
    String generatorDesign,
    int paths,
    int pdus,
    int upsModules,
    double upsInstalledWatts,
    int generatorUnits,
    double generatorInstalledWatts,
    double availability,
    double loadWeightedAvailability,
    int lossOfLoadEvents,
    double lossOfLoadHours,
    int utilityInterruptions,
    int generatorStarts,
    int generatorFailToStarts,
    double onBatteryHours,
    long upsModuleFailures,
    long pduFailures,
    List<String> stages,
    List<Double> stageLossJoules,
    List<Double> pathAvailability,
    List<ComponentFailures> componentFailures,
    Optional<Maintenance> maintenance) {

  public ElectricalResult {
    Objects.requireNonNull(maintenance, "maintenance");
    componentFailures = List.copyOf(componentFailures);
    stages = List.copyOf(stages);
    stageLossJoules = List.copyOf(stageLossJoules);
    pathAvailability = List.copyOf(pathAvailability);
  }

  /** Without planned maintenance. */
  public ElectricalResult(
      String upsDesign,
      String generatorDesign,
      int paths,
      int pdus,
      int upsModules,
      double upsInstalledWatts,
      int generatorUnits,
      double generatorInstalledWatts,
      double availability,
      double loadWeightedAvailability,
      int lossOfLoadEvents,
      double lossOfLoadHours,
      int utilityInterruptions,
      int generatorStarts,
      int generatorFailToStarts,
      double onBatteryHours,
      long upsModuleFailures,
      long pduFailures,
      List<String> stages,
      List<Double> stageLossJoules,
      List<Double> pathAvailability,
      List<ComponentFailures> componentFailures) {
    this(
        upsDesign,
        generatorDesign,
        paths,
        pdus,
        upsModules,
        upsInstalledWatts,
        generatorUnits,
        generatorInstalledWatts,
        availability,
        loadWeightedAvailability,
        lossOfLoadEvents,
        lossOfLoadHours,
        utilityInterruptions,
        generatorStarts,
        generatorFailToStarts,
        onBatteryHours,
        upsModuleFailures,
        pduFailures,
        stages,
        stageLossJoules,
        pathAvailability,
        componentFailures,
        Optional.empty());
  }

  /** Without components besides UPS modules, generators and PDUs that fail. */
  public ElectricalResult(
      String upsDesign,
      String generatorDesign,
      int paths,
      int pdus,
      int upsModules,
      double upsInstalledWatts,
      int generatorUnits,
      double generatorInstalledWatts,
      double availability,
      double loadWeightedAvailability,
      int lossOfLoadEvents,
      double lossOfLoadHours,
      int utilityInterruptions,
      int generatorStarts,
      int generatorFailToStarts,
      double onBatteryHours,
      long upsModuleFailures,
      long pduFailures,
      List<String> stages,
      List<Double> stageLossJoules,
      List<Double> pathAvailability) {
    this(
        upsDesign,
        generatorDesign,
        paths,
        pdus,
        upsModules,
        upsInstalledWatts,
        generatorUnits,
        generatorInstalledWatts,
        availability,
        loadWeightedAvailability,
        lossOfLoadEvents,
        lossOfLoadHours,
        utilityInterruptions,
        generatorStarts,
        generatorFailToStarts,
        onBatteryHours,
        upsModuleFailures,
        pduFailures,
        stages,
        stageLossJoules,
        pathAvailability,
        List.of());
  }

  /**
   * Failures of one component.
   *
   * @param component its name in metric keys, e.g. {@code transformer}
   * @param failures failures of its units
   */
  public record ComponentFailures(String component, long failures) {}

  /**
   * The planned maintenance done.
   *
   * @param hours time with at least one unit out for maintenance
   * @param exposureHours of that time, the part when the load was unprotected: some load on static
   *     bypass or a battery, some bus on its generators, or some rack group dark
   * @param periods units taken out, by maintained kind (its key, e.g. {@code ups}), in the chain's
   *     order
   */
  public record Maintenance(double hours, double exposureHours, List<Periods> periods) {
    public Maintenance {
      periods = List.copyOf(periods);
    }
  }

  /**
   * Units of one kind taken out for maintenance.
   *
   * @param component the kind's key
   * @param count units taken out
   */
  public record Periods(String component, int count) {}

  public double totalLossJoules() {
    double s = 0;
    for (double j : stageLossJoules) {
      s += j;
    }
    return s;
  }
}
