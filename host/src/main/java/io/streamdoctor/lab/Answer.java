package io.streamdoctor.lab;

/** The answer the lab streams: plain words, one per frame, the same on every run. */
public final class Answer {
  private static final String[] WORDS = (
      "StreamDoctor lab answer. This text arrives one word per frame, the way chat sites stream"
      + " their answers token by token. When a fault strikes, the page shows the banner a real"
      + " site would show, and the extension records what the browser saw.").split(" ");

  private Answer() {}

  /** The text of frame {@code i}: a word and the space before it (none before the first). */
  public static String token(int i) {
    String w = WORDS[i % WORDS.length];
    return i == 0 ? w : " " + w;
  }
}
