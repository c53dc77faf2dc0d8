package org.aifactory.metrics;

/**
 * One named figure of a run.
 *
 * @param key stable machine name; a dot nests it in JSON (e.g. {@code power_mw.peak})
 * @param unit unit of the value ({@code 1} for a plain count or ratio)
 * @param definition what it means, for help text and the README glossary
 * @param value the figure
 */
public record Metric(String key, String unit, String definition, double value) {

  /** True for whole counts (GPUs, tokens, events), which reports print without a fraction. */
  public boolean isCount() {
    return switch (unit) {
      case "GPUs",
          "tokens",
          "events",
          "iterations",
          "checkpoints",
          "interruptions",
          "units",
          "violations",
          "rules",
          "changes" ->
          true;
      default -> false;
    };
  }
}
