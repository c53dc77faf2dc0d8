/**
 * Sweeps on Apache Spark: the command line of {@code aifactory sweep}, with each (point,
 * replication) run a Spark task, and the same reports, byte for byte, as the local command. Spark
 * runs in local mode ({@code --master local[N]}) for a user without a cluster, or on a cluster with
 * {@code spark-submit}.
 */
package org.aifactory.distributed;
