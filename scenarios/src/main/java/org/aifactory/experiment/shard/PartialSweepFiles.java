package org.aifactory.experiment.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.experiment.Sweep;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.SweepResult;

/**
 * A partial result on disk: a folder with {@value #MANIFEST} (which sweep, which shard, the plan
 * and the metric layouts) and {@value #RUNS} (one line per run in task order: {@code
 * point,replication,value,value,…}, each value as Java prints a double, so it reads back to the
 * same bits). The merge reads nothing else: it needs neither the scenario file nor the options
 * again.
 */
public final class PartialSweepFiles {
  public static final String MANIFEST = "shard.json";
  public static final String RUNS = "runs.csv";

  private static final String TASK_ORDER =
      "task t is replication t % replications of point t / replications; shard K/N ran the"
          + " tasks t with t % N = K, in order";

  private PartialSweepFiles() {}

  /** A folder that is not a partial result of a sweep, or is damaged. */
  public static final class NotAPartialResult extends IOException {
    private static final long serialVersionUID = 1L;

    NotAPartialResult(String message) {
      super(message);
    }
  }

  /** Writes {@code partial} into {@code dir} (which exists). */
  public static void write(PartialSweep partial, Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    SweepPlan plan = partial.plan();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", PartialSweep.FORMAT);
    root.put("scenario", plan.scenario());
    root.put("scenario_source", partial.scenarioSource());
    root.put("scenario_sha256", partial.scenarioSha256());
    root.put("seed", plan.seed());
    ObjectNode options = root.putObject("options");
    strings(options.putArray("set"), partial.overrides());
    strings(options.putArray("vary"), partial.varies());
    options.put("replications", plan.replications());
    strings(options.putArray("metric"), plan.charted());
    if (plan.goal().isPresent()) {
      options.put("best", PartialSweep.best(plan));
    } else {
      options.putNull("best");
    }
    ObjectNode shard = root.putObject("shard");
    shard.put("index", partial.shard().index());
    shard.put("count", partial.shard().count());
    ObjectNode tasks = root.putObject("tasks");
    tasks.put("total", plan.tasks());
    tasks.put("in_shard", partial.runs().size());
    tasks.put("order", TASK_ORDER);
    ArrayNode parameters = root.putArray("parameters");
    for (SweepResult.Parameter p : plan.parameters()) {
      ObjectNode o = parameters.addObject();
      o.put("path", p.path());
      strings(o.putArray("values"), p.values());
      o.put("unit", p.unit());
      ArrayNode numbers = o.putArray("numbers");
      p.numbers().forEach(numbers::add);
    }
    ArrayNode points = root.putArray("points");
    for (List<Integer> point : plan.points()) {
      ArrayNode a = points.addArray();
      point.forEach(a::add);
    }
    ArrayNode layouts = root.putArray("layouts");
    for (List<Metric> layout : partial.layouts()) {
      ArrayNode a = layouts.addArray();
      for (Metric m : layout) {
        ObjectNode o = a.addObject();
        o.put("key", m.key());
        o.put("unit", m.unit());
        o.put("definition", m.definition());
      }
    }
    ArrayNode pointLayouts = root.putArray("point_layouts");
    partial.pointLayouts().forEach(pointLayouts::add);
    Files.writeString(
        dir.resolve(MANIFEST),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(RUNS), StandardCharsets.UTF_8)) {
      out.write("point,replication,values\n");
      StringBuilder line = new StringBuilder();
      for (PartialSweep.Run run : partial.runs()) {
        line.setLength(0);
        line.append(run.point()).append(',').append(run.replication());
        for (int i = 0; i < run.size(); i++) {
          line.append(',').append(Double.toString(run.value(i)));
        }
        out.append(line).append('\n');
      }
    }
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  /**
   * Reads the partial result in {@code dir}.
   *
   * @throws NotAPartialResult when {@code dir} holds none, or a damaged one, saying which
   */
  public static PartialSweep read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NotAPartialResult(
          dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(dir.resolve(MANIFEST).toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new NotAPartialResult(
          dir + ": no " + MANIFEST + " (not the output of 'aifactory sweep --shard K/N')");
    } catch (JsonProcessingException e) {
      throw new NotAPartialResult(dir.resolve(MANIFEST) + ": not JSON: " + e.getOriginalMessage());
    }
    try {
      return read(dir, root);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotAPartialResult(
          dir.resolve(MANIFEST) + ": damaged (" + e.getMessage() + "); run that shard again");
    }
  }

  private static PartialSweep read(Path dir, JsonNode root) throws IOException {
    String format = text(root, "format");
    if (!format.equals(PartialSweep.FORMAT)) {
      throw new NotAPartialResult(
          dir.resolve(MANIFEST)
              + ": format '"
              + format
              + "', this aifactory reads '"
              + PartialSweep.FORMAT
              + "'");
    }
    JsonNode options = field(root, "options");
    List<SweepResult.Parameter> parameters = new ArrayList<>();
    for (JsonNode p : field(root, "parameters")) {
      List<Double> numbers = new ArrayList<>();
      for (JsonNode n : field(p, "numbers")) {
        numbers.add(n.asDouble());
      }
      parameters.add(
          new SweepResult.Parameter(
              text(p, "path"), strings(field(p, "values")), text(p, "unit"), numbers));
    }
    List<List<Integer>> points = new ArrayList<>();
    for (JsonNode p : field(root, "points")) {
      List<Integer> point = new ArrayList<>();
      p.forEach(i -> point.add(i.asInt()));
      points.add(point);
    }
    SweepPlan plan =
        new SweepPlan(
            text(root, "scenario"),
            field(root, "seed").asLong(),
            field(options, "replications").asInt(),
            parameters,
            points,
            strings(field(options, "metric")),
            goal(field(options, "best")));
    JsonNode shardNode = field(root, "shard");
    Shard shard = new Shard(field(shardNode, "index").asInt(), field(shardNode, "count").asInt());
    List<List<Metric>> layouts = new ArrayList<>();
    for (JsonNode l : field(root, "layouts")) {
      List<Metric> layout = new ArrayList<>();
      for (JsonNode m : l) {
        layout.add(new Metric(text(m, "key"), text(m, "unit"), text(m, "definition"), 0));
      }
      layouts.add(layout);
    }
    List<Integer> pointLayouts = new ArrayList<>();
    for (JsonNode i : field(root, "point_layouts")) {
      int index = i.asInt();
      if (index < -1 || index >= layouts.size()) {
        throw new IllegalArgumentException("point_layouts names layout " + index);
      }
      pointLayouts.add(index);
    }
    List<PartialSweep.Run> runs = runs(dir.resolve(RUNS), plan, pointLayouts, layouts);
    return new PartialSweep(
        text(root, "scenario_source"),
        text(root, "scenario_sha256"),
        strings(field(options, "set")),
        strings(field(options, "vary")),
        plan,
        shard,
        layouts,
        pointLayouts,
        runs);
  }

  private static List<PartialSweep.Run> runs(
      Path file, SweepPlan plan, List<Integer> pointLayouts, List<List<Metric>> layouts)
      throws IOException {
    List<PartialSweep.Run> runs = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine(); // header
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        String[] cells = line.split(",", -1);
        try {
          int point = Integer.parseInt(cells[0]);
          int replication = Integer.parseInt(cells[1]);
          if (point < 0
              || point >= plan.points().size()
              || replication < 0
              || replication >= plan.replications()) {
            throw new IllegalArgumentException("no such run");
          }
          int layout = pointLayouts.get(point);
          if (layout < 0 || layouts.get(layout).size() != cells.length - 2) {
            throw new IllegalArgumentException("not the point's metrics");
          }
          double[] values = new double[cells.length - 2];
          for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(cells[i + 2]);
          }
          runs.add(new PartialSweep.Run(point, replication, values));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
          throw new NotAPartialResult(
              file + ":" + number + ": damaged (" + e.getMessage() + "); run that shard again");
        }
      }
    } catch (NoSuchFileException e) {
      throw new NotAPartialResult(file + ": missing; run that shard again");
    }
    return runs;
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no '" + name + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = field(node, name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' is not text");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Optional<Sweep.Goal> goal(JsonNode best) {
    if (best.isNull()) {
      return Optional.empty();
    }
    String text = best.asText();
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("best is '" + text + "'");
    }
    return Optional.of(
        new Sweep.Goal(text.substring(colon + 1), text.substring(0, colon).equals("max")));
  }
}
