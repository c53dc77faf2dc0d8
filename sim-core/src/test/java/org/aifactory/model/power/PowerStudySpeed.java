package org.aifactory.model.power;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;

/**
 * Speed of a power-only study (issue 4 §5): one chain, 10-year horizon, 10,000 replications. Not a
 * test (no assertion, not run by surefire): run it by hand,
 *
 * <pre>
 * java -cp sim-core/target/classes:sim-core/target/test-classes:DEPENDENCIES \
 *     org.aifactory.model.power.PowerStudySpeed [replications] [threads]
 * </pre>
 *
 * The hall: 64 GB200 NVL72 racks of 132 kW (docs/sources.md §1) in 16 dual-corded rack groups; 500
 * kW UPS modules and 3 MW generators (placeholders); every other figure the cited default.
 */
public final class PowerStudySpeed {
  private PowerStudySpeed() {}

  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    double[] loads = new double[16];
    Arrays.fill(loads, 4 * 132e3);
    long horizon = Math.round(10 * PowerTime.SECONDS_PER_YEAR * 1e9);
    for (String design : new String[] {"N+1", "2N", "4N/3"}) {
      PowerChainSpec spec =
          PowerChainSpec.sized(
              loads, RedundancyDesign.parse(design), 500e3, RedundancyDesign.N_PLUS_1, 3e6, true);
      run(design, spec, loads, horizon, Math.min(1_000, replications), threads); // warm-up
      run(design, spec, loads, horizon, replications, threads);
    }
  }

  private static void run(
      String design,
      PowerChainSpec spec,
      double[] loads,
      long horizon,
      int replications,
      int threads) {
    AtomicLong events = new AtomicLong();
    double[] unavailability = new double[replications];
    long t0 = System.nanoTime();
    IntStream reps = IntStream.range(0, replications);
    Runnable body =
        () ->
            (threads > 1 ? reps.parallel() : reps)
                .forEach(
                    r -> {
                      Simulation sim = new Simulation(256);
                      PowerChain chain =
                          new PowerChain(spec, loads, sim, new RandomStreams(2024, r));
                      chain.start();
                      sim.runUntil(horizon);
                      unavailability[r] = 1 - chain.result().wholeLoadAvailability();
                      events.addAndGet(sim.eventsFired());
                    });
    if (threads > 1) {
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
      pool.submit(body).join();
      pool.shutdown();
    } else {
      body.run();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double mean = Arrays.stream(unavailability).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "%-5s UPS %s: %,d replications x 10 y on %d thread(s): %.2f s wall, %,d events"
            + " (%.0f per replication), %.2f M events/s; mean whole-load unavailability %.3g"
            + " (%.2f min/y)%n",
        design,
        spec.ups().structure(),
        replications,
        threads,
        seconds,
        events.get(),
        (double) events.get() / replications,
        events.get() / seconds / 1e6,
        mean,
        mean * 525_600);
  }
}
