/** Second-generation ID card reader: codec, text block, reader device, simulator. */
import { serialBinding } from '../serial/serialport-binding.js';
import { IdCardReader, type IdCardReaderOptions } from './reader.js';

export * from './protocol.js';
export { FrameDecoder, type DecodeIssue, type DecoderStats } from './frame-decoder.js';
export * from './text-block.js';
export * from './code-tables.js';
export * from './read-answer.js';
export * from './wlt.js';
export * from './card-json.js';
export * from './reader-messages.js';
export { IdCardReader, type IdCardReaderOptions, type ReaderEvents, type ReaderLogEntry } from './reader.js';
export { startIdCardSimulator, SimulatorError, type IdCardSimulator, type SimulatorOptions, type SimulatorEvents } from './simulator/simulator.js';
export { SIM_FAULTS, isSimFault, type SimFault } from './simulator/firmware.js';

export interface SerialReaderOptions extends Omit<IdCardReaderOptions, 'binding'> {
  path: string;
  baudRate?: number;
}

/** A reader on a serial port (115200 8N1 by default). Not started: call start() or readOnce(). */
export function openSerialIdCardReader(opts: SerialReaderOptions): IdCardReader {
  const { path, baudRate, ...rest } = opts;
  return new IdCardReader({ ...rest, binding: serialBinding(baudRate === undefined ? { path } : { path, baudRate }) });
}
