package org.aifactory.model.failure;

import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * One cause of job interruptions.
 *
 * @param name cause name, unique in a profile (e.g. {@code faulty_gpu})
 * @param scope what it strikes (GPU, system, network element, job)
 * @param timeToFailure time between failures of ONE unit of the scope (one GPU, one system, one
 *     GPU's network path, one job)
 * @param repair how long a struck GPU's or system's system stays down (GPU and SYSTEM scopes)
 * @param planned planned interruptions (maintenance) are preceded by a checkpoint: no work lost
 * @param domain what a failure takes down: the whole system (for {@code repair}), or only the
 *     struck GPU's field-replaceable unit (for the system type's swap time); {@link
 *     FailureDomain#FRU} only for GPU causes
 */
public record FailureCause(
    String name,
    FailureScope scope,
    TimeDistribution timeToFailure,
    TimeDistribution repair,
    boolean planned,
    FailureDomain domain) {

  /** A cause that takes down whole systems (the only kind before failure domains). */
  public FailureCause(
      String name,
      FailureScope scope,
      TimeDistribution timeToFailure,
      TimeDistribution repair,
      boolean planned) {
    this(name, scope, timeToFailure, repair, planned, FailureDomain.SYSTEM);
  }

  public FailureCause {
    Checks.name(name, "cause name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(timeToFailure, "timeToFailure");
    Objects.requireNonNull(repair, "repair");
    Objects.requireNonNull(domain, "domain");
    if (domain == FailureDomain.FRU && scope != FailureScope.GPU) {
      throw new IllegalArgumentException(
          "only a GPU failure can be contained in its FRU, not a " + scope + " failure");
    }
  }

  /** Whether a failure takes down only the struck GPU's FRU (where its system has one). */
  public boolean containedInFru() {
    return domain == FailureDomain.FRU;
  }

  /** The same cause with failures contained in {@code newDomain}. */
  public FailureCause inDomain(FailureDomain newDomain) {
    return new FailureCause(name, scope, timeToFailure, repair, planned, newDomain);
  }

  /** Failures per second of one unit: 1 / mean time to failure. */
  public double ratePerUnitSecond() {
    return 1 / timeToFailure.meanSeconds();
  }

  /** The same cause, {@code factor} times as frequent. */
  public FailureCause scaled(double factor) {
    Checks.positive(factor, "scale");
    return new FailureCause(name, scope, timeToFailure.faster(factor), repair, planned, domain);
  }
}
