package org.aifactory.scenario;

/**
 * One key of a {@link YamlMap} with its value.
 *
 * @param key the key
 * @param keyLocation where the key is written
 * @param value the value
 */
record YamlEntry(String key, Location keyLocation, YamlNode value) {}
