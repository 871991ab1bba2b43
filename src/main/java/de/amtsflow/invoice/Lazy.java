package de.amtsflow.invoice;

import java.util.function.Supplier;

/**
 * A value built on first use, once, however many threads ask at the same time: for what costs
 * seconds to compile (stylesheets, XPaths), which start-up should not wait for.
 */
final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> build;
  private volatile T value;

  Lazy(Supplier<T> build) {
    this.build = build;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = build.get();
          value = v;
        }
      }
    }
    return v;
  }
}
