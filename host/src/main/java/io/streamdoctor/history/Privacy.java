package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy rule at the history boundary (docs/protocol.md "Privacy rule"): what reaches disk or
 * a report is ids, sizes, counts, timings, codes and sanitized URLs. The extension already
 * sanitizes; this is the second, independent check, so a faulty or hostile sender cannot make us
 * store prompt or answer text.
 */
public final class Privacy {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:/\\-]{1,80}");
  private static final Pattern ID_SEGMENT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|\\d{4,}|[0-9a-fA-F]{16,}|(?=.*\\d)[A-Za-z0-9_\\-]{16,}");
  private static final Pattern URL_IN_TEXT = Pattern.compile("((?:https?|wss?)://[^\\s?#]*)[?#]\\S*");
  private static final int MAX_URL = 300;
  private static final int MAX_NAME = 60;
  private static final int MAX_TEXT = 400;
  /**
   * Inputs are cut to this many times their output limit before any scan: the URL pattern
   * backtracks over every {@code http://} it meets (quadratic in the input), and a sender chooses
   * the input's length, so the cost must be bounded by the limit, not by what arrived.
   */
  private static final int SCAN_FACTOR = 4;

  private Privacy() {}

  /** origin + path only; id-like path segments replaced by {@code :h<8 hex of SHA-256>}. */
  public static String url(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = head(raw, MAX_URL * SCAN_FACTOR).strip();
    int cut = indexOfAny(s, '?', '#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    if (scheme < 0 || !lower.matches("^(https?|wss?)://.*")) {
      return null;
    }
    int pathStart = s.indexOf('/', scheme + 3);
    String origin = pathStart < 0 ? s : s.substring(0, pathStart);
    // user:password@ before the host is a credential: drop it.
    int at = origin.lastIndexOf('@');
    if (at > scheme) {
      origin = origin.substring(0, scheme + 3) + origin.substring(at + 1);
    }
    StringBuilder out = new StringBuilder(origin);
    if (pathStart >= 0) {
      for (String seg : s.substring(pathStart + 1).split("/", -1)) {
        out.append('/').append(segment(seg));
      }
    }
    return out.length() > MAX_URL ? out.substring(0, MAX_URL) : out.toString();
  }

  private static String segment(String seg) {
    if (seg.startsWith(":h") || !ID_SEGMENT.matcher(seg).matches()) {
      return seg.matches("[A-Za-z0-9_.~:\\-]*") ? seg : ":h" + hash8(seg);
    }
    return ":h" + hash8(seg);
  }

  /** A short machine code (error names, close reasons); anything else is not a code. */
  public static String code(String raw) {
    if (raw == null) {
      return null;
    }
    return CODE.matcher(raw).matches() ? raw : "invalid_code";
  }

  /**
   * An identifier (break id, stream id): kept when it is code-shaped, else replaced by a hash so
   * distinct ids stay distinct (a shared placeholder would merge breaks under one key).
   */
  public static String id(String raw) {
    if (raw == null) {
      return null;
    }
    return CODE.matcher(raw).matches() ? raw : ":h" + hash8(raw);
  }

  /** A display name (extension names): printable, single line, short. */
  public static String name(String raw) {
    if (raw == null) {
      return null;
    }
    String s = head(raw, MAX_NAME * SCAN_FACTOR).replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").strip();
    return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) + "…" : s;
  }

  /** Text our own rules wrote: any URL in it loses its query and fragment. */
  public static String text(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = URL_IN_TEXT.matcher(head(raw, MAX_TEXT * SCAN_FACTOR));
    String s = m.replaceAll("$1").replaceAll("\\p{Cntrl}", " ");
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
  }

  /** The diagnosis as history stores it: sanitized URL, codes and rule texts. */
  public static Diagnosis diagnosis(Diagnosis d) {
    List<Finding> findings = d.findings().stream()
        .map(f -> new Finding(code(f.cause()), f.confidence(), lines(f.evidence()), lines(f.against()),
            f.remedies().stream().map(Privacy::code).toList()))
        .toList();
    List<RuledOut> ruledOut =
        d.ruledOut().stream().map(r -> new RuledOut(code(r.cause()), text(r.why()))).toList();
    return new Diagnosis(id(d.breakId()), id(d.stream()), code(d.site()), url(d.url()), d.ts(),
        code(d.symptom()), findings, ruledOut, code(d.stage()));
  }

  /** The summary as history stores it: the same checks again, whoever built it. */
  public static BreakSummary summary(BreakSummary s) {
    return new BreakSummary(id(s.breakId()), id(s.stream()), code(s.site()), url(s.url()),
        code(s.kind()), code(s.outcome()), s.closeCode(), s.wasClean(), code(s.errorName()),
        s.httpStatus(), s.errorTypes().stream().map(Privacy::code).toList(), s.payloadBytes(),
        s.frames(), s.bytes(), s.durationMs(), s.ttfbMs(), s.ttftMs(), s.gapP95Ms(), s.gapMaxMs(),
        s.stallSilentMs(), code(s.networkId()), code(s.extensionsHash()),
        s.extensions().stream().map(e -> new BreakSummary.Ext(code(e.id()), name(e.name()))).toList(),
        s.marks().stream().map(m -> new BreakSummary.Mark(code(m.kind()), m.atMs(), m.frames(),
            m.bytes(), text(m.detail()))).toList(),
        s.around().stream().map(a -> new BreakSummary.Around(a.atMs(), code(a.type()),
            text(a.detail()))).toList(), code(s.session()));
  }

  private static List<EvidenceLine> lines(List<EvidenceLine> in) {
    return in.stream().map(l -> new EvidenceLine(l.atMs(), text(l.text()))).toList();
  }

  /** First 12 hex digits of SHA-256: enough to tell sets apart, says nothing about their content. */
  public static String hash12(String s) {
    return sha256(s).substring(0, 12);
  }

  public static String hash8(String s) {
    return sha256(s).substring(0, 8);
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }

  private static String head(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
  }
}
