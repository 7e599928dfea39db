import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app-context.js';
import type { Tenant } from '../../store/index.js';
import { deliverPending, saveSkywardConnection } from '../../integrations/skyward/index.js';
import { serializeError } from '../logger.js';
import { stopWithDemo } from './demo-peers.js';

const DEMO_ACTOR = { actorType: 'system' as const, actorId: 'demo' };

/** Whether the demo could show the Skyward write-back, and why not when it could not. */
export const demoSkyward = { isConnected: false, reason: 'not started' };

/**
 * Demo step: starts an SFTP server on loopback (Debian's OpenSSH, as the tests use) standing in
 * for the district's Skyward server, with an import peer that acknowledges each file as Skyward's
 * import job would; connects the demo district to it; and delivers the certifications the
 * evidence step imported, then reads Skyward's answers. Without OpenSSH (a machine where the
 * tests never ran) the demo goes on without it and says so.
 */
export async function connectDemoSkyward(context: AppContext, tenant: Tenant): Promise<void> {
  if (!existsSync('/usr/sbin/sshd')) {
    demoSkyward.reason = 'OpenSSH server not installed (npm test installs it)';
    context.logger.info({ event: 'demo.skyward.skipped', reason: demoSkyward.reason });
    return;
  }
  try {
    const { keyLogin, startSftpServer } =
      await import('../../test/peers/sftp/start-sftp-server.js');
    const { SkywardImportPeer } = await import('../../test/peers/skyward/skyward-import-peer.js');
    const server = await startSftpServer();
    stopWithDemo(() => server.close());
    const inbox = join(server.root, 'skyward', 'inbox');
    const acks = join(server.root, 'skyward', 'acks');
    mkdirSync(inbox, { recursive: true });
    mkdirSync(acks, { recursive: true });
    await context.db.withTenant(tenant.id, (tx) =>
      saveSkywardConnection(
        context,
        tx,
        {
          ...keyLogin(server),
          remoteFolder: inbox,
          ackFolder: acks,
          batchWindowSeconds: 0,
        },
        DEMO_ACTOR,
      ),
    );
    const peer = new SkywardImportPeer(inbox, acks);
    peer.start();
    stopWithDemo(() => peer.stop());
    await deliverPending(context, tenant.id);
    peer.processInbox();
    await deliverPending(context, tenant.id);
    demoSkyward.isConnected = true;
    demoSkyward.reason = '';
  } catch (error) {
    demoSkyward.reason = 'the demo SFTP server could not start';
    context.logger.warn({ event: 'demo.skyward.unavailable', err: serializeError(error) });
  }
}
