// What every command needs: the configuration, a Temporal client (connected on first
// use), who is acting, and which campaign is meant.
import os from 'node:os';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../platform/config';
import { connectClient } from '../platform/temporal';
import { defaultCampaignId } from '../operations/journeys';
import { explain } from '../operations/errors';

export class CliContext {
  private clientPromise: Promise<Client> | null = null;
  private configValue: Config | null = null;

  get config(): Config {
    this.configValue ??= loadConfig();
    return this.configValue;
  }

  client(): Promise<Client> {
    this.clientPromise ??= connectClient(this.config).catch((error) => {
      throw explain(error, 'Temporal');
    });
    return this.clientPromise;
  }

  /** Who acts, recorded with every change: --by, NETTVERK_COORDINATOR, or the login name. */
  by(option?: string): string {
    return option || process.env.NETTVERK_COORDINATOR || os.userInfo().username;
  }

  async campaignId(option?: string): Promise<string> {
    return option ?? defaultCampaignId(await this.client());
  }

  async close(): Promise<void> {
    if (this.clientPromise) {
      const client = await this.clientPromise.catch(() => null);
      await client?.connection.close();
    }
  }
}
