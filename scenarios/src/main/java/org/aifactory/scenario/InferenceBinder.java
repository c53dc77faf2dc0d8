package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.aifactory.model.inference.DemandSpec;
import org.aifactory.model.inference.ServiceResolution;
import org.aifactory.model.inference.ServingDefaults;
import org.aifactory.model.inference.TokenCounts;
import org.aifactory.model.workload.InferenceServiceSpec;

/**
 * Binds a workload of {@code type: inference}: a model served by replicas, its demand and its
 * requests' sizes, with the defaults of {@link ServingDefaults} (cited in docs/sources.md §10).
 */
final class InferenceBinder {
  static final List<String> KEYS = Language.INFERENCE.keys();

  static final List<String> DEMAND_KEYS = Language.DEMAND.keys();
  static final List<String> TOKEN_KEYS = Language.TOKENS.keys();
  static final Map<String, ServiceResolution> RESOLUTIONS =
      Field.ordered(
          Language.SERVICE_RESOLUTIONS, r -> ServiceResolution.valueOf(r.toUpperCase(Locale.ROOT)));
  private static final String RATE_EXPECTED =
      "a request rate: a number of requests per duration (e.g. 120 per 1 s, 4000 per 1 min)";

  /**
   * The highest demand a service takes: a billion requests per second, far beyond any service (an
   * input limit, so that estimates and counts stay finite).
   */
  static final double MAX_REQUESTS_PER_SECOND = 1e9;

  private final Diagnostics diagnostics;
  private final Function<String, Optional<String>> gpuTypeOfCluster;

  /**
   * @param gpuTypeOfCluster the GPU type of a cluster by name (empty if unknown): the default
   *     throughput comes from it
   */
  InferenceBinder(Diagnostics diagnostics, Function<String, Optional<String>> gpuTypeOfCluster) {
    this.diagnostics = diagnostics;
    this.gpuTypeOfCluster = gpuTypeOfCluster;
  }

  Optional<InferenceServiceSpec> bind(MapReader service) {
    Optional<String> name = service.field("name").required(Names.EXPECTED).name();
    Optional<String> cluster =
        service
            .field("cluster")
            .required("the name of a cluster")
            .reference("the name of a cluster");
    Optional<Integer> gpus =
        service
            .field("gpus")
            .required("the GPUs of all its replicas, a whole number >= 1")
            .intValue(1, Integer.MAX_VALUE);
    Field perReplicaField = service.field("gpus_per_replica");
    Optional<Integer> perReplica =
        perReplicaField.isPresent()
            ? perReplicaField.intValue(1, Integer.MAX_VALUE)
            : Optional.of(ServingDefaults.GPUS_PER_REPLICA);
    Field batchField = service.field("batch");
    Optional<Integer> batch =
        batchField.isPresent()
            ? batchField.intValue(1, 1 << 20)
            : perReplica.map(
                g -> (int) Math.min(1 << 20, (long) g * ServingDefaults.BATCH_PER_GPU));
    Optional<Double> rate = throughput(service.field("tokens_per_second_per_gpu"), cluster);
    Optional<Double> factor = throughputFactor(service);
    Field busyField = service.field("busy_power");
    Optional<Double> busy =
        busyField.isPresent()
            ? busyField.fraction()
            : Optional.of(ServingDefaults.BUSY_POWER_FRACTION);
    Field prefillField = service.field("prefill_speedup");
    Optional<Double> prefill =
        prefillField.isPresent()
            ? prefillField.positiveNumber("a number > 0, prompt tokens per output token's time")
            : Optional.of(ServingDefaults.PREFILL_SPEEDUP);
    Optional<DemandSpec> demand =
        demand(
            service.field("demand").required("a map with keys " + String.join(", ", DEMAND_KEYS)));
    Optional<TokenCounts> prompt =
        tokens(service.field("prompt_tokens"), ServingDefaults.PROMPT_TOKENS);
    Optional<TokenCounts> output =
        tokens(service.field("output_tokens"), ServingDefaults.OUTPUT_TOKENS);
    Field queueingField = service.field("max_queueing");
    Optional<Duration> queueing =
        queueingField.isPresent()
            ? queueingField.duration(Bound.NON_NEGATIVE)
            : Optional.of(ServingDefaults.MAX_QUEUEING);
    Field resolutionField = service.field("resolution");
    Optional<ServiceResolution> resolution =
        resolutionField.isPresent()
            ? resolutionField.choice(RESOLUTIONS)
            : Optional.of(ServiceResolution.FLUID);
    Field startField = service.field("start");
    Optional<Duration> start =
        startField.isPresent()
            ? startField.duration(Bound.NON_NEGATIVE)
            : Optional.of(Duration.ZERO);
    if (gpus.isPresent() && perReplica.isPresent() && gpus.get() % perReplica.get() != 0) {
      Field g = service.field("gpus");
      diagnostics.error(
          g.location(),
          g.path(),
          "expected a whole number of replicas of "
              + perReplica.get()
              + " GPUs (gpus_per_replica), got "
              + gpus.get()
              + " GPUs");
      return Optional.empty();
    }
    if (name.isEmpty()
        || cluster.isEmpty()
        || gpus.isEmpty()
        || perReplica.isEmpty()
        || batch.isEmpty()
        || rate.isEmpty()
        || factor.isEmpty()
        || busy.isEmpty()
        || prefill.isEmpty()
        || demand.isEmpty()
        || prompt.isEmpty()
        || output.isEmpty()
        || queueing.isEmpty()
        || resolution.isEmpty()
        || start.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        service.location(),
        service.path(),
        () ->
            new InferenceServiceSpec(
                name.get(),
                cluster.get(),
                gpus.get(),
                perReplica.get(),
                batch.get(),
                rate.get(),
                factor.get(),
                busy.get(),
                prefill.get(),
                demand.get(),
                prompt.get(),
                output.get(),
                queueing.get(),
                resolution.get(),
                start.get()));
  }

  /** The MLPerf default of the cluster's GPU type, unless the scenario gives a figure. */
  private Optional<Double> throughput(Field field, Optional<String> cluster) {
    if (field.isPresent()) {
      return field.positiveNumber("output tokens per second per GPU at full batch, a number > 0");
    }
    if (cluster.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> gpu = gpuTypeOfCluster.apply(cluster.get());
    if (gpu.isEmpty()) {
      return Optional.empty(); // an unknown cluster is reported by the factory's checks
    }
    Optional<Double> figure = ServingDefaults.tokensPerSecondPerGpu(gpu.get());
    if (figure.isEmpty()) {
      field.required(
          "output tokens per second per GPU: there is no MLPerf default for GPU type '"
              + gpu.get()
              + "' (defaults exist for "
              + String.join(", ", ServingDefaults.gpuTypesWithThroughput())
              + ")");
    }
    return figure;
  }

  /** {@code precision: fp8 | nvfp4} or {@code throughput_factor: x}, not both; default 1. */
  private Optional<Double> throughputFactor(MapReader service) {
    Field precision = service.field("precision");
    Field factor = service.field("throughput_factor");
    if (precision.isPresent() && factor.isPresent()) {
      diagnostics.error(
          factor.keyLocation(),
          factor.path(),
          "give either precision or throughput_factor, not both");
      return Optional.empty();
    }
    if (precision.isPresent()) {
      return precision.choice(
          Field.ordered(Language.PRECISIONS, ServingDefaults.PRECISION_FACTORS::get));
    }
    if (factor.isPresent()) {
      return factor.positiveNumber("a multiplier of the throughput, a number > 0");
    }
    return Optional.of(1.0);
  }

  private Optional<DemandSpec> demand(Field field) {
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", DEMAND_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader demand = reader.get().allowOnly(Language.DEMAND);
    Optional<Double> rate =
        demand
            .field("rate")
            .required(RATE_EXPECTED)
            .value(RATE_EXPECTED, InferenceBinder::requestsPerSecond);
    Field profileField = demand.field("daily_profile");
    Optional<double[]> profile =
        profileField.isPresent() ? profile(profileField) : Optional.of(DemandSpec.flat());
    Field growthField = demand.field("growth_per_year");
    Optional<Double> growth =
        growthField.isPresent()
            ? growthField.number(
                -0.99, "the yearly growth of demand, a number > -1 (0.5 = +50 % a year)")
            : Optional.of(0.0);
    Field hourField = demand.field("start_hour");
    Optional<Integer> hour = hourField.isPresent() ? hourField.intValue(0, 23) : Optional.of(0);
    if (rate.isEmpty() || profile.isEmpty() || growth.isEmpty() || hour.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        demand.location(),
        demand.path(),
        () -> new DemandSpec(rate.get(), profile.get(), growth.get(), hour.get()));
  }

  /** {@code <count> per <duration>} as requests per second. */
  private static double requestsPerSecond(String text) throws ValueException {
    String written = text.strip();
    int per = written.indexOf(" per ");
    if (per < 0) {
      throw new ValueException("expected " + RATE_EXPECTED + ", got '" + written + "'");
    }
    String count = written.substring(0, per).strip();
    double requests;
    try {
      requests = Double.parseDouble(count.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ValueException("expected " + RATE_EXPECTED + ", got '" + written + "'");
    }
    if (!(requests >= 0) || Double.isInfinite(requests)) {
      throw new ValueException(
          "expected a number of requests >= 0 in " + RATE_EXPECTED + ", got '" + written + "'");
    }
    String durationText = written.substring(per + 5).strip();
    if (!durationText.isEmpty() && !Character.isDigit(durationText.charAt(0))) {
      durationText = "1 " + durationText;
    }
    double seconds;
    try {
      seconds = Values.seconds(durationText, Bound.POSITIVE);
    } catch (ValueException e) {
      throw new ValueException(
          "expected " + RATE_EXPECTED + ", got '" + written + "': " + e.getMessage());
    }
    double rate = requests / seconds;
    if (rate > DemandSpec.MAX_REQUESTS_PER_SECOND) {
      throw new ValueException(
          String.format(
              Locale.ROOT,
              "'%s' is %.3g requests per second; the most a service takes is %,d per second",
              written,
              rate,
              (long) DemandSpec.MAX_REQUESTS_PER_SECOND));
    }
    return rate;
  }

  /** 24 multipliers >= 0, hour 0 first. */
  private Optional<double[]> profile(Field field) {
    Optional<YamlList> list = field.list("a list of 24 hourly multipliers >= 0, hour 0 first");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    if (list.get().size() != 24) {
      diagnostics.error(
          field.location(),
          field.path(),
          "expected 24 hourly multipliers (hour 0 to hour 23), got " + list.get().size());
      return Optional.empty();
    }
    double[] m = new double[24];
    boolean ok = true;
    for (int i = 0; i < 24; i++) {
      Optional<Double> v =
          Field.element(list.get(), i, field.path(), diagnostics)
              .number(0, "an hourly multiplier, a number >= 0");
      if (v.isPresent()) {
        m[i] = v.get();
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(m) : Optional.empty();
  }

  /**
   * Tokens per request: a whole number (always that many), or a map {@code {distribution:
   * geometric, mean}}, {@code {distribution: lognormal, median, sigma}}, {@code {distribution:
   * uniform, min, max}}.
   */
  private Optional<TokenCounts> tokens(Field field, TokenCounts byDefault) {
    if (!field.isPresent()) {
      return Optional.of(byDefault);
    }
    String expected =
        "a whole number >= 1, or a map {distribution: geometric, mean} / {distribution: lognormal,"
            + " median, sigma} / {distribution: uniform, min, max}";
    if (field.node().isPresent() && !(field.node().get() instanceof YamlMap)) {
      return field.integer(1, Long.MAX_VALUE).map(TokenCounts.Fixed::new);
    }
    Optional<MapReader> reader = field.map(expected);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get();
    Optional<String> kind =
        map.field("distribution")
            .required("geometric, lognormal or uniform")
            .choice(
                Field.ordered(
                    List.copyOf(Language.TOKEN_DISTRIBUTIONS.keySet()), Function.identity()));
    if (kind.isEmpty()) {
      map.allowOnly(Language.TOKENS);
      return Optional.empty();
    }
    map.allowOnly(Language.TOKENS, kind.get());
    return switch (kind.get()) {
      case "geometric" -> {
        Optional<Double> mean =
            map.field("mean").required("the mean token count, >= 1").number(1, "a mean >= 1");
        yield mean.flatMap(
            m ->
                diagnostics.construct(
                    map.location(), map.path(), () -> new TokenCounts.Geometric(m)));
      }
      case "lognormal" -> {
        Optional<Double> median =
            map.field("median")
                .required("the median token count, > 0")
                .positiveNumber("a median > 0");
        Optional<Double> sigma =
            map.field("sigma")
                .required("the log-space standard deviation, >= 0")
                .number(0, "a sigma >= 0");
        if (median.isEmpty() || sigma.isEmpty()) {
          yield Optional.empty();
        }
        yield diagnostics.construct(
            map.location(), map.path(), () -> new TokenCounts.Lognormal(median.get(), sigma.get()));
      }
      default -> {
        Optional<Long> min =
            map.field("min").required("the fewest tokens, >= 1").integer(1, Long.MAX_VALUE);
        Optional<Long> max =
            map.field("max").required("the most tokens, >= min").integer(1, Long.MAX_VALUE);
        if (min.isEmpty() || max.isEmpty()) {
          yield Optional.empty();
        }
        yield diagnostics.construct(
            map.location(), map.path(), () -> new TokenCounts.Uniform(min.get(), max.get()));
      }
    };
  }
}
