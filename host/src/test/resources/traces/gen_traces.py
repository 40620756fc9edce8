#!/usr/bin/env python3
"""Source of the diagnosis golden traces: compact scenarios -> recordings (JSON Lines).

Each scenario is a list of (ms offset, event) pairs on one timeline; the generator writes them in
the recorder's format ({"at": host ms, "in": message}) with a header naming the expected top
cause and symptom. GoldenTracesTest replays every file, checks those expectations, and compares the
whole ranked verdict with <name>.golden.json (refresh with -Dgolden.update=true, then review).
Run: python3 gen_traces.py  (from this folder)
"""
import json
import os

T0 = 1764120000000.0
URL = {"chatgpt": "https://chatgpt.com/backend-api/conversation",
       "claude": "https://claude.ai/api/organizations/:h1a2b3c4d/chat_conversations/:h5e6f7a8b/completion",
       "copilot": "wss://copilot.microsoft.com/c/api/chat",
       "perplexity": "https://www.perplexity.ai/rest/sse/perplexity_ask"}
KIND = {"chatgpt": "sse", "claude": "sse", "copilot": "ws", "perplexity": "sse"}


def op(t, stream="1:1", site="chatgpt", tab=1, payload=900):
    return (t, {"type": "stream.open", "stream": stream, "site": site, "url": URL[site],
                "kind": KIND[site], "tabId": tab, "payloadBytes": payload})


def fb(t, stream="1:1", status=200):
    return (t, {"type": "stream.first_byte", "stream": stream, "ttfbMs": t, "httpStatus": status})


def ft(t, stream="1:1", ttft=None):
    return (t, {"type": "stream.first_token", "stream": stream, "ttftMs": ttft if ttft is not None else t})


def prog(t, frames, stream="1:1", p95=60):
    return (t, {"type": "stream.progress", "stream": stream, "frames": frames, "bytes": frames * 90,
                "gapMeanMs": 25, "gapP95Ms": p95, "gapMaxMs": p95 * 2})


def end(t, outcome="error", frames=120, stream="1:1", **kw):
    e = {"type": "stream.end", "stream": stream, "outcome": outcome, "frames": frames,
         "bytes": frames * 90, "durationMs": t, "gapMeanMs": 25, "gapP95Ms": 60, "gapMaxMs": 120,
         "lastFrameAgoMs": 30}
    e.update(kw)
    return (t, e)


def err(t, stream="1:1", etype="overloaded_error", status=None):
    return (t, {"type": "stream.error", "stream": stream, "errorType": etype, "httpStatus": status})


def stall(t, silent=20000, stream="1:1", threshold=15000):
    return (t, {"type": "stream.stall", "stream": stream, "silentMs": silent, "thresholdMs": threshold})


def rerr(t, code, url=None, rtype="xmlhttprequest", tab=1, stream=None):
    m = {"type": "browser.request_error", "tabId": tab, "url": url or URL["chatgpt"],
         "error": code, "resourceType": rtype}
    if stream:
        m["stream"] = stream
    return (t, m)


def http(t, status, url=None, rtype="xmlhttprequest", tab=1, retry=None):
    m = {"type": "browser.http_status", "tabId": tab, "url": url or URL["chatgpt"], "status": status,
         "resourceType": rtype}
    if retry is not None:
        m["retryAfterS"] = retry
    return (t, m)


def conn(t, online):
    return (t, {"type": "browser.connectivity", "online": online})


def banner(t, symptom, tab=1, site="chatgpt"):
    return (t, {"type": "page.banner", "site": site, "tabId": tab, "symptom": symptom, "pattern": symptom})


def inventory(t, *names):
    return (t, {"type": "browser.extensions", "extensions": [
        {"id": "id%d" % i, "name": n, "enabled": True, "canBlock": True, "chatHostAccess": True}
        for i, n in enumerate(names)]})


def ext_changed(t, name, change="enabled"):
    return (t, {"type": "browser.extension_changed", "id": "x-" + name, "name": name, "change": change})


def hook_replaced(t, api="fetch", when="after", tab=1):
    return (t, {"type": "page.hook_replaced", "site": "chatgpt", "tabId": tab, "api": api, "when": when})


# Each site's own session cookie (sessionCookies in extension/src/common/sites.js); any other name
# reaches the host hashed.
SESSION_COOKIE = {"chatgpt": "__Secure-next-auth.session-token", "claude": "sessionKey",
                  "copilot": "__Host-copilot-anon", "perplexity": "__Secure-next-auth.session-token"}


def cookie(t, removed=True, site="chatgpt", cause="explicit"):
    return (t, {"type": "browser.cookie_changed", "site": site, "name": SESSION_COOKIE[site],
                "removed": removed, "cause": cause})


def proxy(t, mode="fixed_servers"):
    return (t, {"type": "browser.proxy", "mode": mode, "levelOfControl": "controlled_by_this_extension", "scheme": "http"})


def init_failed(t, tab=1, reason="no_app_root", scripts=2):
    return (t, {"type": "page.init_failed", "site": "chatgpt", "tabId": tab, "reason": reason, "failedScripts": scripts})


# --- host-gathered evidence (recorded as {"ev": ...} lines, already on the host clock)
def ev(t, e):
    e = dict(e)
    e["_host"] = True
    return (t, e)


def dnsp(t, kind, outcome="ok", resolver=None, host="chatgpt.com", answers=("104.18.32.47",), bogon=False,
         disagrees=False, latency=14.0):
    return ev(t, {"type": "probe.dns", "host": host, "resolver": resolver or {"system": "192.168.1.1",
              "public": "1.1.1.1", "doh": "https://1.1.1.1/dns-query"}[kind], "resolverKind": kind,
              "rcode": "NOERROR" if outcome == "ok" else outcome.upper(), "answers": list(answers) if outcome == "ok" else [],
              "latencyMs": latency, "outcome": outcome, "bogon": bogon, "disagrees": disagrees})


def tcpp(t, outcome="ok", successes=3, attempts=3, host="chatgpt.com", ms=18.0):
    return ev(t, {"type": "probe.tcp", "host": host, "port": 443, "attempts": attempts, "successes": successes,
                  "medianConnectMs": ms if successes else None, "outcome": outcome})


def tlsp(t, outcome="ok", issuer="Google Trust Services (WE1)", expected=True, host="chatgpt.com", os_trusted=None):
    e = {"type": "probe.tls", "host": host, "outcome": outcome, "issuer": issuer,
         "expectedIssuer": expected, "handshakeMs": 40.0}
    if os_trusted is not None:
        e["osTrusted"] = os_trusted
    return ev(t, e)


def identity(t, resolver="1.1.1.1", outcome="timeout", egress=None):
    return ev(t, {"type": "probe.resolver_identity", "resolver": resolver, "query": "whoami.cloudflare",
                  "egress": egress, "outcome": outcome})


def status(t, indicator, affected=(), site="chatgpt"):
    return ev(t, {"type": "probe.status_page", "site": site, "indicator": indicator, "affected": list(affected)})


def netchange(t, kind, iface="wlan0", detail=None):
    return ev(t, {"type": "os.network_change", "kind": kind, "iface": iface, "detail": detail})


def retrans(t, ratio, per_s):
    return ev(t, {"type": "os.tcp_retransmits", "segsPerS": per_s / max(ratio, 1e-6), "retransPerS": per_s, "ratio": ratio})


def sysproxy(t, proxied=True):
    return ev(t, {"type": "os.system_proxy", "source": "env", "mode": "manual" if proxied else "none", "proxied": proxied})


def hist(t, cause, confidence, *lines):
    return ev(t, {"type": "history.pattern", "breakId": "BREAK", "cause": cause, "confidence": confidence,
                  "lines": list(lines)})


def healthy_probes(t):
    return [dnsp(t, "system"), dnsp(t, "public"), tcpp(t), tlsp(t), status(t, "none")]


S = {}
# --- server.overloaded
S["server.overloaded/clear_http429"] = ("server.overloaded", "something_went_wrong", [
    op(0), http(180, 429, retry=20), end(200, "http_error", frames=0, httpStatus=429)])
S["server.overloaded/weak_instream_object"] = ("server.overloaded", "something_went_wrong", [
    op(0, site="claude"), fb(300), ft(600), prog(1600, 40), err(2400, etype="overloaded_error"),
    end(2450, "error", frames=52)])
S["server.overloaded/confounded_429_on_analytics"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0, site="copilot"), ft(500), http(900, 429, url="https://browser-intake.example.com/api/v2/rum", rtype="ping"),
    end(3000, "error", frames=60, closeCode=1006, wasClean=False)])
S["server.overloaded/ws_close_1013"] = ("server.overloaded", "something_went_wrong", [
    op(0, site="copilot"), ft(400), end(1200, "error", frames=8, closeCode=1013, wasClean=True)])
# --- server.error
S["server.error/clear_http502"] = ("server.error", "something_went_wrong", [
    op(0), http(300, 502), end(310, "http_error", frames=0, httpStatus=502)])
S["server.error/weak_instream_error"] = ("server.error", "something_went_wrong", [
    op(0, site="copilot"), ft(500), err(1500, etype="error"), end(1510, "error", frames=30, closeCode=1000, wasClean=True)])
S["server.error/confounded_ws1011_with_old_network_change"] = ("server.error", "something_went_wrong", [
    rerr(-300000, "net::ERR_NETWORK_CHANGED"), op(0, site="copilot"), ft(400),
    end(2000, "error", frames=20, closeCode=1011, wasClean=True)])
# --- server.gateway_timeout
S["server.gateway_timeout/clear_http504"] = ("server.gateway_timeout", "something_went_wrong", [
    op(0, payload=4000), http(60000, 504), end(60010, "http_error", frames=0, httpStatus=504)])
S["server.gateway_timeout/weak_long_ttft_large_prompt"] = ("server.gateway_timeout", "network_error", [
    op(0, payload=180000), fb(200), end(45000, "error", frames=0, errorName="TypeError", lastFrameAgoMs=None)])
S["server.gateway_timeout/confounded_large_prompt_fast_reset"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0, payload=180000), fb(200), ft(900), prog(1900, 50), end(2500, "error", frames=70),
    rerr(2505, "net::ERR_CONNECTION_RESET", stream="1:1")])
# --- session.conflict
S["session.conflict/clear_http401"] = ("session.conflict", "bad_error", [
    op(0), http(200, 401), end(210, "http_error", frames=0, httpStatus=401)])
S["session.conflict/weak_cookie_removed_mid_stream"] = ("session.conflict", "message_stream_error", [
    op(0), ft(500), cookie(1500), end(2000, "error", frames=40)])
S["session.conflict/confounded_cookie_changed_long_before"] = ("stream.dropped_unexplained", "message_stream_error", [
    cookie(-600000, removed=False), op(0), ft(500), end(2000, "error", frames=40)])
S["session.conflict/confounded_cookie_refreshed_mid_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(500), cookie(1500, removed=True, cause="overwrite"), cookie(1501, removed=False), end(2000, "error", frames=40)])
S["session.conflict/confounded_two_tabs_streaming"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0, stream="2:1", tab=2), op(100), ft(400), ft(300, stream="2:1"), end(3000, "error", frames=60)])
# --- dns.resolution_failed
S["dns.resolution_failed/clear_stream_nxdomain"] = ("dns.resolution_failed", "network_error", [
    op(0), rerr(30, "net::ERR_NAME_NOT_RESOLVED"), end(35, "error", frames=0, errorName="TypeError")])
S["dns.resolution_failed/weak_main_frame_only"] = ("dns.resolution_failed", "network_error", [
    rerr(0, "net::ERR_NAME_RESOLUTION_FAILED", url="https://chatgpt.com/", rtype="main_frame")])
S["dns.resolution_failed/confounded_streamed_then_reset"] = ("stream.dropped_unexplained", "message_stream_error", [
    rerr(-200000, "net::ERR_NAME_NOT_RESOLVED", url="https://cdn.example.net/x.js", rtype="script", tab=9),
    op(0), ft(400), end(5000, "error", frames=200), rerr(5002, "net::ERR_HTTP2_PROTOCOL_ERROR", stream="1:1")])
S["dns.resolution_failed/firefox_unknown_host"] = ("dns.resolution_failed", "network_error", [
    op(0), rerr(30, "NS_ERROR_UNKNOWN_HOST"), end(35, "error", frames=0, errorName="TypeError")])
# --- network.offline
S["network.offline/clear_offline_stays"] = ("network.offline", "message_stream_error", [
    op(0), ft(300), conn(1800, False), end(1850, "error", frames=30),
    rerr(1852, "net::ERR_NETWORK_CHANGED", stream="1:1")])
S["network.offline/weak_internet_disconnected"] = ("network.offline", "network_error", [
    op(0), rerr(5, "net::ERR_INTERNET_DISCONNECTED"), end(6, "error", frames=0)])
S["network.offline/confounded_offline_hours_ago"] = ("stream.dropped_unexplained", "message_stream_error", [
    conn(-7200000, False), conn(-7100000, True), op(0, site="copilot"), ft(300),
    end(900, "error", frames=20, closeCode=1006, wasClean=False)])
# --- network.changed
S["network.changed/clear_err_network_changed"] = ("network.changed", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), end(2100, "error", frames=44), rerr(2103, "net::ERR_NETWORK_CHANGED", stream="1:1")])
S["network.changed/weak_flap_only"] = ("network.changed", "message_stream_error", [
    op(0, site="copilot"), ft(300), conn(1000, False), conn(1400, True), end(1500, "error", frames=20, closeCode=1006, wasClean=False)])
S["network.changed/confounded_change_five_minutes_earlier"] = ("stream.dropped_unexplained", "message_stream_error", [
    rerr(-300000, "net::ERR_NETWORK_CHANGED"), op(0), ft(300), end(2000, "error", frames=40)])
# --- network.blocked
S["network.blocked/clear_refused"] = ("network.blocked", "network_error", [
    op(0), rerr(20, "net::ERR_CONNECTION_REFUSED"), end(22, "error", frames=0, errorName="TypeError")])
S["network.blocked/weak_reset_before_answer"] = ("network.blocked", "network_error", [
    op(0), rerr(60, "net::ERR_CONNECTION_RESET"), end(62, "error", frames=0, errorName="TypeError")])
S["network.blocked/confounded_reset_mid_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), end(2000, "error", frames=48), rerr(2001, "net::ERR_CONNECTION_RESET", stream="1:1")])
# --- network.idle_cutoff
S["network.idle_cutoff/clear_long_silence"] = ("network.idle_cutoff", "message_stream_error", [
    op(0), ft(400), prog(1400, 30), end(61400, "error", frames=31, lastFrameAgoMs=60000, gapP95Ms=80)])
S["network.idle_cutoff/weak_silence_near_threshold"] = ("network.idle_cutoff", "message_stream_error", [
    op(0), ft(400), end(25000, "error", frames=10, lastFrameAgoMs=21000, gapP95Ms=3000)])
S["network.idle_cutoff/confounded_bursty_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(400), end(60000, "error", frames=10, lastFrameAgoMs=21000, gapP95Ms=15000)])
# --- extension.blocked_request
S["extension.blocked_request/clear_stream_blocked"] = ("extension.blocked_request", "network_error", [
    inventory(-60000, "uBlock Origin"), op(0), rerr(10, "net::ERR_BLOCKED_BY_CLIENT"), end(12, "error", frames=0, errorName="TypeError")])
S["extension.blocked_request/weak_script_blocked"] = ("extension.blocked_request", "blank_page", [
    rerr(-3000, "net::ERR_BLOCKED_BY_CLIENT", url="https://cdn.oaistatic.com/assets/app.js", rtype="script"),
    init_failed(0, reason="scripts_blocked", scripts=1)])
S["extension.blocked_request/confounded_analytics_blocked"] = ("stream.dropped_unexplained", "message_stream_error", [
    inventory(-60000, "uBlock Origin"), rerr(-2000, "net::ERR_BLOCKED_BY_CLIENT", url="https://www.google-analytics.com/g/collect", rtype="ping"),
    op(0, site="copilot"), ft(300), end(2000, "error", frames=30, closeCode=1006, wasClean=False)])
# --- extension.interference
# A page replacing its own fetch is evidence about the page (issue 17): no extension is blamed for
# page.hook_replaced alone; with an extension updated just before, it strengthens that finding.
S["extension.interference/confounded_page_replaced_fetch"] = ("stream.dropped_unexplained", "message_stream_error", [
    hook_replaced(-5000), op(0), ft(300), end(1500, "truncated", frames=20, terminalSeen=False)])
S["extension.interference/clear_hook_replaced_after_extension_update"] = ("extension.interference", "message_stream_error", [
    ext_changed(-30000, "Tab Helper", change="updated"), hook_replaced(-5000), op(0), ft(300),
    end(1500, "truncated", frames=20, terminalSeen=False)])
S["extension.interference/confounded_hook_replaced_extensions_installed"] = ("stream.dropped_unexplained", "message_stream_error", [
    inventory(-60000, "Dark Reader"), hook_replaced(-5000), op(0), ft(300),
    end(1500, "truncated", frames=20, terminalSeen=False)])
S["extension.interference/weak_extension_enabled_before"] = ("extension.interference", "message_stream_error", [
    ext_changed(-40000, "Dark Reader"), op(0), ft(300), end(1500, "error", frames=20)])
S["extension.interference/confounded_extension_changed_long_ago"] = ("stream.dropped_unexplained", "message_stream_error", [
    ext_changed(-900000, "Dark Reader"), op(0), ft(300), end(1500, "error", frames=20)])
# --- proxy.failed
S["proxy.failed/clear_proxy_connection_failed"] = ("proxy.failed", "network_error", [
    proxy(-100000), op(0), rerr(15, "net::ERR_PROXY_CONNECTION_FAILED"), end(16, "error", frames=0)])
S["proxy.failed/weak_tunnel_failed_main_frame"] = ("proxy.failed", "network_error", [
    rerr(0, "net::ERR_TUNNEL_CONNECTION_FAILED", url="https://claude.ai/", rtype="main_frame")])
S["proxy.failed/confounded_proxy_set_but_server_429"] = ("server.overloaded", "something_went_wrong", [
    proxy(-100000), op(0), http(150, 429), end(160, "http_error", frames=0, httpStatus=429)])
# --- tls.intercepted
S["tls.intercepted/clear_cert_authority_invalid"] = ("tls.intercepted", "network_error", [
    op(0), rerr(40, "net::ERR_CERT_AUTHORITY_INVALID"), end(41, "error", frames=0)])
S["tls.intercepted/weak_ssl_protocol_error"] = ("tls.intercepted", "network_error", [
    op(0), rerr(40, "net::ERR_SSL_PROTOCOL_ERROR"), end(41, "error", frames=0)])
S["tls.intercepted/confounded_cert_error_other_tab"] = ("stream.dropped_unexplained", "message_stream_error", [
    rerr(-1000, "net::ERR_CERT_DATE_INVALID", url="https://intranet.example/", rtype="main_frame", tab=7),
    op(0), ft(300), end(2000, "error", frames=30)])
# --- page.init_failed
S["page.init_failed/clear_app_never_rendered"] = ("page.init_failed", "blank_page", [
    http(-4000, 500, url="https://cdn.oaistatic.com/assets/app.js", rtype="script"), init_failed(0, reason="no_app_root", scripts=1)])
S["page.init_failed/weak_script_error"] = ("page.init_failed", "blank_page", [
    init_failed(0, reason="script_error", scripts=0)])
S["page.init_failed/confounded_other_tab_script_500"] = ("page.init_failed", "blank_page", [
    http(-4000, 500, url="https://cdn.example/app.js", rtype="script", tab=5), init_failed(0, reason="no_app_root", scripts=0)])
# --- stream.stalled
S["stream.stalled/clear_open_and_silent"] = ("stream.stalled", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), stall(21300, silent=20000)])
S["stream.stalled/weak_stalled_then_recovered"] = ("stream.stalled", "slow_stream", [
    op(0), ft(300), stall(21300, silent=20000), end(30000, "complete", frames=80, terminalSeen=True)])
S["stream.stalled/confounded_stall_with_offline"] = ("network.offline", "message_stream_error", [
    op(0), ft(300), conn(1200, False), stall(21300, silent=20000)])
# --- stream.dropped_unexplained
S["stream.dropped_unexplained/clear_ws_1006"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0, site="copilot"), ft(300), end(2000, "error", frames=40, closeCode=1006, wasClean=False)])
S["stream.dropped_unexplained/weak_truncated_no_marker"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "truncated", frames=40, terminalSeen=False)])
S["stream.dropped_unexplained/confounded_banner_but_no_cause"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "error", frames=40), rerr(2001, "net::ERR_INCOMPLETE_CHUNKED_ENCODING", stream="1:1"),
    banner(2100, "message_stream_error")])
# --- combinations
S["combined/blocked_and_offline_blocked_wins"] = ("extension.blocked_request", "network_error", [
    conn(-2000, False), conn(-1000, True), op(0), rerr(10, "net::ERR_BLOCKED_BY_CLIENT"), end(12, "error", frames=0)])
S["combined/overloaded_then_network_change"] = ("server.overloaded", "something_went_wrong", [
    op(0, site="claude"), ft(400), err(1500), rerr(1510, "net::ERR_NETWORK_CHANGED", url=URL["claude"]), end(1520, "error", frames=20)])
S["combined/clean_stream_no_break"] = (None, None, [
    op(0), fb(200), ft(400), prog(1400, 30), end(3000, "complete", frames=90, terminalSeen=True)])
S["combined/user_abort_no_break"] = (None, None, [
    op(0), ft(400), end(1000, "aborted", frames=10)])

# Navigating away mid-stream: the browser cancels the request (matched to the stream) and, in
# Firefox, the page's reader still rejects with a TypeError (e2e/test/firefox.test.mjs). Not a
# break; a reset that also shows the abort code later is still one (the end came first).
S["combined/firefox_navigation_abort_no_break"] = (None, None, [
    op(0), ft(300), rerr(1997, "NS_BINDING_ABORTED", stream="1:1"), end(2000, "error", frames=4, errorName="TypeError")])
S["combined/chromium_err_aborted_no_break"] = (None, None, [
    op(0), ft(300), rerr(1990, "net::ERR_ABORTED", stream="1:1"), end(2000, "error", frames=4, errorName="TypeError")])
S["combined/firefox_abort_reported_after_the_end_no_break"] = (None, None, [
    op(0), ft(300), end(2000, "error", frames=4, errorName="TypeError"), rerr(2020, "NS_BINDING_ABORTED", stream="1:1")])
S["combined/abort_code_after_the_break_still_a_break"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "error", frames=40, errorName="TypeError"), rerr(4000, "NS_BINDING_ABORTED", stream="1:1")])

# --- probe- and OS-backed causes
S["dns.resolution_failed/probed_system_nxdomain_public_ok"] = ("dns.resolution_failed", "network_error", [
    op(0), end(40, "error", frames=0, errorName="TypeError"), dnsp(600, "system", outcome="nxdomain"),
    dnsp(600, "public"), tcpp(700)])
S["dns.hijacked/clear_bogon_answer"] = ("dns.hijacked", "network_error", [
    op(0), end(5000, "error", frames=0, errorName="TypeError"), dnsp(5400, "system", answers=("10.10.34.35",), bogon=True),
    dnsp(5400, "public"), tcpp(5500, outcome="timeout", successes=0), tlsp(5500, outcome="timeout")])
S["dns.hijacked/weak_disagree_and_tls_fails"] = ("dns.hijacked", "network_error", [
    op(0), end(3000, "error", frames=0, errorName="TypeError"), dnsp(3400, "system", answers=("93.184.216.34",), disagrees=True),
    dnsp(3400, "public"), tlsp(3500, outcome="ok", issuer="Fortinet CA", expected=False)])
S["dns.hijacked/confounded_cdn_disagreement_only"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "error", frames=40), dnsp(2400, "system", answers=("104.18.33.47",), disagrees=True),
    dnsp(2400, "public"), tcpp(2500), tlsp(2500)])
# The namespace lab (e2e/test/hijack-netns.test.mjs): every lab address is private, the lie too.
S["dns.hijacked/lab_lie_refused_public_disagrees"] = ("dns.hijacked", "network_error", [
    op(0), rerr(20, "net::ERR_CONNECTION_REFUSED"), end(22, "error", frames=0, errorName="TypeError"),
    dnsp(400, "system", resolver="127.0.0.1", answers=("10.214.7.2",), bogon=True, disagrees=True),
    dnsp(400, "public", resolver="127.0.0.1:5353", answers=("10.214.7.1",), bogon=True)])
S["dns.hijacked/confounded_private_answer_public_agrees"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "error", frames=40),
    dnsp(2400, "system", resolver="127.0.0.1", answers=("10.214.7.1",), bogon=True),
    dnsp(2400, "public", resolver="127.0.0.1:5353", answers=("10.214.7.1",), bogon=True)])
S["network.packet_loss/clear_retransmit_spike"] = ("network.packet_loss", "message_stream_error", [
    op(0), ft(300), retrans(4000, 0.09, 40), retrans(5000, 0.12, 55), end(6000, "error", frames=80), tcpp(6400)])
S["network.packet_loss/weak_probe_loses_connects"] = ("network.packet_loss", "message_stream_error", [
    op(0), ft(300), end(6000, "error", frames=80), tcpp(6400, outcome="ok", successes=2, attempts=3)])
S["network.packet_loss/confounded_spike_before_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    retrans(-60000, 0.2, 80), op(0), ft(300), retrans(2000, 0.002, 0.5), retrans(3000, 0.001, 0.2),
    end(4000, "error", frames=80), tcpp(4400)])
S["network.blocked/probed_tcp_refused_dns_ok"] = ("network.blocked", "network_error", [
    op(0), end(50, "error", frames=0, errorName="TypeError"), dnsp(450, "system"), dnsp(450, "public"),
    tcpp(500, outcome="refused", successes=0)])
S["network.blocked/probed_sni_reset"] = ("network.blocked", "network_error", [
    op(0), end(50, "error", frames=0, errorName="TypeError"), dnsp(450, "system"), tcpp(500), tlsp(520, outcome="reset")])
S["network.blocked/confounded_probe_healthy"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(3000, "error", frames=60), rerr(3001, "net::ERR_CONNECTION_RESET", stream="1:1")] + healthy_probes(3400))
S["network.changed/os_interface_down"] = ("network.changed", "message_stream_error", [
    op(0, site="copilot"), ft(300), netchange(1800, "iface_down", "eth0"), end(2000, "error", frames=20, closeCode=1006, wasClean=False)])
S["network.changed/os_vpn_up"] = ("network.changed", "message_stream_error", [
    op(0), ft(300), netchange(2500, "vpn_up", "wg0"), netchange(2500, "default_route", "wg0", "via wg0"),
    end(2600, "error", frames=30)])
S["network.changed/os_change_long_before"] = ("stream.dropped_unexplained", "message_stream_error", [
    netchange(-400000, "iface_up", "eth0"), op(0), ft(300), end(2600, "error", frames=30)])
S["proxy.double/clear_vpn_and_browser_proxy"] = ("proxy.double", "message_stream_error", [
    netchange(-600000, "vpn_present", "tun0"), proxy(-500000), op(0), ft(300), end(2600, "error", frames=30)])
S["proxy.double/weak_vpn_and_system_proxy"] = ("proxy.double", "message_stream_error", [
    netchange(-60000, "vpn_up", "wg0"), sysproxy(-50000), op(0, site="copilot"), ft(300),
    end(2600, "error", frames=30, closeCode=1006, wasClean=False)])
S["proxy.double/confounded_vpn_went_down"] = ("stream.dropped_unexplained", "message_stream_error", [
    netchange(-600000, "vpn_up", "tun0"), proxy(-500000), netchange(-400000, "vpn_down", "tun0"), op(0), ft(300),
    end(2600, "error", frames=30)])
S["tls.intercepted/probed_unexpected_issuer"] = ("tls.intercepted", "message_stream_error", [
    op(0), ft(300), end(2600, "error", frames=30), dnsp(3000, "system"), tcpp(3000),
    tlsp(3000, issuer="Kaspersky Anti-Virus Personal Root", expected=False)])
S["server.error/status_page_major_incident"] = ("server.error", "message_stream_error", [
    op(0), ft(300), end(2600, "error", frames=30), status(3000, "major", affected=("Conversations",)), tcpp(3000)])
S["server.error/confounded_minor_incident_other_component"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2600, "error", frames=30), status(3000, "minor", affected=("Login",))])
S["server.error/confounded_incident_but_blocked"] = ("extension.blocked_request", "network_error", [
    op(0), rerr(10, "net::ERR_BLOCKED_BY_CLIENT"), end(12, "error", frames=0), status(400, "major", affected=("API",))])
S["network.throttled/clear_rate_collapse"] = ("network.throttled", "message_stream_error", [
    op(0), ft(300), (1000, {"type": "stream.progress", "stream": "1:1", "frames": 100, "bytes": 100000, "gapMeanMs": 10, "gapP95Ms": 30, "gapMaxMs": 50}),
    (11000, {"type": "stream.progress", "stream": "1:1", "frames": 1100, "bytes": 1100000, "gapMeanMs": 10, "gapP95Ms": 30, "gapMaxMs": 50}),
    (21000, {"type": "stream.progress", "stream": "1:1", "frames": 2100, "bytes": 2100000, "gapMeanMs": 10, "gapP95Ms": 30, "gapMaxMs": 50}),
    (31000, {"type": "stream.progress", "stream": "1:1", "frames": 2150, "bytes": 2150000, "gapMeanMs": 60, "gapP95Ms": 300, "gapMaxMs": 900}),
    (41000, {"type": "stream.progress", "stream": "1:1", "frames": 2170, "bytes": 2170000, "gapMeanMs": 300, "gapP95Ms": 900, "gapMaxMs": 1500}),
    end(42000, "error", frames=2171, lastFrameAgoMs=700, gapP95Ms=900)])
# History supports, never decides (issue 21 class 5, issue 17 point 3): a same-duration pattern
# alone is a runner-up below the fallback; with the break's own silence-then-close it adds a little.
S["network.idle_cutoff/confounded_history_only_same_duration"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(60000, "error", frames=900, lastFrameAgoMs=40), tcpp(60400),
    hist(60500, "network.idle_cutoff", 0.8, "4 of the last 5 streams were cut at 60 s (±5%)")])
S["network.idle_cutoff/history_supports_silence_then_close"] = ("network.idle_cutoff", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), end(62000, "error", frames=31, lastFrameAgoMs=60500, gapP95Ms=80),
    rerr(62001, "net::ERR_CONNECTION_RESET", stream="1:1"), tcpp(62400),
    hist(62500, "network.idle_cutoff", 0.8, "4 of the last 5 streams were cut at 62 s (±5%)")])
S["network.idle_cutoff/confounded_history_then_extension_break"] = ("extension.interference", "message_stream_error", [
    ext_changed(-30000, "Tab Helper", change="updated"), hook_replaced(-5000), op(0), ft(300),
    end(60000, "truncated", frames=900, terminalSeen=False, lastFrameAgoMs=40), tcpp(60400),
    hist(60500, "network.idle_cutoff", 0.8, "3 of the last 4 streams were cut at 60 s (±5%)")])
S["network.idle_cutoff/confounded_history_then_blank_page"] = ("page.init_failed", "blank_page", [
    init_failed(0, reason="no_app_root", scripts=1), tcpp(400),
    hist(500, "network.idle_cutoff", 0.8, "3 of the last 4 streams were cut at 60 s (±5%)")])
S["network.idle_cutoff/confounded_history_still_open"] = ("stream.stalled", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), stall(61300, silent=60000), tcpp(61700),
    hist(61800, "network.idle_cutoff", 0.8, "3 of the last 4 streams were cut at 60 s (±5%)")])
S["network.idle_cutoff/ws_1006_after_round_silence"] = ("network.idle_cutoff", "message_stream_error", [
    op(0, site="copilot"), ft(300), prog(1300, 30, p95=200),
    end(101500, "error", frames=31, closeCode=1006, wasClean=False, lastFrameAgoMs=100200, gapP95Ms=200)])
S["network.idle_cutoff/confounded_browser_timeout_after_silence"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), end(46000, "error", frames=31, lastFrameAgoMs=44000, gapP95Ms=80),
    rerr(46001, "net::ERR_HTTP2_PING_FAILED", stream="1:1")])
S["pattern.same_site/confounded_pattern_alone_is_a_runner_up"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(3000, "error", frames=40), tcpp(3400),
    hist(3500, "pattern.same_site", 0.4, "5 of the last 6 breaks were on chatgpt")])
S["pattern.same_network/confounded_pattern_of_another_break"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(3000, "error", frames=40), tcpp(3400),
    ev(3500, {"type": "history.pattern", "breakId": "b-1-other", "cause": "pattern.same_network", "confidence": 0.4,
              "lines": ["4 of 5 breaks on network 3f2a"]})])
def progs(rates, stream="1:1", every=10000, start=1000):
    """Progress summaries whose byte deltas give these rates (bytes/s) interval by interval."""
    out, total, t = [], 0, start
    out.append((t, {"type": "stream.progress", "stream": stream, "frames": 1, "bytes": 0, "gapMeanMs": 10, "gapP95Ms": 30, "gapMaxMs": 50}))
    for r in rates:
        t += every
        total += int(r * every / 1000)
        out.append((t, {"type": "stream.progress", "stream": stream, "frames": total // 1000 + 1, "bytes": total,
                        "gapMeanMs": 10, "gapP95Ms": 30, "gapMaxMs": 50}))
    return out


S["network.throttled/weak_slow_decline"] = ("network.throttled", "message_stream_error", [
    op(0), ft(300)] + progs([50000, 50000, 40000, 8000]) + [end(42000, "error", frames=200, lastFrameAgoMs=500, gapP95Ms=400)])
S["network.throttled/confounded_short_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300)] + progs([50000, 50000, 2000], every=2000) + [end(8000, "error", frames=80)])
def wsp(t, status, host="copilot.microsoft.com", outcome="refused"):
    return ev(t, {"type": "probe.ws", "host": host, "outcome": outcome, "httpStatus": status, "upgradeMs": 30.0})


S["session.conflict/confounded_ghost_tab_closed_mid_stall"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(-120000, stream="2:1", tab=2), ft(-119000, stream="2:1"), stall(-90000, stream="2:1"),
    op(0), ft(300), end(2000, "error", frames=40)])
S["extension.blocked_request/weak_ws_failed_before_open_with_blocker"] = ("extension.blocked_request", "network_error", [
    inventory(-60000, "Privacy Blocker"), op(0, site="copilot"),
    end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60), tcpp(500, host="copilot.microsoft.com")])
S["server.overloaded/probed_ws_upgrade_429"] = ("server.overloaded", "network_error", [
    inventory(-60000, "Privacy Blocker"), op(0, site="copilot"),
    end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60), tcpp(500, host="copilot.microsoft.com"),
    wsp(520, 429)])
S["stream.dropped_unexplained/ws_failed_before_open_no_blocker"] = ("stream.dropped_unexplained", "network_error", [
    op(0, site="copilot"), end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60),
    tcpp(500, host="copilot.microsoft.com")])
S["stream.stalled/probed_everything_healthy"] = ("stream.stalled", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), stall(21300, silent=20000)] + healthy_probes(21800))


# --- post-mortem evidence read in context (issue 21 class 3)
# Black-holed mid-stream: the stream was answering, then fresh connects and DNS meet silence. The
# failed lookups cannot explain a stream that needed none; they say the path is down now.
S["network.blocked/probed_blackhole_mid_stream_dns_fails_too"] = ("network.blocked", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), stall(21300, silent=20000), dnsp(21800, "system", outcome="timeout"),
    dnsp(21800, "public", outcome="timeout"), tcpp(21900, outcome="timeout", successes=0)])
S["network.blocked/probed_blackhole_mid_stream_ping_failed"] = ("network.blocked", "message_stream_error", [
    op(0), ft(300), prog(1300, 30), end(30000, "error", frames=31, lastFrameAgoMs=28000, gapP95Ms=80),
    rerr(30001, "net::ERR_HTTP2_PING_FAILED", stream="1:1"), dnsp(30400, "system"),
    tcpp(30500, outcome="timeout", successes=0)])
S["dns.resolution_failed/confounded_lookup_fails_after_established_stream"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2000, "error", frames=40), rerr(2001, "net::ERR_CONNECTION_RESET", stream="1:1"),
    dnsp(2400, "system", outcome="servfail"), dnsp(2400, "public"), tcpp(2500)])
# Offline versus changed from the state after the break (os.network_change).
S["network.offline/os_interface_down_stays_down"] = ("network.offline", "message_stream_error", [
    op(0, site="copilot"), ft(300), netchange(1800, "iface_down", "eth0"), netchange(1800, "default_route", None, "none"),
    end(2000, "error", frames=20, closeCode=1006, wasClean=False), tcpp(2400, host="copilot.microsoft.com", outcome="unreachable", successes=0)])
S["network.changed/os_interface_down_route_moves"] = ("network.changed", "message_stream_error", [
    op(0, site="copilot"), ft(300), netchange(1800, "iface_down", "eth0"),
    netchange(1800, "default_route", "wlan0", "via 192.168.1.1 dev wlan0"),
    end(2000, "error", frames=20, closeCode=1006, wasClean=False)])
S["network.changed/os_route_lost_then_back"] = ("network.changed", "message_stream_error", [
    op(0, site="copilot"), ft(300), netchange(1500, "iface_down", "eth0"), netchange(1500, "default_route", None, "none"),
    netchange(1900, "iface_up", "eth0"), netchange(1900, "default_route", "eth0", "via 10.0.0.1 dev eth0"),
    end(2000, "error", frames=20, closeCode=1006, wasClean=False)])
# A machine that never had a default route (the lab's namespaces, a host-only network) reports
# no_default_route at start: a fact, not going offline.
S["network.changed/os_no_default_route_at_start_is_no_offline"] = ("network.changed", "message_stream_error", [
    netchange(-10000, "no_default_route", None), op(0), ft(300), prog(1300, 30), end(2100, "error", frames=44),
    rerr(2103, "net::ERR_NETWORK_CHANGED", stream="1:1")])
# --- evidence we gather and now read (issue 21 class 4)
S["session.conflict/weak_cookie_cleared_before_ws_upgrade"] = ("session.conflict", "network_error", [
    op(-60000, stream="1:0", site="copilot"), ft(-59000, stream="1:0"), end(-50000, "complete", frames=30, stream="1:0", terminalSeen=True),
    cookie(-5000, site="copilot"), op(0, site="copilot"),
    end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60)])
S["session.conflict/probed_cookie_cleared_then_upgrade_401"] = ("session.conflict", "network_error", [
    cookie(-5000, site="copilot"), op(0, site="copilot"),
    end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60), tcpp(500, host="copilot.microsoft.com"),
    wsp(520, 401)])
S["session.conflict/confounded_cookie_refreshed_before_ws"] = ("stream.dropped_unexplained", "network_error", [
    cookie(-5000, site="copilot", cause="overwrite"), cookie(-4999, removed=False, site="copilot"), op(0, site="copilot"),
    end(60, "error", frames=0, closeCode=1006, wasClean=False, durationMs=60), tcpp(500, host="copilot.microsoft.com")])
S["tls.intercepted/probed_untrusted_root_in_os_store"] = ("tls.intercepted", "message_stream_error", [
    op(0), ft(300), end(32000, "error", frames=3, lastFrameAgoMs=30000, gapP95Ms=100), dnsp(32400, "system"), tcpp(32400),
    tlsp(32400, outcome="untrusted", issuer="Corp TLS Inspection CA", expected=False, os_trusted=True)])
S["tls.intercepted/confounded_untrusted_nowhere"] = ("stream.dropped_unexplained", "message_stream_error", [
    op(0), ft(300), end(2600, "error", frames=30), dnsp(3000, "system"), tcpp(3000),
    tlsp(3000, outcome="untrusted", issuer="StreamDoctor lab", expected=False, os_trusted=False)])
# A TLS-inspecting middlebox holds the streamed answer, then gives up; its root is in no store the
# host reads (e.g. only in the browser's own NSS database), but its name says what it is.
S["tls.intercepted/probed_inspector_root_trusted_nowhere"] = ("tls.intercepted", "message_stream_error", [
    op(0), ft(300), end(32000, "error", frames=3, lastFrameAgoMs=30000, gapP95Ms=100), dnsp(32400, "system"), tcpp(32400),
    tlsp(32400, outcome="untrusted", issuer="Corp TLS Inspection CA", expected=False, os_trusted=False)])
S["dns.hijacked/probed_transparent_proxy_answers_for_public"] = ("dns.hijacked", "network_error", [
    op(0), rerr(20, "net::ERR_CONNECTION_REFUSED"), end(22, "error", frames=0, errorName="TypeError"),
    dnsp(400, "system", answers=("10.10.34.35",), bogon=True), dnsp(400, "public", answers=("10.10.34.35",), bogon=True),
    identity(420)])


def break_id(events):
    """The id BreakDetector gives the first break (extension times arrive mapped +3 ms)."""
    for t, e in sorted(events, key=lambda p: p[0]):
        at = T0 + t + 3
        kind = e["type"]
        if kind == "stream.end" and e["outcome"] not in ("complete", "aborted"):
            return "b-%d-%s" % (int(at), e["stream"])
        if kind == "stream.stall":
            return "b-%d-%s" % (int(at - e["silentMs"]), e["stream"])
        if kind == "stream.error":
            return "b-%d-%s" % (int(at), e["stream"])
        if kind == "page.init_failed":
            return "b-%d-page-%s" % (int(at), e["tabId"])
        if kind == "browser.request_error" and e.get("resourceType") == "main_frame":
            return "b-%d-load-%s" % (int(at), e["tabId"])
    return None


def write(name, expect_top, expect_symptom, events):
    path = name + ".jsonl"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps({"recording": 1, "host": "trace", "at": T0,
                            "expect": {"top": expect_top, "symptom": expect_symptom}}) + "\n")
        seq = 0
        for t, e in sorted(events, key=lambda p: p[0]):
            if e.get("_host"):
                body = {k: v for k, v in e.items() if k != "_host"}
                if body.get("breakId") == "BREAK":
                    body["breakId"] = break_id(events)
                body["ts"] = T0 + t
                f.write(json.dumps({"at": T0 + t, "ev": body}) + "\n")
                continue
            seq += 1
            msg = {"v": 1, "seq": seq, "ts": T0 + t}
            msg.update(e)
            # Arrival 3 ms after the event happened, as through the worker and the pipe.
            f.write(json.dumps({"at": T0 + t + 3, "in": msg}) + "\n")
        host_times = [t for t, e in events if e.get("_host") and t > 0]
        bid = break_id(events)
        if host_times and bid:
            # The post-mortem's evidence is in: the host diagnoses the break again ("probed").
            f.write(json.dumps({"at": T0 + max(host_times) + 1, "probed": bid}) + "\n")


for name, (top, symptom, events) in S.items():
    write(name, top, symptom, events)
print(len(S), "traces")
