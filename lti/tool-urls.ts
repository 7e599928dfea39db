/** The tool's own endpoints, all under PUBLIC_URL. */
export interface ToolUrls {
  origin: string;
  login: string;
  launch: string;
  jwks: string;
  register: string;
  manifest: string;
  deepLink: string;
  logo: string;
}

/**
 * Builds the tool's endpoint URLs from the public origin.
 * @param publicUrl the origin platforms reach the tool at, without trailing slash.
 * @returns every LTI endpoint URL.
 */
export function toolUrlsFor(publicUrl: string): ToolUrls {
  return {
    origin: publicUrl,
    login: `${publicUrl}/lti/login`,
    launch: `${publicUrl}/lti/launch`,
    jwks: `${publicUrl}/lti/jwks`,
    register: `${publicUrl}/lti/register`,
    manifest: `${publicUrl}/lti/manifest.json`,
    deepLink: `${publicUrl}/lti/launch`,
    logo: `${publicUrl}/lti/assets/logo.svg`,
  };
}
