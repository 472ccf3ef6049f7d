// Surnames that end in «aas» are people, a company ends in the word «AS»; «Tor» is a given
// name (only our own coordinator's full name is never a participant).
import { isPersonName } from '../../../mail/incoming/names';

it.each(['Randi Aas', 'Ellen Midtaas', 'Tor Inge Haugaas', 'Tor Aas', 'Marit Haugaas'])(
  '%s is a person',
  (name) => expect(isPersonName(name)).toBe(true),
);

it.each(['Vestland Bygg AS', 'Hamar Energi ASA', 'Voss Kommune', 'Tor Dølvik', 'Plan Avdelingen'])(
  '%s is not a participant',
  (name) => expect(isPersonName(name)).toBe(false),
);
