/** The parts of an imsx_StatusInfo error payload we act on. */
export interface ImsxStatus {
  codeMajor?: string;
  codeMinor?: string;
  description?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The codeMinor of either binding: a string (1.1) or imsx_CodeMinor.imsx_codeMinorField[] (1.2). */
function readCodeMinor(info: Record<string, unknown>): string | undefined {
  const minor = info.imsx_CodeMinor ?? info.imsx_codeMinor;
  if (typeof minor === 'string') return minor;
  const fields = (minor as { imsx_codeMinorField?: unknown } | undefined)?.imsx_codeMinorField;
  const list = Array.isArray(fields) ? fields : fields ? [fields] : [];
  const first = list[0] as Record<string, unknown> | undefined;
  return text(first?.imsx_codeMinorFieldValue);
}

/**
 * Reads an imsx_StatusInfo payload in any shape providers send: the 1.2 root object, a 1.1
 * `statusInfoSet` array, or a single `imsx_statusInfo` object (OneRoster 1.1 §3.3, 1.2 §3.4).
 * @returns the status, or undefined when the body is not such a payload.
 */
export function readImsxStatus(body: unknown): ImsxStatus | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const root = body as Record<string, unknown>;
  const set = root.statusInfoSet ?? root.imsx_statusInfo ?? root.imsx_StatusInfo;
  const info = (Array.isArray(set) ? set[0] : (set ?? root)) as Record<string, unknown> | undefined;
  if (!info || typeof info !== 'object' || !('imsx_codeMajor' in info)) return undefined;
  return {
    codeMajor: text(info.imsx_codeMajor),
    codeMinor: readCodeMinor(info),
    description: text(info.imsx_description),
  };
}
