package org.aifactory.model.site;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The site around the factory as the grid sees it: its interconnect and the grid operator's rules
 * on the grid import, a power budget the factory must live under, a battery and on-site generation
 * behind the meter, and the carbon of what it draws. Pure data.
 *
 * @param rules the rules the grid import is checked against, interconnect capacity first if any
 * @param budgetWatts the most the site may draw (site load), below its installed load: the GPUs are
 *     capped to fit ({@link PowerBudget}); empty: no budget
 * @param battery the battery; empty: none
 * @param generation on-site generation; empty: none
 * @param carbon carbon accounting; empty: none
 */
public record SiteSpec(
    List<GridRule> rules,
    Optional<Double> budgetWatts,
    Optional<BatterySpec> battery,
    Optional<GenerationSpec> generation,
    Optional<CarbonSpec> carbon) {

  /** The largest interconnect or budget: 100 GW. */
  public static final double MAX_WATTS = 1e11;

  public SiteSpec {
    rules = List.copyOf(rules);
    Objects.requireNonNull(budgetWatts, "budgetWatts");
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(carbon, "carbon");
    budgetWatts.ifPresent(
        b -> {
          if (!(b > 0) || b > MAX_WATTS) {
            throw new IllegalArgumentException("budget must be > 0 and at most 100 GW");
          }
        });
    long names = rules.stream().map(GridRule::name).distinct().count();
    if (names != rules.size()) {
      throw new IllegalArgumentException("rule names must be unique");
    }
  }

  /** The interconnect's capacity, if a rule gives one. */
  public Optional<Double> interconnectWatts() {
    return rules.stream()
        .filter(r -> r instanceof GridRule.ImportCapacity)
        .map(GridRule::limit)
        .findFirst();
  }
}
