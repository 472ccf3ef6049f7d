// One municipality's journey: its state, and the effects it has decided on but not yet
// carried out (mails, notices to the campaign). Handlers change state synchronously and
// enqueue effects; the outbox carries them out in order, so a coordinator's update never
// waits behind a rate-limited mail queue.
import { upsertSearchAttributes } from '@temporalio/workflow';
import type {
  Address,
  BounceInfo,
  Campaign,
  Flag,
  FlagKind,
  Gathering,
  Stage,
} from '../../domain/types';
import { contactKeys } from '../../domain/contacts';
import { FINAL_STAGES, REGISTERED_OPEN } from '../../domain/types';
import { emptyAttendance, type AttendanceRecord } from '../../domain/journey/attendance';
import type { GatheringChange, MailContext, TemplateName } from '../../mail/outgoing/types';
import type { OutgoingMail } from '../../mail/outgoing/send-request';
import {
  CampaignIdKey,
  ContactsKey,
  FlaggedKey,
  MunicipalityIdKey,
  NetworkKey,
  StageKey,
} from '../../platform/search-attributes';
import { CampaignCalendar } from '../calendar';
import type { JourneyInput, JourneyState, RegistrationNotice } from '../definitions';

export type Effect =
  { kind: 'mail'; mail: OutgoingMail } | { kind: 'campaign'; notice: RegistrationNotice };

export interface MailOptions {
  to?: Address[];
  gathering?: number | null;
  reminderNumber?: number | null;
  inReplyTo?: string | null;
  flag?: Flag | null;
  reply?: MailContext['reply'];
  bounce?: BounceInfo | null;
  change?: GatheringChange | null;
}

/** Mails that tell a gathering's date and venue: the one they are about… */
const TELLS_GATHERING = new Set<TemplateName>([
  'gathering-announcement',
  'gathering-change',
  'attendance-request',
  'gathering-reminder',
  'gathering-practical',
]);
/** …and those that name the next one (the follow-ups). */
const TELLS_NEXT = new Set<TemplateName>([
  'followup-1',
  'followup-2',
  'followup-reminder',
  'status-request',
]);

const NOTICE_FOR: Partial<Record<FlagKind, TemplateName>> = {
  question: 'notice-question',
  bounce: 'notice-bounce',
  'late-registration': 'notice-late-registration',
};

export class Journey {
  readonly campaign: Campaign;
  readonly calendar: CampaignCalendar;
  readonly state: JourneyState;
  readonly outbox: Effect[] = [];
  /** Message-IDs already applied: a replayed reply changes nothing. */
  readonly seen = new Set<string>();
  /** Date+venue each gathering was last announced with, to re-announce on change. */
  readonly announced = new Map<number, string>();
  /** Each gathering as the municipality was last told it, to tell it of a contradiction. */
  readonly told = new Map<number, Gathering>();
  /** The gathering the timeline waits to announce: a change to it is the announcement. */
  announcing: number | null = null;
  /** The waiting-list closing letter went out: it is sent once. */
  waitingListClosed = false;
  invitationSentAt: string | null = null;
  /** 1 while the outbox carries out an effect. */
  inFlight = 0;
  private readonly stepCounters = new Map<string, number>();

  constructor(input: JourneyInput) {
    this.campaign = input.campaign;
    this.calendar = new CampaignCalendar(input.campaign.clock);
    this.state = {
      campaignId: input.campaign.id,
      municipality: input.municipality,
      stage: 'scheduled',
      contact: null,
      participants: [],
      anchored: null,
      networkPreference: null,
      registeredAt: null,
      registeredVia: null,
      lateRegistration: false,
      missing: [],
      network: null,
      waitingListPosition: null,
      gatherings: [1, 2, 3].map((n) => ({ number: n as 1 | 2 | 3, attendance: [] })),
      reports: [],
      mails: [],
      replies: [],
      flags: [],
      cancellation: null,
      pendingEffects: 0,
    };
  }

  get stage(): Stage {
    return this.state.stage;
  }

  now() {
    return this.calendar.now();
  }

  deadlinePassed(): boolean {
    return this.calendar.hasPassed(this.campaign.schedule.registrationDeadline);
  }

  isRegistered(): boolean {
    return REGISTERED_OPEN.includes(this.state.stage);
  }

  isFinal(): boolean {
    return FINAL_STAGES.includes(this.state.stage);
  }

  gathering(n: number): Gathering | null {
    return this.state.network?.gatherings.find((g) => g.number === n) ?? null;
  }

  attendance(n: number): AttendanceRecord[] {
    const slot = this.state.gatherings[n - 1];
    if (slot.attendance.length === 0) slot.attendance = emptyAttendance(this.state.participants);
    return slot.attendance;
  }

  setStage(stage: Stage): void {
    if (this.state.stage === stage) return;
    this.state.stage = stage;
    this.publishSearchAttributes();
  }

  /** Keeps the search attributes (Stage, Network, Flagged, Contacts) true. */
  publishSearchAttributes(): void {
    upsertSearchAttributes([
      { key: CampaignIdKey, value: this.campaign.id },
      { key: MunicipalityIdKey, value: this.state.municipality.id },
      { key: StageKey, value: this.state.stage },
      { key: NetworkKey, value: this.state.network?.id ?? null },
      { key: FlaggedKey, value: this.state.flags.some((f) => f.resolved === null) },
      {
        key: ContactsKey,
        value: contactKeys(this.state.municipality.domains, [
          this.state.municipality.email,
          this.state.contact?.address ?? null,
          ...this.state.participants.map((p) => p.email),
        ]),
      },
    ]);
  }

  raiseFlag(
    kind: FlagKind,
    message: string,
    reply: MailContext['reply'] = null,
    bounce: BounceInfo | null = null,
  ): Flag {
    const flag: Flag = {
      id: `${kind}-${this.state.flags.length + 1}`,
      kind,
      message,
      raisedAt: this.now(),
      resolved: null,
    };
    this.state.flags.push(flag);
    this.publishSearchAttributes();
    if (kind !== 'substitute') {
      this.mail(NOTICE_FOR[kind] ?? 'notice-flag', { flag, reply, bounce, to: [] }, 'coordinator');
    }
    return flag;
  }

  /** Participants with an address, else the contact, else the municipality's own address. */
  participantAddresses(): Address[] {
    const people = this.state.participants
      .filter((p) => p.email)
      .map((p) => ({ name: p.name, address: p.email! }));
    if (people.length) return people;
    return [
      this.state.contact ?? {
        name: this.state.municipality.name,
        address: this.state.municipality.email,
      },
    ];
  }

  /** The person who wrote, plus everyone registered: who hears about their registration. */
  registrationAddresses(): Address[] {
    const all = [
      ...(this.state.contact ? [this.state.contact] : []),
      ...this.participantAddresses(),
    ];
    const seen = new Set<string>();
    return all.filter(
      (a) => !seen.has(a.address.toLowerCase()) && seen.add(a.address.toLowerCase()),
    );
  }

  mail(
    template: TemplateName,
    options: MailOptions = {},
    audience: OutgoingMail['audience'] = 'municipality',
  ): void {
    if (
      this.state.stage === 'cancelled' &&
      template !== 'withdrawal' &&
      audience === 'municipality'
    )
      return;
    const base = options.gathering ? `g${options.gathering}-${template}` : template;
    const count = (this.stepCounters.get(base) ?? 0) + 1;
    this.stepCounters.set(base, count);
    const step = template === 'invitation' && count === 1 ? 'invitation' : `${base}-${count}`;
    const context: MailContext = {
      campaign: this.campaign,
      municipality: this.state.municipality,
      contact: this.state.contact,
      participants: this.state.participants.map((p) => ({ ...p })),
      anchored: this.state.anchored,
      networkPreference: this.state.networkPreference,
      network: this.state.network,
      gathering: options.gathering ?? null,
      missing: [...(this.state.missing as MailContext['missing'])],
      waitingListPosition: this.state.waitingListPosition,
      reminderNumber: options.reminderNumber ?? null,
      cancellation: this.state.cancellation,
      flag: options.flag ?? null,
      reply: options.reply ?? null,
      bounce: options.bounce ?? null,
      now: this.now(),
      // Only on the change letter: older mails' inputs stay as they were.
      ...(options.change ? { change: options.change } : {}),
    };
    if (audience === 'municipality') this.remember(template, options.gathering ?? null);
    const to = options.to ?? [
      { name: this.state.municipality.name, address: this.state.municipality.email },
    ];
    this.outbox.push({
      kind: 'mail',
      mail: {
        campaignId: this.campaign.id,
        municipalityId: this.state.municipality.id,
        step,
        template,
        context,
        to,
        cc: [],
        threadSteps: audience === 'municipality' && template !== 'invitation' ? ['invitation'] : [],
        inReplyTo: options.inReplyTo ?? null,
        audience,
      },
    });
  }

  /** Remembers which gatherings a mail told the municipality about, as they stand now. */
  private remember(template: TemplateName, gathering: number | null): void {
    const network = this.state.network;
    if (!network) return;
    const tell = (n: number) => {
      const g = network.gatherings.find((x) => x.number === n);
      if (g) this.told.set(n, g);
    };
    if (template === 'assignment') network.gatherings.forEach((g) => tell(g.number));
    else if (gathering !== null && TELLS_GATHERING.has(template)) tell(gathering);
    else if (gathering !== null && TELLS_NEXT.has(template)) tell(gathering + 1);
  }

  /** Tells the campaign about this registration (or its withdrawal). */
  notifyCampaign(withdrawn = false): void {
    const m = this.state.municipality;
    this.outbox.push({
      kind: 'campaign',
      notice: {
        municipalityId: m.id,
        name: m.name,
        participants: this.state.participants.length,
        preference: this.state.networkPreference,
        registeredAt: this.state.registeredAt ?? this.now(),
        lat: m.lat,
        lon: m.lon,
        late: this.state.lateRegistration,
        withdrawn,
      },
    });
  }

  /** Drops what was decided but not yet sent: a cancelled journey sends nothing more. */
  dropPendingMail(): void {
    for (let i = this.outbox.length - 1; i >= 0; i--) {
      const e = this.outbox[i];
      if (e.kind === 'mail' && e.mail.audience === 'municipality') this.outbox.splice(i, 1);
    }
  }
}
