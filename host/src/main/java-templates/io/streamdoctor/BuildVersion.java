package io.streamdoctor;

/** The build's version, written in by Maven's resource filtering (host/pom.xml, java-templates). */
final class BuildVersion {
  static final String VALUE = "${project.version}";

  private BuildVersion() {}
}
