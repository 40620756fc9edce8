// Installed extensions and their power over chat hosts (extension.* causes need it).
import { hostMatchPatterns } from '../src/common/sites.js';
import { managementDetailed } from './capabilities.js';

const BLOCKING = ['declarativeNetRequest', 'declarativeNetRequestWithHostAccess', 'webRequestBlocking'];
const ALL_HOSTS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

/** True when one of the extension's host patterns covers a chat host. */
export function coversChatHosts(hostPermissions) {
  const chatHosts = hostMatchPatterns().map((p) => /^\w+:\/\/([^/]+)\//.exec(p)[1]);
  return (hostPermissions || []).some((p) => {
    if (ALL_HOSTS.includes(p)) return true;
    const m = /^(\*|https?|wss?):\/\/([^/]+)\//.exec(p);
    if (!m) return false;
    const host = m[2];
    return chatHosts.some((h) => host === h || (host.startsWith('*.') && (h === host.slice(2) || h.endsWith(host.slice(1)))));
  });
}

export function describe(info) {
  return {
    id: info.id,
    name: String(info.name || '').slice(0, 100),
    enabled: !!info.enabled,
    canBlock: (info.permissions || []).some((p) => BLOCKING.includes(p)),
    chatHostAccess: coversChatHosts(info.hostPermissions),
  };
}

export function createInventory(ext, selfId, emit, caps = null) {
  let known = new Map();

  async function refresh() {
    let all = [];
    try {
      all = await ext.management.getAll();
    } catch {
      if (caps) caps.note('management_details');
      return [];
    }
    if (caps && !managementDetailed(all)) caps.note('management_details');
    const list = all.filter((x) => x.id !== selfId && x.type !== 'theme').map(describe);
    known = new Map(list.map((x) => [x.id, x]));
    emit({ type: 'browser.extensions', ts: Date.now(), extensions: list });
    return list;
  }

  const changed = (change) => (info) => {
    // Firefox fires onInstalled for its built-in themes at every start of a new profile: a theme
    // cannot touch requests, so it is never a suspect.
    if (!info || info.id === selfId || info.type === 'theme') return;
    const id = typeof info === 'string' ? info : info.id;
    const name = typeof info === 'string' ? known.get(id)?.name || '' : info.name;
    const kind = change === 'installed' && known.has(id) ? 'updated' : change;
    emit({ type: 'browser.extension_changed', ts: Date.now(), id, name: String(name || '').slice(0, 100), change: kind });
    refresh();
  };

  return {
    refresh,
    list: () => [...known.values()],
    watch() {
      const m = ext.management;
      try {
        m.onEnabled.addListener(changed('enabled'));
        m.onDisabled.addListener(changed('disabled'));
        m.onInstalled.addListener(changed('installed'));
        m.onUninstalled.addListener(changed('uninstalled'));
      } catch {
        // Firefox without management events for some types: inventory still refreshes on start
      }
    },
  };
}
