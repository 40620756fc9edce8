package io.streamdoctor;

/**
 * The build's version. A compile-time constant rather than a resource: the hello carries it, and
 * the first resource lookup initialises the class loader's resource machinery (~20 ms at start).
 */
public final class Version {
  public static final int PROTOCOL = 1;

  private Version() {}

  public static String get() {
    return BuildVersion.VALUE;
  }
}
