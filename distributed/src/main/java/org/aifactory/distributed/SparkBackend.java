package org.aifactory.distributed;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aifactory.experiment.Comparison;
import org.aifactory.experiment.ComparisonRecipe;
import org.aifactory.experiment.Configuration;
import org.aifactory.experiment.PointOutcome;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.Replications;
import org.aifactory.experiment.RunBackend;
import org.aifactory.experiment.ScenarioRecipe;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.experiment.SweepSpec;
import org.aifactory.experiment.VariantRunner;
import org.aifactory.scenario.ScenarioSweep;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep's runs, a scenario's replications, or a comparison's, on Apache Spark. Spark starts
 * when the runs are ready (after every check of the command line) and stops when they are back; its
 * master comes from {@code --master}, else from {@code spark-submit} ({@code spark.master}), else
 * {@code local[*]}.
 */
public final class SparkBackend implements RunBackend {
  /**
   * Partitions per core when none are asked for: enough that a core finishing early takes other
   * work, few enough that a partition's start-up is small next to its runs.
   */
  static final int PARTITIONS_PER_CORE = 4;

  private final Optional<String> master;
  private final Optional<Integer> partitions;

  /**
   * @param master the Spark master URL, or empty for spark-submit's or {@code local[*]}
   * @param partitions how many partitions to cut the runs into, or empty for {@value
   *     #PARTITIONS_PER_CORE} per core
   */
  public SparkBackend(Optional<String> master, Optional<Integer> partitions) {
    this.master = master;
    this.partitions = partitions;
    partitions.ifPresent(
        p -> {
          if (p < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
          }
        });
  }

  @Override
  public boolean local() {
    return false;
  }

  @Override
  public List<PointOutcome> sweep(
      SweepSpec spec, ScenarioSweep sweep, SweepPlan plan, int threads, ProgressListener progress) {
    return withSpark(
        "aifactory sweep " + plan.scenario(),
        (sc, parts) -> SparkSweepRun.run(sc, spec, plan, parts, progress));
  }

  @Override
  public Replications.Result replicate(
      ScenarioRecipe recipe,
      Configuration configuration,
      int replications,
      int threads,
      ProgressListener progress) {
    return withSpark(
        "aifactory run " + configuration.runName() + " x" + replications,
        (sc, parts) ->
            SparkReplicationsRun.run(sc, recipe, configuration, replications, parts, progress));
  }

  @Override
  public <T> T compare(
      ComparisonRecipe recipe,
      String scenario,
      List<Comparison.Input> inputs,
      int threads,
      Function<VariantRunner, T> comparison) {
    return withSpark(
        "aifactory compare " + scenario,
        (sc, parts) ->
            comparison.apply(new SparkComparisonRun(sc, recipe, scenario, inputs, parts)));
  }

  /** A job on a Spark context and the number of partitions to cut its work into. */
  @FunctionalInterface
  private interface Job<T> {
    T run(JavaSparkContext sc, int partitions) throws Exception;
  }

  /**
   * Starts Spark, runs {@code job}, stops Spark. A master that cannot be reached, or that stops the
   * job, is {@link RunBackend.Unavailable}.
   */
  private <T> T withSpark(String appName, Job<T> job) {
    SparkConf conf = conf(appName);
    SparkMaster target = new SparkMaster(conf.get("spark.master"));
    target.checkForm();
    target.checkReachable();
    try (JavaSparkContext sc = start(conf, target)) {
      int parts = partitions.orElse(PARTITIONS_PER_CORE * sc.defaultParallelism());
      try {
        return job.run(sc, parts);
      } catch (Exception e) { // a failed job throws SparkException, checked but undeclared
        // A standalone master that accepts connections but never registers the application
        // makes Spark give up after its retries and stop the context under the job.
        if (sc.sc().isStopped()) {
          throw new RunBackend.Unavailable(
              "Spark stopped while the runs ran (master " + target.url() + "): " + firstLine(e));
        }
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
      }
    }
  }

  /** Spark's configuration: spark-submit's (system properties), then ours where it is silent. */
  private SparkConf conf(String appName) {
    SparkConf conf = new SparkConf();
    master.ifPresent(conf::setMaster);
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", appName);
    if (new SparkMaster(conf.get("spark.master")).local()) {
      // One machine: no web UI to bind, and the loopback address whatever the host name
      // resolves to.
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    } else if (!conf.contains("spark.jars")) {
      // Started with java -cp rather than spark-submit: the executors need this jar.
      applicationJar().ifPresent(jar -> conf.set("spark.jars", jar));
    }
    return conf;
  }

  private static JavaSparkContext start(SparkConf conf, SparkMaster target) {
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
      throw new RunBackend.Unavailable(
          "cannot start Spark with master " + target.url() + ": " + firstLine(e));
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /** The jar this class was loaded from, if it was loaded from a jar. */
  private static Optional<String> applicationJar() {
    try {
      var source = SparkBackend.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? Optional.of(path.toString()) : Optional.empty();
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }
}
