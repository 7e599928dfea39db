/**
 * Name pools for the generated district, weighted roughly like a large Texas district:
 * about half Hispanic, a quarter Anglo, an eighth Black, some Asian and others.
 */

export type Heritage = 'hispanic' | 'anglo' | 'black' | 'asian' | 'other';

/** Cumulative shares of each heritage, in order. */
export const HERITAGE_SHARES: ReadonlyArray<[Heritage, number]> = [
  ['hispanic', 0.52],
  ['anglo', 0.78],
  ['black', 0.91],
  ['asian', 0.96],
  ['other', 1],
];

export const FAMILY_NAMES: Record<Heritage, readonly string[]> = {
  hispanic: [
    'García', 'Martínez', 'Hernández', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez',
    'Ramírez', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Cruz', 'Morales', 'Ortiz',
    'Gutiérrez', 'Chávez', 'Ramos', 'Ruiz', 'Mendoza', 'Vásquez', 'Castillo', 'Jiménez',
    'Moreno', 'Herrera', 'Medina', 'Aguilar', 'Vargas', 'Guerra', 'Salinas', 'Treviño',
    'Cantú', 'Garza', 'Villarreal', 'Saenz', 'Barrera', 'Zamora', 'Escobedo',
  ],
  anglo: [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
    'Thomas', 'Moore', 'Martin', 'Thompson', 'White', 'Clark', 'Lewis', 'Walker', 'Hall',
    'Allen', 'Young', 'King', 'Wright', 'Scott', 'Baker', 'Nelson', 'Carter', 'Mitchell',
    'Roberts', 'Turner', 'Parker', 'Collins', 'Stewart', 'Morris', 'Cook', 'Rogers', 'Reed',
  ],
  black: [
    'Washington', 'Jefferson', 'Jackson', 'Harris', 'Robinson', 'Banks', 'Booker', 'Coleman',
    'Freeman', 'Gaines', 'Holmes', 'Mosley', 'Dorsey', 'Simmons', 'Ellis', 'Bryant', 'Hayes',
    'Tucker', 'Wade', 'Franklin', 'Dawson', 'Pierce',
  ],
  asian: [
    'Nguyen', 'Tran', 'Le', 'Pham', 'Huynh', 'Patel', 'Shah', 'Kim', 'Park', 'Lee', 'Chen',
    'Wang', 'Zhang', 'Liu', 'Singh', 'Kumar', 'Reddy', 'Vo', 'Dang', 'Bui',
  ],
  other: [
    'Begay', 'Yazzie', 'Tsosie', 'Okafor', 'Adeyemi', 'Haddad', 'Khalil', 'Mansour', 'Kowalski',
    'Novak', 'Fonoti', 'Kealoha', 'Abebe', 'Tesfaye', 'Hussein', 'Ibrahim',
  ],
};

export const GIVEN_NAMES: Record<Heritage, { female: readonly string[]; male: readonly string[] }> = {
  hispanic: {
    female: [
      'María', 'Sofía', 'Valeria', 'Camila', 'Ximena', 'Isabella', 'Daniela', 'Jimena', 'Lucía',
      'Natalia', 'Andrea', 'Guadalupe', 'Alondra', 'Yesenia', 'Marisol', 'Leticia', 'Abigail',
    ],
    male: [
      'José', 'Juan', 'Luis', 'Carlos', 'Jesús', 'Diego', 'Santiago', 'Mateo', 'Alejandro',
      'Miguel', 'Ángel', 'Adrián', 'Emiliano', 'Jorge', 'Ricardo', 'Eduardo', 'Julián',
    ],
  },
  anglo: {
    female: [
      'Emma', 'Olivia', 'Ava', 'Madison', 'Emily', 'Hannah', 'Abigail', 'Avery', 'Harper',
      'Ella', 'Grace', 'Chloe', 'Addison', 'Brooklyn', 'Kaylee', 'Reagan', 'Taylor',
    ],
    male: [
      'Liam', 'Noah', 'William', 'James', 'Benjamin', 'Mason', 'Ethan', 'Carter', 'Wyatt',
      'Luke', 'Hunter', 'Colton', 'Jackson', 'Cooper', 'Tyler', 'Austin', 'Garrett',
    ],
  },
  black: {
    female: [
      'Aaliyah', 'Jasmine', 'Imani', 'Destiny', 'Kennedy', 'Nia', 'Brianna', 'Jada', 'Zoe',
      'Makayla', 'Kiara', 'Taliyah',
    ],
    male: [
      'Jalen', 'Jordan', 'Isaiah', 'Elijah', 'Malik', 'Darius', 'Marcus', 'Jayden', 'Xavier',
      'DeShawn', 'Jamal', 'Terrence',
    ],
  },
  asian: {
    female: [
      'Anh', 'Linh', 'Mai', 'Priya', 'Ananya', 'Aarya', 'Ji-woo', 'Seo-yeon', 'Mei', 'Hana',
      'Kavya', 'Vy',
    ],
    male: [
      'Minh', 'Khoa', 'Bao', 'Arjun', 'Rohan', 'Aarav', 'Min-jun', 'Ji-ho', 'Wei', 'Kenji',
      'Vikram', 'Huy',
    ],
  },
  other: {
    female: ['Nizhoni', 'Amara', 'Layla', 'Noor', 'Leilani', 'Selam', 'Zainab', 'Yara'],
    male: ['Ahiga', 'Chidi', 'Omar', 'Karim', 'Kai', 'Dawit', 'Yusuf', 'Tamir'],
  },
};

/** Names of Texas high schools in the generated district. */
export const CAMPUS_NAMES: readonly string[] = [
  'Bluebonnet High School', 'Pecan Creek High School', 'San Jacinto High School',
  'Cypress Ridge High School', 'Mesquite Valley High School', 'Rio Grande High School',
  'Brazos River High School', 'Live Oak High School', 'Guadalupe Early College High School',
  'Lamar High School', 'Travis Heights High School', 'Hill Country High School',
  'Caprock High School', 'Sabine Pass High School', 'Palo Duro High School',
  'Nueces Bay High School',
];

/** Birth cities for demographics. */
export const TEXAS_CITIES: readonly string[] = [
  'Houston', 'San Antonio', 'Dallas', 'Austin', 'Fort Worth', 'El Paso', 'Laredo', 'Brownsville',
  'McAllen', 'Corpus Christi', 'Lubbock', 'Amarillo', 'Waco', 'Killeen', 'Beaumont', 'Edinburg',
];

/** Letters only, lower case, accents removed: for generated e-mail addresses. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
