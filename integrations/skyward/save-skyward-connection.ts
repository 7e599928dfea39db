import { z } from 'zod';
import {
  appendAudit,
  type AuditEvent,
  type TenantKeys,
  type TenantTransaction,
} from '../../store/index.js';
import type { JobQueue } from '../../store/index.js';
import { columnMappingSchema } from './column-mapping.js';
import { requestDelivery } from './enqueue-write-back.js';
import { SkywardSettingInvalid } from './errors.js';

/** Folder paths on the server: absolute, no `..`, no control characters. */
const remotePath = z
  .string()
  .regex(/^\/[^\u0000-\u001f]*$/, 'expected an absolute path such as /imports/ibc')
  .refine((path) => !path.split('/').includes('..'), 'must not contain ..');

/** A district's SFTP connection as an administrator enters it. */
export const skywardConnectionInputSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9.:_-]+$/, 'expected a host name or address'),
    port: z.number().int().min(1).max(65_535).default(22),
    username: z.string().min(1).max(100),
    privateKey: z.string().min(1).max(20_000).optional(),
    password: z.string().min(1).max(1_000).optional(),
    /** OpenSSH fingerprint `SHA256:…`; when absent, the first key seen is recorded and pinned. */
    hostKeySha256: z
      .string()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'expected SHA256:… as ssh-keygen -lf prints it')
      .optional(),
    remoteFolder: remotePath,
    /** Where the district's Skyward drops acknowledgement files; absent = none read. */
    ackFolder: remotePath.optional(),
    /** `{batch}` (required) is the batch id; `{date}` the batch's day, YYYYMMDD. */
    fileNamePattern: z
      .string()
      .regex(
        /^[A-Za-z0-9._{}-]+$/,
        'letters, digits, dot, dash, underscore and {batch} or {date} only',
      )
      .refine(
        (pattern) => pattern.includes('{batch}'),
        'must contain {batch}, so each batch has its own name',
      )
      .refine((pattern) => !pattern.endsWith('.part'), 'must not end in .part')
      .default('ccmr-ibc-{batch}.csv'),
    /** Seconds a delivery waits after a change, so a burst of saves travels in one file. */
    batchWindowSeconds: z.number().int().min(0).max(86_400).default(60),
    columnMapping: columnMappingSchema.optional(),
  })
  .refine((input) => Boolean(input.privateKey) !== Boolean(input.password), {
    message: 'give exactly one of privateKey or password',
    path: ['privateKey'],
  });

/** The connection input before validation. */
export type SkywardConnectionInput = z.input<typeof skywardConnectionInputSchema>;

/**
 * Saves (creates or replaces) the district's Skyward connection. The private key or password is
 * field-encrypted; the change is audited; if changes are waiting, a delivery is queued.
 * @param context the keys, job queue and clock.
 * @param tx the district's transaction.
 * @param input the settings.
 * @param actor who changed them.
 * @throws SkywardSettingInvalid (ERR_SKYWARD_BAD_SETTING) naming the bad field.
 */
export async function saveSkywardConnection(
  context: { readonly keys: TenantKeys; readonly jobs: JobQueue; now(): Date },
  tx: TenantTransaction,
  input: unknown,
  actor: Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>,
): Promise<void> {
  const parsed = skywardConnectionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SkywardSettingInvalid(issue.path.join('.') || '(input)', issue.message);
  }
  const settings = parsed.data;
  const cipher = await context.keys.cipherFor(tx);
  const secret = cipher.encrypt(settings.privateKey ?? settings.password!, {
    table: 'skyward_connections',
    column: 'secret_enc',
    rowId: tx.tenantId,
  });
  const now = context.now();
  await tx.query(
    `INSERT INTO skyward_connections (tenant_id, host, port, username, auth_method, secret_enc,
       host_key_sha256, remote_folder, ack_folder, file_name_pattern, batch_window_seconds,
       column_mapping, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (tenant_id) DO UPDATE SET host = $2, port = $3, username = $4, auth_method = $5,
       secret_enc = $6, host_key_sha256 = $7, remote_folder = $8, ack_folder = $9,
       file_name_pattern = $10, batch_window_seconds = $11, column_mapping = $12, updated_at = $13,
       last_tested_at = NULL, last_test_code = NULL`,
    [
      tx.tenantId,
      settings.host,
      settings.port,
      settings.username,
      settings.privateKey ? 'key' : 'password',
      secret,
      settings.hostKeySha256 ?? null,
      settings.remoteFolder,
      settings.ackFolder ?? null,
      settings.fileNamePattern,
      settings.batchWindowSeconds,
      settings.columnMapping ? JSON.stringify(settings.columnMapping) : null,
      now,
    ],
  );
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'skyward.connection.saved',
      resourceType: 'skyward_connection',
      resourceId: tx.tenantId,
      detail: { authMethod: settings.privateKey ? 'key' : 'password' },
    },
    now,
  );
  const pending = await tx.one(
    "SELECT 1 AS found FROM skyward_outbox WHERE status = 'pending' LIMIT 1",
  );
  if (pending) await requestDelivery(context, tx);
}
