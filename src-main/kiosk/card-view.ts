import type { CardView } from '../../src-shared/api/contract.js';
import type { IdCard } from '../../src-shared/domain/id-card.js';
import type { ApplicantRecord } from '../../src-shared/domain/filing.js';
import { maskIdNumber } from '../../src-shared/domain/masking.js';

const GENDER_ZH: Record<string, string> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };

export function toCardView(card: IdCard): CardView {
  return {
    kind: card.kind,
    name: card.name || card.nameEn || '',
    genderLabel_zh: GENDER_ZH[card.genderCode] ?? '未知',
    birthDate: card.birthDate,
    address: card.address,
    idNumberMasked: maskIdNumber(card.idNumber),
    validTo: card.validTo,
  };
}

export function toApplicant(card: IdCard): ApplicantRecord {
  return {
    cardKind: card.kind,
    name: card.name || card.nameEn || '',
    idNumber: card.idNumber,
    genderCode: card.genderCode,
    birthDate: card.birthDate,
    address: card.address,
  };
}
