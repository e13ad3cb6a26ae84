/**
 * A byte link to a device, whatever carries it: a serial port (serialport), a HID device
 * (node-hid: write wraps frames into reports, onData unwraps them), or a test double. Device
 * classes (the ID card reader) depend only on this.
 */

export interface LinkClosed {
  /** True when the device went away (unplugged, driver error); false when we closed it. */
  lost: boolean;
  /** Stable code for logs and tests. */
  code: 'closed' | 'disconnected' | 'io-error';
  message_zh: string;
  message_en: string;
}

export interface ByteLink {
  write(bytes: Uint8Array): Promise<void>;
  /** Every chunk as it arrives; chunk boundaries mean nothing. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the link ends, for any reason. */
  onClose(listener: (why: LinkClosed) => void): void;
  close(): Promise<void>;
}

export type OpenErrorCode = 'not-found' | 'permission' | 'busy' | 'other';

export class LinkOpenError extends Error {
  constructor(
    readonly code: OpenErrorCode,
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(`${code}: ${message_en}`);
    this.name = 'LinkOpenError';
  }
}

export interface ByteBinding {
  /** Where the device is, for logs and messages: 'serial:/dev/ttyUSB0'. Never personal data. */
  readonly label: string;
  /** Rejects with LinkOpenError. */
  open(): Promise<ByteLink>;
}
