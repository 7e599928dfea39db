import assert from 'node:assert/strict';
import type { Response } from 'express';
import type { Viewer } from '../../privacy/index.js';
import { sendPage } from '../../views/render/render-page.js';
import { sessionUrlBuilder } from '../../views/sources/launch-session.js';

/** The part of an Express response the renderer uses, keeping what was sent. */
function fakeResponse(locals: Record<string, unknown>): Response & { body: string } {
  const res = {
    locals,
    body: '',
    status: () => res,
    setHeader: () => res,
    type: () => res,
    send(body: string) {
      res.body = body;
      return res;
    },
  };
  return res as unknown as Response & { body: string };
}

const teacher: Viewer = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  role: 'teacher',
  personId: null,
  launchId: null,
  scope: { campusOrgIds: [], classSourcedIds: [], caseloadPersonIds: [] },
  locale: 'en',
};

function render(locals: Record<string, unknown>, title: string): string {
  const res = fakeResponse(locals);
  sendPage(res, {
    widget: 'class-readiness',
    viewer: teacher,
    model: { sections: [{ title, readyCount: 0, students: [] }] },
    provenance: { computedAt: null, syncedAt: null },
    sessionUrl: sessionUrlBuilder(res),
    isReusable: true,
  });
  return res.body;
}

describe('reusable pages', () => {
  it('serves a page again only for the same inputs', () => {
    const cookie = { sessionTransport: 'cookie', sessionToken: 'cookie-token' };
    const first = render(cookie, 'English IV');
    assert.equal(render(cookie, 'English IV'), first);
    const other = render(cookie, 'Algebra II');
    assert.match(other, /Algebra II/);
    assert.doesNotMatch(other, /English IV/);
  });

  it('never serves a query session the links of another session', () => {
    const cookiePage = render({ sessionTransport: 'cookie', sessionToken: 'c' }, 'Biology');
    assert.doesNotMatch(cookiePage, /[?&]ls&#x3D;/);
    const one = render({ sessionTransport: 'query', sessionToken: 'token-one' }, 'Biology');
    const two = render({ sessionTransport: 'query', sessionToken: 'token-two' }, 'Biology');
    assert.match(one, /[?&]ls&#x3D;token-one/);
    assert.match(two, /[?&]ls&#x3D;token-two/);
    assert.doesNotMatch(two, /token-one/);
  });
});
