import type { DataPurpose } from '../store/index.js';
import type { AccessAction } from './access-resource.js';

/**
 * The purpose of each action the access policy decides (privacy-checklist.md R1): every route
 * that reads or changes student data goes through one of these actions, so every route has a
 * purpose. A new action does not compile until it is given one here.
 */
export const PURPOSE_OF_ACTION: Readonly<Record<AccessAction, DataPurpose>> = {
  'student.read': 'deliver_service',
  'student.list': 'deliver_service',
  'class.read': 'deliver_service',
  'campus.read': 'deliver_service',
  'district.read': 'deliver_service',
  'whatif.run': 'deliver_service',
  'certification.write': 'deliver_service',
  'admin.read': 'deliver_service',
  'admin.write': 'deliver_service',
  'audit.export': 'security_integrity',
  'data_request.run': 'lea_requested',
  'export.deidentified': 'deidentified_research',
};
