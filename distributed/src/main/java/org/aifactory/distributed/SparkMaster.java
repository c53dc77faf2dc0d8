package org.aifactory.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.experiment.RunBackend;

/**
 * A Spark master URL, checked before Spark starts: Spark itself, given a standalone master that
 * does not answer, retries for a minute and then fails with a stack trace; here a master that
 * cannot be reached is a user's error at once.
 *
 * @param url {@code local}, {@code local[N]}, {@code local[*]}, {@code
 *     spark://host:port[,host:port]} (a standalone cluster, with standby masters), {@code yarn} or
 *     {@code k8s://…}
 */
record SparkMaster(String url) {
  /** How long a standalone master has to accept a connection. */
  private static final int CONNECT_MILLIS = 3_000;

  private static final String STANDALONE = "spark://";

  /** The master URLs Spark accepts (SparkContext.createTaskScheduler), by their form. */
  private static final java.util.regex.Pattern FORMS =
      java.util.regex.Pattern.compile(
          "local|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\]"
              + "|local-cluster\\[[1-9][0-9]*, *[1-9][0-9]*, *[1-9][0-9]*\\]"
              + "|spark://.+|yarn|k8s://.+");

  /** True for Spark's local mode: the driver's JVM runs the tasks. */
  boolean local() {
    return url.equals("local") || url.startsWith("local[") || url.startsWith("local-cluster[");
  }

  /**
   * Checks that the URL has one of the forms Spark accepts.
   *
   * @throws RunBackend.Unavailable listing them
   */
  void checkForm() {
    if (!FORMS.matcher(url).matches()) {
      throw new RunBackend.Unavailable(
          "--master: '"
              + url
              + "' is not a Spark master URL; give local[N] (N cores of this machine), local[*],"
              + " spark://HOST:PORT (a standalone cluster), yarn or k8s://HOST:PORT");
    }
  }

  /**
   * Checks that a standalone master accepts connections (one of them, with standby masters).
   *
   * @throws RunBackend.Unavailable naming the master and what went wrong
   */
  void checkReachable() {
    if (!url.startsWith(STANDALONE)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String address : url.substring(STANDALONE.length()).split(",")) {
      int colon = address.lastIndexOf(':');
      int port;
      try {
        port = colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (colon <= 0 || port < 1 || port > 65_535) {
        throw new RunBackend.Unavailable(
            "--master "
                + url
                + ": expected spark://HOST:PORT (e.g. spark://head-node:7077), got '"
                + address
                + "'");
      }
      String host = address.substring(0, colon);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
        return;
      } catch (UnknownHostException e) {
        problems.add(host + ": unknown host");
      } catch (IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        problems.add(address + ": " + reason.toLowerCase(Locale.ROOT));
      }
    }
    throw new RunBackend.Unavailable(
        "cannot reach the Spark master "
            + url
            + " ("
            + String.join("; ", problems)
            + "). Is it running, and is this its URL (the master's web page shows it)? For a"
            + " run on this machine without a cluster, give --master local[N]");
  }
}
