// Every visible string lives here. Spanish is the reference language: the English dictionary is
// typed against it, so a missing or misspelled key is a compile error.
// Placeholders use `{name}` and are filled by `t(key, params)`.

import { auditEn, auditEs } from './messages/audit';
import { authEn, authEs } from './messages/auth';
import { commonEn, commonEs } from './messages/common';
import { followUpEn, followUpEs } from './messages/followUp';
import { mapEn, mapEs } from './messages/map';
import { microredEn, microredEs } from './messages/microred';
import { programmingEn, programmingEs } from './messages/programming';
import { screeningImportEn, screeningImportEs } from './messages/screeningImport';
import { supplyEn, supplyEs } from './messages/supply';
import { surveillanceEn, surveillanceEs } from './messages/surveillance';
import { surveillanceSeriesEn, surveillanceSeriesEs } from './messages/surveillanceSeries';
import { unitEn, unitEs } from './messages/unit';
import { usersEn, usersEs } from './messages/users';

/** Each area keeps its messages in its own file under messages/; they are merged here. */
export const es = {
  ...commonEs,
  ...mapEs,
  ...microredEs,
  ...authEs,
  ...unitEs,
  ...usersEs,
  ...auditEs,
  ...surveillanceEs,
  ...surveillanceSeriesEs,
  ...screeningImportEs,
  ...followUpEs,
  ...programmingEs,
  ...supplyEs,
} as const;

export type MessageKey = keyof typeof es;
export type Dictionary = Record<MessageKey, string>;

export const en: Dictionary = {
  ...commonEn,
  ...mapEn,
  ...microredEn,
  ...authEn,
  ...unitEn,
  ...usersEn,
  ...auditEn,
  ...surveillanceEn,
  ...surveillanceSeriesEn,
  ...screeningImportEn,
  ...followUpEn,
  ...programmingEn,
  ...supplyEn,
};

export const dictionaries = { es, en } satisfies Record<string, Dictionary>;
export type Language = keyof typeof dictionaries;
