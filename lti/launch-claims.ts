import type { LaunchMessageType } from './claims.js';

/** The LTI context of a launch (Core §5.4.1), as far as the tool uses it. */
export interface LaunchContext {
  id: string;
  label?: string;
  title?: string;
  type?: string[];
}

/** Deep-linking settings (Deep Linking 2.0 §4.4.1) the tool must honour in its response. */
export interface DeepLinkingSettings {
  deep_link_return_url: string;
  accept_types: string[];
  accept_presentation_document_targets: string[];
  accept_multiple?: boolean;
  title?: string;
  text?: string;
  data?: string;
}

/** A launch that passed every check, reduced to what the tool uses. */
export interface VerifiedLaunch {
  registrationId: string;
  tenantId: string;
  deploymentId: string;
  messageType: LaunchMessageType;
  issuer: string;
  subject: string;
  roles: string[];
  context: LaunchContext | null;
  resourceLinkId: string | null;
  targetLinkUri: string | null;
  personSourcedId: string | null;
  courseSectionSourcedId: string | null;
  email: string | null;
  locale: string | null;
  custom: Record<string, string>;
  namesRoleServiceUrl: string | null;
  deepLinking: DeepLinkingSettings | null;
}
