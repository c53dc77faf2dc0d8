package org.aifactory.model.failure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aifactory.model.Checks;

/**
 * A named set of failure causes.
 *
 * @param name profile name ({@code none}, {@code llama3}, or a scenario's own)
 * @param causes the causes, names unique
 */
public record FailureProfile(String name, List<FailureCause> causes) {

  // Exposure of Llama 3 Table 5 (see llama3()).
  private static final double LLAMA3_GPUS = 16_384;

  private static final double LLAMA3_HOSTS = 2_048;
  private static final double LLAMA3_HOURS = 54 * 24;

  /*
   * Repair of a GPU or host: no published figure in docs/sources.md. ASSUMPTION: exponential, mean 24 h
   * (replace a GPU/board and run burn-in). With hot spares it rarely matters; set it per scenario.
   */
  public static final TimeDistribution DEFAULT_REPAIR = new TimeDistribution.Exponential(24 * 3600);

  private static final TimeDistribution NO_REPAIR = new TimeDistribution.Fixed(0);

  public FailureProfile {
    Checks.name(name, "profile name");
    causes = List.copyOf(causes);
    Set<String> names = new HashSet<>();
    for (FailureCause c : causes) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("duplicate failure cause '" + c.name() + "'");
      }
    }
  }

  /** No failures at all. */
  public static FailureProfile none() {
    return new FailureProfile("none", List.of());
  }

  /**
   * Llama 3 405B pre-training (Llama 3 paper, Table 5): 54 days on 16,384 H100 GPUs in 2,048 hosts,
   * 466 interruptions: 47 planned, 419 unexpected. Each cause's rate is its count over that
   * exposure: per GPU-hour for GPU causes (count / (16,384 × 1,296 h)), per host-hour for host
   * causes (count / (2,048 × 1,296 h)), per GPU-hour of a running job for network causes, per
   * job-hour for software. The counts, not the printed percentages, are used (docs/sources.md §3).
   */
  public static FailureProfile llama3() {
    List<FailureCause> c = new ArrayList<>();
    // GPU (per GPU): the struck GPU's host is drained until repaired.
    c.add(gpu("faulty_gpu", 148));
    c.add(gpu("gpu_hbm3_memory", 72));
    c.add(gpu("gpu_sram_memory", 19));
    c.add(gpu("gpu_system_processor", 17));
    c.add(gpu("silent_data_corruption", 6));
    c.add(gpu("gpu_thermal_interface", 6));
    // Host (per system).
    c.add(host("host_maintenance_unplanned", 32));
    c.add(host("nic", 7));
    c.add(host("ssd", 3));
    c.add(host("power_supply", 3));
    c.add(host("server_chassis", 2));
    c.add(host("io_expansion_board", 2));
    c.add(host("cpu", 2));
    c.add(host("system_memory", 2));
    // Network (per GPU of a running job): switch/cable faults and collective (NCCL) timeouts.
    c.add(perJobGpu("network_switch_cable", 35));
    c.add(perJobGpu("nccl_watchdog_timeout", 7));
    // Software (per job).
    c.add(perJob("software_bug", 54, false));
    c.add(perJob("dependency", 2, false));
    // Planned interruptions (firmware upgrades, config changes): 47, no work lost.
    c.add(perJob("planned_maintenance", 47, true));
    return new FailureProfile("llama3", c);
  }

  private static TimeDistribution meanHours(double hours) {
    return new TimeDistribution.Exponential(hours * 3600);
  }

  private static FailureCause gpu(String name, int count) {
    return new FailureCause(
        name,
        FailureScope.GPU,
        meanHours(LLAMA3_GPUS * LLAMA3_HOURS / count),
        DEFAULT_REPAIR,
        false);
  }

  private static FailureCause host(String name, int count) {
    return new FailureCause(
        name,
        FailureScope.SYSTEM,
        meanHours(LLAMA3_HOSTS * LLAMA3_HOURS / count),
        DEFAULT_REPAIR,
        false);
  }

  private static FailureCause perJobGpu(String name, int count) {
    return new FailureCause(
        name,
        FailureScope.NETWORK,
        meanHours(LLAMA3_GPUS * LLAMA3_HOURS / count),
        NO_REPAIR,
        false);
  }

  private static FailureCause perJob(String name, int count, boolean planned) {
    return new FailureCause(
        name, FailureScope.JOB, meanHours(LLAMA3_HOURS / count), NO_REPAIR, planned);
  }

  /** A built-in profile by name. */
  public static Optional<FailureProfile> builtIn(String name) {
    return switch (name) {
      case "none" -> Optional.of(none());
      case "llama3" -> Optional.of(llama3());
      default -> Optional.empty();
    };
  }

  public static List<String> builtInNames() {
    return List.of("none", "llama3");
  }

  public Optional<FailureCause> cause(String causeName) {
    return causes.stream().filter(c -> c.name().equals(causeName)).findFirst();
  }

  /** Every cause {@code factor} times as frequent. */
  public FailureProfile scaled(double factor) {
    return new FailureProfile(name, causes.stream().map(c -> c.scaled(factor)).toList());
  }

  /** A copy with {@code cause} added, or replacing the cause of the same name. */
  public FailureProfile with(FailureCause cause) {
    List<FailureCause> next = new ArrayList<>();
    boolean replaced = false;
    for (FailureCause c : causes) {
      if (c.name().equals(cause.name())) {
        next.add(cause);
        replaced = true;
      } else {
        next.add(c);
      }
    }
    if (!replaced) {
      next.add(cause);
    }
    return new FailureProfile(name, next);
  }

  /** A copy without the named cause. */
  public FailureProfile without(String causeName) {
    return new FailureProfile(
        name, causes.stream().filter(c -> !c.name().equals(causeName)).toList());
  }
}
