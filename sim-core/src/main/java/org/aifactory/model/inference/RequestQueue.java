package org.aifactory.model.inference;

/**
 * Requests waiting for a slot, first come first served: a ring buffer of primitive arrays (arrival
 * time, prompt and output tokens), grown by doubling, so queueing allocates nothing per request.
 */
final class RequestQueue {
  private long[] arrival = new long[64];
  private long[] prompt = new long[64];
  private long[] output = new long[64];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(long arrivalNanos, long promptTokens, long outputTokens) {
    if (size == arrival.length) {
      grow();
    }
    int i = (head + size) & (arrival.length - 1);
    arrival[i] = arrivalNanos;
    prompt[i] = promptTokens;
    output[i] = outputTokens;
    size++;
  }

  long headArrival() {
    return arrival[head];
  }

  long headPrompt() {
    return prompt[head];
  }

  long headOutput() {
    return output[head];
  }

  void removeHead() {
    head = (head + 1) & (arrival.length - 1);
    size--;
  }

  private void grow() {
    int n = arrival.length;
    long[] a = new long[n * 2];
    long[] p = new long[n * 2];
    long[] o = new long[n * 2];
    for (int k = 0; k < size; k++) {
      int i = (head + k) & (n - 1);
      a[k] = arrival[i];
      p[k] = prompt[i];
      o[k] = output[i];
    }
    arrival = a;
    prompt = p;
    output = o;
    head = 0;
  }
}
