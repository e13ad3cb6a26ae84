/**
 * Offline handwriting recognition for the on-screen keyboard. The 26 MB model is read once, on
 * the first request (asynchronously, so the kiosk starts as fast as before), and kept.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../src-shared/api/errors.js';
import type { Logger } from '../log/logger.js';
import type { Ink } from './zinnia-features.js';
import { recogniseInk } from './recognise-ink.js';
import { ZinniaModel } from './zinnia-model.js';
import { findModelFile, modelCandidates } from './model-file.js';

export const CANDIDATE_COUNT = 10;

const UNAVAILABLE = new AppError(
  'handwriting.unavailable',
  '手写输入暂时不能使用，请改用拼音输入，或请工作人员帮助',
  'Handwriting input is not available now; use pinyin, or ask the staff',
);

export class HandwritingRecognizer {
  private loading: Promise<ZinniaModel> | null = null;

  constructor(
    private readonly log: Logger,
    private readonly modelPath: () => string | null = () => findModelFile(),
  ) {}

  /** Starts loading the model if it is not loaded yet; resolves when it can answer. */
  load(): Promise<ZinniaModel> {
    this.loading ??= this.open().catch((e: unknown) => {
      this.loading = null; // the file may be installed later: try again on the next request
      throw e;
    });
    return this.loading;
  }

  async recognize(ink: Ink, n = CANDIDATE_COUNT): Promise<string[]> {
    return recogniseInk(await this.load(), ink, n);
  }

  private async open(): Promise<ZinniaModel> {
    const path = this.modelPath();
    if (!path) {
      this.log.error('handwriting.model-missing', { looked: modelCandidates() });
      throw UNAVAILABLE;
    }
    const started = performance.now();
    try {
      const model = await ZinniaModel.parse(await readFile(path), () => new Promise((r) => setImmediate(r)));
      this.log.info('handwriting.model-loaded', { path, characters: model.chars.length, ms: Math.round(performance.now() - started) });
      return model;
    } catch (e) {
      this.log.error('handwriting.model-unreadable', { path, error: e });
      throw UNAVAILABLE;
    }
  }
}
