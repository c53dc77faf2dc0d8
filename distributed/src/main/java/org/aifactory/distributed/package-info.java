/**
 * Sweeps, replications and comparisons on Apache Spark: the command lines of {@code aifactory
 * sweep}, {@code run --replications} and {@code compare}, with each (point or variant, replication)
 * run a Spark task, and the same reports, byte for byte, as the local command. Spark runs in local
 * mode ({@code --master local[N]}) for a user without a cluster, or on a cluster with {@code
 * spark-submit}.
 */
package org.aifactory.distributed;
