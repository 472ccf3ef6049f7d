// The status reports and lessons learned, gathered per municipality: what TI Norge and KS
// use to revise the handbook «Beskytt kommunen!».
import type { Municipality, NetworkId, Stage } from '../domain/types';
import type { Report } from '../workflows/definitions';
import { placedIn, sortedJourneys, type CampaignData } from './data';

export interface MunicipalityLessons {
  municipality: Municipality;
  network: NetworkId | null;
  stage: Stage;
  /** In the order received. */
  status1: Report[];
  status2: Report[];
  lessons: Report[];
}

/** Every municipality placed in a network or with any report, by name. */
export function lessonsByMunicipality(data: CampaignData): MunicipalityLessons[] {
  return sortedJourneys(data)
    .filter((j) => placedIn(j) !== null || j.reports.length > 0)
    .map((j) => {
      const of = (kind: Report['kind']) =>
        j.reports.filter((r) => r.kind === kind).sort((a, b) => a.at.localeCompare(b.at));
      return {
        municipality: j.municipality,
        network: placedIn(j) ?? j.network?.id ?? null,
        stage: j.stage,
        status1: of('status-1'),
        status2: of('status-2'),
        lessons: of('lessons'),
      };
    });
}

/** Several reports of one kind as one text, each after its sender when there are several. */
export function joinReports(reports: Report[]): string {
  if (reports.length <= 1) return reports[0]?.text.trim() ?? '';
  return reports.map((r) => `${r.from.name ?? r.from.address}:\n${r.text.trim()}`).join('\n\n');
}
