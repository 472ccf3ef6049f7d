// Status reports between gatherings and lessons learned at the end: fixed pools of texts,
// picked by the municipality's index so each one always writes the same.
import type { Client, Lang, MunicipalityPlan, Person } from '../types';
import { boss, org, signature } from './common';

const STATUS: Record<Lang, [string[], string[]]> = {
  nb: [
    [
      'Her er en kort status fra {org}. Etter første samling har vi kartlagt sårbarhet og sikkerhetshull innen innkjøp og byggesaksbehandling, med utgangspunkt i metoden fra samlingen. Vi har gjennomgått rutinene for habilitet og startet arbeidet med en oversikt over bierverv for ledere.\n\nArbeidet er forankret i {boss}s ledergruppe, som får en orientering hver måned. Risikovurderingen fungerte godt som verktøy, men vi trenger mer tid til å involvere enhetslederne.',
      'Kort status fra oss: Vi har valgt innkjøp som case og gått gjennom de ti største anskaffelsene fra i fjor. Kartleggingen viste at habilitetsvurderinger sjelden dokumenteres, og at kontrollen med rammeavtaler bør styrkes. Vi har også holdt en workshop om verdier og holdninger med ledergruppen.\n\nNeste steg er en enkel sjekkliste for innkjøpere.',
      'Status fra {org}: Vi har gjennomført en risikovurdering av tildeling av kommunale tomter og skjenkebevillinger. Sårbarhetsanalysen fra håndboken fungerte godt som ramme for diskusjonen. Varslingsrutinene er revidert og lagt ut på intranettet.\n\nKulturdelen står på planen for høsten.',
    ],
    [
      'Siden andre samling har vi gjennomført dilemmatrening i alle ledergrupper i helse og omsorg, og vi har innført fast rapportering om bierverv. Målene vi satte, er langt på vei nådd.\n\nDet som har fungert best, er korte dilemmadiskusjoner på personalmøter; lange skriftlige rutiner har hatt mindre effekt.',
      'Vi har innført en ny rutine for habilitetsvurdering i byggesak og oppdatert de etiske retningslinjene. Internkontrollen på innkjøp er styrket med stikkprøver hvert kvartal.\n\nAndre kommuner kan ha nytte av malen vår for risikovurdering, som vi gjerne deler.',
    ],
  ],
  nn: [
    [
      'Her er ein kort status frå {org}. Etter første samling har vi kartlagt sårbarheit og sikkerheitshol innan innkjøp og byggesak. Vi har gjennomført ein workshop med leiargruppa, og har starta arbeidet med nye rutinar for habilitet.\n\nVi ser fram til neste samling.',
      'Vi valde innkjøp som case og har gått gjennom dei største anskaffingane frå i fjor. Kartlegginga viste at habilitetsvurderingane sjeldan vert dokumenterte. Vi har difor laga ei enkel sjekkliste for innkjøparar, og leiargruppa har drøfta verdiar og haldningar på eit eige møte.',
    ],
    [
      'Sidan andre samling har vi gjennomført dilemmatrening i alle leiargrupper i oppvekst, og vi har innført fast rapportering om bierverv. Måla vi sette oss, er langt på veg nådde.\n\nKorte dilemmadiskusjonar på personalmøte har fungert best.',
      'Vi har innført ein ny rutine for habilitetsvurdering i byggesak og oppdatert dei etiske retningslinjene. Internkontrollen på innkjøp er styrkt med stikkprøver kvart kvartal.\n\nAndre kommunar kan ha nytte av malen vår for risikovurdering.',
    ],
  ],
};

export function statusText(
  p: MunicipalityPlan,
  n: 1 | 2,
  responder: Person,
  client: Client,
  coordinator: string,
): string {
  const pool = STATUS[p.lang][n - 1];
  const text = pool[p.index % pool.length]
    .replace(/\{org\}/g, org(p))
    .replace(/\{boss\}/g, boss(p.municipality, p.lang));
  return `Hei ${coordinator},\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`;
}

const LESSONS: Record<Lang, string[]> = {
  nb: [
    'Her er læringspunktene fra {org}, samlet for deltakerne:\n\n1. Det som har fungert best, er å knytte risikovurderingen til konkrete prosesser som innkjøp, byggesak og skjenkebevillinger, ikke til korrupsjon i sin alminnelighet. Det vanskeligste har vært å holde trykket oppe i en travel hverdag.\n2. Sårbarhetsanalysen fra «Beskytt kommunen!» og dilemmatrening i ledergruppene har vært de mest nyttige verktøyene. Sjekklisten for habilitet brukes nå i alle enheter.\n3. Et kommunalt antikorrupsjonsprogram bør ha tydelig forankring hos {boss}, en fast årlig risikovurdering, gode varslingsrutiner og opplæring av nye ledere.\n4. Håndboken bør få flere eksempler fra mindre kommuner, en kortversjon for ledere og maler som kan brukes direkte, for eksempel for register over bierverv.\n\nTakk for et lærerikt nettverk!',
    'Kort oppsummert fra oss:\n\n- Fungert godt: felles risikovurdering i ledergruppen og erfaringsutvekslingen med de andre kommunene i nettverket. Vanskelig: å få tid til oppfølging mellom samlingene.\n- Metoder og verktøy: dilemmakort, sjekkliste for habilitet og en enkel mal for risikovurdering av anskaffelser. Dilemmakortene ga de beste diskusjonene.\n- Anbefalinger til et kommunalt antikorrupsjonsprogram: forankring i toppledelsen, tydelig ansvar for oppfølging, årlig rapportering til kontrollutvalget og en varslingskanal også for innbyggere og leverandører.\n- «Beskytt kommunen!»: Vi savner et kapittel om kommunale foretak og selskaper, og flere råd om hvordan små kommuner med få ansatte kan skille roller.',
    'Våre viktigste erfaringer:\n\nDet har fungert godt å starte med én sektor (teknisk) og bruke erfaringene derfra i resten av organisasjonen. Åpenhet om dilemmaer i ledergruppen har betydd mer enn nye skriftlige rutiner.\n\nVerktøy vi anbefaler: risikomatrisen fra første samling, e-læring om habilitet for alle ansatte og stikkprøver i innkjøp.\n\nEt kommunalt program bør inneholde en årlig risikovurdering, etiske retningslinjer som revideres jevnlig, varsling med ekstern mottaker og rapportering til kommunestyret.\n\nI «Beskytt kommunen!» bør avsnittet om varsling utvides, og det bør komme en sjekkliste for eierstyring av kommunale selskaper.',
  ],
  nn: [
    'Våre viktigaste læringspunkt frå nettverket:\n\n- Risikovurdering må forankrast i leiinga for å få gjennomslag. Det har fungert godt å ta utgangspunkt i konkrete prosessar som innkjøp og byggesak.\n- Det var nyttig å dele erfaringar med andre kommunar om innkjøp. Dilemmatrening og sjekklista for habilitet har vore dei beste verktøya.\n- Eit kommunalt antikorrupsjonsprogram bør ha årleg risikovurdering, gode varslingsrutinar og opplæring av nye leiarar.\n- «Beskytt kommunen!» bør få fleire døme frå små kommunar og ein kortversjon for leiarar.\n\nTakk for eit godt opplegg!',
    'Kort oppsummert frå {org}:\n\n1. Det som fungerte best, var felles risikovurdering i leiargruppa. Det vanskelegaste var å finne tid til oppfølging.\n2. Metodar og verktøy: dilemmakort, risikomatrisa og stikkprøver i innkjøp.\n3. Tilrådingar til eit kommunalt program: tydeleg ansvar, årleg rapportering til kontrollutvalet og ein varslingskanal også for leverandørar.\n4. Handboka bør få eit kapittel om kommunale føretak og eigarstyring.',
  ],
};

export function lessonsText(p: MunicipalityPlan, responder: Person, client: Client): string {
  const pool = LESSONS[p.lang];
  const text = pool[p.index % pool.length]
    .replace(/\{org\}/g, org(p))
    .replace(/\{boss\}/g, boss(p.municipality, p.lang));
  return `Hei,\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`;
}
