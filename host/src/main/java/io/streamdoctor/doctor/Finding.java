package io.streamdoctor.doctor;

/**
 * One line of the doctor's verdict. {@code level}: problem (exit code 10), warning, ok.
 * {@code cause} is a cause id from the product brief (null for plain observations).
 */
public record Finding(String level, String cause, String site, String text) {
  public static Finding problem(String cause, String site, String text) {
    return new Finding("problem", cause, site, text);
  }

  public static Finding warning(String cause, String site, String text) {
    return new Finding("warning", cause, site, text);
  }

  public static Finding ok(String site, String text) {
    return new Finding("ok", null, site, text);
  }
}
