package org.aifactory.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.power.CostSpec;

/**
 * A loaded, valid scenario.
 *
 * @param name the scenario's name ({@code [A-Za-z0-9._-]+}; used as an output folder name)
 * @param description its description, empty if it has none
 * @param source the file path as given, or {@code bundled:<name>}
 * @param factory what the factory is
 * @param run how one replication is run
 * @param replications how many independent replications to run (at least 1; each uses the streams
 *     of the root seed and its replication index)
 * @param costs the prices used to compare designs ({@link CostSpec#defaults()} unless the scenario
 *     gives {@code costs})
 * @param variants the scenario's variants in the order written (its {@code variants}), each the
 *     scenario with its own overrides; empty when it has none. Names are unique, and a variant's
 *     scenario has no variants of its own
 * @param economics what the factory costs and its production is worth, for the cost of a token;
 *     present when the scenario has an {@code economics} section
 */
public record Scenario(
    String name,
    String description,
    String source,
    FactorySpec factory,
    RunSpec run,
    int replications,
    CostSpec costs,
    List<ScenarioVariant> variants,
    Optional<EconomicsSpec> economics) {

  /** A scenario without economics. */
  public Scenario(
      String name,
      String description,
      String source,
      FactorySpec factory,
      RunSpec run,
      int replications,
      CostSpec costs,
      List<ScenarioVariant> variants) {
    this(name, description, source, factory, run, replications, costs, variants, Optional.empty());
  }

  /** A scenario with one replication, the default costs and no variants. */
  public Scenario(
      String name, String description, String source, FactorySpec factory, RunSpec run) {
    this(name, description, source, factory, run, 1);
  }

  /** A scenario with the default costs and no variants. */
  public Scenario(
      String name,
      String description,
      String source,
      FactorySpec factory,
      RunSpec run,
      int replications) {
    this(name, description, source, factory, run, replications, CostSpec.defaults(), List.of());
  }

  public Scenario {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, got " + replications);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(economics, "economics");
    variants = List.copyOf(variants);
    Set<String> names = new HashSet<>();
    for (ScenarioVariant variant : variants) {
      if (!names.add(variant.name())) {
        throw new IllegalArgumentException("duplicate variant name '" + variant.name() + "'");
      }
    }
  }

  /**
   * The same scenario run as {@code newRun} (e.g. another seed), keeping the replications, costs
   * and variants (the variants are not changed: each has its own run).
   */
  public Scenario withRun(RunSpec newRun) {
    return new Scenario(
        name, description, source, factory, newRun, replications, costs, variants, economics);
  }

  /** The same scenario with {@code count} replications; the variants are not changed. */
  public Scenario withReplications(int count) {
    return new Scenario(name, description, source, factory, run, count, costs, variants, economics);
  }
}
