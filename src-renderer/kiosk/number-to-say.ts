import type { FilingView } from '../../src-shared/domain/filing.js';

/** The sentence the result screen reads: the official number when there is one, else the provisional one. */
export function numberToSay(filing: Pick<FilingView, 'officialNo' | 'provisionalNo'>, l: (zh: string, en: string) => string): string {
  return filing.officialNo
    ? l(`您的案号是：${filing.officialNo}。请记下这个号码。`, `Your case number is ${filing.officialNo}. Please write it down.`)
    : l(`您的临时编号是：${filing.provisionalNo}。正式案号稍后生成。`, `Your provisional number is ${filing.provisionalNo}. The official case number follows.`);
}
