package io.streamdoctor.diagnosis;

/** Stable symptom ids (product brief section 1). */
public final class Symptoms {
  public static final String MESSAGE_STREAM_ERROR = "message_stream_error";
  public static final String NETWORK_ERROR = "network_error";
  public static final String BAD_ERROR = "bad_error";
  public static final String SOMETHING_WENT_WRONG = "something_went_wrong";
  public static final String BLANK_PAGE = "blank_page";
  public static final String SLOW_STREAM = "slow_stream";

  private Symptoms() {}
}
