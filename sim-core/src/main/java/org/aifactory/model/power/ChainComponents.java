package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The components a Tier III or IV design depends on besides UPS modules, generators and PDUs, each
 * absent (ideal: it never fails, as the chain had it before they existed) or failing and repaired.
 * Where each sits (README, "power"):
 *
 * <pre>
 * utility feed ─ MV transformer ─ switchgear ─┐
 *                                             ATS ─ UPS system ─ [STS] ─ PDU ─ racks
 *                       generator plant ──────┘
 * </pre>
 *
 * <ul>
 *   <li>a medium-voltage transformer and a switchgear line-up per utility feed: a failure of either
 *       cuts that feed off, which starts the generators as a utility outage does;
 *   <li>an automatic transfer switch (ATS) per input bus (per side with {@link
 *       SourceLayout#PER_SIDE}): in series with every source of its bus, so a failed ATS leaves its
 *       UPS systems (and their static bypass) without input: they ride on their batteries, then
 *       drop;
 *   <li>a static transfer switch (STS) per single-corded rack group fed by two UPS systems: a
 *       failed STS delivers nothing, so its rack group is dark until it is repaired.
 * </ul>
 *
 * <p>Defaults are the IEEE 493 / IEEE 3006.8 transcriptions of docs/sources.md §10 (marked [T]
 * there: verify them against the standards) and a manufacturer's claim for the STS.
 *
 * @param transformers MV transformers, one per feed; empty: ideal
 * @param switchgear switchgear line-ups, one per feed; empty: ideal
 * @param transferSwitches ATS, one per input bus; empty: ideal
 * @param staticTransferSwitches STS, one per single-corded rack group behind two UPS systems;
 *     empty: ideal
 */
public record ChainComponents(
    Optional<UnitReliability> transformers,
    Optional<UnitReliability> switchgear,
    Optional<UnitReliability> transferSwitches,
    Optional<UnitReliability> staticTransferSwitches) {

  /**
   * Liquid-filled substation transformer (5 MVA, 35 kV/480 V): 0.011 failures per year
   * (docs/sources.md §10: IEEE 493 Table 10-15 / IEEE 3006.8-2018, a transcription [T]).
   */
  public static final double IEEE_493_TRANSFORMER_FAILURES_PER_YEAR = 0.011;

  /**
   * Transformer repair 5 h: fuses and auxiliaries (docs/sources.md §10, [T]); a major rewind takes
   * 168 h or more.
   */
  public static final Duration IEEE_493_TRANSFORMER_REPAIR = Duration.ofHours(5);

  /**
   * Low-voltage draw-out switchgear (3000 A): about 0.00949 failures per year (docs/sources.md §10:
   * IEEE 3006.8-2018 Table 2, [T]). The same table gives 0.004327 per year for a switchboard.
   */
  public static final double IEEE_3006_SWITCHGEAR_FAILURES_PER_YEAR = 0.00949;

  /** Switchgear repair about 7.3 h (docs/sources.md §10, [T]). */
  public static final Duration IEEE_3006_SWITCHGEAR_REPAIR = Duration.ofMinutes(438);

  /**
   * Automatic transfer switch: 0.03502 failures per year (docs/sources.md §10: IEEE 3006.8-2018
   * Table 2, [T]).
   */
  public static final double IEEE_3006_ATS_FAILURES_PER_YEAR = 0.03502;

  /** ATS repair 7.89 h (docs/sources.md §10, [T]). */
  public static final Duration IEEE_3006_ATS_REPAIR = Duration.ofSeconds(28_404);

  /**
   * Static transfer switch: a demonstrated MTBF over 22,000,000 h (docs/sources.md §10: a
   * manufacturer's claim, Vertiv, as transcribed [T]); no field figure was found.
   */
  public static final double VERTIV_STS_MTBF_HOURS = 22e6;

  /**
   * STS repair: PLACEHOLDER (docs/sources.md §10 has none), a module swap as an LV breaker's 4 h.
   */
  public static final Duration STS_REPAIR_PLACEHOLDER = Duration.ofHours(4);

  public ChainComponents {
    Objects.requireNonNull(transformers, "transformers");
    Objects.requireNonNull(switchgear, "switchgear");
    Objects.requireNonNull(transferSwitches, "transferSwitches");
    Objects.requireNonNull(staticTransferSwitches, "staticTransferSwitches");
  }

  /** Every component ideal: the chain as it was before they existed. */
  public static ChainComponents none() {
    return new ChainComponents(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Every component failing with the cited defaults. */
  public static ChainComponents cited() {
    return new ChainComponents(
        Optional.of(transformerDefaults()),
        Optional.of(switchgearDefaults()),
        Optional.of(transferSwitchDefaults()),
        Optional.of(staticTransferSwitchDefaults()));
  }

  /** IEEE 493 transformer: 0.011 per year, exponential; 5 h exponential repair. */
  public static UnitReliability transformerDefaults() {
    return UnitReliability.perYear(
        IEEE_493_TRANSFORMER_FAILURES_PER_YEAR, IEEE_493_TRANSFORMER_REPAIR);
  }

  /** IEEE 3006.8 LV draw-out switchgear: 0.00949 per year; 7.3 h repair. */
  public static UnitReliability switchgearDefaults() {
    return UnitReliability.perYear(
        IEEE_3006_SWITCHGEAR_FAILURES_PER_YEAR, IEEE_3006_SWITCHGEAR_REPAIR);
  }

  /** IEEE 3006.8 ATS: 0.03502 per year; 7.89 h repair. */
  public static UnitReliability transferSwitchDefaults() {
    return UnitReliability.perYear(IEEE_3006_ATS_FAILURES_PER_YEAR, IEEE_3006_ATS_REPAIR);
  }

  /** STS: MTBF 22,000,000 h (an OEM claim); placeholder 4 h repair. */
  public static UnitReliability staticTransferSwitchDefaults() {
    return UnitReliability.mtbfHours(VERTIV_STS_MTBF_HOURS, STS_REPAIR_PLACEHOLDER);
  }
}
