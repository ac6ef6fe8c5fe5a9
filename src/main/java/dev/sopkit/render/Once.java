package dev.sopkit.render;

import java.util.function.Supplier;

/**
 * A value made on first use, once, by whichever page thread needs it first; others wait for it.
 * Each value has a lock of its own, so a page waiting for one does not wait for another.
 */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> make;
  private T value;

  Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = make.get();
    }
    return value;
  }
}
