/**
 * What a second-generation ID card reader yields, as decoded by hardware/id-card.
 * Lives in src-shared because the UI shows (a masked view of) it and filings store it.
 */
export type IdCardKind = 'resident' | 'foreign-permanent' | 'hmt-residence' | 'foreign-2023';

export interface IdCard {
  kind: IdCardKind;
  /** Chinese name (for `I`/`Y` cards the Chinese name field, may be empty). */
  name: string;
  /** English name, foreign cards only. */
  nameEn?: string;
  /** GB/T 2261.1 code: '0' unknown, '1' male, '2' female, '9' unspecified. */
  genderCode: string;
  /** Two-digit ethnic group code (resident and HMT cards). */
  ethnicCode?: string;
  /** YYYYMMDD */
  birthDate: string;
  address: string;
  /** ID number or permanent-resident card number. */
  idNumber: string;
  authority: string;
  /** YYYYMMDD */
  validFrom: string;
  /** YYYYMMDD, or '长期' for cards valid without limit. */
  validTo: string;
  nationality?: string;
  /** HMT residence permits: the travel permit number and issue count. */
  permitNumber?: string;
  issueCount?: string;
  /** Foreign permanent resident cards: the card version field (2 characters). */
  cardVersion?: string;
}

/** Raw material kept alongside the decoded card; never sent to the renderer. */
export interface IdCardRaw {
  photoWlt: Uint8Array;
  fingerprint?: Uint8Array;
}
