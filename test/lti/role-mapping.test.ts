import assert from 'node:assert/strict';
import { mapRoles } from '../../lti/index.js';
import { isContextRole, normaliseRole } from '../../lti/role-vocabulary.js';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

describe('LTI role mapping', () => {
  const cases: Array<[string, string[], string]> = [
    ['a context instructor is a teacher', [`${LIS}membership#Instructor`], 'teacher'],
    ['the short name "Instructor" is a teacher', ['Instructor'], 'teacher'],
    ['a learner is a student', [`${LIS}membership#Learner`], 'student'],
    ['the short name "Learner" is a student', ['Learner'], 'student'],
    ['an institution mentor is a counselor', [`${LIS}institution/person#Mentor`], 'counselor'],
    [
      'an institution administrator is a campus administrator',
      [`${LIS}institution/person#Administrator`],
      'campus_admin',
    ],
    [
      'a system administrator is a district administrator',
      [`${LIS}system/person#Administrator`],
      'district_admin',
    ],
    [
      'an instructor who is also staff stays a teacher',
      [`${LIS}membership#Instructor`, `${LIS}institution/person#Staff`],
      'teacher',
    ],
    [
      'a learner who is also a mentor is only a student',
      [`${LIS}membership#Learner`, `${LIS}institution/person#Mentor`],
      'student',
    ],
    ['an unknown role gets no access', [`${LIS}unknown/unknown#Helper`], 'none'],
    ['no role at all gets no access', [], 'none'],
    [
      'a teaching assistant (unmapped sub-role) gets no access',
      [`${LIS}membership/Instructor#TeachingAssistant`],
      'none',
    ],
  ];
  for (const [name, roles, expected] of cases) {
    it(name, () => assert.equal(mapRoles(roles), expected));
  }

  it('lets a district override the default for one role', () => {
    const tenantMap = { [`${LIS}institution/person#Administrator`]: 'district_admin' as const };
    assert.equal(mapRoles([`${LIS}institution/person#Administrator`], tenantMap), 'district_admin');
  });

  it('lets a district give an unmapped role access', () => {
    const tenantMap = { [`${LIS}membership/Instructor#TeachingAssistant`]: 'teacher' as const };
    assert.equal(mapRoles([`${LIS}membership/Instructor#TeachingAssistant`], tenantMap), 'teacher');
  });

  it('tells context roles from institution roles', () => {
    assert.equal(isContextRole('Instructor'), true);
    assert.equal(isContextRole(`${LIS}membership/Instructor#TeachingAssistant`), true);
    assert.equal(isContextRole(`${LIS}institution/person#Administrator`), false);
    assert.equal(normaliseRole('Learner'), `${LIS}membership#Learner`);
  });
});
