package io.streamdoctor.diagnosis;

/** One line of a finding's evidence; {@code atMs} is relative to the break (negative = before). */
public record EvidenceLine(long atMs, String text) {}
