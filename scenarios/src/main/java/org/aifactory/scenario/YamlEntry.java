package org.aifactory.scenario;

/**
 * One key of a {@link YamlMap} with its value.
 *
 * @param key the key
 * @param keyLocation where the key is written (at its opening quote if it is quoted)
 * @param value the value
 * @param keyTextLocation where the key's text starts: after the opening quote of a quoted key, else
 *     {@code keyLocation}; a key that is a field path (a variant's {@code set}) locates its
 *     segments from here
 */
record YamlEntry(String key, Location keyLocation, YamlNode value, Location keyTextLocation) {

  /** An entry whose key is not quoted. */
  YamlEntry(String key, Location keyLocation, YamlNode value) {
    this(key, keyLocation, value, keyLocation);
  }

  /** The same entry with a deep copy of its value. */
  YamlEntry copy() {
    return new YamlEntry(key, keyLocation, value.copy(), keyTextLocation);
  }
}
