/** Barcode hardware for the kiosk's Node side: image decoding, serial scanners and their simulator. */
export { createBarcodeDecoder, type BarcodeDecoder, type BarcodeDecoderOptions, type BarcodeResult, type DecodeCallOptions, type DecodeError, type DecodeResult } from './decoder.js';
export { openSerialScanner, type ScannerProblem, type SerialScan, type SerialScanner, type SerialScannerOptions } from './serial-scanner.js';
export { startScannerSimulator, ScannerSimulatorError, type ScannerSimulator, type ScannerSimulatorOptions, type SimScanOptions } from './scanner-simulator.js';
export { LineFramer } from './line-framer.js';
