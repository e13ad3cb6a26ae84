/** HID transport: framing of byte streams in reports, node-hid facade, binding, fake reader. */
export * from './framing.js';
export * from './hid-api.js';
export { hidBinding, type HidBindingOptions } from './hid-binding.js';
export { startFakeHidReader, type FakeHidReader, type FakeHidReaderOptions } from './simulator/fake-hid-reader.js';
