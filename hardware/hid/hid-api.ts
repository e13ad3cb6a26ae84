/**
 * The part of node-hid the app uses, as an interface so tests (and `yzt device list` in tests)
 * can put a fake device or a fixed list in its place. node-hid is loaded on first use: its
 * native module costs start-up time that most commands never need.
 */

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** OS path (hidraw node on Linux, device interface path on Windows); absent on some systems. */
  path?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface?: number | undefined;
}

/** Same shape as node-hid's HID.HID, as far as the binding uses it. */
export interface HidDeviceHandle {
  /** Report number first (0 for unnumbered); returns bytes written, throws on failure. */
  write(report: number[] | Buffer): number;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  close(): void;
}

export interface HidApi {
  devices(): Promise<HidDeviceInfo[]>;
  /** Throws when the device cannot be opened (gone, no permission, held exclusively). */
  open(path: string): Promise<HidDeviceHandle>;
}

type NodeHid = typeof import('node-hid');
let loaded: Promise<NodeHid> | undefined;

async function nodeHid(): Promise<NodeHid> {
  loaded ??= import('node-hid').then((m) => ((m as { default?: NodeHid }).default ?? m) as NodeHid);
  return loaded;
}

/** The real HID stack through node-hid (hidraw on Linux). */
export const nodeHidApi: HidApi = {
  async devices() {
    return (await nodeHid()).devices();
  },
  async open(path) {
    const hid = await nodeHid();
    return new hid.HID(path);
  },
};

/** `0400:c35a` style, as `yzt device list` prints it and the kiosk config accepts it. */
export function vidPid(d: Pick<HidDeviceInfo, 'vendorId' | 'productId'>): string {
  const h = (n: number): string => n.toString(16).padStart(4, '0');
  return `${h(d.vendorId)}:${h(d.productId)}`;
}

const VID_PID = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;

/**
 * Finds the device a configured target names: an OS path, or `vvvv:pppp` (which survives a
 * replug that renumbers the hidraw node; the first such interface with a path wins).
 */
export function findHidDevice(list: readonly HidDeviceInfo[], target: string): HidDeviceInfo | undefined {
  const m = VID_PID.exec(target);
  if (!m) return list.find((d) => d.path === target);
  const vendorId = parseInt(m[1]!, 16);
  const productId = parseInt(m[2]!, 16);
  return list.find((d) => d.vendorId === vendorId && d.productId === productId && d.path);
}
