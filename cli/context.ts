// What every command needs: the configuration, a Temporal client (connected on first
// use), who is acting, and which campaign is meant.
import os from 'node:os';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../platform/config';
import { defaultCampaignId } from '../operations/journeys';
import { explain, OperationError } from '../operations/errors';
import { resolveMunicipality } from '../operations/municipalities';

export class CliContext {
  private clientPromise: Promise<Client> | null = null;
  private configValue: Config | null = null;

  get config(): Config {
    this.configValue ??= loadConfig();
    return this.configValue;
  }

  client(): Promise<Client> {
    // Loaded on first use: the Temporal client costs a tenth of a second to load, and
    // `--help`, `parse` and `preview` never need it.
    const { connectClient } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../platform/temporal') as typeof import('../platform/temporal');
    this.clientPromise ??= connectClient(this.config).catch((error) => {
      throw explain(error, 'Temporal');
    });
    return this.clientPromise;
  }

  /** Who acts, recorded with every change: --by, NETTVERK_COORDINATOR, or the login name. */
  by(option?: string): string {
    return option || process.env.NETTVERK_COORDINATOR || os.userInfo().username;
  }

  /**
   * The campaign meant: named as the command's argument or with --campaign (either, or both
   * if they agree), else the only one there is.
   */
  async campaignId(option?: string, positional?: string): Promise<string> {
    if (option && positional && option !== positional)
      throw new OperationError(
        `Two campaigns named: "${positional}" and --campaign "${option}"; give one.`,
      );
    return positional ?? option ?? defaultCampaignId(await this.client());
  }

  /** Like campaignId, but for what cannot be undone: the campaign must be named. */
  namedCampaignId(option: string | undefined, positional: string | undefined, example: string) {
    if (!option && !positional) throw new OperationError(`Say which campaign: ${example}.`);
    return this.campaignId(option, positional);
  }

  /** A municipality's id from its number or its name (see operations/municipalities.ts). */
  async municipalityId(campaignId: string, text: string): Promise<string> {
    return resolveMunicipality(await this.client(), campaignId, text);
  }

  async close(): Promise<void> {
    if (this.clientPromise) {
      const client = await this.clientPromise.catch(() => null);
      await client?.connection.close();
    }
  }
}
