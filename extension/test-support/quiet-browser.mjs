// The browsers' own background services, turned off for every browser test (extension browser
// tests, e2e/, bench/): without this, one test run made ~80 lookups of Google's services per
// Chromium suite and Firefox ~120 connections to Mozilla's (docs/testing.md "A hermetic suite").
// As root the suites also run in a network namespace of their own (e2e/lib/hermetic.mjs), so
// nothing could leave anyway; these switches make the run quiet, and make a developer's
// non-root run (no namespace) send nothing either.

/**
 * Chromium switches (chrome/common/chrome_switches.cc, components/*): no component or extension
 * update checks, sync, first-run or default apps, domain-reliability beacons, client-side phishing
 * model, metrics uploads, breakpad, hyperlink-auditing pings, field-trial downloads. No
 * --disable-features here: Chromium keeps only a switch's last value, which would drop the list
 * Playwright passes.
 */
export const CHROMIUM_QUIET_FLAGS = [
  '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability',
  '--disable-client-side-phishing-detection', '--metrics-recording-only', '--disable-breakpad', '--no-pings',
  '--disable-field-trial-config',
];

/**
 * Google service names Chromium 156 still looked up with every switch above (measured with
 * e2e/lib/hermetic.mjs's DNS sink: accounts.google.com, the sign-in cookie check, and
 * update.googleapis.com, the extension updater, ask even with --disable-background-networking).
 * They resolve to "not found" inside the browser (--host-resolver-rules), so no lookup is sent.
 * Explicit names only: gemini.google.com is a chat site the tests may map to a lab server.
 */
export const CHROMIUM_VENDOR_HOSTS = [
  'accounts.google.com', 'clients1.google.com', 'clients2.google.com', 'android.clients.google.com',
  'www.google.com', '*.googleapis.com', '*.gvt1.com', '*.gvt2.com', '*.googleusercontent.com',
];

const RULES = '--host-resolver-rules=';

/**
 * `args` with the quiet switches and one --host-resolver-rules (Chromium keeps only a switch's
 * last value): the test's own rules first (the first matching rule wins), then the vendor names.
 */
export function quietChromiumArgs(args = []) {
  const own = args.filter((a) => a.startsWith(RULES)).map((a) => a.slice(RULES.length)).filter(Boolean);
  const rest = args.filter((a) => !a.startsWith(RULES));
  const rules = [...own, ...CHROMIUM_VENDOR_HOSTS.map((h) => `MAP ${h} ~NOTFOUND`)].join(', ');
  return [...CHROMIUM_QUIET_FLAGS.filter((f) => !rest.includes(f)), ...rest, RULES + rules];
}

/**
 * Firefox prefs (modules/libpref/init/StaticPrefList.yaml, browser/app/profile/firefox.js): no
 * DNS leaves (every name is 127.0.0.1, no DoH), no connectivity/captive-portal checks, no remote
 * settings, safe browsing, updates of the app, add-ons, search or system add-ons, no telemetry,
 * health report, Normandy/Nimbus studies, geolocation or region lookup, no new-tab feeds or
 * sponsored tiles, no prefetch or speculative connections, no push service.
 */
export const FIREFOX_QUIET_PREFS = {
  'network.dns.native-is-localhost': true,
  'network.trr.mode': 5,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  // A closed loopback port: remote settings ask nobody. Release builds honour this pref only with
  // FIREFOX_QUIET_ENV (services/settings/Utils.sys.mjs, allowServerURLOverride).
  'services.settings.server': 'http://127.0.0.1:9/v1',
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.enabled': false,
  'geo.provider.network.url': '',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.coverage.endpoint.base': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.feeds.discoverystreamfeed': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.suggest.quicksuggest.sponsored': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.discovery.enabled': false,
  'browser.contentblocking.report.monitor.enabled': false,
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-manager.updateEnabled': false,
  'media.eme.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'privacy.query_stripping.enabled': false,
  'identity.fxaccounts.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': '',
  'startup.homepage_welcome_url.additional': '',
  'browser.aboutwelcome.enabled': false,
  'trailhead.firstrun.branches': 'nofirstrun-empty',
};

/** Environment for Firefox: lets a release build take `services.settings.server` from the prefs. */
export const FIREFOX_QUIET_ENV = 'MOZ_REMOTE_SETTINGS_DEVTOOLS=1';
