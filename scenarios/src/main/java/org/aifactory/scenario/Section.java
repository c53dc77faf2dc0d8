package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One map of the scenario language: its keys in the order messages list them, each with the {@link
 * ValueKind} of value it takes. The binders reject every other key ({@link
 * MapReader#allowOnly(Section...)}) and {@link LanguageSchema} writes the same keys as a JSON
 * Schema, so the two cannot disagree on a key.
 *
 * <p>A section may be split by one of its keys (its {@code discriminator}): a distribution's
 * parameters depend on its {@code distribution}.
 */
final class Section {
  private final String name;
  private final String description;
  private final Map<String, ValueKind> keys;
  private final String discriminator;
  private final Map<String, List<String>> keysByVariant;

  private Section(
      String name,
      String description,
      Map<String, ValueKind> keys,
      String discriminator,
      Map<String, List<String>> keysByVariant) {
    this.name = name;
    this.description = description;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.discriminator = discriminator;
    this.keysByVariant = Collections.unmodifiableMap(new LinkedHashMap<>(keysByVariant));
  }

  /**
   * A section without keys yet.
   *
   * @param name names it in the schema's definitions: lower case and '_', e.g. "cluster_cooling"
   * @param description what the map is, for editors
   */
  static Section named(String name, String description) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a section name is lower case and '_', got " + name);
    }
    return new Section(name, description, Map.of(), null, Map.of());
  }

  /** This section with one more key. */
  Section key(String key, ValueKind kind) {
    if (keys.containsKey(key)) {
      throw new IllegalArgumentException(name + ": key " + key + " given twice");
    }
    Map<String, ValueKind> more = new LinkedHashMap<>(keys);
    more.put(key, kind);
    return new Section(name, description, more, discriminator, keysByVariant);
  }

  /** This section with the keys of {@code other} added after its own. */
  Section keysOf(Section other) {
    Section s = this;
    for (Map.Entry<String, ValueKind> e : other.keys.entrySet()) {
      s = s.key(e.getKey(), e.getValue());
    }
    return s;
  }

  /** This section with the keys of {@code other} added after its own, each after {@code prefix}. */
  Section keysOf(Section other, String prefix) {
    Section s = this;
    for (Map.Entry<String, ValueKind> e : other.keys.entrySet()) {
      s = s.key(prefix + e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * This section split by {@code key}, a {@link ValueKind.Choice} among the variants: with each
   * value, only {@code key} and the keys listed for the value are allowed.
   */
  Section splitBy(String key, Map<String, List<String>> parameters) {
    if (!(keys.get(key) instanceof ValueKind.Choice choice)
        || !choice.words().equals(List.copyOf(parameters.keySet()))) {
      throw new IllegalArgumentException(name + ": " + key + " must be a choice of the variants");
    }
    Map<String, List<String>> byVariant = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      List<String> allowed = new ArrayList<>(List.of(key));
      allowed.addAll(e.getValue());
      for (String k : allowed) {
        if (!keys.containsKey(k)) {
          throw new IllegalArgumentException(name + ": unknown key " + k + " in " + e.getKey());
        }
      }
      byVariant.put(e.getKey(), List.copyOf(allowed));
    }
    return new Section(name, description, keys, key, byVariant);
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  /** Every key, in order. */
  List<String> keys() {
    return List.copyOf(keys.keySet());
  }

  /** The keys and their kinds, in order. */
  Map<String, ValueKind> kinds() {
    return keys;
  }

  /** The key that splits the section, if it is split. */
  Optional<String> discriminator() {
    return Optional.ofNullable(discriminator);
  }

  /** Each value of the discriminator with the keys it allows (the discriminator first). */
  Map<String, List<String>> keysByVariant() {
    return keysByVariant;
  }

  /** The keys allowed with {@code variant} of the discriminator. */
  List<String> keysOf(String variant) {
    List<String> allowed = keysByVariant.get(variant);
    if (allowed == null) {
      throw new IllegalArgumentException(name + ": no variant " + variant);
    }
    return allowed;
  }

  @Override
  public String toString() {
    return name;
  }
}
