package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema written from {@link Language} and the loader agree: every bundled scenario and
 * README example validates; on every map of the bundled scenarios, each key the schema allows is
 * not an unknown key to the loader, a misspelt key is rejected by both, and every choice's words
 * are the loader's; every unit is in the patterns.
 */
class LanguageSchemaTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNode SCHEMA_TREE = readSchema();
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SCHEMA_TREE);

  private static JsonNode readSchema() {
    try {
      return new ObjectMapper().readTree(LanguageSchema.json());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The words of {@code kind} if it is a choice (directly or as one of several kinds). */
  static List<String> words(ValueKind kind) {
    if (kind instanceof ValueKind.Choice choice) {
      return choice.words();
    }
    if (kind instanceof ValueKind.AnyOf anyOf) {
      return anyOf.kinds().stream().flatMap(k -> words(k).stream()).toList();
    }
    return List.of();
  }

  /** Test scenarios that, with the bundled ones, have every map of the language. */
  private static final Path TOURS = Path.of("src/test/resources/language");

  static Stream<String> bundled() {
    return ScenarioLibrary.names().stream();
  }

  /** The bundled scenarios and the tours: the scenarios whose maps are probed. */
  static Stream<String> probed() throws IOException {
    try (Stream<Path> tours = Files.list(TOURS)) {
      List<String> files =
          tours.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList();
      return Stream.concat(bundled(), files.stream());
    }
  }

  private static String text(String scenario) throws IOException {
    return scenario.endsWith(".yaml")
        ? Files.readString(Path.of(scenario))
        : ScenarioLibrary.text(scenario).orElseThrow();
  }

  /**
   * Every section of the language, and every variant of a split one, is in a probed scenario, so
   * that {@link #theLoaderAndTheSchemaAgreeOnEveryKeyAndChoice} checks all of its keys.
   */
  @Test
  void theProbedScenariosHaveEveryMapOfTheLanguage() throws IOException {
    Set<String> probed = new java.util.TreeSet<>();
    for (String scenario : probed().toList()) {
      List<MapAt> maps = new ArrayList<>();
      walk(YAML.readTree(text(scenario)), ValueKind.of(Language.SCENARIO), "", maps);
      for (MapAt map : maps) {
        probed.add(label(map.section(), map.allowed()));
      }
    }
    Map<String, Section> reached = new LinkedHashMap<>();
    LanguageSchema.collect(Language.SCENARIO, reached);
    List<String> missing = new ArrayList<>();
    for (Section s : reached.values()) {
      List<List<String>> variants =
          s.discriminator().isPresent()
              ? List.copyOf(s.keysByVariant().values())
              : List.of(s.keys());
      for (List<String> keys : variants) {
        if (!probed.contains(label(s, keys))) {
          missing.add(label(s, keys));
        }
      }
    }
    assertThat(missing)
        .as("maps no probed scenario has: add them to a scenario in " + TOURS)
        .isEmpty();
  }

  private static String label(Section section, List<String> keys) {
    return section.name() + keys;
  }

  @Test
  void theSchemaIsAValidDraft07Schema() {
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of(SchemaId.V7));
    assertThat(meta.validate(SCHEMA_TREE)).isEmpty();
    assertThat(SCHEMA_TREE.path("$comment").asText()).isEqualTo(LanguageSchema.GENERATED_BY);
  }

  /**
   * Every section declared in {@link Language} is reached from the scenario: a section that a
   * binder checks keys against but that no key leads to would be missing from the schema.
   */
  @Test
  void everySectionOfTheLanguageIsInTheSchema() throws IllegalAccessException {
    Map<String, Section> reached = new LinkedHashMap<>();
    LanguageSchema.collect(Language.SCENARIO, reached);
    List<String> missing = new ArrayList<>();
    for (Field f : Language.class.getDeclaredFields()) {
      if (f.getType() == Section.class
          && Modifier.isStatic(f.getModifiers())
          && !Modifier.isPrivate(f.getModifiers())) {
        Section s = (Section) f.get(null);
        if (reached.get(s.name()) != s) {
          missing.add("Language." + f.getName() + " (" + s.name() + ")");
        }
      }
    }
    assertThat(missing)
        .as("sections no key of the scenario leads to: give each a key in its parent section")
        .isEmpty();
    for (Section s : reached.values()) {
      JsonNode definition =
          s == Language.SCENARIO ? SCHEMA_TREE : LanguageSchema.definition(SCHEMA_TREE, s.name());
      List<String> properties = new ArrayList<>();
      definition.path("properties").fieldNames().forEachRemaining(properties::add);
      assertThat(properties).as("schema keys of " + s.name()).isEqualTo(s.keys());
      assertThat(definition.path("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("probed")
  void everyBundledScenarioValidates(String name) throws IOException {
    JsonNode scenario = YAML.readTree(text(name));
    assertThat(SCHEMA.validate(scenario)).as(name).isEmpty();
  }

  /** What the loader accepts in the README's examples, the schema accepts too. */
  @Test
  void everyReadmeExampleThatLoadsValidates() throws IOException {
    String doc = org.aifactory.docs.UserDocs.all();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    int checked = 0;
    while (m.find()) {
      String block = m.group(1);
      String text = block.contains("\nhorizon:") || block.startsWith("name:") ? block : null;
      for (String candidate : text != null ? List.of(text) : List.of(Texts.VALID + block)) {
        try {
          new ScenarioLoader().parse("README", candidate, List.of());
        } catch (ScenarioException e) {
          continue; // a fragment that needs more than the test factory
        }
        assertThat(SCHEMA.validate(YAML.readTree(candidate))).as(block).isEmpty();
        checked++;
      }
    }
    assertThat(checked).as("README examples that load").isGreaterThanOrEqualTo(5);
  }

  /**
   * Forms of values that no probed scenario writes: the loader accepts them, so must the schema.
   */
  static Stream<String> otherForms() {
    return Stream.of(
        Texts.VALID + "power: { generators: none, utility: perfect, repair_crews: per_unit }\n",
        Texts.VALID + "power:\n  generators:\n  common_cause: 2 %\n",
        Texts.VALID + "failures:\n  profile: llama3\n  causes:\n    planned_maintenance:\n",
        Texts.VALID + "catalog:\n  gpus:\n    H100-SXM:\n",
        Texts.VALID
            + "facility:\n  cooling:\n    weather: { dry_bulb: 30 °C, wet_bulb: 20 °C }\n    air: { chillers: {} }\n",
        Texts.valid("count: 4", "count: 4\n    power_cap: 500 W"),
        Texts.valid("interval: 30 min", "interval: 1_800 s"),
        Texts.valid("name: test", "name: 2024"),
        Texts.valid("tokens_per_iteration: 1024", "tokens_per_iteration: '16_777_216'"),
        Texts.valid("compute_fraction: 0.5", "compute_fraction: 50%"),
        Texts.VALID + "seed: -7\nreplications: 2\ncosts: { pdu_each: $25_000.5 }\n");
  }

  @ParameterizedTest
  @MethodSource("otherForms")
  void whatTheLoaderAcceptsTheSchemaAccepts(String text) throws IOException, ScenarioException {
    Texts.load(text);
    assertThat(SCHEMA.validate(YAML.readTree(text))).as(text).isEmpty();
  }

  /** Values of the wrong kind: both reject them. */
  static Stream<String> wrongForms() {
    return Stream.of(
        Texts.valid("horizon: 1 h", "horizon: 5"),
        Texts.valid("horizon: 1 h", "horizon: 5 parsecs"),
        Texts.valid("horizon: 1 h", "horizon: 5 H"),
        Texts.VALID + "facility: { pue: high }\n",
        Texts.VALID + "pulse_resolution: fast\n",
        Texts.VALID + "seed: 1.5\n",
        Texts.valid("name: test", "name: my test"),
        Texts.valid("compute_power: 1.0", "compute_power: 1.5 W"),
        Texts.valid("count: 4", "count: 4\n    power_cap: 500 kWh"),
        Texts.VALID + "power: { generators: nothing }\n",
        Texts.VALID + "power: { ups: { design: 3M } }\n",
        Texts.VALID + "site: { rules: [{ ramp: 10 MW/day, window: 1 min }] }\n",
        Texts.VALID + "site: { rules: [{ oscillation: 2 MW, band: 0.1-1, window: 64 s }] }\n",
        Texts.VALID + "failures: { causes: { x: { scope: system, rate: 2 per fortnight } } }\n");
  }

  @ParameterizedTest
  @MethodSource("wrongForms")
  void whatTheSchemaRejectsTheLoaderRejects(String text) throws IOException {
    assertThat(Texts.errors(text)).isNotEmpty();
    assertThat(SCHEMA.validate(YAML.readTree(text))).as(text).isNotEmpty();
  }

  /** A probe of one map of a scenario: the loader's path to it and its section. */
  private record MapAt(ObjectNode node, String path, Section section, List<String> allowed) {}

  /**
   * On every map of every bundled scenario: each key its section allows is not an unknown key to
   * the loader; a misspelt key is an unknown key to both; each word of a choice is accepted by the
   * loader and a misspelt word is rejected by both.
   */
  @ParameterizedTest
  @MethodSource("probed")
  void theLoaderAndTheSchemaAgreeOnEveryKeyAndChoice(String name) throws IOException {
    ObjectNode root = (ObjectNode) YAML.readTree(text(name));
    assertThat(loaderErrors(root)).as(name + " after a round trip through Jackson").isEmpty();
    List<MapAt> maps = new ArrayList<>();
    walk(root, ValueKind.of(Language.SCENARIO), "", maps);
    assertThat(maps).isNotEmpty();
    for (MapAt map : maps) {
      String where = name + ": " + (map.path().isEmpty() ? "(top)" : map.path());
      String misspelt = map.allowed().get(0) + "_x";
      map.node().put(misspelt, "1");
      String misspeltPath = FieldPath.key(map.path(), misspelt);
      assertThat(loaderErrors(root))
          .as(
              where
                  + ": the loader rejects "
                  + misspelt
                  + " (binder of section "
                  + map.section()
                  + ")")
          .anyMatch(e -> e.path().equals(misspeltPath) && e.message().startsWith("unknown key"));
      assertThat(SCHEMA.validate(root)).as(where + ": the schema rejects " + misspelt).isNotEmpty();
      map.node().remove(misspelt);
      for (String key : map.allowed()) {
        if (map.node().has(key)) {
          words(map.section().kinds().get(key), map, key, where, root);
          continue;
        }
        map.node().put(key, "1");
        String keyPath = FieldPath.key(map.path(), key);
        assertThat(loaderErrors(root))
            .as(
                where
                    + ": the schema allows "
                    + key
                    + " in section "
                    + map.section()
                    + " but the loader rejects it")
            .noneMatch(e -> e.path().equals(keyPath) && e.message().startsWith("unknown key"));
        map.node().remove(key);
      }
    }
  }

  /** Each word of a choice at {@code key} loads; a misspelt one is rejected by both. */
  private void words(ValueKind kind, MapAt map, String key, String where, ObjectNode root) {
    if (!(kind instanceof ValueKind.Choice choice)) {
      return;
    }
    JsonNode written = map.node().get(key);
    String keyPath = FieldPath.key(map.path(), key);
    for (String word : choice.words()) {
      map.node().put(key, word);
      assertThat(loaderErrors(root))
          .as(where + ": the loader accepts " + key + ": " + word)
          .noneMatch(e -> e.path().equals(keyPath) && e.message().startsWith("unknown value"));
    }
    map.node().put(key, choice.words().get(0) + "x");
    assertThat(loaderErrors(root))
        .as(where + ": the loader rejects a misspelt " + key)
        .anyMatch(e -> e.path().equals(keyPath) && e.message().startsWith("unknown value"));
    assertThat(SCHEMA.validate(root))
        .as(where + ": the schema rejects a misspelt " + key)
        .isNotEmpty();
    map.node().set(key, written);
  }

  /** Collects the maps under {@code node}, which is a value of {@code kind} at {@code path}. */
  private static void walk(JsonNode node, ValueKind kind, String path, List<MapAt> maps) {
    if (kind instanceof ValueKind.Of of && node instanceof ObjectNode object) {
      Section section = of.section();
      List<String> allowed = section.keys();
      if (section.discriminator().isPresent()) {
        String variant = object.path(section.discriminator().get()).asText();
        allowed = section.keysOf(variant);
      }
      maps.add(new MapAt(object, path, section, allowed));
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        ValueKind child = section.kinds().get(key);
        if (child == null) {
          fail(path + ": key " + key + " is not in section " + section);
        }
        walk(object.get(key), child, FieldPath.key(path, key), maps);
      }
    } else if (kind instanceof ValueKind.ListOf list && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), list.element(), FieldPath.index(path, i), maps);
      }
    } else if (kind instanceof ValueKind.ByName byName && node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), byName.entry(), FieldPath.key(path, e.getKey()), maps);
      }
    } else if (kind instanceof ValueKind.ByType byType && node instanceof ObjectNode object) {
      Section section = byType.sections().get(object.path(byType.key()).asText());
      if (section != null) {
        walk(node, ValueKind.of(section), path, maps);
      }
    } else if (kind instanceof ValueKind.AnyOf anyOf) {
      for (ValueKind k : anyOf.kinds()) {
        walk(node, k, path, maps);
      }
    }
  }

  private static List<ScenarioError> loaderErrors(JsonNode root) {
    try {
      new ScenarioLoader().parse("probe.yaml", YAML.writeValueAsString(root), List.of());
      return List.of();
    } catch (ScenarioException e) {
      return e.errors();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every unit of every dimension is in its pattern; a unit of another dimension is not. */
  @Test
  void unitsArePatternsOfTheUnitTable() {
    for (Dimension d : Dimension.values()) {
      Pattern p =
          Pattern.compile(
              "^\\s*" + LanguageSchema.NUMBER + "\\s*" + LanguageSchema.units(d) + "\\s*$");
      for (Unit u : Unit.of(d.units())) {
        assertThat(p.matcher("1_000.5 " + u.symbol()).matches()).as(d + " " + u).isTrue();
        assertThat(p.matcher("2" + u.symbol()).matches()).as(d + " " + u).isTrue();
      }
      assertThat(p.matcher("5").matches()).as(d + " without a unit").isFalse();
      for (Unit u : Unit.values()) {
        if (u.dimension() != d.units() && !Unit.symbols(d.units()).contains(u.symbol())) {
          assertThat(p.matcher("5 " + u.symbol()).matches()).as(d + " with " + u).isFalse();
        }
      }
    }
  }

  /** The schema's choices at a few keys are the loader's maps of choices. */
  @Test
  void enumsAreTheLoadersChoices() {
    assertThat(enumAt(SCHEMA_TREE, "pulse_resolution")).isEqualTo(Language.PULSE_RESOLUTIONS);
    assertThat(enumAt(LanguageSchema.definition(SCHEMA_TREE, "checkpoint"), "policy"))
        .isEqualTo(List.copyOf(WorkloadBinder.POLICIES.keySet()));
    assertThat(enumAt(LanguageSchema.definition(SCHEMA_TREE, "cause"), "scope"))
        .isEqualTo(List.copyOf(FailureBinder.SCOPES.keySet()));
    assertThat(enumAt(LanguageSchema.definition(SCHEMA_TREE, "inference"), "resolution"))
        .isEqualTo(List.copyOf(InferenceBinder.RESOLUTIONS.keySet()));
    assertThat(enumAt(LanguageSchema.definition(SCHEMA_TREE, "cluster_cooling"), "type"))
        .isEqualTo(List.copyOf(ClusterCoolingReader.TYPES.keySet()));
    JsonNode workloads = SCHEMA_TREE.at("/properties/workloads/items");
    assertThat(enumAt(workloads, "type")).isEqualTo(Language.WORKLOAD_TYPES);
  }

  private static List<String> enumAt(JsonNode object, String key) {
    List<String> words = new ArrayList<>();
    object.path("properties").path(key).path("enum").forEach(w -> words.add(w.asText()));
    return words;
  }

  /** A misspelt key deep in a workload is an error of both, with the schema naming the key. */
  @Test
  void aMisspeltKeyIsAnErrorOfBoth() throws IOException {
    String text = Texts.valid("interval:", "intervall:");
    assertThat(Texts.errors(text))
        .anyMatch(
            e -> e.message().startsWith("unknown key 'intervall' (did you mean 'interval'?)"));
    Set<ValidationMessage> errors = SCHEMA.validate(YAML.readTree(text));
    assertThat(errors)
        .extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("intervall"));
  }
}
