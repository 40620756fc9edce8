package io.streamdoctor.diagnosis;

/**
 * What made the host declare a break. {@code kind}: end (the stream ended badly), stall (open but
 * silent), error (in-stream error object), recovered (a stalled stream completed after all), page
 * (the app never came up) or page_load (the page's own request failed).
 */
public record BreakTrigger(
    String breakId, String stream, String kind, double at, String site, Integer tabId) {}
