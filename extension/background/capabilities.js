// Feature gaps between browsers, detected at run time and shown in the popup as plain notes
// instead of failing. Each gap has a stable id and a message `gap_<id>` in _locales.
//  - notification_buttons: Firefox's notifications API has no `buttons` (MDN: notifications.
//    NotificationOptions, "buttons" not supported in Firefox); creating one with buttons throws.
//  - management_details: management.getAll() unavailable, or its entries lack `permissions` /
//    `hostPermissions`, so we cannot tell which add-ons can block a chat site.
//  - proxy_settings: proxy.settings.get() unavailable or refused.
//  - browser_pages: Firefox does not let add-ons open about: pages (about:networking#dns,
//    about:preferences), so "open the browser's DNS page" becomes an instruction.
export const GAP_IDS = ['notification_buttons', 'management_details', 'proxy_settings', 'browser_pages'];

export function createCapabilities({ firefox = false } = {}) {
  const gaps = new Set();
  if (firefox) {
    gaps.add('notification_buttons');
    gaps.add('browser_pages');
  }
  return {
    note(id) {
      if (GAP_IDS.includes(id)) gaps.add(id);
    },
    has: (id) => gaps.has(id),
    list: () => GAP_IDS.filter((id) => gaps.has(id)),
  };
}

/**
 * Checks the management API's shape: true when it can tell blocking power apart. Only real
 * extensions count: Firefox lists themes, dictionaries and language packs without permissions.
 */
export function managementDetailed(all) {
  if (!Array.isArray(all)) return false;
  return all.filter((x) => !x.type || x.type === 'extension')
    .every((x) => Array.isArray(x.permissions) && Array.isArray(x.hostPermissions));
}

/**
 * Creates a notification; when the browser refuses `buttons` (Firefox), notes the gap and creates
 * it without them — the notification click still opens the popup with every remedy.
 */
export async function createNotification(notifications, id, options, caps) {
  const plain = { ...options };
  delete plain.buttons;
  if (options.buttons && caps && caps.has('notification_buttons')) return notifications.create(id, plain);
  try {
    return await notifications.create(id, options);
  } catch (e) {
    if (!options.buttons) throw e;
    if (caps) caps.note('notification_buttons');
    return notifications.create(id, plain);
  }
}
