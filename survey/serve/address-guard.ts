/**
 * Which addresses may change state (DNS rebinding, cross-site forms): a request other than GET or HEAD
 * must name in its Host header an address the server answers for (the address it is bound to, localhost,
 * 127.0.0.1, [::1], the machine's own addresses when bound to all of them, or an --allow-host name such as
 * a classroom's LAN name) on the server's port, and an Origin header, when sent, must be that same
 * http://host. A page of another site (a rebound name, or a form posting to 127.0.0.1) is refused.
 */
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { UserError } from '../../core/errors.js';

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;
const WILDCARD = new Set(['0.0.0.0', '[::]', '']);

const bracket = (h: string): string => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h).toLowerCase();

/** The `--allow-host` values, checked: NAME (on the server's port) or NAME:PORT. */
export function allowedHosts(values: readonly string[]): string[] {
  return values.map((v) => {
    const m = HOST.exec(v.trim().toLowerCase());
    if (!m || (m[2] !== undefined && Number(m[2]) > 65535))
      throw new UserError(`--allow-host '${v}': expected a host name or address, optionally with :PORT (e.g. classroom.local)`);
    return v.trim().toLowerCase();
  });
}

export class AddressGuard {
  private readonly names: Set<string>;

  constructor(
    private readonly bound: string,
    private readonly allow: readonly string[],
    private readonly port: () => number,
  ) {
    this.names = new Set(['localhost', '127.0.0.1', '[::1]', bracket(bound), ...allow.filter((a) => !HOST.exec(a)![2])]);
  }

  /** Why a state-changing request is refused, or null when it comes from an address the server answers for. */
  refusal(req: IncomingMessage): string | null {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.answersFor(host)) return `Host '${host}' is not an address this server answers for (a classroom name? add --allow-host NAME)`;
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return `Origin '${origin}' does not match Host '${host}'`;
    return null;
  }

  private answersFor(host: string): boolean {
    const m = HOST.exec(host);
    if (!m) return false;
    const [name, port] = [m[1], m[2] === undefined ? 80 : Number(m[2])];
    if (this.allow.includes(`${name}:${port}`)) return true;
    if (port !== this.port()) return false;
    return this.names.has(name) || (WILDCARD.has(bracket(this.bound)) && this.ownAddresses().has(name));
  }

  /** The machine's addresses now (a DHCP lease may change while a class rates). */
  private ownAddresses(): Set<string> {
    const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
    return new Set(all.map((a) => bracket(a.address)));
  }
}
