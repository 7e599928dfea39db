import { z } from 'zod';
import { SkywardSettingInvalid } from './errors.js';
import { WRITE_BACK_FIELDS } from './write-back-line.js';

/**
 * A district's file layout: the columns of its SkyBuild import template in order, each taking a
 * canonical field or a fixed value (e.g. a district number the template wants on every line).
 */
export const columnMappingSchema = z
  .array(
    z.union([
      z.object({ header: z.string().min(1).max(100), field: z.enum(WRITE_BACK_FIELDS) }).strict(),
      z.object({ header: z.string().min(1).max(100), constant: z.string().max(200) }).strict(),
    ]),
  )
  .min(1)
  .max(60)
  .refine(
    (columns) => columns.some((column) => 'field' in column && column.field === 'record_id'),
    {
      message: 'the layout must keep record_id, so acknowledgements and re-sends can be matched',
    },
  )
  .refine(
    (columns) => columns.some((column) => 'field' in column && column.field === 'record_version'),
    {
      message: 'the layout must keep record_version, so a re-sent line can be recognised',
    },
  );

/** A validated column mapping. */
export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** The canonical layout of docs/skyward.md: every field, headed by its own name. */
export const DEFAULT_COLUMN_MAPPING: ColumnMapping = WRITE_BACK_FIELDS.map((field) => ({
  header: field,
  field,
}));

/**
 * Validates a column mapping (from a JSON file or the stored setting).
 * @param value the parsed JSON.
 * @returns the mapping.
 * @throws SkywardSettingInvalid (ERR_SKYWARD_BAD_SETTING) naming the bad column.
 */
export function parseColumnMapping(value: unknown): ColumnMapping {
  const parsed = columnMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `columnMapping[${issue.path.join('].')}` : 'columnMapping';
  throw new SkywardSettingInvalid(where, issue.message);
}
