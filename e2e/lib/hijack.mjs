// The lying-resolver scenario (root only: network namespaces), shared by e2e/test/hijack-netns.test.mjs
// and the accuracy benchmark. The lab page and its stream server run in the server namespace on
// SERVER (10.214.X.1). In the client namespace, where Chromium and the host it starts run:
//   - the "system" resolver: a lab DNS server on the namespace's own 127.0.0.1:53, named by
//     /etc/netns/CLIENT/resolv.conf. It answers chatgpt.com truthfully (SERVER) and LIES about
//     chat.openai.com: the client's own veth address, where nothing listens (connection refused —
//     what a block page that never answers on the site's port looks like);
//   - the "public" resolver: a second lab DNS server on 127.0.0.1:5353, answering both names with
//     SERVER. The host's targets.json names it as its public resolver (config.Targets
//     publicResolvers; systemResolvers empty = read resolv.conf, as for a real user).
// Both resolvers sit on the client namespace's loopback, so STREAMDOCTOR_LOOPBACK_ONLY=1 keeps
// them (LoopbackPolicy drops every non-loopback resolver). Nothing is reachable beyond the pair.
import { startLab } from './harness.mjs';
import { writeNamespaceTargets } from './safety.mjs';

export const PUBLIC_RESOLVER = '127.0.0.1:5353';

/** Starts the three labs; resolves with {page (the page/stream lab), lie (the lying answer), base (page URL), stop()}. */
export async function startHijackLab(pair) {
  const s = pair.serverAddr;
  const lie = pair.clientAddr;
  const started = [];
  const stop = () => { for (const l of started) l.stop(); };
  try {
    const page = await startLab(['--bind', s, '--https-port', '0'], { prefix: pair.inNs(pair.server) });
    started.push(page);
    started.push(await startLab(['--bind', '127.0.0.1', '--dns-port', '53', '--dns', `chatgpt.com=${s}`,
      '--dns', `chat.openai.com=${lie}`], { prefix: pair.inNs(pair.client) }));
    started.push(await startLab(['--bind', '127.0.0.1', '--dns-port', PUBLIC_RESOLVER.split(':')[1],
      '--dns', `chatgpt.com=${s}`, '--dns', `chat.openai.com=${s}`], { prefix: pair.inNs(pair.client) }));
    pair.resolvConf(pair.client, '127.0.0.1');
    return { page, lie, stop, base: `https://chatgpt.com:${new URL(page.https).port}/` };
  } catch (e) {
    stop();
    throw e;
  }
}

/** The host's targets: the OS resolver (resolv.conf) as system, the honest lab DNS as public. */
export function writeHijackTargets(home) {
  writeNamespaceTargets(home, [PUBLIC_RESOLVER]);
}
