package io.streamdoctor.diagnosis;

/** Stable remedy ids; the extension maps each to a label and, where possible, a button. */
public final class Remedies {
  public static final String FLUSH_DNS = "flush_dns";
  public static final String SWITCH_RESOLVER = "switch_resolver";
  public static final String USE_DOH = "use_doh";
  public static final String CONTACT_ISP = "contact_isp";
  public static final String WAIT_AND_RETRY = "wait_and_retry";
  public static final String REGENERATE = "regenerate";
  public static final String STABILIZE_LINK = "stabilize_link";
  public static final String CHANGE_NETWORK = "change_network";
  public static final String SHORTER_PROMPT = "shorter_prompt";
  public static final String OTHER_ROUTE = "other_route";
  public static final String DISABLE_EXTENSION = "disable_extension";
  public static final String ISOLATED_PROFILE = "isolated_profile";
  public static final String KEEP_ONE_ROUTING_LAYER = "keep_one_routing_layer";
  public static final String FIX_PROXY = "fix_proxy";
  public static final String ALLOWLIST_IN_AV = "allowlist_in_av";
  public static final String CHECK_STATUS_PAGE = "check_status_page";
  public static final String SPLIT_PROMPT = "split_prompt";
  public static final String CLEAR_SITE_SESSION = "clear_site_session";
  public static final String ONE_ACCOUNT_PER_PROFILE = "one_account_per_profile";
  public static final String HARD_RELOAD = "hard_reload";
  public static final String DISABLE_SCRIPT_BLOCKERS = "disable_script_blockers";
  public static final String CHECK_NETWORK = "check_network";

  private Remedies() {}
}
