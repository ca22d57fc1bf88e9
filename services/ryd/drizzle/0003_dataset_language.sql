-- Dataset `language` is now set through the API, which accepts only IATI
-- Language codes. Until now the CKAN import stored the `language` extra
-- unchecked: keep the values that are IATI codes once trimmed and lower-cased,
-- clear the rest, and bump the version (the ETag) of every row that changes.
-- The list is the IATI Language codelist (181 codes) when this was written.
WITH "iati_language" AS (
  SELECT unnest(ARRAY[
    'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az',
    'ba', 'be', 'bg', 'bh', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce',
    'ch', 'co', 'cr', 'cs', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el',
    'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy',
    'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht',
    'hu', 'hy', 'hz', 'id', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja',
    'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks',
    'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu',
    'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na',
    'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj',
    'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro',
    'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn',
    'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th',
    'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk',
    'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh',
    'zu'
  ]::text[]) AS "code"
)
UPDATE "datasets"
SET
  "language" = (
    SELECT "code" FROM "iati_language"
    WHERE "code" = lower(btrim("datasets"."language"))
  ),
  "version" = "version" + 1,
  "updated_at" = now()
WHERE "language" IS NOT NULL
  AND "language" NOT IN (SELECT "code" FROM "iati_language");
--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_language_ck" CHECK ("datasets"."language" is null or "datasets"."language" ~ '^[a-z]{2}$');