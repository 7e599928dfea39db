import manifestTemplate from '../manifest.json' with { type: 'json' };

/** The tool's registration metadata with every placeholder filled from PUBLIC_URL. */
export type ToolManifest = Record<string, unknown>;

/**
 * Fills the repository's `manifest.json` for this deployment: `{{PUBLIC_URL}}` becomes the
 * tool's origin and `{{PUBLIC_HOST}}` its host. The file carries both the 1EdTech tool
 * configuration (Dynamic Registration 1.0 §3.2) and the keys of Canvas's JSON configuration URL.
 * @param publicUrl the origin platforms reach the tool at.
 * @returns the filled manifest.
 */
export function fillManifest(publicUrl: string): ToolManifest {
  const host = new URL(publicUrl).host;
  const text = JSON.stringify(manifestTemplate)
    .replaceAll('{{PUBLIC_URL}}', publicUrl)
    .replaceAll('{{PUBLIC_HOST}}', host);
  return JSON.parse(text) as ToolManifest;
}

/** Keys of the manifest that belong to Dynamic Registration's client metadata. */
export const REGISTRATION_KEYS = [
  'application_type',
  'client_name',
  'client_uri',
  'logo_uri',
  'grant_types',
  'response_types',
  'token_endpoint_auth_method',
  'initiate_login_uri',
  'redirect_uris',
  'jwks_uri',
  'scope',
  'https://purl.imsglobal.org/spec/lti-tool-configuration',
] as const;
