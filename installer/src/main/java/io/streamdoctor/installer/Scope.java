package io.streamdoctor.installer;

/** Per-user (the default: no admin rights needed) or machine-wide ({@code --system}). */
public enum Scope {
  USER, SYSTEM
}
