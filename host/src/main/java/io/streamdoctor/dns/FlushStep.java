package io.streamdoctor.dns;

import java.util.List;

/**
 * One cache and what happened to it. {@code status}: flushed, denied (the OS refused: no
 * privilege, the user cancelled the admin prompt, polkit said no), failed (it ran and broke),
 * would_run (dry run). {@code command} is the exact argument vector (or the API call).
 */
public record FlushStep(String cache, List<String> command, String status, String reason) {
  public FlushStep {
    command = List.copyOf(command);
  }
}
