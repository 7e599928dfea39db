import type { IbcListEntry } from './ibc-list.js';

/**
 * The IBC list shipped with the product, used until a district operator loads TEA's published
 * file (`ccmr evidence ibc-list load`).
 *
 * Limitation: this is a representative excerpt with codes in the product's own format, not TEA's
 * complete list; load the official file before production use (docs/evidence-layouts.md).
 */
export const BUNDLED_IBC_LIST_VERSION = 'bundled-2025.1';

/** The bundled credentials (name, certifying vendor, list editions). */
export const BUNDLED_IBC_ENTRIES: readonly IbcListEntry[] = [
  {
    code: 'CNA',
    name: 'Certified Nurse Aide/Assistant',
    vendor: 'Texas Health and Human Services',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'PHT',
    name: 'Pharmacy Technician',
    vendor: 'Pharmacy Technician Certification Board',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'EMT',
    name: 'Emergency Medical Technician - Basic',
    vendor: 'National Registry of EMTs',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'CCMA',
    name: 'Certified Clinical Medical Assistant',
    vendor: 'National Healthcareer Association',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'CPT',
    name: 'Certified Phlebotomy Technician',
    vendor: 'National Healthcareer Association',
    lists: ['2019-2022', '2022-2025'],
  },
  {
    code: 'AWSCCP',
    name: 'AWS Certified Cloud Practitioner',
    vendor: 'Amazon Web Services',
    lists: ['2022-2025', '2025-2030'],
  },
  {
    code: 'COMPTIAA',
    name: 'CompTIA A+',
    vendor: 'CompTIA',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'COMPTIASEC',
    name: 'CompTIA Security+',
    vendor: 'CompTIA',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'CCST',
    name: 'Cisco Certified Support Technician - Networking',
    vendor: 'Cisco',
    lists: ['2025-2030'],
  },
  {
    code: 'MOSEXCEL',
    name: 'Microsoft Office Specialist: Excel',
    vendor: 'Microsoft',
    lists: ['2019-2022'],
  },
  {
    code: 'MOSWORD',
    name: 'Microsoft Office Specialist: Word',
    vendor: 'Microsoft',
    lists: ['2019-2022'],
  },
  {
    code: 'ACPPS',
    name: 'Adobe Certified Professional: Photoshop',
    vendor: 'Adobe',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'AUTOCADCU',
    name: 'Autodesk Certified User: AutoCAD',
    vendor: 'Autodesk',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  { code: 'NCCERCORE', name: 'NCCER Core Curriculum', vendor: 'NCCER', lists: ['2019-2022'] },
  {
    code: 'NCCERELEC1',
    name: 'NCCER Electrical Level 1',
    vendor: 'NCCER',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'AWSD1',
    name: 'AWS Certified Welder (D1.1)',
    vendor: 'American Welding Society',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'ASEG1',
    name: 'ASE Entry-Level Certification: Maintenance and Light Repair',
    vendor: 'ASE Education Foundation',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'EPA608',
    name: 'EPA Section 608 Technician (Universal)',
    vendor: 'U.S. Environmental Protection Agency',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'OSHA30',
    name: 'OSHA 30-Hour Construction',
    vendor: 'Occupational Safety and Health Administration',
    lists: ['2019-2022'],
  },
  {
    code: 'SERVSAFEMGR',
    name: 'ServSafe Manager',
    vendor: 'National Restaurant Association',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'TXCOSMO',
    name: 'Texas Cosmetology Operator License',
    vendor: 'Texas Department of Licensing and Regulation',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'FLORALTSFA',
    name: 'Texas State Florists Association Level One Floral Certification',
    vendor: 'Texas State Florists Association',
    lists: ['2019-2022', '2022-2025'],
  },
  {
    code: 'VETASST',
    name: 'Certified Veterinary Assistant - Level 1',
    vendor: 'Texas Veterinary Medical Association',
    lists: ['2019-2022', '2022-2025', '2025-2030'],
  },
  {
    code: 'TXPEACE',
    name: 'Texas Commission on Law Enforcement Telecommunicator',
    vendor: 'Texas Commission on Law Enforcement',
    lists: ['2022-2025', '2025-2030'],
  },
  {
    code: 'REALESTATE',
    name: 'Texas Real Estate Sales Agent License',
    vendor: 'Texas Real Estate Commission',
    lists: ['2025-2030'],
  },
];
