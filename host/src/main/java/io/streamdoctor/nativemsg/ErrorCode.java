package io.streamdoctor.nativemsg;

/**
 * Stable numbered error codes sent to the extension in {@code error} replies. Never change a
 * value, only append (docs/protocol.md lists them with their meaning).
 */
public enum ErrorCode {
  FRAME_EMPTY(100, "frame_empty", false),
  FRAME_TOO_LARGE(101, "frame_too_large", true),
  FRAME_TRUNCATED(102, "frame_truncated", true),
  INVALID_UTF8(103, "invalid_utf8", false),
  INVALID_JSON(104, "invalid_json", false),
  NOT_AN_OBJECT(105, "not_an_object", false),
  UNKNOWN_TYPE(106, "unknown_type", false),
  INVALID_FIELD(107, "invalid_field", false),
  UNSUPPORTED_VERSION(108, "unsupported_version", false),
  TIMESTAMP_OUT_OF_RANGE(109, "timestamp_out_of_range", false),
  NOT_IMPLEMENTED(110, "not_implemented", false),
  FRAME_DISCARDED(111, "frame_discarded", false),
  ORIGIN_NOT_ALLOWED(200, "origin_not_allowed", true),
  INTERNAL_ERROR(300, "internal_error", false),
  REPLY_TOO_LARGE(301, "reply_too_large", false);

  private final int code;
  private final String id;
  private final boolean endsSession;

  ErrorCode(int code, String id, boolean endsSession) {
    this.code = code;
    this.id = id;
    this.endsSession = endsSession;
  }

  public int code() {
    return code;
  }

  public String id() {
    return id;
  }

  /** True when the byte stream can no longer be trusted to be at a frame boundary. */
  public boolean endsSession() {
    return endsSession;
  }
}
