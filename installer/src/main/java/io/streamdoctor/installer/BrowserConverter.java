package io.streamdoctor.installer;

import picocli.CommandLine;

/** {@code --browser NAME}: a clear list of the names we know when the name is wrong. */
public final class BrowserConverter implements CommandLine.ITypeConverter<Browser> {
  @Override
  public Browser convert(String value) {
    return Browser.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
        "unknown browser '" + value + "'; known: " + Browser.ids()));
  }
}
