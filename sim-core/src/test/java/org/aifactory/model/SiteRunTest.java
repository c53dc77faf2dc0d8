package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.grid.SiteResult;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.site.BatterySpec;
import org.aifactory.model.site.CarbonSpec;
import org.aifactory.model.site.GenerationSpec;
import org.aifactory.model.site.GridRule;
import org.aifactory.model.site.HourlyProfile;
import org.aifactory.model.site.SiteSpec;
import org.aifactory.model.workload.CheckpointSpec;
import org.junit.jupiter.api.Test;

/** A factory run with a site section: the spectrum of a real job, and energy conservation. */
class SiteRunTest {
  private static final long S = 1_000_000_000L;
  private static final long WINDOW = 64 * S;

  /**
   * 1,000 GPUs of 1 kW TDP and 100 W idle in systems of 4 with 500 W of other IT, PUE 1: a job of 2
   * s iterations, 1.5 s at full power and 0.5 s at 30 %: its site power is a square wave of ΔP =
   * 1,000 × (1,000 − 300) W = 700 kW and duty D = 0.75.
   */
  private static FactorySpec factory(double pue, Optional<SiteSpec> site, CheckpointSpec cp) {
    return new FactorySpec(
        Specs.TOY_CATALOG,
        new FacilitySpec(pue),
        List.of(new ClusterSpec("c", "S", 250)),
        List.of(
            Specs.job("j", "c", 1000, Duration.ZERO, Duration.ofSeconds(2), 0.75, 1.0, 0.3, 1, cp)),
        org.aifactory.model.failure.FailureSpec.none(),
        Optional.empty(),
        site);
  }

  /**
   * The spectrum of a real job at full resolution: its phases' edges fall on bin boundaries (0.5 s
   * = 64 bins of 7.8125 ms), so the bin averages are the square wave's exact samples, P = 256 per
   * period, and harmonic n reads 2A·sin(πnD)/(πn) × (x / sin x)² with x = πn/P: the square wave's
   * Fourier amplitude times the exact discrete factor (a sampled square wave's DFT divided by the
   * bin average's sinc). That identity holds to numerical precision; against the continuous
   * amplitude alone the factor is 1 + x²/3: 5e-5 at n = 1, 1.3e-3 at n = 5.
   */
  @Test
  void aJobsPhasesAreASquareWaveWhoseHarmonicsReadExactly() {
    GridRule.Oscillation band = new GridRule.Oscillation("band", 0.1, 20, 1e3, WINDOW, WINDOW);
    SiteSpec site =
        new SiteSpec(
            List.of(band), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    RunResult r =
        new FactoryRun(
                "fft",
                factory(1, Optional.of(site), null),
                Specs.run(Duration.ofSeconds(256), PulseResolution.FULL))
            .complete();
    SiteResult.Spectrum spectrum = r.site().orElseThrow().spectra().get(0);
    assertThat(spectrum.windowStartNanos()).isZero();
    assertThat(band.samples()).isEqualTo(8192);
    double a = 700e3;
    double d = 0.75;
    int samplesPerPeriod = 256;
    for (int n = 1; n <= 5; n++) {
      int k = 32 * n; // 32 periods in the window
      double continuous = 2 * a * Math.abs(Math.sin(Math.PI * n * d)) / (Math.PI * n);
      double x = Math.PI * n / samplesPerPeriod;
      double discrete = continuous * Math.pow(x / Math.sin(x), 2);
      double measured = spectrum.amplitudeWatts()[k];
      // Harmonic 4 has sin(3π) = 0: nothing but rounding, held to a millionth of a watt.
      double rounding = a * 1e-12;
      assertThat(measured)
          .as("harmonic %d", n)
          .isCloseTo(discrete, within(discrete * 1e-9 + rounding));
      assertThat(Math.abs(measured - continuous))
          .isLessThanOrEqualTo(continuous * x * x / 3 * 1.01 + rounding);
    }
    // Halfway between harmonics there is nothing (the Hann window spreads each harmonic over its
    // two neighbouring frequencies only).
    assertThat(spectrum.amplitudeWatts()[48]).isLessThan(a * 1e-9);
    // The band holds harmonics 1 to 40 of 0.5 Hz: the first is the largest.
    assertThat(r.site().get().rules().get(0).worst()).isEqualTo(spectrum.amplitudeWatts()[32]);
  }

  /**
   * The verdicts by hand on the same job without mitigation, for 60 s. The site draws 225 kW idle
   * (1,000 × 100 W + 250 × 500 W) before the job starts at 0 s; then 1,125 kW for 1.5 s and 425 kW
   * for 0.5 s every 2 s. Ramp over 0.2 s windows: the edges are more than two windows apart, so
   * each makes a triangle of height step / 0.2 s: 4.5 MW/s for the start (900 kW), 3.5 MW/s for
   * each phase edge (700 kW); over a 3 MW/s limit for 0.4 s × (1 − 3 × 0.2 / step) each. Dynamic
   * range over 10 s: 900 kW while the window reaches back before the start (0 to 10 s), 700 kW
   * after. Import above 1 MW in every compute phase, below 500 kW in every communication phase.
   */
  @Test
  void verdictsMatchAHandComputation() {
    SiteSpec site =
        new SiteSpec(
            List.of(
                new GridRule.ImportCapacity(1e6),
                new GridRule.Ramp("ramp", 3e6, S / 5),
                new GridRule.DynamicRange("range", 800e3, 10 * S),
                new GridRule.MinimumLoad(500e3)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    RunResult r =
        new FactoryRun(
                "hand",
                factory(1, Optional.of(site), null),
                Specs.run(Duration.ofSeconds(60), PulseResolution.FULL))
            .complete();
    List<org.aifactory.metrics.grid.RuleVerdict> v = r.site().orElseThrow().rules();
    var capacity = v.get(0);
    assertThat(capacity.worst()).isCloseTo(1125e3, within(1e-6));
    assertThat(capacity.violations()).isEqualTo(30);
    assertThat(capacity.violationNanos()).isCloseTo(45.0 * S, within(1.0));
    var ramp = v.get(1);
    assertThat(ramp.worst()).isCloseTo(4.5e6, within(1e-3));
    assertThat(ramp.worstAtNanos()).isEqualTo(0.2 * S);
    assertThat(ramp.violations()).isEqualTo(60);
    double start = 0.4 * (1 - 3e6 * 0.2 / 900e3);
    double edge = 0.4 * (1 - 3e6 * 0.2 / 700e3);
    assertThat(ramp.violationNanos()).isCloseTo((start + 59 * edge) * S, within(100.0));
    var range = v.get(2);
    assertThat(range.worst()).isCloseTo(900e3, within(1e-6));
    assertThat(range.worstAtNanos()).isZero();
    assertThat(range.violations()).isEqualTo(1);
    assertThat(range.violationNanos()).isCloseTo(10.0 * S, within(1.0));
    var minimum = v.get(3);
    assertThat(minimum.worst()).isCloseTo(425e3, within(1e-6));
    assertThat(minimum.violations()).isEqualTo(30);
    assertThat(minimum.violationNanos()).isCloseTo(15.0 * S, within(1.0));
    // The pulses make every step but the start, a job event: 30 falls, and 30 rises at 2 s to
    // 60 s (the last at the horizon itself, whose events fire).
    var pulses = r.site().get().swings().get(0);
    assertThat(pulses.changes()).isEqualTo(60);
    assertThat(pulses.largestUpWatts()).isCloseTo(700e3, within(1e-6));
    assertThat(pulses.largestDownWatts()).isCloseTo(700e3, within(1e-6));
    assertThat(pulses.maxRampWattsPerSecond().get(0)).isCloseTo(3.5e6, within(1e-3));
    var jobs = r.site().get().swings().get(2);
    assertThat(jobs.largestUpWatts()).isCloseTo(900e3, within(1e-6));
  }

  /**
   * Every mitigation on (battery with losses and its charge restored, generation ramping after the
   * load, a budget capping the GPUs), checkpoints making the load step: grid import − export +
   * generation = load + battery losses + the change of stored energy, to 1e-9.
   */
  @Test
  void energyIsConservedWithEveryMitigation() {
    BatterySpec battery =
        new BatterySpec(
            3.6e9, // 1 MWh
            600e3,
            0.85,
            0.1,
            0.9,
            0.3,
            new BatterySpec.SmoothingPolicy(2 * S, 50e3, 60e3),
            165);
    GenerationSpec generation = new GenerationSpec(500e3, 5e3, 8576, 3.66, 53.06);
    SiteSpec site =
        new SiteSpec(
            List.of(
                new GridRule.ImportCapacity(1.2e6),
                new GridRule.Ramp("ramp", 100e3, S),
                new GridRule.DynamicRange("range", 200e3, 10 * S),
                new GridRule.Oscillation("band", 0.1, 1, 50e3, WINDOW, 4 * WINDOW),
                new GridRule.MinimumLoad(100e3)),
            Optional.of(1.3e6),
            Optional.of(battery),
            Optional.of(generation),
            Optional.of(
                new CarbonSpec(
                    new HourlyProfile("test", new double[] {300, 400, 350}),
                    Optional.of(HourlyProfile.constant(400e3)))));
    CheckpointSpec cp = new CheckpointSpec(Duration.ofMinutes(20), Duration.ofMinutes(1), 0.15);
    RunResult r =
        new FactoryRun(
                "conserve",
                factory(1.2, Optional.of(site), cp),
                Specs.run(Duration.ofHours(3), PulseResolution.FULL))
            .complete();
    SiteResult s = r.site().orElseThrow();
    SiteResult.BatteryResult b = s.battery().orElseThrow();
    double supplied =
        s.grid().importJoules() - s.grid().exportJoules() + s.generation().get().energyJoules();
    double used = s.grid().loadJoules() + b.lossJoules() + b.storedChangeJoules();
    assertThat(Math.abs(supplied - used) / used).isLessThan(1e-9);
    assertThat(s.grid().loadJoules())
        .isCloseTo(r.energyFacilityJoules(), within(r.energyFacilityJoules() * 1e-12));
    // The budget capped the GPUs: 1.3 MW at PUE 1.2 leaves 1,083 kW of IT for 1,000 GPUs.
    // The stated policy by hand: every GPU at the cap, other IT 250 × 500 W, PUE 1.2, equals the
    // budget: cap = (1.3 MW / 1.2 − 125 kW) / (1,000 × 1 kW).
    assertThat(s.budget().orElseThrow().capFraction())
        .isCloseTo((1.3e6 / 1.2 - 125e3) / 1e6, within(1e-12));
    assertThat(s.budget().get().peakSiteWatts()).isLessThanOrEqualTo(1.3e6 * (1 + 1e-12));
    assertThat(b.lossJoules()).isPositive();
    assertThat(s.carbon().orElseThrow().gridCo2Kilograms()).isPositive();
  }

  /**
   * A load shaped by GPU power smoothing ramps (piecewise linear): the rules are checked on its
   * ramps, the site's energy is the facility's exactly, and a battery with on-site generation
   * follows it with the energy conserved: grid + generation = load + losses + ΔSOC to 1e-9.
   */
  @Test
  void aShapedLoadIsCheckedOnItsRamps() {
    FactorySpec plain = factory(1, Optional.empty(), null);
    org.aifactory.model.workload.TrainingJobSpec j =
        (org.aifactory.model.workload.TrainingJobSpec) plain.workloads().get(0);
    org.aifactory.model.workload.TrainingJobSpec smoothed =
        new org.aifactory.model.workload.TrainingJobSpec(
            j.name(),
            j.cluster(),
            j.gpus(),
            j.start(),
            j.iteration(),
            j.tokensPerIteration(),
            j.checkpoint(),
            j.restart(),
            j.workIterations(),
            j.powerCap(),
            j.gpusPerSystem(),
            Optional.of(
                new org.aifactory.model.shaping.PowerSmoothingSpec(0.5, 500, 500, Duration.ZERO)),
            Optional.empty());
    SiteSpec rules =
        new SiteSpec(
            List.of(new GridRule.Ramp("ramp", 3e6, S / 5)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    FactorySpec f = plain.withWorkloads(List.of(smoothed)).withSite(Optional.of(rules));
    RunResult r =
        new FactoryRun("shaped", f, Specs.run(Duration.ofSeconds(60), PulseResolution.FULL))
            .complete();
    SiteResult s = r.site().orElseThrow();
    assertThat(s.grid().loadJoules())
        .isCloseTo(r.energyFacilityJoules(), within(r.energyFacilityJoules() * 1e-9));
    // Unshaped, the phase edges ramp at 3.5 MW/s over 0.2 s windows; shaped, far less.
    assertThat(s.rules().get(0).worst()).isLessThan(3.5e6);
    // A ramp's or a hold's end is booked to the change that set it going (the pulses), not to
    // "other": nothing else changes this factory's load (no caps, no cooling plant).
    var other = s.swings().get(3);
    assertThat(other.cause()).isEqualTo("other");
    assertThat(other.changes()).isZero();
    assertThat(s.swings().get(0).changes()).isGreaterThan(60);
    BatterySpec battery =
        new BatterySpec(
            3.6e9, 1e6, 0.9, 0.1, 0.9, 0.5, new BatterySpec.SmoothingPolicy(S, 1e5, 1e5), 0);
    FactorySpec withBattery =
        f.withSite(
            Optional.of(
                new SiteSpec(
                    List.of(new GridRule.Ramp("ramp", 3e6, S / 5)),
                    Optional.empty(),
                    Optional.of(battery),
                    Optional.of(new GenerationSpec(3e5, 1e4, 8576, 3.66, 53.06)),
                    Optional.empty())));
    assertThat(withBattery.problems()).isEmpty();
    RunResult rb =
        new FactoryRun(
                "shaped-battery",
                withBattery,
                Specs.run(Duration.ofSeconds(60), PulseResolution.FULL))
            .complete();
    SiteResult sb = rb.site().orElseThrow();
    SiteResult.BatteryResult b = sb.battery().orElseThrow();
    double supplied =
        sb.grid().importJoules()
            - sb.grid().exportJoules()
            + sb.generation().orElseThrow().energyJoules();
    double used = sb.grid().loadJoules() + b.lossJoules() + b.storedChangeJoules();
    assertThat(Math.abs(supplied - used) / used).isLessThan(1e-9);
    assertThat(sb.grid().loadJoules())
        .isCloseTo(rb.energyFacilityJoules(), within(rb.energyFacilityJoules() * 1e-9));
    // The battery did work, and the generator too.
    assertThat(b.dischargedJoules() + b.chargedJoules()).isPositive();
    assertThat(b.lossJoules()).isPositive();
    assertThat(sb.generation().get().energyJoules()).isPositive();
    // The grid import follows a 0.1 MW/s ramp limit: far below the shaped load's own ramp.
    assertThat(sb.rules().get(0).worst()).isLessThan(s.rules().get(0).worst());
    // A moving average alone follows the ramping load too (its average is piecewise quadratic):
    // the grid imports that average, with the energy conserved to 1e-9.
    BatterySpec windowOnly =
        new BatterySpec(
            3.6e9,
            1e6,
            0.9,
            0.1,
            0.9,
            0.5,
            new BatterySpec.SmoothingPolicy(2 * S, Double.POSITIVE_INFINITY, 0),
            0);
    FactorySpec averaged =
        f.withSite(
            Optional.of(
                new SiteSpec(
                    List.of(),
                    Optional.empty(),
                    Optional.of(windowOnly),
                    Optional.empty(),
                    Optional.empty())));
    assertThat(averaged.problems()).isEmpty();
    RunResult ra =
        new FactoryRun(
                "shaped-average", averaged, Specs.run(Duration.ofSeconds(60), PulseResolution.FULL))
            .complete();
    SiteResult sa = ra.site().orElseThrow();
    SiteResult.BatteryResult ba = sa.battery().orElseThrow();
    double in = sa.grid().importJoules() - sa.grid().exportJoules();
    double out = sa.grid().loadJoules() + ba.lossJoules() + ba.storedChangeJoules();
    assertThat(Math.abs(in - out) / out).isLessThan(1e-9);
    assertThat(ba.dischargedJoules()).isPositive();
    // Averaged over its 2-s iteration period, the pulsing load imports its mean: below its peak.
    assertThat(sa.grid().peakImportWatts()).isLessThan(s.grid().peakImportWatts());
  }

  /**
   * Rack storage on the cluster (its load shaped, no job-level smoothing) under a site battery and
   * generation: the dispatch follows the shaped load, grid + generation = load + losses + ΔSOC to
   * 1e-9, and the site's energy is the facility's.
   */
  @Test
  void aBatteryFollowsALoadShapedByRackStorage() {
    FactorySpec plain = factory(1, Optional.empty(), null);
    ClusterSpec stored =
        new ClusterSpec(
            "c",
            "S",
            250,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(
                new org.aifactory.model.shaping.RackStorageSpec(
                    new org.aifactory.model.shaping.RackStorageSpec.Energy.PerSystem(1_000),
                    new org.aifactory.model.shaping.RackStorageSpec.Target.OfDesignIt(0.75),
                    0.9)));
    BatterySpec battery =
        new BatterySpec(
            3.6e8, 1e6, 0.85, 0.1, 0.9, 0.5, new BatterySpec.SmoothingPolicy(0, 2e4, 5e4), 0);
    FactorySpec f =
        new FactorySpec(
            Specs.TOY_CATALOG,
            new FacilitySpec(1.1),
            List.of(stored),
            plain.workloads(),
            org.aifactory.model.failure.FailureSpec.none(),
            Optional.empty(),
            Optional.of(
                new SiteSpec(
                    List.of(new GridRule.Ramp("ramp", 1e5, S)),
                    Optional.empty(),
                    Optional.of(battery),
                    Optional.of(new GenerationSpec(2e5, 5e3, 8576, 3.66, 53.06)),
                    Optional.empty())));
    assertThat(f.problems()).isEmpty();
    RunResult r =
        new FactoryRun("stored", f, Specs.run(Duration.ofMinutes(10), PulseResolution.FULL))
            .complete();
    SiteResult s = r.site().orElseThrow();
    SiteResult.BatteryResult b = s.battery().orElseThrow();
    double supplied =
        s.grid().importJoules()
            - s.grid().exportJoules()
            + s.generation().orElseThrow().energyJoules();
    double used = s.grid().loadJoules() + b.lossJoules() + b.storedChangeJoules();
    assertThat(Math.abs(supplied - used) / used).isLessThan(1e-9);
    assertThat(s.grid().loadJoules())
        .isCloseTo(r.energyFacilityJoules(), within(r.energyFacilityJoules() * 1e-9));
    assertThat(b.dischargedJoules()).isPositive();
    assertThat(b.chargedJoules()).isPositive();
  }
}
