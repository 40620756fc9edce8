// The missing-helper state: how to install the helper app on this system for this browser, with
// commands that exist (docs/install.md "Quick start", docs/packaging.md ".deb"), and what works
// without it. `os` is runtime.getPlatformInfo().os; `browser` the `install --browser` name.

/** The `streamdoctor install --browser` name of the browser running this page. */
export function installBrowserName(nav = globalThis.navigator, firefox = false) {
  if (firefox) return 'firefox';
  const brands = (nav && nav.userAgentData && nav.userAgentData.brands) || [];
  const has = (re) => brands.some((b) => re.test(String(b.brand)));
  if (has(/Microsoft Edge/)) return 'edge';
  if (has(/Brave/)) return 'brave';
  if (has(/Opera/)) return 'opera';
  if (has(/Google Chrome/)) return 'chrome';
  return 'chromium';
}

/** {intro, steps: [{text, code}], more}: the path that works for this OS and browser. */
export function installSteps(t, { os, browser = 'chromium', forbidden = false }) {
  const jar = { text: t('install_jar'), code: `java -jar streamdoctor.jar install --browser ${browser}` };
  const steps = [];
  if (forbidden) {
    steps.push({ text: t('install_again'), code: `streamdoctor install --browser ${browser}` });
  } else if (os === 'linux') {
    steps.push({ text: t('install_deb'), code: 'sudo apt install ./streamdoctor_0.1.0-1_amd64.deb' });
    steps.push({ text: t('install_otherLinux'), code: jar.code });
  } else {
    steps.push({ text: t('install_java') }, jar);
  }
  steps.push({ text: t('install_thenTest') });
  return { intro: t(forbidden ? 'helperForbidden' : 'helperMissing'), steps, more: t('install_docs') };
}
